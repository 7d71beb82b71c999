"""Long pairs: the side-by-side view shows a preview at once, builds the whole document in the
background, and lookups beyond the preview complete it first. Also dark mode."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette, QTextCursor

from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.diff import compare_texts
from variorum.present.segments import SegKind
from variorum.present.style import DARK, LIGHT
from variorum.ui.widgets.compare import ComparePane
from variorum.ui.widgets.compare.side_build import PREVIEW_ROWS

pytestmark = pytest.mark.gui

ROWS = 3 * PREVIEW_ROWS


def article(paragraphs: list[str], title: str) -> Article:
    return build_article(ArticleDraft("text", paragraphs, title=title), None)


@pytest.fixture
def long_pair() -> tuple[Article, Article]:
    a = [f"Paragraph {i} tells how the brown fox number {i} jumped the fence." for i in range(ROWS)]
    b = list(a)
    for i in range(0, ROWS, 9):
        b[i] = b[i].replace("brown", "red")
    return article(a, "A"), article(b, "B")


def cell_texts(pane: ComparePane) -> list[tuple[str, str]]:
    built = pane.docs.current("side_by_side")
    document = pane.view.document()
    assert document is built.document
    out = []
    for (left_start, left_end), (right_start, right_end) in built.row_cells:
        cursor = QTextCursor(document)
        cursor.setPosition(left_start)
        cursor.setPosition(left_end, QTextCursor.MoveMode.KeepAnchor)
        left = cursor.selectedText()
        cursor.setPosition(right_start)
        cursor.setPosition(right_end, QTextCursor.MoveMode.KeepAnchor)
        out.append((left, cursor.selectedText()))
    return out


def test_preview_then_whole_document_in_the_background(qtbot, pane, long_pair) -> None:
    a, b = long_pair
    comparison = compare_texts(a.text, b.text)
    pane.show_comparison(a, b, comparison)
    pane.set_view_mode("side_by_side")
    preview = pane.docs.current("side_by_side")
    assert preview.pending is not None
    assert len(preview.row_cells) == PREVIEW_ROWS
    qtbot.waitUntil(lambda: pane.docs.current("side_by_side").pending is None, timeout=20_000)
    whole = pane.docs.current("side_by_side")
    assert whole is not preview and pane.view.document() is whole.document
    assert cell_texts(pane) == list(zip(a.paragraph_texts(), b.paragraph_texts(), strict=True))
    qtbot.waitUntil(lambda: not pane.view.layout_pending(), timeout=20_000)
    last = len(comparison.changes) - 1
    pane.go_to_change(last)
    selected = [s.cursor.selectedText() for s in pane.view.extraSelections()]
    assert selected == ["brown", "red"]


def test_jump_beyond_the_preview_completes_it_first(pane, long_pair) -> None:
    a, b = long_pair
    comparison = compare_texts(a.text, b.text)
    pane.show_comparison(a, b, comparison)
    pane.set_view_mode("side_by_side")
    assert pane.docs.current("side_by_side").pending is not None
    last = len(comparison.changes) - 1
    pane.go_to_change(last)
    assert pane.docs.current("side_by_side").pending is None
    selections = pane.view.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["brown", "red"]
    change = comparison.changes[last]
    assert b.text[change.b_start : change.b_end] == "red"
    # The highlighted "red" is in the last row that has one, far beyond the preview.
    built = pane.docs.current("side_by_side")
    row = next(
        i
        for i, cells in enumerate(built.row_cells)
        if cells[1][0] <= selections[1].cursor.selectionStart() < cells[1][1]
    )
    assert row >= PREVIEW_ROWS


def test_highlight_beyond_the_preview(pane, long_pair) -> None:
    a, b = long_pair
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    pane.set_view_mode("side_by_side")
    para = a.paragraphs[-1]
    pane.highlight_ranges("a", [(para.start, para.start + len("Paragraph"))])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["Paragraph"]
    assert pane.docs.current("side_by_side").pending is None


def test_new_comparison_cancels_the_background_build(qtbot, pane, long_pair) -> None:
    a, b = long_pair
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    pane.set_view_mode("side_by_side")
    old_build = pane.docs._side_build
    assert old_build is not None
    old_document = old_build._whole.built.document
    small_a, small_b = article(["One two."], "a"), article(["One three."], "b")
    pane.show_comparison(small_a, small_b, compare_texts(small_a.text, small_b.text))
    assert pane.docs._side_build is None
    assert old_build._whole is None and not old_build._timer.isActive()
    with qtbot.waitSignal(old_document.destroyed):
        pass
    assert ("insert", "three") in pane.rendered_spans()


def test_dark_palette_switches_colours(pane) -> None:
    a, b = article(["One two."], "a"), article(["One three."], "b")
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    found = pane.view.document().find("three")
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(found.selectionStart() + 1)
    assert cursor.charFormat().foreground().color() == QColor(LIGHT.style(SegKind.INSERT).color)
    dark = QPalette(pane.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    pane.setPalette(dark)
    found = pane.view.document().find("three")
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(found.selectionStart() + 1)
    assert cursor.charFormat().foreground().color() == QColor(DARK.style(SegKind.INSERT).color)
    assert cursor.charFormat().fontUnderline()


def top_paragraph(pane: ComparePane, text: str) -> int:
    """Index of B's paragraph at the top of the view."""
    offset = pane.docs.top_b_offset(pane.view_mode(), pane.view.top_position())
    assert offset is not None
    return text.count("\n\n", 0, offset)


@pytest.mark.parametrize("mode", ["inline", "side_by_side"])
def test_recomputing_or_swapping_keeps_the_place(qtbot, pane, long_pair, mode) -> None:
    a, b = long_pair
    pane.set_view_mode(mode)
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    target = b.text.index("Paragraph 200 ")
    pane._restore_top((1, target))
    before = top_paragraph(pane, b.text)
    assert 195 <= before <= 200
    pane.show_pending(a, b)  # e.g. an option changed: the window recomputes
    pane.show_comparison(a, b, compare_texts(a.text, b.text))
    assert top_paragraph(pane, b.text) == before
    pane.show_pending(b, a)  # swapped: the old B is the new A
    pane.show_comparison(b, a, compare_texts(b.text, a.text))
    assert abs(top_paragraph(pane, a.text) - before) <= 1
