"""Single-article reading mode: the text with headings bold, optionally the boilerplate the
loader set aside (struck out and greyed, so the reader can check nothing real was dropped).
The article is witness 0: there is nothing to compare it with."""

from __future__ import annotations

from variorum.core.article import Article
from variorum.present.segments import BASE, SegKind, Segment


def reader_segments(article: Article, *, show_boilerplate: bool = False) -> list[Segment]:
    out: list[Segment] = []
    if show_boilerplate and article.boilerplate:
        count = len(article.boilerplate)
        noun = "line" if count == 1 else "lines"
        out.append(Segment(SegKind.NOTE, f"Boilerplate set aside ({count} {noun}):\n"))
        for line in article.boilerplate:
            out.append(Segment(SegKind.BOILERPLATE, line.replace("\n", " ")))
            out.append(Segment(SegKind.NOTE, "\n"))
        out.append(Segment(SegKind.NOTE, "\n"))
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
