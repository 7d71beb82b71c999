"""The article list model: Qt's model contract (qtmodeltester), library order, restore in
place (the filter is the story tree's: test_story_tree.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from variorum.core.article import ArticleDraft, build_article
from variorum.core.library import LibraryEntry
from variorum.ui.models.article_list import (
    SITE,
    TITLE,
    WORDS,
    ArticleListModel,
    ArticleRole,
)

pytestmark = pytest.mark.gui


def entry(title: str, position: int, site: str | None = None, body: str = "") -> LibraryEntry:
    draft = ArticleDraft("text", [title, body or f"Body of {title} with some words."], site=site)
    article = build_article(draft, f"/tmp/{title}.txt")
    return LibraryEntry(article, article.source_path, 1_700_000_000.0, position)


def test_model_contract(qtmodeltester) -> None:
    model = ArticleListModel()
    model.set_entries([entry("One", 0, "Daily"), entry("Two", 1), entry("Three", 2)])
    qtmodeltester.check(model)


def test_columns_show_title_site_and_word_count() -> None:
    model = ArticleListModel()
    e = entry("Ferry vote", 0, "Island News", "one two three four")
    model.set_entries([e])
    assert model.data(model.index(0, TITLE)) == "Ferry vote"
    assert model.data(model.index(0, SITE)) == "Island News"
    assert model.data(model.index(0, WORDS)) == str(e.article.words)
    assert model.data(model.index(0, TITLE), ArticleRole) is e.article
    assert "/tmp/Ferry vote.txt" in model.data(model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)


def test_site_column_falls_back_to_the_file_name_in_italics() -> None:
    model = ArticleListModel()
    model.set_entries([entry("Ferry vote", 0)])
    assert model.data(model.index(0, SITE)) == "Ferry vote.txt"
    assert model.data(model.index(0, SITE), Qt.ItemDataRole.FontRole).italic()


def test_restored_entries_return_to_their_place() -> None:
    model = ArticleListModel()
    entries = [entry(name, i) for i, name in enumerate("ABCDE")]
    model.set_entries(entries)
    model.remove_ids([entries[1].article.id, entries[3].article.id])
    assert [model.data(model.index(r, TITLE)) for r in range(model.rowCount())] == ["A", "C", "E"]
    model.add_entries([entries[3], entries[1]])
    titles = [model.data(model.index(r, TITLE)) for r in range(model.rowCount())]
    assert titles == ["A", "B", "C", "D", "E"]
    model.add_entries([entries[0]])  # already shown: ignored
    assert model.rowCount() == 5


def test_a_new_batch_is_appended_in_one_insertion(qtbot) -> None:
    model = ArticleListModel()
    model.set_entries([entry("A", 0)])
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        model.add_entries([entry("C", 2), entry("B", 1)])
    assert blocker.args[1:] == [1, 2]
    assert [model.data(model.index(r, TITLE)) for r in range(3)] == ["A", "B", "C"]
