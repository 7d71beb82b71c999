"""The third splitter slot: when ``variorum.ui.widgets.sidebar.Sidebar`` exists the window puts
it on the right, lets it follow the selection and lets it ask the pane to highlight text; when
it does not, there is no placeholder. A stand-in module plays the sidebar here."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QListWidget

from tests.ui.test_main_window import settle
from variorum.ui.sidebar_slot import SIDEBAR_MODULE

pytestmark = pytest.mark.gui


class StandInSidebar(QListWidget):
    highlight_requested = Signal(str, list)

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, object]] = []

    def show_article(self, article) -> None:
        self.seen.append(("article", article.title))

    def show_comparison(self, a, b, comparison) -> None:
        self.seen.append(("comparison", (a.title, b.title)))

    def clear(self) -> None:
        self.seen.append(("clear", None))


@pytest.fixture
def stand_in(monkeypatch):
    module = types.ModuleType(SIDEBAR_MODULE)
    module.Sidebar = StandInSidebar
    monkeypatch.setitem(sys.modules, SIDEBAR_MODULE, module)
    return module


def test_sidebar_sits_right_and_follows_selection(qtbot, make_window, texts, stand_in):
    window = make_window()
    assert window.splitter.count() == 3
    sidebar = window.splitter.widget(2)
    assert isinstance(sidebar, StandInSidebar)
    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    settle(qtbot, window)
    window.article_list.select_rows([1])
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    window.article_list.select_ids([])
    kinds = [kind for kind, _ in sidebar.seen]
    assert kinds[-3:] == ["article", "comparison", "clear"]
    sidebar.highlight_requested.emit("b", [(0, 7)])
    assert window.pane.last("highlight") == ("b", [(0, 7)])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menu_actions.focus_sidebar.trigger()
    assert QApplication.focusWidget() is sidebar


def test_no_sidebar_no_placeholder(make_window, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, SIDEBAR_MODULE, None)  # import raises ImportError
    window = make_window()
    assert window.splitter.count() == 2
    assert window.sidebar is None
