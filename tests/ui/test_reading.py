"""Reading a comparison as a Meld or Draftable user expects (issue 14), driven with keys and
clicks on the pane: replacements kept apart (and the separator never copied), column headers
that stay in view, changes only, readable moves, the reading position kept when the view
toggles, a steady toolbar, find, and zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from pytestqt.qtbot import QtBot

from tests.conftest import CORPUS_DIR
from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.diff import compare_texts
from variorum.present.segments import GAP_TEXT
from variorum.ui.widgets.compare import ComparePane

pytestmark = pytest.mark.gui

PARAS = [
    "Harbour council approves new ferry",
    "The harbour council voted on Tuesday to buy a new electric ferry for the island route.",
    "The ferry will carry 200 passengers and enter service next spring.",
    "The shipyard in the north of the island will build the hull over the winter months.",
    "Engineers from the mainland will fit the batteries once the hull is in the water.",
    "Fishing boats will keep the old pier on the western side of the harbour.",
    "The council will meet again in March to choose a name for the new ferry.",
    "\u201cIt is a good day for the island,\u201d said the mayor, Ann Holt.",
]


def article(paragraphs: list[str], title: str, **extra: object) -> Article:
    draft = ArticleDraft("text", list(paragraphs), title=title)
    for key, value in extra.items():
        setattr(draft, key, value)
    return build_article(draft, None)


def edited() -> list[str]:
    b = list(PARAS)
    b[1] = b[1].replace("island", "northern")
    b[2] = b[2].replace("200", "250")
    b[7] = b[7].replace("good", "great")
    return b


@pytest.fixture
def ferry(pane: ComparePane) -> ComparePane:
    a, b = article(PARAS, "Ferry approved", site="Harbour Post"), article(edited(), "Ferry news")
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    return pane


def press(qtbot: QtBot, widget, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """Press a shortcut as the user would (the pane's actions are window shortcuts)."""
    keys = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, keys.key(), keys.keyboardModifiers())


def darwin() -> tuple[Article, Article]:
    from variorum.core.ingest import load_file

    folder = CORPUS_DIR / "darwin"
    if not folder.is_dir():
        pytest.skip("shared corpus not present")
    return (
        load_file(folder / "darwin-origin-ch1-1859.txt"),
        load_file(folder / "darwin-origin-ch1-1872.txt"),
    )


# --- replacements kept apart -------------------------------------------------------------
def test_a_replacement_is_separated_but_the_separator_is_not_copied(
    qtbot: QtBot, ferry: ComparePane
) -> None:
    spans = ferry.rendered_spans()
    i = spans.index(("delete", "island"))
    assert spans[i + 1 : i + 3] == [("gap", GAP_TEXT), ("insert", "northern")]
    document = ferry.view.document()
    assert "island\u2009northern" in document.toPlainText()  # shown apart...
    ferry.view.setFocus()
    press(qtbot, ferry.view, "Ctrl+A")
    press(qtbot, ferry.view, "Ctrl+C")
    copied = QGuiApplication.clipboard().text()
    assert "islandnorthern route" in copied and GAP_TEXT not in copied  # ...copied as text
    assert copied.startswith("Harbour council approves new ferry")


# --- side by side: headers and room --------------------------------------------------------
def test_side_by_side_column_headers_name_a_and_b_and_stay_in_view(
    qtbot: QtBot, pane: ComparePane
) -> None:
    many = PARAS * 12
    a = article(many, "Ferry approved", site="Harbour Post", published="2024-03-01")
    b = article([p.replace("island", "isle") for p in many], "Ferry news", site="Island Daily")
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    assert pane.columns.isHidden()  # inline: one column, no column headers
    pane.view.setFocus()
    press(qtbot, pane.view, "Ctrl+Shift+S")
    assert pane.view_mode() == "side_by_side"
    assert pane.columns.isVisible()
    left, right = pane.columns.texts()
    assert left.startswith("A (base): Ferry approved") and "Harbour Post · 2024-03-01" in left
    assert right.startswith("B (compared): Ferry news") and "Island Daily" in right
    # the headers sit over their columns: B's starts about half-way across the text
    b_label = pane.columns.columns[1][0]
    x = b_label.mapTo(pane, QPoint(0, 0)).x() - pane.view.mapTo(pane, QPoint(0, 0)).x()
    assert abs(x - pane.view.viewport().width() / 2) < 40
    y = pane.columns.mapTo(pane, QPoint(0, 0)).y()
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    assert pane.columns.isVisible() and pane.columns.mapTo(pane, QPoint(0, 0)).y() == y
    assert pane.columns.mapTo(pane, QPoint(0, 0)).y() < pane.view.mapTo(pane, QPoint(0, 0)).y()


def test_the_change_list_folds_away_per_view(qtbot: QtBot, ferry: ComparePane) -> None:
    changed: list[tuple[str, object]] = []
    ferry.display_changed.connect(lambda name, value: changed.append((name, value)))
    assert ferry.change_list.isVisible()  # inline, by default
    width = ferry.view.width()
    ferry.view.setFocus()
    press(qtbot, ferry.view, "Ctrl+Shift+L")
    assert not ferry.change_list.isVisible()
    qtbot.waitUntil(lambda: ferry.view.width() > width)  # the text takes the room
    assert changed[-1] == ("change_list_views", ())
    press(qtbot, ferry.view, "Ctrl+Shift+L")
    assert ferry.change_list.isVisible()
    assert changed[-1] == ("change_list_views", ("inline",))
    ferry.apply_display(changes_only=False, change_list_views=("inline",), text_size=0)
    ferry.set_view_mode("side_by_side")  # not listed: side by side gets the whole width
    assert not ferry.change_list.isVisible()
    assert not ferry.display_.change_list.isChecked()


# --- changes only --------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_changes_only_folds_unchanged_paragraphs_and_a_click_shows_them(
    qtbot: QtBot, ferry: ComparePane, mode: str
) -> None:
    ferry.set_view_mode(mode)
    ferry.view.setFocus()
    assert "The shipyard in the north" in ferry.view.document().toPlainText()
    press(qtbot, ferry.view, "Ctrl+Shift+U")
    assert ferry.display_.changes_only.isChecked()
    text = ferry.view.document().toPlainText()
    assert "The shipyard in the north" not in text
    assert "⋯ 4 unchanged paragraphs (click to show) ⋯" in text  # paragraphs 3 to 6
    assert "northern" in text and "250" in text and "great" in text  # every change shows
    document = ferry.view.document()
    found = document.find("4 unchanged paragraphs")
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 2)
    point = ferry.view.cursorRect(cursor).center()
    qtbot.mouseClick(ferry.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    text = ferry.view.document().toPlainText()
    assert "The shipyard in the north" in text and "4 unchanged" not in text
    press(qtbot, ferry.view, "Ctrl+Shift+U")  # off again: everything shows
    assert "unchanged paragraph" not in ferry.view.document().toPlainText()


# --- moves ---------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_move_markers_are_as_large_as_the_text_and_bold(pane: ComparePane, mode: str) -> None:
    paras = PARAS[1:6]
    moved = [paras[4], *paras[:4]]
    a, b = article(paras, "A"), article(moved, "B")
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    pane.set_view_mode(mode)
    document = pane.view.document()
    needle = "[moved" if mode == "inline" else "[moved here from"
    found = document.find(needle)
    assert not found.isNull()
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 2)
    marker = cursor.charFormat()
    plain = document.find("ferry")
    cursor.setPosition(plain.selectionStart() + 1)
    text = cursor.charFormat()
    size = document.defaultFont().pointSizeF()
    assert marker.fontPointSize() in (0, size) and marker.fontPointSize() == text.fontPointSize()
    assert marker.fontWeight() >= 700 and not marker.fontItalic()
    assert marker.background().color().alpha() > 0  # on the move's tint


# --- the reading position --------------------------------------------------------------------
@pytest.mark.parametrize("where", [0.3, 0.55, 0.8])
def test_toggling_the_view_keeps_the_text_at_the_top(
    qtbot: QtBot, pane: ComparePane, where: float
) -> None:
    """Darwin 1859 -> 1872, scrolled as a reader would; each Ctrl+Shift+S shows the text that
    was at the top at the top of the other view, once Qt's layout has settled, and four
    toggles come back to the same place."""
    a, b = darwin()
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    pane.view.setFocus()
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: not pane.view.layout_pending(), timeout=20_000)
    bar.setValue(int(bar.maximum() * where))
    start = pane.docs.source_at("inline", pane.view.top_position())
    assert start is not None
    line = pane.view.fontMetrics().lineSpacing()
    for expected in ("side_by_side", "inline", "side_by_side", "inline"):
        press(qtbot, pane.view, "Ctrl+Shift+S")
        assert pane.view_mode() == expected
        qtbot.waitUntil(lambda: not pane.view.layout_pending(), timeout=20_000)
        where_now = pane.docs.doc_pos(expected, *start)
        assert where_now is not None
        top = pane.view.cursorRect(_cursor(pane, where_now)).top()
        assert -line <= top <= line, (expected, top / line)
    assert pane.docs.source_at("inline", pane.view.top_position()) == start


def _cursor(pane: ComparePane, pos: int) -> QTextCursor:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pos)
    return cursor


# --- a steady toolbar ----------------------------------------------------------------------
def test_the_toolbar_stays_put_whatever_the_titles(pane: ComparePane) -> None:
    pane.resize(520, 500)
    short_a, short_b = article(PARAS, "Ferry"), article(edited(), "Ferry")
    pane.show_comparison(short_a, short_b, compare_texts(short_a.text, short_b.text))
    y = pane.actions_.toolbar.y()
    long_title = "Harbour council approves a new electric ferry for the island route " * 3
    long_a, long_b = article(PARAS, long_title), article(edited(), long_title + " (updated)")
    for a, b in ((long_a, long_b), (short_a, short_b)):
        pane.show_comparison(a, b, compare_texts(a.text, b.text))
        assert pane.actions_.toolbar.y() == y
    pane.show_article(long_a)
    assert pane.actions_.toolbar.y() == y
    pane.show_comparison(long_a, long_b, compare_texts(long_a.text, long_b.text))
    assert long_title.strip() in pane.header.title_a.toolTip()  # elided, not lost


# --- find ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_find_steps_through_both_columns_with_f3(
    qtbot: QtBot, ferry: ComparePane, mode: str
) -> None:
    ferry.set_view_mode(mode)
    ferry.view.setFocus()
    press(qtbot, ferry.view, "Ctrl+F")
    bar = ferry.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "ferry")
    text = ferry.view.document().toPlainText().casefold()
    assert len(bar.matches()) == text.count("ferry") >= 4
    if mode == "side_by_side":  # A's column and B's both searched
        assert len(bar.matches()) == 2 * sum(p.casefold().count("ferry") for p in PARAS)
    assert bar.status.text() == f"1 of {len(bar.matches())}"
    assert ferry.view.textCursor().selectedText().casefold() == "ferry"
    press(qtbot, bar.edit, "F3")
    assert bar.current() == 1 and ferry.view.textCursor().selectionStart() == bar.matches()[1][0]
    press(qtbot, bar.edit, "Shift+F3")
    press(qtbot, bar.edit, "Shift+F3")  # round the start to the last match
    assert bar.current() == len(bar.matches()) - 1
    assert len([s for s in ferry.view.extraSelections()]) >= len(bar.matches())
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not ferry.view.extraSelections()


def test_find_says_when_nothing_matches(qtbot: QtBot, ferry: ComparePane) -> None:
    ferry.view.setFocus()
    press(qtbot, ferry.view, "Ctrl+F")
    qtbot.keyClicks(ferry.find_bar.edit, "submarine")
    assert ferry.find_bar.status.text() == "not found"
    ferry.display_.changes_only.trigger()
    ferry.find_bar.edit.setText("shipyard")  # folded away: not searched, and it says so
    assert ferry.find_bar.status.text() == "not found (folded paragraphs are not searched)"


# --- zoom ----------------------------------------------------------------------------------
def test_zoom_keys_change_the_text_size_and_ctrl_0_resets_it(
    qtbot: QtBot, ferry: ComparePane
) -> None:
    sizes: list[object] = []
    ferry.display_changed.connect(lambda name, value: name == "text_size" and sizes.append(value))
    base = ferry.view.document().defaultFont().pointSize()
    ferry.view.setFocus()
    press(qtbot, ferry.view, "Ctrl++")
    press(qtbot, ferry.view, "Ctrl+=")  # the same key without Shift
    assert ferry.view.document().defaultFont().pointSize() == base + 2
    assert sizes == [base + 1, base + 2]
    press(qtbot, ferry.view, "Ctrl+-")
    assert ferry.view.document().defaultFont().pointSize() == base + 1
    ferry.set_view_mode("side_by_side")  # a document built later has the size too
    assert ferry.view.document().defaultFont().pointSize() == base + 1
    press(qtbot, ferry.view, "Ctrl+0")
    assert ferry.view.document().defaultFont().pointSize() == base and sizes[-1] == 0
    ferry.apply_display(changes_only=False, change_list_views=("inline",), text_size=17)
    assert ferry.view.document().defaultFont().pointSize() == 17  # the preference



@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_a_move_is_one_short_mark_in_the_overview(pane: ComparePane, mode: str) -> None:
    """The last paragraph moved to the top: the strip marks the moved paragraph where it is
    now, not a band from there down to where it was."""
    paras = PARAS[1:7]
    moved = [paras[5], *paras[:5]]
    a, b = article(paras, "A"), article(moved, "B")
    comparison = compare_texts(a.text, b.text)
    pane.show_comparison(a, b, comparison)
    pane.set_view_mode(mode)
    move = next(i for i, c in enumerate(comparison.changes) if c.kind.value == "move")
    start, end, _ = pane.overview._marks[move]
    assert start < 0.3 and end - start < 0.3, (start, end)
