"""The window with the real comparison pane: drop two files, select them, and read back the
insertions and deletions the pane actually rendered (struck-through and underlined runs)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_main_window import drop, settle

pytestmark = pytest.mark.gui

ComparePane = pytest.importorskip("variorum.ui.widgets.compare").ComparePane


def test_rendered_insertions_and_deletions(qtbot, make_window, texts) -> None:
    window = make_window(pane_factory=ComparePane)
    assert isinstance(window.pane, ComparePane)
    drop(window, texts["a.txt"], texts["b.txt"])
    settle(qtbot, window)
    window.article_list.select_rows([0])
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    spans = window.pane.rendered_spans()
    deleted = [text for kind, text in spans if kind == "delete"]
    inserted = [text for kind, text in spans if kind == "insert"]
    # b.txt is the story's base (a.txt lies mostly in it): the list shows it first, as A
    assert "northern" in deleted and "250" in deleted
    assert "island" in inserted and "200" in inserted
    assert any("unanimous" in t for t in deleted)
    # Curly vs straight quotes are folded by default: no quotation mark is highlighted.
    assert not any(ch in t for t in deleted + inserted for ch in "\"“”")


def test_view_menu_holds_the_panes_actions(make_window) -> None:
    window = make_window(pane_factory=ComparePane)
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() == "&View"
    )
    assert view_menu.title() == "&View"
    in_menu = set(view_menu.actions())
    for action in [*window.pane.view_actions(), *window.pane.navigation_actions()]:
        assert action in in_menu
    shortcuts = {a.shortcut().toString() for a in window.pane.navigation_actions()}
    assert {"F7", "Shift+F7"} <= shortcuts


def test_ctrl_1_and_ctrl_2_move_the_keyboard(qtbot, make_window, texts) -> None:
    window = make_window(pane_factory=ComparePane)
    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    settle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.menu_actions.focus_pane.trigger()
    focused = QApplication.focusWidget()
    assert focused is not None and window.pane.isAncestorOf(focused)
    window.menu_actions.focus_list.trigger()
    assert QApplication.focusWidget() is window.article_list.view


def test_files_dropped_on_the_text_or_the_list_reach_the_window(qtbot, make_window, texts):
    window = make_window(pane_factory=ComparePane)
    targets = [window.pane.view.viewport(), window.article_list.view.viewport()]
    for target, name in zip(targets, ("a.txt", "c.txt"), strict=True):
        drop(window, texts[name], target=target)
        settle(qtbot, window)
    assert window.model.rowCount() == 2
