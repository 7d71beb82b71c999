"""The two-column view: one table row per aligned unit, A on the left and B on the right.

Rows come from the engine's ``Comparison.units`` (B order). A moved unit gets two rows: one
where it now is (B) and one where it was (A), each with a link to its twin. Without units (the
first-version engine) rows fall back to B's paragraphs, with A cut at the corresponding places
through the unchanged text. Rows are split over several small tables: Qt lays out a table in
one go, so one 2,000-row table freezes the window for seconds while small ones are laid out
lazily as the user scrolls.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from variorum.core.changes import Change, ChangeKind, Comparison, UnitStatus
from variorum.ui.widgets.compare.inline_doc import COARSE_NOTE
from variorum.ui.widgets.compare.mapping import EqualRunMap
from variorum.ui.widgets.compare.segments import SegKind, Segment, flow_html

ROWS_PER_TABLE = 12


@dataclass(frozen=True)
class Row:
    status: UnitStatus
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    coarse: bool = False
    role: str = ""
    """"origin" (where a moved unit was), "target" (where it is now) or ""."""
    twin: int | None = None
    """Row index of the other place of a moved unit."""


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in text.split("\n\n"):
        stripped = piece.strip()
        if stripped:
            start = pos + piece.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(piece) + 2
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def rows_from_paragraphs(comparison: Comparison, runs: EqualRunMap) -> list[Row]:
    """One row per paragraph of B; A is cut where B's paragraph boundaries map to."""
    a, b = comparison.a_text, comparison.b_text
    b_paras = _paragraph_spans(b)
    if not b_paras:
        return [Row(UnitStatus.DELETED, _trim(a, 0, len(a)), None)] if a.strip() else []
    cuts = [0]
    for start, _end in b_paras[1:]:
        cuts.append(max(cuts[-1], runs.b_to_a(start)))
    cuts.append(len(a))
    rows: list[Row] = []
    for i, b_span in enumerate(b_paras):
        a_span = _trim(a, cuts[i], cuts[i + 1])
        status = UnitStatus.INSERTED if a_span is None else UnitStatus.MODIFIED
        rows.append(Row(status, a_span, b_span))
    return rows


def rows_from_units(comparison: Comparison) -> list[Row]:
    """Rows in B order, plus an origin row for each moved unit at its place in A's order."""
    base: list[tuple[Row, int]] = []  # (row, pair id or -1)
    origins: list[tuple[int, Row, int]] = []
    pair_id = 0
    for unit in comparison.units:
        a_span = (unit.a_start, unit.a_end) if unit.a_start >= 0 else None
        b_span = (unit.b_start, unit.b_end) if unit.b_start >= 0 else None
        if unit.status == UnitStatus.MOVED and a_span and b_span:
            base.append((Row(unit.status, None, b_span, unit.coarse, "target"), pair_id))
            origins.append(
                (a_span[0], Row(unit.status, a_span, None, unit.coarse, "origin"), pair_id)
            )
            pair_id += 1
        else:
            base.append((Row(unit.status, a_span, b_span, unit.coarse), -1))
    anchors = [(row.a[0], i) for i, (row, _) in enumerate(base) if row.a is not None]
    anchor_starts = [s for s, _ in anchors]
    inserts: dict[int, list[tuple[Row, int]]] = {}
    for a_start, row, pid in sorted(origins, key=lambda o: o[0]):
        k = bisect.bisect_right(anchor_starts, a_start)
        before = anchors[k][1] if k < len(anchors) else len(base)
        inserts.setdefault(before, []).append((row, pid))
    ordered: list[tuple[Row, int]] = []
    for i in range(len(base) + 1):
        ordered.extend(inserts.get(i, []))
        if i < len(base):
            ordered.append(base[i])
    where: dict[int, list[int]] = {}
    for i, (_, pid) in enumerate(ordered):
        if pid >= 0:
            where.setdefault(pid, []).append(i)
    rows: list[Row] = []
    for i, (row, pid) in enumerate(ordered):
        if pid >= 0:
            twin = next((j for j in where[pid] if j != i), None)
            row = Row(row.status, row.a, row.b, row.coarse, row.role, twin)
        rows.append(row)
    return rows


def build_rows(comparison: Comparison, runs: EqualRunMap) -> list[Row]:
    if comparison.units:
        return rows_from_units(comparison)
    return rows_from_paragraphs(comparison, runs)


class _Spans:
    """Changes of one side sorted by position, as (start, end, kind, change index)."""

    def __init__(self, comparison: Comparison, side: str) -> None:
        spans: list[tuple[int, int, SegKind, int]] = []
        for i, c in enumerate(comparison.changes):
            if c.kind == ChangeKind.MOVE:
                spans.extend((s, e, k, i) for s, e, k in move_pieces(c, side))
                continue
            if side == "a" and c.kind in (ChangeKind.DELETE, ChangeKind.REPLACE):
                kind = SegKind.DELETE
            elif side == "b" and c.kind in (ChangeKind.INSERT, ChangeKind.REPLACE):
                kind = SegKind.INSERT
            else:
                continue
            start, end = (c.a_start, c.a_end) if side == "a" else (c.b_start, c.b_end)
            if end > start:
                spans.append((start, end, kind, i))
        spans.sort()
        self.spans = spans
        self.ends = [s[1] for s in spans]

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int, SegKind, int]]:
        out = []
        i = bisect.bisect_right(self.ends, lo)
        while i < len(self.spans) and self.spans[i][0] < hi:
            out.append(self.spans[i])
            i += 1
        return out


def move_pieces(change: Change, side: str) -> list[tuple[int, int, SegKind]]:
    """One side of a moved passage, split by the edits made inside it (``Change.detail``)."""
    if side == "a":
        start, end, edited = change.a_start, change.a_end, (ChangeKind.DELETE, ChangeKind.REPLACE)
    else:
        start, end, edited = change.b_start, change.b_end, (ChangeKind.INSERT, ChangeKind.REPLACE)
    cuts = sorted(
        (d.a_start, d.a_end) if side == "a" else (d.b_start, d.b_end)
        for d in change.detail
        if d.kind in edited
    )
    mark = SegKind.DELETE if side == "a" else SegKind.INSERT
    pieces: list[tuple[int, int, SegKind]] = []
    pos = start
    for cut_start, cut_end in cuts:
        cut_start, cut_end = max(cut_start, pos), min(cut_end, end)
        if cut_end <= cut_start:
            continue
        if cut_start > pos:
            pieces.append((pos, cut_start, SegKind.MOVE))
        pieces.append((cut_start, cut_end, mark))
        pos = cut_end
    if end > pos:
        pieces.append((pos, end, SegKind.MOVE))
    return pieces


def cell_segments(
    text: str, side: str, span: tuple[int, int], spans: _Spans, plain: SegKind
) -> list[Segment]:
    """The text of one cell, with the changes inside it styled."""
    lo, hi = span
    out: list[Segment] = []
    pos = lo
    for start, end, kind, index in spans.overlapping(lo, hi):
        start, end = max(start, pos), min(end, hi)
        if start > pos:
            out.append(Segment(plain, text[pos:start], side, pos))
        if end > start:
            out.append(Segment(kind, text[start:end], side, start, index))
            pos = end
    if hi > pos:
        out.append(Segment(plain, text[pos:hi], side, pos))
    return out


def row_href(row: int) -> str:
    return f"row:{row}"


@dataclass
class SideLayout:
    """Rows and the segments of each cell (left, right), ready to render."""

    rows: list[Row]
    cells: list[tuple[list[Segment], list[Segment]]]


def side_layout(comparison: Comparison, runs: EqualRunMap) -> SideLayout:
    rows = build_rows(comparison, runs)
    a_spans, b_spans = _Spans(comparison, "a"), _Spans(comparison, "b")
    cells: list[tuple[list[Segment], list[Segment]]] = []
    for i, row in enumerate(rows):
        plain = SegKind.MOVE if row.role else SegKind.EQUAL
        left = cell_segments(comparison.a_text, "a", row.a, a_spans, plain) if row.a else []
        right = cell_segments(comparison.b_text, "b", row.b, b_spans, plain) if row.b else []
        if row.twin is not None:
            arrow = "↑" if row.twin < i else "↓"
            if row.role == "target":
                text = f"[moved here from {arrow}]"
                left = [Segment(SegKind.MARKER, text, href=row_href(row.twin))]
            elif row.role == "origin":
                text = f"[moved from here {arrow}]"
                right = [Segment(SegKind.MARKER, text, href=row_href(row.twin))]
        if row.coarse:
            note = Segment(SegKind.NOTE, COARSE_NOTE)
            right = [note, *right] if right else right
        cells.append((left, right))
    return SideLayout(rows, cells)


def side_html(
    layout: SideLayout,
    styles: dict[SegKind, str],
    border: str,
    start: int = 0,
    stop: int | None = None,
) -> str:
    """Rows ``start:stop`` split into tables of ROWS_PER_TABLE rows (see the module docstring).
    ``start`` must be a multiple of ROWS_PER_TABLE so row r is always in table r // it."""
    table_open = (
        f'<table width="100%" cellspacing="0" cellpadding="4" border="1" '
        f'style="border-color:{border}; border-style:solid; border-collapse:collapse">'
    )
    cells = layout.cells[start:stop]
    out: list[str] = []
    for i, (left, right) in enumerate(cells):
        if i % ROWS_PER_TABLE == 0:
            if i:
                out.append("</table>")
            out.append(table_open)
        out.append('<tr><td width="50%" valign="top">')
        out.append(flow_html(left, styles))
        out.append('</td><td width="50%" valign="top">')
        out.append(flow_html(right, styles))
        out.append("</td></tr>")
    if cells:
        out.append("</table>")
    return "".join(out)
