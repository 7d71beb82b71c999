"""Text that no later stage can be trusted with, cleaned at the edge (every loader's draft, and
every path that becomes data), each repair named in a warning.

* Lone surrogates (an RTF ``\\u-10240?``, a PDF font map pointing at U+D800, a UTF-16 pair
  split by a bad escape) cannot be encoded as UTF-8: the library, the hash, Qt and the JSON
  output all fail on them. A pair written as two code units is joined into its character;
  a lone one becomes U+FFFD.
* Long runs of combining marks ("Zalgo" text, or a crafted file of nothing else): Unicode
  normalisation reorders each run by insertion sort, so one 800 kB run costs minutes of one
  C call. Real text never needs more than 30 in a row (the Stream-Safe Text Format of UAX
  #15 sets exactly that bound), so longer runs are cut to 30.
* Mojibake: UTF-8 text that went through a cp1252/Latin-1 decoder somewhere before it reached
  us ("â€œwill workâ€\u009d", "CafÃ©") is repaired with ftfy (its encoding fixes only:
  curly quotes, ligatures, widths and normalisation are left alone).
* File names that are not valid in the file system's encoding (Latin-1 bytes on a UTF-8
  system) reach Python as surrogate escapes: :func:`display_path` makes the text shown and
  stored from them, while the real name is still used to open the file.
"""

from __future__ import annotations

import re

from variorum.core.article import ArticleDraft

MAX_COMBINING_RUN = 30
"""UAX #15's stream-safe bound on consecutive non-starters."""

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# A run of more than 30 characters that are neither word characters nor white space: the only
# place a long run of combining marks can be (they are not \w); checked mark by mark below.
_LONG_NON_WORD_RE = re.compile(rf"[^\w\s]{{{MAX_COMBINING_RUN + 1},}}")


def fix_surrogates(text: str) -> tuple[str, int]:
    """``text`` with surrogate pairs joined and lone surrogates replaced; and how many were
    replaced."""
    if not _SURROGATE_RE.search(text):
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, len(_SURROGATE_RE.findall(text)) - 2 * _pairs(text)


def _pairs(text: str) -> int:
    return len(re.findall("[\ud800-\udbff][\udc00-\udfff]", text))


def cap_combining_runs(text: str) -> tuple[str, int]:
    """``text`` with every run of combining marks cut to :data:`MAX_COMBINING_RUN`; and how
    many marks were dropped. Linear: a C regex finds candidate runs, only those are looked at
    character by character."""
    if text.isascii() or not _LONG_NON_WORD_RE.search(text):
        return text, 0
    import unicodedata

    dropped = 0

    def cap(match: re.Match[str]) -> str:
        nonlocal dropped
        out: list[str] = []
        run = 0
        for char in match.group(0):
            if unicodedata.combining(char):
                run += 1
                if run > MAX_COMBINING_RUN:
                    dropped += 1
                    continue
            else:
                run = 0
            out.append(char)
        return "".join(out)

    return _LONG_NON_WORD_RE.sub(cap, text), dropped


# What UTF-8 read as cp1252 or Latin-1 always shows: a lead byte (0xC2-0xEF, "Â".."ï")
# followed by a continuation byte (0x80-0xBF) as either code page prints it. Text without it
# is never handed to ftfy (~0.4 s per MB).
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


def fix_mojibake(text: str) -> tuple[str, bool]:
    """``text`` with mojibake repaired by ftfy (encoding fixes only); and whether it changed."""
    if not _MOJIBAKE_HINT_RE.search(text):
        return text, False
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config)
    return fixed, fixed != text


def clean_text_field(text: str) -> tuple[str, int, int, bool]:
    """Every repair on one string: (text, surrogates replaced, combining marks dropped,
    mojibake repaired)."""
    text, bad = fix_surrogates(text)
    text, marks = cap_combining_runs(text)
    text, mojibake = fix_mojibake(text)
    return text, bad, marks, mojibake


def sanitize_draft(draft: ArticleDraft) -> ArticleDraft:
    """Clean every text field of ``draft`` in place and add one warning per kind of repair."""
    bad = marks = repaired = 0

    def clean(value: str) -> str:
        nonlocal bad, marks, repaired
        value, b, m, fixed = clean_text_field(value)
        bad += b
        marks += m
        repaired += fixed
        return value

    draft.paragraphs = [clean(p) for p in draft.paragraphs]
    draft.boilerplate = [clean(p) for p in draft.boilerplate]
    for name in ("title", "site", "byline", "published", "language"):
        value = getattr(draft, name)
        if isinstance(value, str):
            setattr(draft, name, clean(value))
    draft.warnings = [clean(w) for w in draft.warnings]
    if bad:
        draft.warnings.append(f"{bad} invalid character(s) (lone surrogates) replaced")
    if marks:
        draft.warnings.append(
            f"{marks} combining mark(s) dropped (runs longer than {MAX_COMBINING_RUN})"
        )
    if repaired:
        draft.warnings.append(
            f"mojibake repaired in {repaired} passage(s) (UTF-8 text that had been read with "
            "another encoding, such as “CafÃ©” for “Café”)"
        )
    return draft


def display_path(path: str) -> str:
    """The path as text that can be shown and stored: bytes a file name holds that are not
    valid in the file system's encoding become U+FFFD (the name itself is left alone)."""
    if not _SURROGATE_RE.search(path):
        return path
    import os

    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace")
