"""Find in the text: a bar under the text (Ctrl+F opens it, F3 / Shift+F3 step, Escape closes),
searching the document the view shows, so it finds text in either view and in both columns.

Matches are found with ``QTextDocument.find`` (the document's own positions, so they line up
with what is painted), all highlighted, the current one selected; typing searches from the
text at the top of the view, as a browser does. Folded paragraphs ("changes only") are not in
the document and are not searched: the bar says so when nothing is found.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from variorum.ui.widgets.compare.textview import DiffTextView

Range = tuple[int, int]
MAX_MATCHES = 5000
"""Matches highlighted at most (a one-letter search in a long text); counting stops there."""


def find_all(document: QTextDocument, text: str, match_case: bool) -> list[Range]:
    flags = QTextDocument.FindFlag.FindCaseSensitively if match_case else QTextDocument.FindFlag(0)
    out: list[Range] = []
    if not text:
        return out
    cursor = document.find(text, 0, flags)
    while not cursor.isNull() and len(out) < MAX_MATCHES:
        out.append((cursor.selectionStart(), cursor.selectionEnd()))
        cursor = document.find(text, cursor, flags)
    return out


class FindBar(QWidget):
    """The bar and its search. ``prepare`` is called before each search (the pane completes a
    side-by-side document still being built); ``hint`` says why nothing may be found."""

    closed = Signal()

    def __init__(
        self,
        view: DiffTextView,
        find_next: QAction,
        find_previous: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[Range] = []
        self._index = -1
        self._anchor = 0
        """Where typing searches from: the top of the view when the bar opened."""
        self.prepare: Callable[[], None] = lambda: None
        self.hint: Callable[[], str] = lambda: ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText("Find in the text")
        self.edit.setClearButtonEnabled(True)
        self.match_case = QToolButton(self)
        self.match_case.setText("Aa")
        self.match_case.setCheckable(True)
        self.match_case.setToolTip("Match upper/lower case")
        previous, following = QToolButton(self), QToolButton(self)
        previous.setDefaultAction(find_previous)
        following.setDefaultAction(find_next)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close the find bar (Escape)")
        close.setAutoRaise(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel("Find:", self))
        row.addWidget(self.edit, 1)
        for widget in (self.match_case, previous, following, self.status):
            row.addWidget(widget)
        row.addStretch(0)
        row.addWidget(close)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_bar)
        self.addAction(escape)
        close.clicked.connect(self.close_bar)
        self.edit.textChanged.connect(lambda _text: self.search())
        self.edit.returnPressed.connect(lambda: self.step(1))
        self.match_case.toggled.connect(lambda _on: self.search())
        self.hide()

    # --- what the pane calls ------------------------------------------------------------------
    def open_bar(self) -> None:
        self._anchor = self._view.top_position()
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self.search()

    def close_bar(self) -> None:
        self.hide()
        self._matches, self._index = [], -1
        self._view.set_match_ranges([])
        self.closed.emit()

    def step(self, direction: int) -> None:
        """F3 (+1) / Shift+F3 (-1): the next or previous match, round the end of the text."""
        if not self.isVisible() or not self.edit.text():
            self.open_bar()
            return
        if not self._matches:
            self.search()
            return
        self._index = (self._index + direction) % len(self._matches)
        self._select()

    def refresh(self) -> None:
        """The document was replaced (another view, a fold opened): search it again."""
        if self.isVisible() and self.edit.text():
            self._anchor = self._view.top_position()
            self.search()

    def matches(self) -> list[Range]:
        return list(self._matches)

    def current(self) -> int:
        return self._index

    # --- searching ----------------------------------------------------------------------------
    def search(self) -> None:
        """All matches of the text; the current one is the first from the anchor on."""
        self.prepare()
        text = self.edit.text()
        self._matches = find_all(self._view.document(), text, self.match_case.isChecked())
        self._view.set_match_ranges(self._matches)
        if not self._matches:
            self._index = -1
            hint = self.hint()
            self.status.setText("not found" + (f" ({hint})" if hint else "") if text else "")
            return
        anchor = self._anchor
        self._index = next((i for i, m in enumerate(self._matches) if m[0] >= anchor), 0)
        self._select()

    def _select(self) -> None:
        start, end = self._matches[self._index]
        self._view.select_range(start, end)
        more = "+" if len(self._matches) >= MAX_MATCHES else ""
        self.status.setText(f"{self._index + 1} of {len(self._matches)}{more}")
