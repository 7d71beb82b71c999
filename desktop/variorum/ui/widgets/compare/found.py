"""The article ranges the sidebar asked to highlight (an entity's mentions, a quote), kept per
witness in article offsets so they can be put on every document the pane shows next (the
other view, changes only, the whole side-by-side document after its preview)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from variorum.ui.widgets.compare.docs import Documents
from variorum.ui.widgets.compare.textview import DiffTextView

Range = tuple[int, int]


class FoundRanges(QObject):
    def __init__(self, view: DiffTextView, docs: Documents) -> None:
        super().__init__(view)
        self._view = view
        self._docs = docs
        self._ranges: dict[int, list[Range]] = {}
        self._burst = False

    def add(self, mode: str, witness: int, ranges: list[Range]) -> None:
        """Highlight ``ranges`` of ``witness`` and scroll to the first. Calls made in one turn
        of the event loop add up (the sidebar sends A's mentions of an entity and then B's);
        the next click starts afresh."""
        if not self._burst:
            self._ranges = {}
            self._burst = True
            QTimer.singleShot(0, self._end_burst)
        first_call = not self._ranges
        self._ranges[witness] = list(ranges)
        self.apply(mode, scroll=first_call)

    def _end_burst(self) -> None:
        self._burst = False

    def apply(self, mode: str, *, scroll: bool = False) -> None:
        """Put the ranges on the document now shown (nothing to do when there are none)."""
        doc_ranges = [
            r
            for witness, ranges in self._ranges.items()
            for r in (self._docs.doc_range(mode, witness, s, e) for s, e in ranges)
            if r
        ]
        self._view.set_found_ranges(doc_ranges)
        if scroll and doc_ranges:
            self._view.scroll_to_position(min(r[0] for r in doc_ranges))

    def clear(self) -> None:
        self._ranges = {}
        self._view.set_found_ranges([])
