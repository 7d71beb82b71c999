"""A comparison's two views as the window shows them: the inline segments or the side-by-side
layout, with the reader's display choices applied (unchanged paragraphs folded, the
boilerplate set aside from each article shown first). Painters call these rather than
composing the pieces themselves, so every painter that offers a choice applies it alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from variorum.core.changes import Comparison, UnitStatus
from variorum.present.fold import fold_inline, fold_rows
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.reader import boilerplate_segments
from variorum.present.segments import BASE, Segment
from variorum.present.side import Row, SideLayout, side_layout, with_first_row


@dataclass(frozen=True)
class Display:
    changes_only: bool = False
    """Fold runs of unchanged paragraphs (:mod:`.fold`)."""
    expanded: frozenset[int] = field(default_factory=frozenset)
    """Ids of the folds the reader opened."""
    boilerplate: tuple[Sequence[str], Sequence[str]] | None = None
    """The lines set aside from A and from B, to show first; None: not shown."""


def inline_view(
    comparison: Comparison, runs: EqualRunMap, display: Display, version: int = 1
) -> list[Segment]:
    segments = inline_segments(comparison, runs, version)
    if display.changes_only:
        segments = fold_inline(segments, display.expanded, version)
    if display.boilerplate is not None:
        a_lines, b_lines = display.boilerplate
        first = boilerplate_segments(a_lines, "A", say_none=True)
        first += boilerplate_segments(b_lines, "B", say_none=True)
        segments = first + segments
    return segments


def side_view(comparison: Comparison, display: Display, version: int = 1) -> SideLayout:
    layout = side_layout(comparison, version)
    if display.changes_only:
        texts = [comparison.a_text] + [comparison.b_text] * version
        layout = fold_rows(layout, texts, display.expanded, version)
    if display.boilerplate is not None:
        a_lines, b_lines = display.boilerplate
        width = version + 1
        row = Row(UnitStatus.IDENTICAL, (None,) * width, role="boilerplate")
        columns: list[list[Segment]] = [[] for _ in range(width)]
        columns[BASE] = boilerplate_segments(a_lines, "A", say_none=True)
        columns[version] = boilerplate_segments(b_lines, "B", say_none=True)
        layout = with_first_row(layout, row, tuple(columns))
    return layout
