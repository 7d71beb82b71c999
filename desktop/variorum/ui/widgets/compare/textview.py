"""The text area both views share: a read-only QTextBrowser that shows one document at a time,
paints the current change and requested highlights as extra selections (the document itself is
never touched after it is built), and scrolls a position into a comfortable place.

Qt lays a document out lazily, down to what has been scrolled to, so the first jump to the end
of a long side-by-side document would lay out every table before it at once (over a second for
a 1 MB pair). The view therefore lays the document out ahead of the user in small steps from
the event loop (a few tens of milliseconds each), and jumps are then immediate."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
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
        self._current_bg = QColor("#F0E442")
        self._found_bg = QColor("#C9E7B8")
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
        self._start_layout()

    def show_document(self, document: QTextDocument) -> None:
        """Swap in a prebuilt document (the view does not take ownership)."""
        self._current, self._found = [], []
        self.setExtraSelections([])
        self.setDocument(document)
        self.verticalScrollBar().setValue(0)
        self._start_layout()

    def replace_document(self, document: QTextDocument) -> None:
        """Swap in a document that starts like the current one, keeping the scroll position."""
        bar = self.verticalScrollBar()
        value = bar.value()
        self._current, self._found = [], []
        self.setExtraSelections([])
        self.setDocument(document)
        bar.setValue(value)
        self._start_layout()

    def set_highlight_colors(self, current: str, found: str) -> None:
        self._current_bg, self._found_bg = QColor(current), QColor(found)

    def set_current_ranges(self, ranges: list[Range]) -> None:
        self._current = ranges
        self._apply()

    def set_found_ranges(self, ranges: list[Range]) -> None:
        self._found = ranges
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

    def top_position(self) -> int:
        """Document position at the top-left of the viewport."""
        if self.verticalScrollBar().value() == 0:
            return 0  # also right after a document is set, before it is laid out
        # A point inside the text, not on the document margin: in a table the margin hits
        # the end of the document.
        inset = int(self.document().documentMargin()) + 8
        return self.cursorForPosition(QPoint(inset, 6)).position()
