"""The third splitter slot: when ``variorum.ui.widgets.sidebar`` exists the window puts its
Sidebar on the right and feeds it through its SidebarController (selection, prefetch after a
load, highlight requests to the pane); when it does not, there is no placeholder. A stand-in
module plays the sidebar in the first tests; the last one uses the real sidebar and spaCy."""

from __future__ import annotations

import importlib.util
import sys
import types

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QListWidget, QTreeView

from tests.ui.test_main_window import settle
from variorum.ui.sidebar_slot import SIDEBAR_MODULE

pytestmark = pytest.mark.gui


class StandInSidebar(QListWidget):
    highlight_requested = Signal(str, list)


class StandInController(QObject):
    failed = Signal(str)

    def __init__(self, sidebar, tasks, store, model_name) -> None:
        super().__init__()
        self.sidebar, self.store, self.model_name = sidebar, store, model_name
        self.seen: list[tuple[str, object]] = []

    def show_article(self, article) -> None:
        self.seen.append(("article", article.title))

    def show_comparison(self, a, b, comparison=None) -> None:
        self.seen.append(("comparison", (a.title, b.title)))

    def clear(self) -> None:
        self.seen.append(("clear", None))

    def prefetch(self, articles) -> None:
        self.seen.append(("prefetch", len(articles)))

    def set_model(self, name: str) -> None:
        self.model_name = name


@pytest.fixture
def stand_in(monkeypatch):
    module = types.ModuleType(SIDEBAR_MODULE)
    module.Sidebar = StandInSidebar
    module.SidebarController = StandInController
    monkeypatch.setitem(sys.modules, SIDEBAR_MODULE, module)
    return module


def test_sidebar_sits_right_and_follows_selection(qtbot, make_window, texts, stand_in):
    window = make_window(sidebar=True)
    assert window.splitter.count() == 3
    sidebar = window.splitter.widget(2)
    assert isinstance(sidebar, StandInSidebar)
    controller = window.sidebar_slot.controller
    assert controller.store is window.library
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    # The first two are selected and analysed as the selection; only the third waits in the
    # background batch.
    assert [c for c in controller.seen if c[0] == "prefetch"] == [("prefetch", 1)]
    controller.seen.clear()
    window.article_list.select_rows([1])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    window.article_list.select_ids([])
    settle(qtbot, window)
    assert [kind for kind, _ in controller.seen] == ["article", "comparison", "clear"]
    # Arrowing through the list: only where the user stops reaches the sidebar.
    controller.seen.clear()
    for row in (0, 1, 0, 1):
        window.article_list.select_rows([row])
    settle(qtbot, window)
    assert controller.seen == [("article", window.selected_articles()[0].title)]
    sidebar.highlight_requested.emit("b", [(0, 7)])
    assert window.pane.last("highlight") == ("b", [(0, 7)])
    controller.failed.emit("Could not find speakers: no model")
    assert window.statusBar().currentMessage() == "Could not find speakers: no model"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menu_actions.focus_sidebar.trigger()
    assert QApplication.focusWidget() is sidebar


def test_no_sidebar_no_placeholder(make_window) -> None:
    window = make_window()  # the fixture hides the sidebar package
    assert window.splitter.count() == 2
    assert window.sidebar is None
    assert "Focus Sidebar" not in [
        a.text().replace("&", "") for a in window.menuBar().actions()[2].menu().actions()
    ]


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec(SIDEBAR_MODULE) is None, reason="the sidebar is not in the tree"
)
def test_real_sidebar_lists_the_quoted_speaker(qtbot, make_window, texts) -> None:
    window = make_window(sidebar=True)
    window.open_paths([str(texts["a.txt"])])
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    window.article_list.select_rows([0])
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    shown = []
    for view in window.sidebar.findChildren(QTreeView):
        model = view.model()
        for row in range(model.rowCount() if model is not None else 0):
            shown.append(str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)))
    assert any("Holt" in text for text in shown), shown


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec(SIDEBAR_MODULE) is None, reason="the sidebar is not in the tree"
)
def test_opening_two_files_never_says_select_and_batch_at_once(qtbot, make_window, texts):
    """Opening two files selects them: the sidebar says it is finding their speakers, and
    neither "Select an article" nor a background batch of the same two articles shows."""
    window = make_window(sidebar=True)
    sidebar = window.sidebar
    seen: list[tuple[str, str]] = []

    def watch() -> None:
        status = sidebar.status.text() if sidebar.status.isVisible() else ""
        batch = sidebar.progress.text() if sidebar.progress.isVisible() else ""
        seen.append((status, batch))

    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    while True:
        watch()
        if not window.busy() and not sidebar.status.text().startswith("Finding"):
            break
        qtbot.wait(10)
    assert not any("Select an article" in s and b for s, b in seen), seen
    assert not any(b for _, b in seen), seen
    assert sidebar.drift_frame.isVisible()
