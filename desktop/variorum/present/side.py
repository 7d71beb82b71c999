"""The side-by-side view: one row per aligned unit, a column per witness (the base, then the
version), each cell the text of that unit with the changes inside it styled.

Rows come from the engine's ``Comparison.units`` (B order). A moved unit gets two rows: one
where it now is (B) and one where it was (A), each with a link to its twin. A row keeps one
span per column, so the same rows and cells serve n versions: column k shows witness k.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from variorum.core.changes import Change, ChangeKind, Comparison, UnitStatus
from variorum.present.inline import COARSE_NOTE
from variorum.present.segments import BASE, ChangeRef, Link, LinkKind, SegKind, Segment

Span = tuple[int, int]


@dataclass(frozen=True)
class Row:
    status: UnitStatus
    spans: tuple[Span | None, ...]
    """Per column (witness 0, 1, ...): the unit's text in that witness, None if absent."""
    coarse: bool = False
    role: str = ""
    """"origin" (where a moved unit was), "target" (where it is now), "fold" (unchanged rows
    folded to one line, :mod:`.fold`), "boilerplate" (what the loader set aside) or ""."""
    twin: int | None = None
    """Row index of the other place of a moved unit."""

    def span(self, witness: int) -> Span | None:
        return self.spans[witness] if witness < len(self.spans) else None


def build_rows(comparison: Comparison, version: int = 1) -> list[Row]:
    """Rows in B order, plus an origin row for each moved unit at its place in A's order."""
    width = version + 1

    def spans(a: Span | None, b: Span | None) -> tuple[Span | None, ...]:
        out: list[Span | None] = [None] * width
        out[BASE], out[version] = a, b
        return tuple(out)

    base: list[tuple[Row, Span | None, int]] = []  # (row, A span, pair id or -1)
    origins: list[tuple[int, Row, int]] = []
    pair_id = 0
    for unit in comparison.units:
        a_span = (unit.a_start, unit.a_end) if unit.a_start >= 0 else None
        b_span = (unit.b_start, unit.b_end) if unit.b_start >= 0 else None
        if unit.status == UnitStatus.MOVED and a_span and b_span:
            base.append((Row(unit.status, spans(None, b_span), unit.coarse, "target"), None,
                         pair_id))  # fmt: skip
            origin = Row(unit.status, spans(a_span, None), unit.coarse, "origin")
            origins.append((a_span[0], origin, pair_id))
            pair_id += 1
        else:
            base.append((Row(unit.status, spans(a_span, b_span), unit.coarse), a_span, -1))
    anchors = [(a[0], i) for i, (_, a, _) in enumerate(base) if a is not None]
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
            ordered.append((base[i][0], base[i][2]))
    where: dict[int, list[int]] = {}
    for i, (_, pid) in enumerate(ordered):
        if pid >= 0:
            where.setdefault(pid, []).append(i)
    rows: list[Row] = []
    for i, (row, pid) in enumerate(ordered):
        if pid >= 0:
            twin = next((j for j in where[pid] if j != i), None)
            row = Row(row.status, row.spans, row.coarse, row.role, twin)
        rows.append(row)
    return rows


Piece = tuple[int, int, SegKind, int]
"""(start, end, kind, change index) of a styled stretch of one witness's text."""


class _Spans:
    """One side's changes sorted by position (A: deletions, B: insertions; moves on both)."""

    def __init__(self, comparison: Comparison, base_side: bool) -> None:
        spans: list[Piece] = []
        for i, c in enumerate(comparison.changes):
            if c.kind == ChangeKind.MOVE:
                spans.extend((s, e, k, i) for s, e, k in move_pieces(c, base_side))
                continue
            if base_side and c.kind in (ChangeKind.DELETE, ChangeKind.REPLACE):
                kind = SegKind.DELETE
            elif not base_side and c.kind in (ChangeKind.INSERT, ChangeKind.REPLACE):
                kind = SegKind.INSERT
            else:
                continue
            start, end = (c.a_start, c.a_end) if base_side else (c.b_start, c.b_end)
            if end > start:
                spans.append((start, end, kind, i))
        spans.sort()
        self.spans = spans
        self.ends = [s[1] for s in spans]

    def overlapping(self, lo: int, hi: int) -> list[Piece]:
        out = []
        i = bisect.bisect_right(self.ends, lo)
        while i < len(self.spans) and self.spans[i][0] < hi:
            out.append(self.spans[i])
            i += 1
        return out


def move_pieces(change: Change, base_side: bool) -> list[tuple[int, int, SegKind]]:
    """One side of a moved passage, split by the edits made inside it (``Change.detail``)."""
    if base_side:
        start, end, edited = change.a_start, change.a_end, (ChangeKind.DELETE, ChangeKind.REPLACE)
    else:
        start, end, edited = change.b_start, change.b_end, (ChangeKind.INSERT, ChangeKind.REPLACE)
    cuts = sorted(
        (d.a_start, d.a_end) if base_side else (d.b_start, d.b_end)
        for d in change.detail
        if d.kind in edited
    )
    mark = SegKind.DELETE if base_side else SegKind.INSERT
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


def _cell(
    text: str, witness: int, span: Span, spans: _Spans, plain: SegKind, version: int
) -> list[Segment]:
    """The text of one cell, with the changes inside it styled."""
    lo, hi = span
    out: list[Segment] = []
    pos = lo
    for start, end, kind, index in spans.overlapping(lo, hi):
        start, end = max(start, pos), min(end, hi)
        if start > pos:
            out.append(Segment(plain, text[pos:start], witness, pos))
        if end > start:
            out.append(Segment(kind, text[start:end], witness, start, ChangeRef(version, index)))
            pos = end
    if hi > pos:
        out.append(Segment(plain, text[pos:hi], witness, pos))
    return out


@dataclass
class SideLayout:
    """Rows and the segments of each cell, one list per column, ready to paint."""

    rows: list[Row]
    cells: list[tuple[list[Segment], ...]]


def side_layout(comparison: Comparison, version: int = 1) -> SideLayout:
    rows = build_rows(comparison, version)
    a_spans, b_spans = _Spans(comparison, True), _Spans(comparison, False)
    a_text, b_text = comparison.a_text, comparison.b_text
    cells: list[tuple[list[Segment], ...]] = []
    for i, row in enumerate(rows):
        plain = SegKind.MOVE if row.role else SegKind.EQUAL
        a_span, b_span = row.span(BASE), row.span(version)
        left = _cell(a_text, BASE, a_span, a_spans, plain, version) if a_span else []
        right = _cell(b_text, version, b_span, b_spans, plain, version) if b_span else []
        if row.twin is not None:
            arrow = "↑" if row.twin < i else "↓"
            link = Link(LinkKind.ROW, row.twin, version)
            if row.role == "target":
                left = [Segment(SegKind.MARKER, f"[moved here from {arrow}]", link=link)]
            elif row.role == "origin":
                right = [Segment(SegKind.MARKER, f"[moved from here {arrow}]", link=link)]
        if row.coarse and right:
            right = [Segment(SegKind.NOTE, COARSE_NOTE), *right]
        columns: list[list[Segment]] = [[] for _ in row.spans]
        columns[BASE], columns[version] = left, right
        cells.append(tuple(columns))
    return SideLayout(rows, cells)


def with_first_row(layout: SideLayout, row: Row, cells: tuple[list[Segment], ...]) -> SideLayout:
    """``layout`` with ``row`` put first (e.g. the boilerplate set aside from each article);
    the other rows' twin links follow them down one place."""
    rows = [row] + [
        Row(r.status, r.spans, r.coarse, r.role, None if r.twin is None else r.twin + 1)
        for r in layout.rows
    ]
    return SideLayout(rows, [cells, *layout.cells])
