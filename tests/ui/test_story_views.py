"""The story views in the window, driven as a user would on the real corpus: the list as a tree
of stories, the story overview (heat map, readings at a clicked passage, similarity matrix,
timeline, derivation), the N-way view of three selected versions, opening a pair from there in
the pairwise comparison, and the similarity threshold in Preferences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor

from tests.ui.test_main_window import drop
from variorum.ui.main_window import MainWindow
from variorum.ui.models.story_tree import ROLE, SITE, TITLE, WORDS, SummaryRole
from variorum.ui.widgets.story.view import DERIVATION, HEAT, MATRIX, TIMELINE

pytestmark = pytest.mark.gui

WAIT_MS = 90000


def settle(qtbot, window: MainWindow) -> None:
    try:
        qtbot.waitUntil(lambda: not window.busy(), timeout=WAIT_MS)
    except Exception:
        stories = window.stories
        parts = {
            "loader": window.loader.busy(),
            "compare": window.compare.busy(),
            "grouper": stories.grouper.busy(),
            "story view": stories.controller.busy(),
            "tasks": window.tasks.busy(),
        }
        raise AssertionError(f"still busy: {parts}") from None


def top_rows(window: MainWindow) -> list[QModelIndex]:
    proxy = window.article_list.proxy
    return [proxy.index(r, TITLE) for r in range(proxy.rowCount())]


def story_row(window: MainWindow, prefix: str) -> QModelIndex:
    rows = [i for i in top_rows(window) if str(i.data()).startswith(prefix)]
    assert len(rows) == 1, [i.data() for i in top_rows(window)]
    return rows[0]


def cells(index: QModelIndex) -> list[str]:
    return [str(index.siblingAtColumn(c).data() or "") for c in (TITLE, SITE, WORDS, ROLE)]


def children(index: QModelIndex) -> list[QModelIndex]:
    model = index.model()
    return [model.index(r, TITLE, index) for r in range(model.rowCount(index))]


def click(qtbot, window: MainWindow, index: QModelIndex, ctrl: bool = False) -> None:
    view = window.article_list.view
    view.scrollTo(index)
    rect = view.visualRect(index)
    right = min(rect.right(), view.viewport().width() - 1)
    point = QPoint((rect.left() + right) // 2, rect.center().y())
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, point)


def article_of(window: MainWindow, index: QModelIndex):  # type: ignore[no-untyped-def]
    tree = window.article_list.tree
    return tree.articles_of(window.article_list.proxy.mapToSource(index))[0]


def name(article) -> str:  # type: ignore[no-untyped-def]
    return Path(article.source_path).name


@pytest.fixture
def seeds_window(qtbot, make_window, seeds_dir):  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1280, 800)
    drop(window, seeds_dir)
    settle(qtbot, window)
    return window


def test_corpus_folders_are_listed_as_stories_of_versions(qtbot, make_window, corpus_dir) -> None:
    window = make_window()
    window.resize(1280, 800)
    progress: list[tuple[int, int]] = []
    window.stories.grouper.progress.connect(lambda done, total: progress.append((done, total)))
    drop(window, corpus_dir / "seeds", corpus_dir / "darwin", corpus_dir / "bbc")
    settle(qtbot, window)
    # Grouping ran in the background and said how far it was.
    assert any(total >= 10 and done == total for done, total in progress)
    assert progress[-1] == (0, 0) and not window.article_list.progress.isVisible()

    darwin = story_row(window, "On the Origin of Species")
    assert darwin.siblingAtColumn(ROLE).data() == "6 versions"
    assert darwin.data(SummaryRole) == "6 versions · 1859–1872"  # years from the titles
    versions = [cells(i) for i in children(darwin)]
    # Titles differ only at the end: the versions are labelled by what tells them apart.
    assert [v[0] for v in versions] == [
        f"({year} edition)" for year in (1859, 1860, 1861, 1866, 1869, 1872)
    ]
    assert [v[3] for v in versions] == ["base"] + ["re-post"] * 5

    seeds = story_row(window, "OpenAI CEO Calls")
    members = children(seeds)
    got = {name(article_of(window, m)): m.siblingAtColumn(ROLE).data() for m in members}
    assert got == {
        "000_b120c129b8455706.txt": "base",
        "001_59f23f4e68da0fa5.txt": "re-post",
        "002_de268bcb6ddf5a6b.txt": "rewrite",
    }
    # 003 is a different story about the same people: alone, marked related, not merged.
    lone = [i for i in top_rows(window) if i.siblingAtColumn(ROLE).data() == "related"]
    assert len(lone) == 1 and lone[0].model().rowCount(lone[0]) == 0
    assert "Related to “OpenAI CEO Calls" in lone[0].data(Qt.ItemDataRole.ToolTipRole)
    # The two BBC files are byte-identical: the library keeps one article and says so.
    # The list says the text came from two files, and names both.
    bbc = [i for i in top_rows(window) if "Son-in-law" in str(i.data())]
    assert len(bbc) == 1 and bbc[0].siblingAtColumn(ROLE).data() == "2 files"
    tip = bbc[0].data(Qt.ItemDataRole.ToolTipRole)
    assert "6072486-A.html" in tip and "also loaded from" in tip and "6072486-B.html" in tip
    assert "already in the library" in window.statusBar().currentMessage()


def test_filter_finds_a_story_by_words_of_its_text(qtbot, seeds_window) -> None:
    window = seeds_window
    qtbot.keyClicks(window.article_list.filter_box, "Beijing")  # in the text, not the titles
    titles = [str(i.data()) for i in top_rows(window)]
    assert any(t.startswith("OpenAI CEO Calls") for t in titles)
    window.article_list.filter_box.clear()
    qtbot.keyClicks(window.article_list.filter_box, "Aijiwei")  # 002's site
    story = story_row(window, "OpenAI CEO Calls")
    assert [c.siblingAtColumn(SITE).data() for c in children(story)] == ["Aijiwei"]


def test_a_story_shows_its_heat_map_and_a_clicked_passage_lists_every_version(
    qtbot, make_window, seeds_dir
) -> None:
    from variorum.ui.widgets.compare import ComparePane

    window = make_window(pane_factory=ComparePane)
    window.resize(1280, 800)
    drop(window, seeds_dir)
    settle(qtbot, window)
    click(qtbot, window, story_row(window, "OpenAI CEO Calls"))
    settle(qtbot, window)
    view = window.stories.view
    assert window.centre.showing_story() and view.shown is not None
    assert view.tabs.currentIndex() == HEAT
    assert "3 versions" in view.title.text() and "base: " in view.title.text()
    assert "Related stories" in view.title.text()  # 003, with a link to it
    heat = view.heat
    # The legend: "none", then one swatch per number of versions that changed a word.
    assert [s.text for s in heat.legend.swatches] == ["none", "1", "2"]
    # The base (000, the earliest) as it is, shaded: document positions are base offsets.
    assert heat.text.toPlainText() == view.shown.nway.base_text
    assert name(window.library.get(view.shown.ids[0]).article) == "000_b120c129b8455706.txt"
    changed = [r for r in heat.text.runs() if r.count == 2 and r.end - r.start > 3]
    assert changed, "both other versions change some of 000"
    # Click inside a passage both versions changed.
    cursor = QTextCursor(heat.text.document())
    cursor.setPosition(changed[0].start + 1)
    heat.text.setTextCursor(cursor)
    heat.text.ensureCursorVisible()
    point = heat.text.cursorRect(cursor).center()
    qtbot.mouseClick(heat.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    readings = heat.readings
    assert readings.topLevelItemCount() >= 3
    rows = [readings.topLevelItem(i) for i in range(readings.topLevelItemCount())]
    assert rows[0].text(1) == "base"
    assert "Changed in 2 of 2 versions" in heat.text.explain(changed[0].start + 1)
    # Enter on a changed reading opens that version against the base, at that change.
    target = next(r for r in rows[1:] if r.data(0, Qt.ItemDataRole.UserRole) is not None)
    version, change = target.data(0, Qt.ItemDataRole.UserRole)
    readings.setFocus()
    readings.setCurrentItem(target)
    qtbot.keyClick(readings, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert not window.centre.showing_story()
    a, b = window.compare.current_pair()
    assert a.id == view.shown.ids[0] and b.id == view.shown.ids[version]
    qtbot.waitUntil(lambda: window.pane.current_change_index() == change, timeout=WAIT_MS)


def test_matrix_and_derivation_open_any_two_versions(qtbot, seeds_window) -> None:
    window = seeds_window
    click(qtbot, window, story_row(window, "OpenAI CEO Calls"))
    settle(qtbot, window)
    view = window.stories.view
    shown = view.shown
    view.tabs.setCurrentIndex(MATRIX)
    table = view.matrix.table
    assert table.rowCount() == table.columnCount() == 3
    assert 50 <= int(table.item(0, 1).text()) <= 100  # 000 and its re-post share most words
    assert int(table.item(0, 2).text()) < int(table.item(0, 1).text())  # the rewrite less
    qtbot.wait(50)  # laid out
    rect = table.visualItemRect(table.item(1, 2))
    assert table.viewport().rect().contains(rect), "three versions fit without scrolling"
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window)
    assert not window.centre.showing_story()
    assert [a.id for a in window.compare.current_pair()] == [shown.ids[1], shown.ids[2]]

    click(qtbot, window, story_row(window, "OpenAI CEO Calls"))
    settle(qtbot, window)
    view.tabs.setCurrentIndex(DERIVATION)
    tree = view.derivation
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [r.text(1) for r in rows] == ["base", "re-post", "rewrite"]
    assert rows[2].text(2).startswith("a shortened rewrite of")
    tree.setFocus()
    tree.setCurrentItem(rows[2])
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert [a.id for a in window.compare.current_pair()] == [shown.ids[0], shown.ids[2]]


def test_darwin_overview_timeline_and_three_versions_selected(
    qtbot, make_window, corpus_dir
) -> None:
    window = make_window()
    window.resize(1280, 800)
    drop(window, corpus_dir / "darwin")
    settle(qtbot, window)
    darwin = story_row(window, "On the Origin of Species")
    click(qtbot, window, darwin)
    settle(qtbot, window)
    view = window.stories.view
    assert len(view.shown.ids) == 6 and view.shown.labels[0] == "(1859 edition)"
    # The later editions differ from 1859: words shaded at every level up to all five.
    counts = {r.count for r in view.heat.text.runs()}
    assert {0, 1, 5} <= counts
    assert view.tabs.isTabEnabled(TIMELINE)
    assert view.timeline.describe().startswith("1859: (1859 edition); 1860: (1860 edition)")

    # Three editions selected (Ctrl+click): the same view for them, 1859 as base.
    editions = children(darwin)
    click(qtbot, window, editions[0])
    click(qtbot, window, editions[2], ctrl=True)
    click(qtbot, window, editions[5], ctrl=True)
    settle(qtbot, window)
    assert window.centre.showing_story()
    assert view.shown.labels == ("(1859 edition)", "(1861 edition)", "(1872 edition)")
    assert "3 versions selected" in view.title.text()
    assert [s.text for s in view.heat.legend.swatches][-1] == "2"
    # Two selected: back to the pairwise comparison.
    click(qtbot, window, editions[5], ctrl=True)
    settle(qtbot, window)
    assert not window.centre.showing_story()


def test_threshold_is_a_preference_that_regroups(qtbot, seeds_window) -> None:
    window = seeds_window
    assert window.article_list.tree.rowCount() == 2  # the story of three, and 003
    dialog = window.open_preferences()
    box = dialog.story_threshold
    assert box.value() == pytest.approx(window.settings.story_threshold)
    box.selectAll()
    qtbot.keyClicks(box, "0.95")
    dialog.accept()
    settle(qtbot, window)
    assert window.settings.story_threshold == pytest.approx(0.95)
    saved = json.loads(window.store.path.read_text())
    assert saved["story_threshold"] == pytest.approx(0.95)
    # So strict that the rewrite (and the re-post with its new lede) stand alone.
    assert window.article_list.tree.rowCount() >= 3


def story_sizes(window: MainWindow) -> dict[str, int]:
    """Top-level rows by title: a story's number of versions, a lone article's 1."""
    proxy = window.article_list.proxy
    return {str(i.data()): max(1, proxy.rowCount(i)) for i in top_rows(window)}


def keys(qtbot, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    view = window.article_list.view
    view.setFocus()
    qtbot.keyClick(view, key, mods)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_split_merge_rename_and_move_with_undo_and_kept_after_restart(
    qtbot, make_window, seeds_dir, tmp_path
) -> None:
    window = make_window(tmp_path / "lib")
    window.resize(1280, 800)
    drop(window, seeds_dir)
    settle(qtbot, window)
    story = story_row(window, "OpenAI CEO Calls")
    title = str(story.data())
    assert story_sizes(window)[title] == 3
    menus = {a.menu().objectName(): a.menu() for a in window.menuBar().actions() if a.menu()}
    shown = {a.objectName(): a.shortcut().toString() for a in menus["menuStories"].actions()}
    assert shown["actionSplitStory"] == "Ctrl+Shift+N" and shown["actionRenameStory"] == "F2"

    # Split the rewrite off into a story of its own (Ctrl+Shift+N), then undo.
    rewrite = next(c for c in children(story) if c.siblingAtColumn(ROLE).data() == "rewrite")
    rewrite_id = article_of(window, rewrite).id
    click(qtbot, window, rewrite)
    keys(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    settle(qtbot, window)
    assert story_sizes(window)[title] == 2
    assert window.stories.grouper.grouping().story_of(rewrite_id).ids == (rewrite_id,)
    assert window.undo_stack.undoText().startswith("Split off 1 version")
    window.menu_actions.undo.trigger()
    settle(qtbot, window)
    assert story_sizes(window)[title] == 3

    # Rename in place with F2.
    click(qtbot, window, story_row(window, "OpenAI CEO Calls"))
    keys(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    editor = window.article_list.view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Altman in Beijing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert story_sizes(window).get("Altman in Beijing") == 3

    # Merge the related article 003 into the story (Ctrl+click both, Ctrl+Shift+J).
    related = next(i for i in top_rows(window) if i.siblingAtColumn(ROLE).data() == "related")
    related_id = article_of(window, related).id
    click(qtbot, window, story_row(window, "Altman in Beijing"))
    click(qtbot, window, related, ctrl=True)
    keys(qtbot, window, Qt.Key.Key_J, CTRL_SHIFT)
    settle(qtbot, window)
    assert story_sizes(window) == {"Altman in Beijing": 4}
    merged = story_row(window, "Altman in Beijing")
    roles = {article_of(window, c).id: c.siblingAtColumn(ROLE).data() for c in children(merged)}
    assert roles[related_id] == "related"
    window.menu_actions.undo.trigger()
    settle(qtbot, window)
    assert story_sizes(window)["Altman in Beijing"] == 3

    # Move 003 into the story from the Move to Story dialog (Ctrl+Shift+G).
    from variorum.ui.stories.move_dialog import MoveDialog

    related = next(i for i in top_rows(window) if i.siblingAtColumn(ROLE).data() == "related")
    click(qtbot, window, related)
    keys(qtbot, window, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = window.findChild(MoveDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.filter, "beijing")
    assert dialog.chosen() == window.stories.grouper.grouping().story_of(rewrite_id).id
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert story_sizes(window) == {"Altman in Beijing": 4}

    # The choices are stored in the library: a restart shows the same stories.
    window.close()
    again = make_window(tmp_path / "lib")
    settle(qtbot, again)
    assert story_sizes(again) == {"Altman in Beijing": 4}


@pytest.mark.slow
def test_quote_drift_across_the_story(qtbot, make_window, seeds_dir) -> None:
    """With the real language model: the Quote Drift tab lists Altman's statements in 000 and
    what 001 and 002 have for each, and which version first reworded one."""
    from variorum.ui.widgets.story.view import QUOTES

    window = make_window(sidebar=True)
    window.resize(1280, 800)
    drop(window, seeds_dir)
    settle(qtbot, window)
    click(qtbot, window, story_row(window, "OpenAI CEO Calls"))
    settle(qtbot, window)
    view = window.stories.view
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(QUOTES).center())
    panel = view.quotes
    qtbot.waitUntil(lambda: panel.drift is not None, timeout=180000)
    tree = panel.tree
    speakers = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any("Altman" in s for s in speakers), speakers
    altman = next(tree.topLevelItem(i) for i, s in enumerate(speakers) if "Altman" in s)
    statements = [altman.child(i) for i in range(altman.childCount())]
    assert statements
    marks = {s.text(k) for s in statements for k in (1, 2)}
    assert marks <= {"=", "≠", "—"} and "=" in marks
    # The header names the versions; a reworded statement names who changed it first.
    assert tree.headerItem().text(3) == "First changed in"
    reworded = [s for s in statements if "≠" in (s.text(1), s.text(2))]
    for s in reworded:
        assert s.text(3) in view.shown.labels[1:]
    tree.setCurrentItem(statements[0])
    assert "(base)" in panel.detail.toPlainText()
    assert "reworded in at least one version" in panel.status.text()


def test_a_second_file_with_the_same_text_is_shown_as_a_copy(qtbot, make_window, texts) -> None:
    """Dropped later, a file whose text the library already has is not stored twice, but the
    row says two files carried it and the filter finds it by the second file's name."""
    window = make_window()
    drop(window, texts["a.txt"])
    settle(qtbot, window)
    copy = texts["a.txt"].with_name("a-reposted.txt")
    copy.write_bytes(texts["a.txt"].read_bytes())
    drop(window, copy)
    settle(qtbot, window)
    (row,) = top_rows(window)
    assert row.siblingAtColumn(ROLE).data() == "2 files"
    assert str(copy) in row.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClicks(window.article_list.filter_box, "reposted")
    assert len(top_rows(window)) == 1


def test_a_drop_led_by_two_copies_selects_two_different_articles(
    qtbot, make_window, texts
) -> None:
    window = make_window()
    copy = texts["a.txt"].with_name("a-reposted.txt")
    copy.write_bytes(texts["a.txt"].read_bytes())
    drop(window, texts["a.txt"], copy, texts["b.txt"])
    settle(qtbot, window)
    chosen = {Path(a.source_path).name for a in window.article_list.selected_articles()}
    assert chosen == {"a.txt", "b.txt"}
