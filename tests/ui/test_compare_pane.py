"""ComparePane driven like a user would: rendered highlights read back from the document's
character formats, F7 / Shift+F7, view switching, swap, options, the change list, the overview
strip, reading mode and highlights requested by the speakers sidebar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.changes import (
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    UnitPair,
    UnitStatus,
)
from variorum.core.options import CompareOptions
from variorum.ui.widgets.compare import ComparePane
from variorum.ui.widgets.compare.change_list import KindRole

pytestmark = pytest.mark.gui

A_TEXT = "The quick brown fox jumps over the dog.\n\nA second paragraph stays."
B_TEXT = "The quick red fox leaps over the lazy dog.\n\nA second paragraph stays."


def article(text: str, title: str, headings: set[int] | None = None, **extra: object) -> Article:
    draft = ArticleDraft(format="text", paragraphs=text.split("\n\n"), title=title)
    draft.headings = headings or set()
    for key, value in extra.items():
        setattr(draft, key, value)
    return build_article(draft, None)


def replace(a: str, b: str, old: str, new: str, a_from: int = 0, b_from: int = 0) -> Change:
    a_start, b_start = a.index(old, a_from), b.index(new, b_from)
    return Change(
        ChangeKind.REPLACE, a_start, a_start + len(old), b_start, b_start + len(new), old, new
    )


def insert(a: str, b: str, new: str, a_at: int) -> Change:
    b_start = b.index(new)
    return Change(ChangeKind.INSERT, a_at, a_at, b_start, b_start + len(new), "", new)


def small_comparison() -> Comparison:
    changes = (
        replace(A_TEXT, B_TEXT, "brown", "red"),
        replace(A_TEXT, B_TEXT, "jumps", "leaps"),
        insert(A_TEXT, B_TEXT, "lazy ", A_TEXT.index("dog.")),
    )
    a_end, b_end = A_TEXT.index("\n"), B_TEXT.index("\n")
    units = (
        UnitPair(UnitStatus.MODIFIED, 0, a_end, 0, b_end),
        UnitPair(UnitStatus.IDENTICAL, a_end + 2, len(A_TEXT), b_end + 2, len(B_TEXT)),
    )
    return Comparison(A_TEXT, B_TEXT, changes, CompareStats(2, 2, 0, 1), 0.8, units)


@pytest.fixture
def shown(pane: ComparePane) -> ComparePane:
    pane.show_comparison(article(A_TEXT, "Old"), article(B_TEXT, "New"), small_comparison())
    return pane


def char_format_of(document: QTextDocument, needle: str):
    found = document.find(needle)
    assert not found.isNull(), needle
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat()


def test_inline_underlines_insertions_and_strikes_deletions(shown: ComparePane) -> None:
    gap = ("gap", "\u2009")  # a replacement's old and new words never touch
    assert shown.rendered_spans() == [
        ("delete", "brown"),
        gap,
        ("insert", "red"),
        ("delete", "jumps"),
        gap,
        ("insert", "leaps"),
        ("insert", "lazy "),
    ]
    document = shown.view.document()
    red = char_format_of(document, "red")
    assert red.fontUnderline() and not red.fontStrikeOut()
    brown = char_format_of(document, "brown")
    assert brown.fontStrikeOut() and not brown.fontUnderline()
    plain = char_format_of(document, "quick")
    assert not plain.fontUnderline() and not plain.fontStrikeOut()
    # Insertions and deletions differ in colour too, but never by colour alone.
    assert red.foreground().color() != brown.foreground().color()
    # The original text of B is shown, with A's deleted words where they were removed.
    assert document.toPlainText() == (
        "The quick brown\u2009red fox jumps\u2009leaps over the lazy dog.\n\n"
        "A second paragraph stays."
    )


def test_header_shows_titles_similarity_and_counts(shown: ComparePane) -> None:
    titles = shown.header.titles_text()
    assert "A: Old" in titles and "B: New" in titles
    summary = shown.header.summary.text()
    assert "80 %" in summary
    # one vocabulary: changes (as the toolbar counts them) and the paragraphs they touch
    assert "3 changes in 1 paragraph · +2 words inserted, −2 deleted, 0 moved" in summary
    assert shown.actions_.counter.text() == "3 changes"
    tip = shown.header.summary.toolTip()
    assert "A change is one place where" in tip and "Paragraphs changed:" in tip
    assert "unit" not in summary + tip
    assert shown.header.notices.isHidden()


def test_notices_and_coarse_units_are_shown(pane: ComparePane) -> None:
    second = A_TEXT.index("A second")
    whole = Change(
        ChangeKind.REPLACE, 0, second - 2, 0, B_TEXT.index("A second") - 2,
        A_TEXT[: second - 2], B_TEXT[: B_TEXT.index("A second") - 2],
    )  # fmt: skip
    units = (
        UnitPair(UnitStatus.MODIFIED, whole.a_start, whole.a_end, whole.b_start, whole.b_end, True),
        UnitPair(UnitStatus.IDENTICAL, second, len(A_TEXT), whole.b_end + 2, len(B_TEXT)),
    )
    comparison = Comparison(
        A_TEXT, B_TEXT, (whole,), CompareStats(), 0.5, units,
        notices=("Paragraph 1 is too large for word-level detail",),
    )  # fmt: skip
    pane.show_comparison(article(A_TEXT, "Old"), article(B_TEXT, "New"), comparison)
    assert pane.header.notices.isVisible()
    assert "too large" in pane.header.notices.text()
    for mode in ("inline", "side_by_side"):
        pane.set_view_mode(mode)
        text = pane.view.document().toPlainText()
        assert text.count("[too large for word-level detail]") == 1, mode


def test_f7_and_shift_f7_move_the_current_change(qtbot, shown: ComparePane) -> None:
    shown.activateWindow()
    shown.view.setFocus()
    assert shown.current_change_index() is None
    qtbot.keyClick(shown.view, Qt.Key.Key_F7)
    assert shown.current_change_index() == 0
    qtbot.keyClick(shown.view, Qt.Key.Key_F7)
    qtbot.keyClick(shown.view, Qt.Key.Key_F7)
    assert shown.current_change_index() == 2
    assert shown.actions_.counter.text() == "3 of 3"
    assert not shown.actions_.next.isEnabled()
    qtbot.keyClick(shown.view, Qt.Key.Key_F7)  # at the last change: stays
    assert shown.current_change_index() == 2
    qtbot.keyClick(shown.view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert shown.current_change_index() == 1
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(shown.view, Qt.Key.Key_S, both)
    assert shown.view_mode() == "side_by_side"
    qtbot.keyClick(shown.view, Qt.Key.Key_S, both)
    assert shown.view_mode() == "inline"
    # The current change is highlighted and the caret sits on it.
    selections = shown.view.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["jumps", "leaps"]
    assert shown.change_list.currentIndex().row() == 1


def test_first_f7_starts_from_the_visible_text(shown: ComparePane) -> None:
    """With no current change, next is looked up from the top of the view (navigate)."""
    comparison = small_comparison()
    top = comparison.navigate("b", 0)
    shown.actions_.next.trigger()
    assert shown.current_change_index() == top.next


def test_switching_views_keeps_the_current_change(qtbot, shown: ComparePane) -> None:
    shown.go_to_change(1)
    with qtbot.waitSignal(shown.view_mode_changed) as signal:
        shown.set_view_mode("side_by_side")
    assert signal.args == ["side_by_side"]
    assert shown.actions_.side_by_side.isChecked()
    assert shown.current_change_index() == 1
    spans = shown.rendered_spans()
    # Left column: A with deletions struck; right column: B with insertions underlined.
    assert ("delete", "brown") in spans and ("insert", "red") in spans
    assert [s.cursor.selectedText() for s in shown.view.extraSelections()] == ["jumps", "leaps"]
    with qtbot.waitSignal(shown.view_mode_changed):
        shown.actions_.toggle_view.trigger()
    assert shown.view_mode() == "inline"
    assert shown.actions_.inline.isChecked()


def test_side_by_side_rows_are_aligned(shown: ComparePane) -> None:
    shown.set_view_mode("side_by_side")
    document = shown.view.document()
    tables = [f for f in document.rootFrame().childFrames() if f.rows() and f.columns() == 2]
    rows = []
    for table in tables:
        for r in range(table.rows()):
            cells = []
            for c in range(2):
                cell = table.cellAt(r, c)
                cursor = QTextCursor(document)
                cursor.setPosition(cell.firstPosition())
                cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
                cells.append(cursor.selectedText())
            rows.append(cells)
    assert rows == [
        ["The quick brown fox jumps over the dog.", "The quick red fox leaps over the lazy dog."],
        ["A second paragraph stays.", "A second paragraph stays."],
    ]


def test_swap_button_emits(qtbot, shown: ComparePane) -> None:
    with qtbot.waitSignal(shown.swap_requested):
        shown.actions_.swap.trigger()


def test_options_menu_emits_options_and_set_options_is_quiet(qtbot, shown: ComparePane) -> None:
    action = shown.actions_.option_actions["ignore_case"]
    assert not action.isChecked()
    with qtbot.waitSignal(shown.options_changed) as signal:
        action.trigger()
    assert signal.args == [CompareOptions(ignore_case=True)]
    with qtbot.assertNotEmitted(shown.options_changed):
        shown.set_options(CompareOptions.strict())
    assert not shown.actions_.option_actions["fold_quotes"].isChecked()
    menu = shown.actions_.options_menu.actions()
    assert len(menu) == 8 and all(a.isCheckable() for a in menu)


def test_change_list_model_and_click_jumps(qtbot, qtmodeltester, shown: ComparePane) -> None:
    model = shown.change_list.list_model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "Replaced: “brown” → “red”"
    assert model.data(model.index(2, 0)) == "Inserted: “lazy”"
    assert model.data(model.index(2, 0), KindRole) == "insert"
    rect = shown.change_list.visualRect(model.index(2, 0))
    qtbot.mouseClick(shown.change_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.current_change_index() == 2


def test_overview_strip_marks_and_click_jumps(qtbot, shown: ComparePane) -> None:
    strip = shown.overview
    assert len(strip._marks) == 3
    assert [m[0] for m in strip._marks] == sorted(m[0] for m in strip._marks)
    y = int(strip._marks[2][0] * strip.height()) + 1
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    assert shown.current_change_index() == 2


def moved_comparison() -> tuple[str, str, Comparison]:
    a = "First para.\n\nMoving para here.\n\nLast para."
    b = "First para.\n\nLast para.\n\nMoving para here."
    ma, mb = a.index("Moving"), b.index("Moving")
    n = len("Moving para here.")
    la, lb = a.index("Last"), b.index("Last")
    move = Change(ChangeKind.MOVE, ma, ma + n, mb, mb + n, a[ma : ma + n], b[mb : mb + n])
    units = (
        UnitPair(UnitStatus.IDENTICAL, 0, 11, 0, 11),
        UnitPair(UnitStatus.IDENTICAL, la, la + 10, lb, lb + 10),
        UnitPair(UnitStatus.MOVED, ma, ma + n, mb, mb + n),
    )
    comparison = Comparison(a, b, (move,), CompareStats(moved_words=3, changed_units=1), 1.0, units)
    return a, b, comparison


def test_moved_text_is_styled_and_marked_where_it_was(pane: ComparePane) -> None:
    a, b, comparison = moved_comparison()
    pane.show_comparison(article(a, "A"), article(b, "B"), comparison)
    spans = pane.rendered_spans()
    assert ("move", "Moving para here.") in spans
    kinds = [k for k, _ in spans]
    # The origin marker comes before the moved text (it was earlier in A).
    assert kinds.index("marker") < kinds.index("move")
    text = pane.view.document().toPlainText()
    # A whole paragraph moved: its marker stands on a line of its own where it was.
    assert "First para.\n\n[moved ↓: “Moving para here.”]\n\nLast para." in text
    document = pane.view.document()
    found = document.find("Moving", document.find("[moved from").selectionEnd())
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 1)
    moved = cursor.charFormat()
    assert moved.fontOverline() and moved.fontUnderline() and not moved.fontStrikeOut()
    pane.view.anchorClicked.emit(QUrl("change:1:0"))
    assert pane.current_change_index() == 0


def test_real_engine_move_with_an_edit_inside(pane: ComparePane) -> None:
    a = (
        "First paragraph is here and it is long enough to count.\n\n"
        "The moving paragraph talks about foxes and dogs in the field today.\n\n"
        "Middle paragraph stays where it is with plenty of words in it.\n\n"
        "Last paragraph ends the story with a few more words."
    )
    b = (
        "First paragraph is here and it is long enough to count.\n\n"
        "Middle paragraph stays where it is with plenty of words in it.\n\n"
        "Last paragraph ends the story with a few more words.\n\n"
        "The moving paragraph talks about foxes and cats in the field today."
    )
    from variorum.core.diff import compare_texts

    comparison = compare_texts(a, b)
    if not any(c.kind == ChangeKind.MOVE for c in comparison.changes):
        pytest.skip("this engine reports no move for the pair")
    pane.show_comparison(article(a, "A"), article(b, "B"), comparison)
    spans = [(k, t) for k, t in pane.rendered_spans() if k not in ("marker", "gap")]
    assert spans == [
        ("move", "The moving paragraph talks about foxes and "),
        ("delete", "dogs"),
        ("insert", "cats"),
        ("move", " in the field today."),
    ]
    pane.set_view_mode("side_by_side")
    roles = [row.role for row in pane.docs.current("side_by_side").rows]
    assert roles == ["", "origin", "", "", "target"]


def test_side_by_side_moved_unit_is_linked_to_its_twin(pane: ComparePane) -> None:
    a, b, comparison = moved_comparison()
    pane.show_comparison(article(a, "A"), article(b, "B"), comparison)
    pane.set_view_mode("side_by_side")
    built = pane.docs.current("side_by_side")
    roles = [(row.role, row.twin) for row in built.rows]
    # Rows: First, origin of the moved unit (A order), Last, the moved unit where it is now.
    assert roles == [("", None), ("origin", 3), ("", None), ("target", 1)]
    text = pane.view.document().toPlainText()
    assert "[moved from here ↓]" in text and "[moved here from ↑]" in text
    pane.view.anchorClicked.emit(QUrl("row:1:3"))
    [selection] = pane.view.extraSelections()
    assert selection.cursor.selectedText() == "Moving para here."
    assert selection.cursor.selectionStart() == built.row_cells[3][1][0]


def test_reading_mode_bold_headings_and_boilerplate(pane: ComparePane) -> None:
    item = article(
        "Big headline\n\nBody text here.",
        "Big headline",
        headings={0},
        boilerplate=["Cookie banner", "See also: other news"],
    )
    pane.show_article(item, show_boilerplate=True)
    assert pane.rendered_spans() == [
        ("boilerplate", "Cookie banner"),
        ("boilerplate", "See also: other news"),
        ("heading", "Big headline"),
    ]
    assert not pane.actions_.next.isEnabled()
    pane.show_article(item)
    assert pane.rendered_spans() == [("heading", "Big headline")]
    assert pane.view.document().toPlainText() == item.text
    pane.highlight_ranges("b", [(item.text.index("Body"), item.text.index("Body") + 4)])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["Body"]


def test_highlight_ranges_on_both_sides(pane: ComparePane, qtbot: QtBot) -> None:
    pane.show_comparison(article(A_TEXT, "Old"), article(B_TEXT, "New"), small_comparison())
    second = B_TEXT.index("second")
    pane.highlight_ranges("b", [(second, second + 6)])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["second"]
    qtbot.wait(5)  # the next click starts afresh
    brown = A_TEXT.index("brown")
    pane.highlight_ranges("a", [(brown, brown + 5)])  # deleted text is shown inline
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["brown"]
    qtbot.wait(5)
    stays = A_TEXT.index("stays")  # unchanged A text maps to B's copy
    pane.highlight_ranges("a", [(stays, stays + 5)])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["stays"]
    pane.set_view_mode("side_by_side")  # highlights follow a view switch
    [selection] = pane.view.extraSelections()
    assert selection.cursor.selectedText() == "stays"


def test_one_click_highlights_mentions_in_both_versions(pane: ComparePane, qtbot: QtBot) -> None:
    """The sidebar sends A's mentions and then B's for one entity: both stay highlighted."""
    pane.show_comparison(article(A_TEXT, "Old"), article(B_TEXT, "New"), small_comparison())
    brown = A_TEXT.index("brown")
    second = B_TEXT.index("second")
    pane.highlight_ranges("a", [(brown, brown + 5)])
    pane.highlight_ranges("b", [(second, second + 6)])
    selected = sorted(s.cursor.selectedText() for s in pane.view.extraSelections())
    assert selected == ["brown", "second"]
    qtbot.wait(5)
    pane.highlight_ranges("b", [(second, second + 6)])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["second"]


def test_pending_and_message_states(pane: ComparePane) -> None:
    pane.show_pending(article(A_TEXT, "Old"), article(B_TEXT, "New"))
    assert pane.message.text() == "Comparing…" and pane.message.isVisible()
    assert pane.actions_.swap.isEnabled() and not pane.actions_.next.isEnabled()
    pane.show_message("Select two articles")
    assert pane.message.text() == "Select two articles"
    assert pane.rendered_spans() == []
    assert pane.current_change_index() is None


def test_actions_for_the_main_window(shown: ComparePane) -> None:
    shortcuts = [a.shortcut().toString() for a in shown.navigation_actions()]
    assert shortcuts == ["Shift+F7", "F7"]
    views = [a for a in shown.view_actions() if not a.isSeparator()]
    assert [a.text() for a in views] == [
        "Inline", "Side by side", "Changes Only", "Change List", "Zoom In", "Zoom Out",
        "Actual Size",
    ]  # fmt: skip
    assert all(a.isCheckable() for a in views[:4])
    assert [a.shortcut().toString() for a in shown.find_actions()] == ["Ctrl+F", "F3", "Shift+F3"]
    with pytest.raises(ValueError):
        shown.set_view_mode("sideways")


# --- the real engine on the real corpus --------------------------------------------------
def _load(path: Path) -> Article:
    from variorum.core.ingest import load_file

    return load_file(path)


@pytest.mark.corpus
def test_seeds_000_001_show_no_quote_style_noise(pane: ComparePane, seeds_dir: Path) -> None:
    from tests.conftest import seed_path
    from variorum.core.diff import compare_texts

    a, b = _load(seed_path(seeds_dir, "000")), _load(seed_path(seeds_dir, "001"))
    pane.show_comparison(a, b, compare_texts(a.text, b.text, CompareOptions()))
    spans = pane.rendered_spans()
    changed = [text for kind, text in spans if kind in ("insert", "delete")]
    assert changed, "the real edits are shown"
    quotes = set("\"'“”‘’«»")
    assert not [t for t in changed if t.strip() and set(t.strip()) <= quotes | {" "}]
    for mode in ("side_by_side", "inline"):
        pane.set_view_mode(mode)
        pane.actions_.next.trigger()
        assert pane.current_change_index() is not None


@pytest.mark.corpus
def test_seeds_000_002_pairs_the_talent_sentence(pane: ComparePane, seeds_dir: Path) -> None:
    from tests.conftest import seed_path
    from variorum.core.diff import compare_texts

    a, b = _load(seed_path(seeds_dir, "000")), _load(seed_path(seeds_dir, "002"))
    comparison = compare_texts(a.text, b.text, CompareOptions())
    pane.show_comparison(a, b, comparison)
    pane.set_view_mode("side_by_side")
    built = pane.docs.current("side_by_side")
    document = pane.view.document()
    rows_with_talent = []
    for (left_start, left_end), (right_start, right_end) in built.row_cells:
        cursor = QTextCursor(document)
        cursor.setPosition(left_start)
        cursor.setPosition(left_end, QTextCursor.MoveMode.KeepAnchor)
        left = cursor.selectedText()
        cursor.setPosition(right_start)
        cursor.setPosition(right_end, QTextCursor.MoveMode.KeepAnchor)
        if "best AI talent" in left and "best AI talent" in cursor.selectedText():
            rows_with_talent.append(left)
    assert rows_with_talent, "the talent sentence of 000 and 002 share a row"
    assert ("delete", "some of") in pane.rendered_spans()


def test_clicking_a_change_makes_it_current(qtbot, shown: ComparePane) -> None:
    document = shown.view.document()
    found = document.find("leaps")
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 2)
    point = shown.view.cursorRect(cursor).center()
    qtbot.mouseClick(shown.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.current_change_index() == 1
    assert shown.actions_.counter.text() == "2 of 3"
    qtbot.keyClick(shown.view, Qt.Key.Key_F7)
    assert shown.current_change_index() == 2
    plain = document.find("quick")
    cursor.setPosition(plain.selectionStart() + 1)
    point = shown.view.cursorRect(cursor).center()
    qtbot.mouseClick(shown.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.current_change_index() == 2  # unchanged text: the current change stays


@pytest.mark.parametrize(
    ("old", "new", "shown_text", "struck"),
    [
        (  # deleted inside a line: spaces on both sides of the struck words
            "“This is one of the most important decisions,” he said.",
            "“This is the most important decisions,” he said.",
            "“This is one of the most important decisions,” he said.",
            "one of",
        ),
        (  # deleted before punctuation: A's space before the struck word
            "The study would be finished soon.",
            "The study would be finished.",
            "The study would be finished soon.",
            "soon",
        ),
        (  # deleted punctuation stays on the word it followed in A, not apart from it
            "One of the first points which strikes us, is that they differ.",
            "One of the first points which strikes us is that they differ.",
            "One of the first points which strikes us, is that they differ.",
            ",",
        ),
    ],
)
def test_deleted_words_stand_apart_from_their_neighbours(
    pane: ComparePane, old: str, new: str, shown_text: str, struck: str
) -> None:
    from variorum.core.diff import compare_texts

    a, b = article(old, "Old"), article(new, "New")
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    assert pane.view.document().toPlainText() == shown_text
    assert ("delete", struck) in pane.rendered_spans()


def test_options_say_what_they_do_and_match_preferences(qtbot, shown: ComparePane) -> None:
    from variorum.core.settings import Settings
    from variorum.ui.dialogs.preferences import PreferencesDialog

    menu = [a.text() for a in shown.actions_.options_menu.actions()]
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    boxes = [box.text() for box in dialog.option_boxes.values()]
    assert menu == boxes  # the same words in the toolbar menu and in Preferences
    numbers = shown.actions_.option_actions["fold_numbers"].text()
    assert "1,000 = 1000" in numbers and "all numbers" not in numbers
    for name in ("fold_accents", "ignore_moves"):
        action = shown.actions_.option_actions[name]
        with qtbot.waitSignal(shown.options_changed) as signal:
            action.trigger()
        assert getattr(signal.args[0], name) is True
        action.trigger()
