"""Reading a comparison in the whole window (issue 14): View > Show Boilerplate while two web
pages are compared, room for the two columns at the default 1280x800, the new shortcuts in the
menus, and the display choices remembered across a restart and set in Preferences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from tests.ingest.builders import html_page
from tests.ui.test_main_window import settle

pytestmark = pytest.mark.gui

ComparePane = pytest.importorskip("variorum.ui.widgets.compare").ComparePane

STORY = [
    "The harbour authority approved the long-delayed expansion of the container terminal on "
    "Tuesday, ending a decade of argument over dredging the eastern channel.",
    "Fishermen's groups said they would challenge the decision in court, citing damage to "
    "spawning grounds that the environmental report had underestimated.",
    "The project is expected to cost 1.2 billion euros and create about 800 permanent jobs, "
    "according to estimates published by the regional government last year.",
]


def pages(folder: Path) -> list[str]:
    edited = [STORY[0], STORY[1].replace("court", "the courts"), STORY[2]]
    paths = []
    for name, paras in (("a.html", STORY), ("b.html", edited)):
        path = folder / name
        path.write_text(html_page(paras, title="Terminal expansion approved"), encoding="utf-8")
        paths.append(str(path))
    return paths


def compare_pair(qtbot, window, paths: list[str]) -> None:  # type: ignore[no-untyped-def]
    window.open_paths(paths)
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.pane.docs.shown is not None, timeout=20_000)


@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_show_boilerplate_while_two_pages_are_compared(
    qtbot, make_window, tmp_path: Path, mode: str
) -> None:
    window = make_window(pane_factory=ComparePane)
    compare_pair(qtbot, window, pages(tmp_path))
    window.pane.set_view_mode(mode)
    assert "Share on Facebook" not in window.pane.view.document().toPlainText()
    window.menu_actions.show_boilerplate.trigger()  # View > Show Boilerplate
    settle(qtbot, window)
    text = window.pane.view.document().toPlainText()
    assert "Boilerplate set aside from A" in text and "Boilerplate set aside from B" in text
    assert "Share on Facebook" in text and "uses cookies" in text
    struck = [t for k, t in window.pane.rendered_spans() if k == "boilerplate"]
    assert any("Share on Facebook" in t for t in struck)  # struck out and greyed
    assert "the courts" in text  # the comparison is still there
    window.menu_actions.show_boilerplate.trigger()
    settle(qtbot, window)
    assert "Share on Facebook" not in window.pane.view.document().toPlainText()


def test_side_by_side_columns_get_the_room_at_1280x800(qtbot, make_window, texts) -> None:
    window = make_window(pane_factory=ComparePane)
    window.resize(1280, 800)
    compare_pair(qtbot, window, [str(texts["a.txt"]), str(texts["b.txt"])])
    pane = window.pane
    assert pane.change_list.isVisible()  # inline keeps its change list
    pane.view.setFocus()
    pane.actions_.toggle_view.trigger()
    qtbot.waitUntil(lambda: not pane.change_list.isVisible())
    qtbot.waitUntil(lambda: pane.view.viewport().width() / 2 >= 300)
    assert pane.columns.isVisible()
    window.pane.display_.change_list.trigger()  # the reader wants it back side by side
    assert pane.change_list.isVisible()
    assert window.settings.change_list_views == ("inline", "side_by_side")


def test_menus_show_the_reading_shortcuts(make_window) -> None:
    window = make_window(pane_factory=ComparePane)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}

    def shortcuts(menu: QMenu) -> dict[str, str]:
        return {a.text(): a.shortcut().toString() for a in menu.actions() if a.text()}

    edit, view = shortcuts(menus["&Edit"]), shortcuts(menus["&View"])
    assert edit["Find in Text…"] == "Ctrl+F"
    assert edit["Find Next"] == "F3" and edit["Find Previous"] == "Shift+F3"
    assert view["Zoom In"] == "Ctrl++" and view["Zoom Out"] == "Ctrl+-"
    assert view["Actual Size"] == "Ctrl+0"
    assert view["Changes Only"] == "Ctrl+Shift+U" and view["Change List"] == "Ctrl+Shift+L"


def test_display_choices_survive_a_restart_and_preferences_set_the_size(
    qtbot, make_window, texts, tmp_path: Path
) -> None:
    base = tmp_path / "restart"
    window = make_window(basedir=base, pane_factory=ComparePane)
    compare_pair(qtbot, window, [str(texts["a.txt"]), str(texts["b.txt"])])
    window.pane.display_.changes_only.trigger()
    window.pane.display_.zoom_in.trigger()
    size = window.pane.text_size()
    assert size > 0 and window.settings.text_size == size and window.settings.changes_only
    window.close()
    again = make_window(basedir=base, pane_factory=ComparePane)
    assert again.pane.display_.changes_only.isChecked()
    assert again.pane.text_size() == size
    dialog = again.open_preferences()
    assert dialog.text_size.value() == size
    dialog.text_size.setValue(19)
    dialog.accept()
    assert again.settings.text_size == 19 and again.pane.text_size() == 19
    again.start([])  # the pair selected at closing is compared again
    settle(qtbot, again)
    qtbot.waitUntil(lambda: again.pane.docs.shown is not None, timeout=20_000)
    assert again.pane.view.document().defaultFont().pointSize() == 19
    assert "unchanged paragraph" in again.pane.view.document().toPlainText()


def test_reopening_shows_the_last_pair_in_the_last_view(
    qtbot, make_window, texts, tmp_path: Path
) -> None:
    """The real pane, as a reader leaves it: side by side chosen with Ctrl+Shift+S, the change
    list shown there; after a restart the same pair is compared again, side by side, with the
    column headers and the change list as they were."""
    base = tmp_path / "again"
    window = make_window(basedir=base, pane_factory=ComparePane)
    compare_pair(qtbot, window, [str(texts["a.txt"]), str(texts["b.txt"])])
    chosen = [a.title for a in window.selected_articles()]
    window.pane.view.setFocus()
    window.pane.actions_.toggle_view.trigger()  # Ctrl+Shift+S
    window.pane.display_.change_list.trigger()  # and the list back beside the columns
    assert window.pane.view_mode() == "side_by_side"
    window.close()

    again = make_window(basedir=base, pane_factory=ComparePane)
    again.start([])
    settle(qtbot, again)
    qtbot.waitUntil(lambda: again.pane.docs.shown is not None, timeout=20_000)
    assert [a.title for a in again.selected_articles()] == chosen
    pane = again.pane
    assert pane.view_mode() == "side_by_side"
    assert pane.actions_.side_by_side.isChecked() and not pane.actions_.inline.isChecked()
    assert pane.columns.isVisible() and pane.change_list.isVisible()
    assert pane.view.document() is pane.docs.current("side_by_side").document


def test_a_screenshot_can_choose_the_view_without_saving_it(
    qtbot, make_window, texts, tmp_path: Path
) -> None:
    """``variorum --screenshot OUT --view side-by-side A B``: the shot is side by side (with
    the column headers), and the reader's saved view stays what it was."""
    from variorum.ui.app import take_screenshot

    window = make_window(pane_factory=ComparePane)
    out = tmp_path / "side.png"
    paths = [str(texts["a.txt"]), str(texts["b.txt"])]
    assert take_screenshot(window, paths, out, view="side_by_side") == 0
    assert out.is_file()
    assert window.pane.view_mode() == "side_by_side" and window.pane.columns.isVisible()
    assert window.settings.view_mode == "inline"
    saved = json.loads(window.store.path.read_text()) if window.store.path.exists() else {}
    assert saved.get("view_mode", "inline") == "inline"


def test_view_without_a_screenshot_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from variorum.cli.main import main

    assert main(["--view", "inline"]) == 2
    assert "--view chooses the view of a --screenshot" in capsys.readouterr().err
