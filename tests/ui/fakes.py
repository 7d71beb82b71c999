"""A stand-in with ComparePane's API that records what the window asked it to show, so window
tests do not depend on how the pane paints (the pane has its own tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions


class FakePane(QWidget):
    swap_requested = Signal()
    options_changed = Signal(object)
    view_mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls: list[tuple[str, Any]] = []
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.view_mode = "inline"
        self.options = CompareOptions()
        group = QActionGroup(self)
        self._view = []
        for mode, text in (("inline", "Inline"), ("side_by_side", "Side by Side")):
            action = QAction(text, self, checkable=True)
            action.setData(mode)
            group.addAction(action)
            action.triggered.connect(lambda _=False, m=mode: self._user_view_mode(m))
            self._view.append(action)
        self._nav = [QAction("Next Change", self), QAction("Previous Change", self)]
        self._nav[0].setShortcut(QKeySequence("F7"))
        self._nav[1].setShortcut(QKeySequence("Shift+F7"))

    # the API --------------------------------------------------------------------------
    def show_article(self, article: Article, *, show_boilerplate: bool = False) -> None:
        self.calls.append(("article", (article, show_boilerplate)))
        self.label.setText(article.title)

    def show_pending(self, a: Article, b: Article) -> None:
        self.calls.append(("pending", (a, b)))

    def show_comparison(self, a: Article, b: Article, comparison: Comparison) -> None:
        self.calls.append(("comparison", (a, b, comparison)))
        self.label.setText(f"{a.title} → {b.title}")

    def show_message(self, text: str) -> None:
        self.calls.append(("message", text))
        self.label.setText(text)

    def set_view_mode(self, mode: str) -> None:
        self.view_mode = mode
        for action in self._view:
            action.setChecked(action.data() == mode)

    def set_options(self, options: CompareOptions) -> None:
        self.options = options

    def highlight_ranges(self, side: str, ranges: list[tuple[int, int]]) -> None:
        self.calls.append(("highlight", (side, ranges)))

    def navigation_actions(self) -> list[QAction]:
        return list(self._nav)

    def view_actions(self) -> list[QAction]:
        return list(self._view)

    # helpers for tests ------------------------------------------------------------------
    def _user_view_mode(self, mode: str) -> None:
        self.view_mode = mode
        self.view_mode_changed.emit(mode)

    def last(self, kind: str) -> Any:
        for name, value in reversed(self.calls):
            if name == kind:
                return value
        return None

    def last_call(self) -> tuple[str, Any]:
        return self.calls[-1]
