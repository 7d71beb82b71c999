"""The Qt painter's half of the segments: rich text for a QTextDocument, and where each segment
landed in it.

A view is a list of Segments (:mod:`variorum.present.segments`) in display order. Rendering
turns them into rich text for a single ``setHtml`` call, because one
bulk import is much faster than thousands of cursor inserts on large texts. The HTML is written
so that document positions equal UTF-16 offsets into the concatenated segment texts: every
"\\n\\n" becomes a block break plus a line break and every other "\\n" a line break (one
position each), and nothing is collapsed (``white-space: pre-wrap``). :class:`FlowIndex` then
maps article offsets and change indexes to document positions by bisection, never by a scan.

No Qt import here (the positions are plain data, tested without a display), but everything here
serves Qt's document model, so it lives with the pane.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

from variorum.present.segments import ChangeRef, SegKind, Segment
from variorum.present.style import Theme, css

DOC_STYLESHEET = "p { white-space: pre-wrap; margin-top: 0px; margin-bottom: 0px }"
"""Set as the document's default style sheet before ``setHtml`` (shorter HTML than repeating
the style on every paragraph, and the position scheme depends on ``pre-wrap``)."""


def utf16_len(text: str) -> int:
    """QTextDocument positions count UTF-16 code units, Python counts code points."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _code_points(text: str, units: int) -> int:
    """How many characters of ``text`` the first ``units`` UTF-16 code units hold."""
    if text.isascii():
        return units
    return len(text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))


def _escape(piece: str) -> str:
    return html.escape(piece, quote=False).replace("\n", "<br />")


def span_styles(theme: Theme) -> dict[SegKind, str]:
    """Inline CSS per segment kind, from the style table."""
    return {kind: css(theme.style(kind)) for kind in SegKind}


def flow_html(segments: list[Segment], styles: dict[SegKind, str]) -> str:
    """Rich text for the segments, one paragraph block per blank-line-separated paragraph."""
    para_open = "<p>"
    out: list[str] = [para_open]
    para_empty = True  # Qt drops an empty paragraph, which would shift every position after it
    for seg in segments:
        style = styles.get(seg.kind, "")
        if seg.link is not None:
            attr = html.escape(seg.link.token(), quote=True)
            opening, closing = f'<a href="{attr}" style="{style}">', "</a>"
        elif style:
            opening, closing = f'<span style="{style}">', "</span>"
        else:
            opening = closing = ""
        pieces = seg.text.split("\n\n")
        out.append(opening)
        out.append(_escape(pieces[0]))
        para_empty = para_empty and not pieces[0]
        for piece in pieces[1:]:
            if para_empty:
                out.append("<br /><br />")
            else:
                # First newline ends the block, the second is a line break opening the next
                # block, so the blank line survives and positions stay equal to offsets.
                out.append(f"{closing}</p>{para_open}{opening}<br />")
            para_empty = False
            out.append(_escape(piece))
        out.append(closing)
    out.append("</p>")
    return "".join(out)


def plain_length(segments: list[Segment]) -> int:
    return sum(utf16_len(seg.text) for seg in segments)


@dataclass(frozen=True)
class Placed:
    doc_start: int
    doc_end: int
    segment: Segment


class FlowIndex:
    """Document positions of placed segments: article offset -> position, change -> ranges."""

    def __init__(self) -> None:
        self._placed: list[Placed] = []
        self._by_side: dict[int, list[Placed]] = {}
        self._side_starts: dict[int, list[int]] = {}
        self._change_ranges: dict[ChangeRef, list[tuple[int, int]]] = {}
        self._doc_starts: list[int] = []
        self._sorted = True
        self._hrefs: dict[str, int] = {}
        self._separators: list[int] = []

    def place(self, segments: list[Segment], base: int) -> int:
        """Record segments rendered one after another from document position ``base``;
        returns the position after the last one."""
        pos = base
        for seg in segments:
            end = pos + utf16_len(seg.text)
            placed = Placed(pos, end, seg)
            if self._placed and pos < self._placed[-1].doc_start:
                self._sorted = False
            self._placed.append(placed)
            if seg.witness is not None:
                self._by_side.setdefault(seg.witness, []).append(placed)
            if seg.link is not None:
                self._hrefs.setdefault(seg.link.token(), pos)
            if seg.change is not None:
                self._change_ranges.setdefault(seg.change, []).append((pos, end))
            elif seg.kind is SegKind.GAP:
                self._separators.extend(range(pos, end))
            pos = end
        self._side_starts.clear()
        return pos

    def _side(self, side: int) -> tuple[list[Placed], list[int]]:
        placed = self._by_side.get(side, [])
        starts = self._side_starts.get(side)
        if starts is None:
            placed.sort(key=lambda p: p.segment.start)
            starts = [p.segment.start for p in placed]
            self._side_starts[side] = starts
        return placed, starts

    def doc_pos(self, side: int, offset: int) -> int | None:
        """Position of offset ``offset`` of witness ``side``, if that text is shown."""
        placed, starts = self._side(side)
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        p = placed[i]
        inside = offset - p.segment.start
        if inside > len(p.segment.text):
            return None
        return p.doc_start + utf16_len(p.segment.text[:inside])

    def nearest_doc_pos(self, side: int, offset: int) -> int | None:
        """Like :meth:`doc_pos`, but an offset in text not shown goes to the next shown text."""
        exact = self.doc_pos(side, offset)
        if exact is not None:
            return exact
        placed, starts = self._side(side)
        i = bisect.bisect_right(starts, offset)
        if i < len(placed):
            return placed[i].doc_start
        return placed[-1].doc_end if placed else None

    def separators(self) -> list[int]:
        """Sorted positions of the separators between touching texts (``SegKind.GAP``)."""
        return sorted(self._separators)

    def href_pos(self, href: str) -> int | None:
        """Position of the first marker whose link token is ``href``."""
        return self._hrefs.get(href)

    def change_ranges(self, change: ChangeRef) -> list[tuple[int, int]]:
        return self._change_ranges.get(change, [])

    def _placed_index(self, doc_pos: int) -> int:
        """Index (in document order) of the last placed segment starting at or before."""
        if not self._sorted:
            self._placed.sort(key=lambda p: p.doc_start)
            self._sorted = True
            self._doc_starts = []
        if not self._doc_starts:
            self._doc_starts = [p.doc_start for p in self._placed]
        return bisect.bisect_right(self._doc_starts, doc_pos) - 1

    def segment_at(self, doc_pos: int) -> Segment | None:
        """The segment shown at a document position, if any."""
        i = self._placed_index(doc_pos)
        if i < 0:
            return None
        placed = self._placed[i]
        return placed.segment if doc_pos < placed.doc_end else None

    def change_at(self, doc_pos: int) -> ChangeRef | None:
        """The change shown at a document position, if any."""
        segment = self.segment_at(doc_pos)
        return segment.change if segment is not None else None

    def source_at(self, doc_pos: int, side: int | None = None) -> tuple[int, int] | None:
        """(witness, offset) of the article text at or after a document position; only text
        of witness ``side`` when given."""
        i = max(self._placed_index(doc_pos), 0)
        for p in self._placed[i:]:
            witness = p.segment.witness
            if witness is not None and (side is None or witness == side):
                units = min(max(doc_pos - p.doc_start, 0), p.doc_end - p.doc_start)
                return witness, p.segment.start + _code_points(p.segment.text, units)
        return None
