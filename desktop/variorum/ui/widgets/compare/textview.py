"""The text area both views share: a read-only QTextBrowser that shows one document at a time,
paints the current change and requested highlights as extra selections (the document itself is
never touched after it is built), and scrolls a position into a comfortable place.

Qt lays a document out lazily, down to what has been scrolled to, so the first jump to the end
of a long side-by-side document would lay out every table before it at once (over a second for
a 1 MB pair). The view therefore lays the document out ahead of the user in small steps from
the event loop (a few tens of milliseconds each), and jumps are then immediate.

Qt also lays out with estimated heights first and corrects them as it goes, so text put at the
top of the view would slide away while the layout settles: the view pins it there (re-scrolls
whenever the document's size changes) until the reader scrolls.

The separators the painters put between touching texts of A and B (``SegKind.GAP``) are shown
but never copied: the view knows their positions and leaves them out of the copied text."""

from __future__ import annotations

import bisect
import contextlib

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

Range = tuple[int, int]
LAYOUT_STEP = 10_000
"""Characters laid out per background step."""


class DiffTextView(QTextBrowser):
    position_clicked = Signal(int)
    """A plain click (no selection made) at this document position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self._current: list[Range] = []
        self._found: list[Range] = []
        self._matches: list[Range] = []
        self._separators: list[int] = []
        self._current_bg = QColor("#F0E442")
        self._found_bg = QColor("#C9E7B8")
        self._pin: int | None = None
        self._pin_value = -1
        self._pinning = False
        self._watched: QTextDocument | None = None
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._layout_pos = 0
        self._layout_timer = QTimer(self)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._layout_step)

    def _start_layout(self) -> None:
        self._layout_pos = 0
        self._layout_timer.start()

    def _layout_step(self) -> None:
        document = self.document()
        last = document.characterCount() - 1
        self._layout_pos = min(self._layout_pos + LAYOUT_STEP, last)
        if last > 0:
            document.documentLayout().blockBoundingRect(document.findBlock(self._layout_pos))
        if self._layout_pos >= last:
            self._layout_timer.stop()
        self._repin()

    def layout_pending(self) -> bool:
        return self._layout_timer.isActive()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.position_clicked.emit(
                self.cursorForPosition(event.position().toPoint()).position()
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width invalidates the layout: lay it out ahead again."""
        super().resizeEvent(event)
        self._repin()
        self._start_layout()

    def set_separators(self, positions: list[int]) -> None:
        """Sorted document positions of the separators to leave out of copied text."""
        self._separators = positions

    def separators(self) -> list[int]:
        return list(self._separators)

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        lo = bisect.bisect_left(self._separators, start)
        hi = bisect.bisect_left(self._separators, end)
        if lo == hi:
            return super().createMimeDataFromSelection()
        pieces: list[str] = []
        pos = start
        for stop in [*self._separators[lo:hi], end]:
            if stop > pos:
                piece = QTextCursor(self.document())
                piece.setPosition(pos)
                piece.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
                pieces.append(piece.selection().toPlainText())
            pos = stop + 1
        mime = QMimeData()
        mime.setText("".join(pieces))
        return mime

    def show_document(self, document: QTextDocument) -> None:
        """Swap in a prebuilt document (the view does not take ownership)."""
        self._current, self._found, self._matches = [], [], []
        self._pin = None
        self.setExtraSelections([])
        self.setDocument(document)
        self._watch(document)
        self.verticalScrollBar().setValue(0)
        self._start_layout()

    def _watch(self, document: QTextDocument) -> None:
        if self._watched is not None:
            # deleted since, or never connected: nothing to undo
            with contextlib.suppress(RuntimeError, TypeError):
                self._watched.documentLayout().documentSizeChanged.disconnect(self._repin)
        self._watched = document
        document.documentLayout().documentSizeChanged.connect(self._repin)

    def pin_top(self, pos: int) -> None:
        """Put the line holding ``pos`` at the top and keep it there while the layout settles,
        until the reader scrolls."""
        self._pin = pos
        self._repin()

    def pinned(self) -> bool:
        """Whether the view still shows the pinned text at the top (no scrolling since)."""
        return self._pin is not None

    def _repin(self) -> None:
        if self._pin is None or self._pinning:
            return
        self._pinning = True
        try:
            self.scroll_to_top(self._pin)
            self._pin_value = self.verticalScrollBar().value()
        finally:
            self._pinning = False

    def _on_scrolled(self, value: int) -> None:
        if not self._pinning and value != self._pin_value:
            self._pin = None

    def replace_document(self, document: QTextDocument) -> None:
        """Swap in a document that starts like the current one, keeping the scroll position."""
        bar = self.verticalScrollBar()
        value = bar.value()
        pin = self._pin
        self._current, self._found, self._matches = [], [], []
        self._pinning = True  # the swap itself is no scrolling by the reader
        try:
            self.setExtraSelections([])
            self.setDocument(document)
            self._watch(document)
            bar.setValue(value)
        finally:
            self._pinning = False
        self._pin = pin
        self._start_layout()

    def set_highlight_colors(self, current: str, found: str) -> None:
        self._current_bg, self._found_bg = QColor(current), QColor(found)

    def set_current_ranges(self, ranges: list[Range]) -> None:
        self._current = ranges
        self._apply()

    def set_found_ranges(self, ranges: list[Range]) -> None:
        self._found = ranges
        self._apply()

    def set_match_ranges(self, ranges: list[Range]) -> None:
        """Every match of the find bar (the current one is the text selection)."""
        self._matches = ranges
        self._apply()

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        limit = max(self.document().characterCount() - 1, 0)
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(max(end, start + 1), limit), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _apply(self) -> None:
        selections = [self._selection(s, e, self._found_bg) for s, e in self._found]
        selections += [self._selection(s, e, self._found_bg) for s, e in self._matches]
        selections += [self._selection(s, e, self._current_bg) for s, e in self._current]
        self.setExtraSelections(selections)

    def scroll_to_position(self, pos: int) -> None:
        """Put ``pos`` about a third of the way down the viewport and the caret there."""
        limit = max(self.document().characterCount() - 1, 0)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(pos, 0), limit))
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def scroll_to_top(self, pos: int) -> None:
        """Put the line holding ``pos`` at the top of the viewport (the reading position)."""
        limit = max(self.document().characterCount() - 1, 0)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(max(pos, 0), limit))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def select_range(self, start: int, end: int) -> None:
        """Select a range (the current find match) and bring it into view."""
        self.scroll_to_position(start)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def top_position(self, across: float = 0.0) -> int:
        """Document position at the top of the viewport: at its left, or ``across`` (0..1) of
        the way across it (the second column of a side-by-side table starts half-way)."""
        if self.verticalScrollBar().value() == 0:
            return 0  # also right after a document is set, before it is laid out
        # A point inside the text, not on the document margin: in a table the margin hits
        # the end of the document.
        inset = int(self.document().documentMargin()) + 8
        x = max(inset, int(self.viewport().width() * across) + inset)
        return self.cursorForPosition(QPoint(x, 6)).position()
