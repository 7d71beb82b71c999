"""The text area both views share: a read-only QTextBrowser that owns one document at a time,
paints the current change and requested highlights as extra selections (the document itself is
never touched after it is built), and scrolls a position into a comfortable place."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

Range = tuple[int, int]


class DiffTextView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self._current: list[Range] = []
        self._found: list[Range] = []
        self._current_bg = QColor("#F0E442")
        self._found_bg = QColor("#C9E7B8")

    def show_document(self, document: QTextDocument) -> None:
        """Swap in a prebuilt document (the view does not take ownership)."""
        self._current, self._found = [], []
        self.setExtraSelections([])
        self.setDocument(document)
        self.verticalScrollBar().setValue(0)

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
        selection.cursor = cursor  # type: ignore[misc]
        selection.format = fmt  # type: ignore[misc]
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
        return self.cursorForPosition(self.viewport().rect().topLeft()).position()
