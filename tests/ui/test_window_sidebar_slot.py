"""The third splitter slot: the window puts its Sidebar on the right and feeds it through its
SidebarController (selection, prefetch after a load, highlight requests to the pane). A
stand-in plays the sidebar in the first test; the last one uses the real sidebar and spaCy.
A build without the sidebar package does not start without it: it fails, naming it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeView

from tests.ui.fakes import FakeSidebar
from tests.ui.test_main_window import settle

pytestmark = pytest.mark.gui


def test_sidebar_sits_right_and_follows_selection(qtbot, make_window, texts):
    window = make_window()
    assert window.splitter.count() == 3
    sidebar = window.splitter.widget(2)
    assert isinstance(sidebar, FakeSidebar)
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


def test_a_build_without_the_sidebar_fails_loudly() -> None:
    hide_and_start = (
        "import sys\n"
        "sys.modules['variorum.ui.widgets.sidebar'] = None\n"
        "import variorum.ui.app\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", hide_and_start], capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0
    assert "variorum.ui.widgets.sidebar" in run.stderr.splitlines()[-1]


@pytest.mark.slow
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


@pytest.mark.slow
def test_an_article_not_in_english_is_named_in_the_sidebar(qtbot, make_window, texts, tmp_path):
    """Comparing an English version with a French one: the sidebar says which of the two is
    not English and that names are found for English only; an English pair says nothing."""
    french = tmp_path / "ferry-fr.txt"
    french.write_text(
        "Nouveau ferry\n\nLe conseil du port a voté mardi l'achat d'un nouveau ferry électrique "
        "pour la ligne de l'île. Le navire transportera deux cents passagers et entrera en "
        "service au printemps, a déclaré la présidente du conseil.\n",
        encoding="utf-8",
    )
    window = make_window(sidebar=True)
    window.open_paths([str(texts["a.txt"]), str(french)])
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    warning = window.sidebar.language
    assert warning.isVisible()
    assert "B is not in English (fr)" in warning.text()
    assert "English only" in warning.text()
    assert "A is not" not in warning.text()

    window.open_paths([str(texts["b.txt"])])
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    english = {str(texts["a.txt"]), str(texts["b.txt"])}
    window.article_list.select_ids(
        [e.article.id for e in window.model.entries() if e.article.source_path in english]
    )
    qtbot.waitUntil(lambda: not window.busy(), timeout=120000)
    assert {a.source_path for a in window.selected_articles()} == {
        str(texts["a.txt"]),
        str(texts["b.txt"]),
    }
    assert not warning.isVisible()
