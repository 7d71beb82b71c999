"""The reading position: which article text is at the top of the view, and putting it back at
the top after the layout changed (the other view, changes only, zoom, a recomputed or swapped
pair), so the reader never loses their place."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from variorum.ui.widgets.compare.docs import Documents, Source
from variorum.ui.widgets.compare.locate import VERSION
from variorum.ui.widgets.compare.textview import DiffTextView
from variorum.ui.widgets.compare.toolbar import SIDE_BY_SIDE


class ReadingPlace:
    def __init__(self, view: DiffTextView, docs: Documents) -> None:
        self._view = view
        self._docs = docs
        self._anchor: tuple[Source, QTextDocument] | None = None
        """The text last put at the top (pinned there by the view) and the document shown."""

    def top(self, mode: str) -> Source | None:
        """The article text at the top of the view; None at the very top. Side by side, B's
        column is read first (the inline view shows B's text too); where it is empty at the
        top, A's. Until the reader scrolls, it is the text last put at the top, so toggling
        back and forth never drifts."""
        view = self._view
        if view.verticalScrollBar().value() == 0 and not view.pinned():
            return None
        anchor = self._anchor
        if anchor is not None and anchor[1] is view.document() and view.pinned():
            return anchor[0]
        if mode == SIDE_BY_SIDE:
            right = self._docs.source_here(mode, view.top_position(across=0.5))
            if right is not None and right[0] == VERSION:
                return right
        return self._docs.source_at(mode, view.top_position())

    def restore(self, mode: str, source: Source | None) -> None:
        """Put ``source`` at the top of the view (the very top for None) and keep it there
        while Qt's layout settles."""
        if source is None:
            self._view.verticalScrollBar().setValue(0)
            return
        pos = self._docs.doc_pos(mode, *source)
        if pos is not None:
            self._view.pin_top(pos)
            self._anchor = (source, self._view.document())
