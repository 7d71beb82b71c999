"""Plain text and Markdown: decode, normalise line endings, split paragraphs, drop artefacts."""

from __future__ import annotations

import re
from functools import cache

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.decode import decode_bytes

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")

# The patterns below are compiled on first use (~0.3 ms each at every start): many texts
# need none of them (no "[", no Markdown, no hard-wrapped block).


@cache
def _artefact_re() -> re.Pattern[str]:
    """Word-processor residue that survives copy/paste: "[bookmark: _GoBack]", "[comment: ...]"."""
    return re.compile(r"\[(?:bookmark|comment|footnote ref|annotation):[^\]\n]{0,200}\]", re.I)


@cache
def _md_heading_re() -> re.Pattern[str]:
    """An ATX heading's opening; its optional closing run of "#" is removed by
    :func:`_heading_text` with string methods (a lazy group followed by optional spaces and
    "#" up to the end of the line backtracks quadratically on a long line of "#")."""
    return re.compile(r"\s{0,3}#{1,6}(?:[ \t]+|$)")


def _heading_text(block: str) -> str | None:
    """The text of a Markdown ATX heading ("## Title ##" -> "Title"), None for other blocks."""
    match = _md_heading_re().match(block)
    if match is None:
        return None
    content = block[match.end() :].strip()
    if "\n" in content:
        return None
    closed = content.rstrip("#")
    if not closed or closed[-1] in " \t":  # a closing sequence needs a space before it
        content = closed.strip()
    return content


@cache
def _list_marker_re() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:[-*•–]\s|\d{1,3}[.)]\s)")


def load_text(data: bytes, *, markdown: bool = False) -> ArticleDraft:
    decoded = decode_bytes(data)
    text = clean_text(decoded.text)
    draft = ArticleDraft(format="markdown" if markdown else "text")
    draft.warnings.extend(decoded.warnings)
    for block in split_paragraphs(text):
        heading = _heading_text(block) if markdown else None
        if heading is not None:
            draft.headings.add(len(draft.paragraphs))
            draft.paragraphs.append(heading)
        else:
            draft.paragraphs.append(block)
    return finish_draft(draft)


def clean_text(text: str) -> str:
    """Line endings to \\n, word-processor artefacts and invisible control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    if "[" in text:  # what every artefact begins with
        text = _artefact_re().sub("", text)
    return _CONTROL_RE.sub("", text)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate blocks; inside a block, each line is a paragraph unless the block is
    hard-wrapped prose (lines of similar, long length), whose lines are joined."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(_join_wrapped(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(_list_marker_re().match(line) for line in lines[1:]):
        return False
    longest = max(len(line) for line in body)
    if longest < 40 or longest > 200:
        return False
    return all(len(line) >= 0.6 * longest for line in body)


def _join_wrapped(lines: list[str]) -> str:
    """The lines as one paragraph, end-of-line hyphenation joined. Built as a list of pieces
    (with the last two characters so far kept aside): growing one string line by line copies
    it each time, and 100,000 lines took minutes."""
    pieces = [lines[0]]
    tail = lines[0][-2:]
    for line in lines[1:]:
        if tail.endswith("-") and len(tail) > 1 and tail[-2].isalpha() and line[:1].islower():
            pieces[-1] = pieces[-1][:-1]  # end-of-line hyphenation
            pieces.append(line)
            tail = (tail[:-1] + line)[-2:]
        else:
            pieces.append(" " + line)
            tail = (tail + " " + line)[-2:]
    return "".join(pieces)
