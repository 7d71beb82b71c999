"""Finding quoted passages in text copied from anywhere.

News text mixes quote styles: straight and curly double quotes, « » guillemets, „ low marks,
TeX-style ``...'' pairs and ‘single’ quotes; copy-paste leaves them unbalanced or facing the
wrong way (“...“). We therefore decide what a mark does from its surroundings (a mark after a
space and before a word opens; one after a word and before a space or punctuation closes),
using the glyph only to break ties, and we close any quote left open at the end of a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from variorum.core.extract.layout import BODY, Layout
from variorum.core.extract.vocab import YEAR_LEAD_WORDS

_DOUBLE_RE = re.compile(r"``|''|[\"“”„‟«»]")
_OPENING_GLYPHS = frozenset({"“", "„", "‟", "«", "``"})
_CLOSING_GLYPHS = frozenset({"”", "»", "''"})
_OPEN_BEFORE = set(" \t\n\u00a0([{—–-/:;,")
_CLOSE_AFTER = set(" \t\n\u00a0)]}.,;:!?—–-…")
_END_PUNCT = frozenset(".,;:!?)]}")
_WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
_TRAILING = " \t\u00a0,;:"


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted text (``start``/``end``, without the marks) and the span including the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    text: str

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    can_open: bool
    can_close: bool


def _classify(text: str, start: int, end: int, lo: int, hi: int) -> _Mark:
    glyph = text[start:end]
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    opens = before in _OPEN_BEFORE or before in '"“”«»„'
    closes = after in _CLOSE_AFTER or after in '"“”«»'
    if glyph == "”" and before in ",.!?" and after.isalpha():
        closes = True  # '...paranoia,”Clinton said': the space after it was lost
    # A mark before sentence punctuation ends something: "« a warning shot »." with French
    # spacing has a space on the left, so only the right side tells it from an opener. An
    # ellipsis ("...we will win") may still follow an opener.
    ends = after in _END_PUNCT and text[end : end + 2] != ".."
    can_open = opens and not after.isspace() and not ends
    can_close = not before.isspace() and closes
    if can_open and can_close:  # e.g. between two punctuation marks: trust the glyph
        can_open = glyph not in _CLOSING_GLYPHS
        can_close = glyph not in _OPENING_GLYPHS
    return _Mark(start, end, can_open, can_close)


def _span(text: str, open_end: int, close_start: int, close_end: int) -> QuoteSpan | None:
    start, end = open_end, close_start
    while start < end and text[start] in " \t\n\u00a0":
        start += 1
    while end > start and text[end - 1] in _TRAILING + "\n":
        end -= 1
    if end <= start:
        return None
    return QuoteSpan(start, end, open_end - 1 if open_end > 0 else 0, close_end, text[start:end])


def _mark_span(text: str, m: re.Match[str], lo: int) -> tuple[int, int]:
    """Three apostrophes after a word ("...he's one of us,''' X said") end a single quote
    and then a double one, so the double mark is the last two of them."""
    s, e = m.span()
    if m.group() == "''" and text[e : e + 1] == "'" and s > lo and not text[s - 1].isspace():
        return s + 1, e + 1
    return s, e


def _scan_block(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    marks = [
        _classify(text, *_mark_span(text, m, lo), lo, hi) for m in _DOUBLE_RE.finditer(text, lo, hi)
    ]
    found: list[QuoteSpan] = []
    opened: _Mark | None = None
    for mark in marks:
        if opened is None:
            if mark.can_open or not mark.can_close:
                opened = mark
            continue
        if mark.can_open and not mark.can_close:
            # A clear opener while a quote is open: the closing mark was lost. End the open
            # quote here and start a new one.
            span = _span(text, opened.end, mark.start, mark.start)
            opened = mark
        else:
            span = _span(text, opened.end, mark.start, mark.end)
            opened = None
        if span:
            found.append(_fix_outer(span, text))
    if opened is not None:
        span = _span(text, opened.end, hi, hi)
        if span:
            found.append(_fix_outer(span, text))
    found.extend(_single_quotes(text, lo, hi, found))
    found.sort(key=lambda q: q.start)
    return found


def _fix_outer(span: QuoteSpan, text: str) -> QuoteSpan:
    """The outer span starts at the opening mark (two characters for `` and for the ''
    that opens a quote in text that uses two apostrophes for both marks)."""
    outer_start = span.outer_start
    if outer_start > 0 and text[outer_start - 1 : outer_start + 1] in ("``", "''"):
        outer_start -= 1
    return QuoteSpan(span.start, span.end, outer_start, span.outer_end, span.text)


_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))[‘'](?=\w)")
_SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?])[’'](?=[\s.,;:!?)\]—–]|$)")
_SINGLE_MIN_WORDS = 2
_YEAR_RE = re.compile(r"\d\d(?:s\b|(?!\w))")


def _year_apostrophe(text: str, opener: re.Match[str]) -> bool:
    """ "in ‘08", "the ’90s": the mark stands for a century, it opens no quote."""
    if not _YEAR_RE.match(text, opener.end()):
        return False
    if text[opener.end() + 2 : opener.end() + 3] == "s":
        return True
    before = text[max(0, opener.start() - 12) : opener.start()].split()
    return bool(before) and before[-1].lower() in YEAR_LEAD_WORDS


def _single_quotes(text: str, lo: int, hi: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘Single’ or 'single' quotes (British style). The closing mark doubles as an
    apostrophe, so a quote needs a clear opener (after a space, before a word, not a year's
    apostrophe), its closer must match the opener's glyph, it must hold two words or more and
    must not overlap a double-quoted passage."""
    found: list[QuoteSpan] = []
    pos = lo
    while True:
        opener = _SINGLE_OPEN_RE.search(text, pos, hi)
        if not opener:
            break
        if _year_apostrophe(text, opener):
            pos = opener.end()
            continue
        want = "'" if opener.group() == "'" else "’"
        closer = _SINGLE_CLOSE_RE.search(text, opener.end(), hi)
        while closer and closer.group() != want:
            closer = _SINGLE_CLOSE_RE.search(text, closer.end(), hi)
        if not closer:
            pos = opener.end()
            continue
        span = _span(text, opener.end(), closer.start(), closer.end())
        pos = closer.end()
        if (
            span
            and span.words >= _SINGLE_MIN_WORDS
            and not any(
                d.outer_start < span.outer_end and span.outer_start < d.outer_end for d in doubles
            )  # inside a double-quoted passage, or across one: not a quote of its own
        ):
            found.append(span)
    return found


def find_quotes(layout: Layout) -> list[QuoteSpan]:
    """Quoted passages in body blocks, in text order."""
    text = layout.nlp_text
    spans: list[QuoteSpan] = []
    for block in layout.blocks:
        if block.kind == BODY:
            spans.extend(_scan_block(text, block.start, block.end))
    # Report the original characters (a soft line break stays a line break).
    return [
        QuoteSpan(q.start, q.end, q.outer_start, q.outer_end, layout.text[q.start : q.end])
        for q in spans
    ]
