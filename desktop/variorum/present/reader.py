"""Single-article reading mode: the text with headings bold, optionally the boilerplate the
loader set aside (struck out and greyed, so the reader can check nothing real was dropped).
The article is witness 0: there is nothing to compare it with."""

from __future__ import annotations

from collections.abc import Sequence

from variorum.core.article import Article
from variorum.present.segments import BASE, SegKind, Segment


def boilerplate_segments(
    lines: Sequence[str], whose: str = "", *, say_none: bool = False
) -> list[Segment]:
    """The boilerplate set aside from an article, one line each, after a note saying how much
    (``whose``: "A" or "B" when two articles are shown). With ``say_none``, an article with
    none gets a note saying so, so switching the option on never looks like it did nothing."""
    source = f" from {whose}" if whose else ""
    if not lines:
        if not say_none:
            return []
        return [Segment(SegKind.NOTE, f"No boilerplate was set aside{source}.\n\n")]
    count = len(lines)
    noun = "line" if count == 1 else "lines"
    out = [Segment(SegKind.NOTE, f"Boilerplate set aside{source} ({count} {noun}):\n")]
    for line in lines:
        out.append(Segment(SegKind.BOILERPLATE, line.replace("\n", " ")))
        out.append(Segment(SegKind.NOTE, "\n"))
    out.append(Segment(SegKind.NOTE, "\n"))
    return out


def reader_segments(article: Article, *, show_boilerplate: bool = False) -> list[Segment]:
    out: list[Segment] = []
    if show_boilerplate:
        out.extend(boilerplate_segments(article.boilerplate))
    text = article.text
    pos = 0
    for para in article.paragraphs:
        if para.start > pos:
            out.append(Segment(SegKind.EQUAL, text[pos : para.start], BASE, pos))
        kind = SegKind.HEADING if para.kind == "heading" else SegKind.EQUAL
        out.append(Segment(kind, text[para.start : para.end], BASE, para.start))
        pos = para.end
    if pos < len(text):
        out.append(Segment(SegKind.EQUAL, text[pos:], BASE, pos))
    return out
