"""Where a change or an article offset is in a built document, and the overview marks.

Plain lookups over a BuiltDoc's FlowIndex (bisections); the pane first makes sure a long
side-by-side document is complete where it looks.
"""

from __future__ import annotations

from collections.abc import Callable

from variorum.core.changes import ChangeKind, Comparison
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import BASE, ChangeRef, SegKind
from variorum.present.style import Theme
from variorum.ui.widgets.compare.builder import BuiltDoc
from variorum.ui.widgets.compare.overview import Mark

Range = tuple[int, int]
VERSION = 1
"""The pane shows a pair: the compared text is witness 1."""


def change_ranges(built: BuiltDoc, comparison: Comparison, index: int) -> list[Range]:
    """Document ranges showing change ``index`` (both columns in the side-by-side view)."""
    ranges = built.index.change_ranges(ChangeRef(VERSION, index))
    if ranges:
        return ranges
    pos = built.index.nearest_doc_pos(VERSION, comparison.changes[index].b_start)
    return [(pos, pos + 1)] if pos is not None else []


def inline_a_pos(
    built: BuiltDoc, comparison: Comparison, runs: EqualRunMap, offset: int
) -> int | None:
    """An A offset in the one-column view: A's own text if shown there (a deletion), the moved
    text for a moved passage, else B's copy of the unchanged text."""
    exact = built.index.doc_pos(BASE, offset)
    if exact is not None:
        return exact
    for change in comparison.changes:
        if change.kind == ChangeKind.MOVE and change.a_start <= offset < change.a_end:
            return built.index.nearest_doc_pos(VERSION, change.b_start + offset - change.a_start)
    return built.index.nearest_doc_pos(VERSION, runs.a_to_b(offset))


def change_marks(built: BuiltDoc, comparison: Comparison, colors: Theme) -> list[Mark]:
    """Overview marks, from document positions (or B's offsets while a document is still being
    built, which gives the same picture)."""
    by_kind = {
        ChangeKind.INSERT: colors.style(SegKind.INSERT).color,
        ChangeKind.DELETE: colors.style(SegKind.DELETE).color,
        ChangeKind.REPLACE: colors.style(SegKind.DELETE).color,
        ChangeKind.MOVE: colors.style(SegKind.MOVE).color,
    }
    marks: list[Mark] = []
    if built.pending is not None:
        length = max(len(comparison.b_text), 1)
        for change in comparison.changes:
            marks.append((change.b_start / length, change.b_end / length, by_kind[change.kind]))
        return marks
    total = max(built.document.characterCount(), 1)
    for i, change in enumerate(comparison.changes):
        ranges = change_ranges(built, comparison, i)
        start, end = (ranges[0][0], ranges[-1][1]) if ranges else (0, 0)
        if change.kind is ChangeKind.MOVE:
            # where the moved text is now (B), not a band from there to where it was
            start, end = _b_extent(built, change.b_start, change.b_end) or (start, end)
        marks.append((start / total, end / total, by_kind[change.kind]))
    return marks


def _b_extent(built: BuiltDoc, b_start: int, b_end: int) -> Range | None:
    first = built.index.nearest_doc_pos(VERSION, b_start)
    last = built.index.nearest_doc_pos(VERSION, max(b_end - 1, b_start))
    return None if first is None or last is None else (first, max(last + 1, first + 1))


def step_target(
    comparison: Comparison, current: int | None, direction: int, top_b: Callable[[], int | None]
) -> int | None:
    """The change F7 (+1) or Shift+F7 (-1) goes to: the neighbour of the current one, or, with
    none current, the first one from the text at the top of the view (``navigate``)."""
    if current is not None:
        target: int | None = current + direction
    else:
        nav = comparison.navigate("b", top_b() or 0)
        if direction > 0:
            target = nav.current if nav.current is not None else nav.next
        else:
            target = nav.previous
    if target is None or not 0 <= target < len(comparison.changes):
        return None
    return target
