"""Stand-ins with the comparison pane's and the sidebar's API that record what the window asked
them to show, so window tests depend neither on how the pane paints nor on a spaCy model
(both have their own tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions


class FakePane(QWidget):
    swap_requested = Signal()
    options_changed = Signal(object)
    view_mode_changed = Signal(str)
    display_changed = Signal(str, object)

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

    def show_comparison(
        self, a: Article, b: Article, comparison: Comparison, *, show_boilerplate: bool = False
    ) -> None:
        self.calls.append(("comparison", (a, b, comparison)))
        self.boilerplate_shown = show_boilerplate
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

    def apply_display(
        self, *, changes_only: bool, change_list_views: tuple[str, ...], text_size: int
    ) -> None:
        self.display = (changes_only, change_list_views, text_size)

    def navigation_actions(self) -> list[QAction]:
        return list(self._nav)

    def find_actions(self) -> list[QAction]:
        return []

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


class FakeSidebar(QListWidget):
    highlight_requested = Signal(str, list)


class FakeSidebarController(QObject):
    """Records the calls the window makes; runs no model."""

    failed = Signal(str)

    def __init__(self, sidebar: FakeSidebar, tasks: Any, store: Any, model_name: str) -> None:
        super().__init__()
        self.sidebar, self.tasks, self.store, self.model_name = sidebar, tasks, store, model_name
        self.seen: list[tuple[str, Any]] = []

    def show_article(self, article: Article) -> None:
        self.seen.append(("article", article.title))

    def show_comparison(self, a: Article, b: Article, comparison: Any = None) -> None:
        self.seen.append(("comparison", (a.title, b.title)))

    def clear(self) -> None:
        self.seen.append(("clear", None))

    def prefetch(self, articles: list[Article]) -> None:
        self.seen.append(("prefetch", len(articles)))

    def set_model(self, name: str) -> None:
        self.model_name = name


def fake_sidebar(tasks: Any, library: Any, model_name: str) -> tuple[QWidget, Any]:
    """A :data:`variorum.ui.sidebar_slot.SidebarFactory` for window tests."""
    widget = FakeSidebar()
    return widget, FakeSidebarController(widget, tasks, library, model_name)
