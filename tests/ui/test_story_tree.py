"""The story tree model: Qt's model contract (qtmodeltester) for the tree and its filter,
stories over versions with labels, dates and roles, lone articles at the top, sorting, the
filter over titles, sites and text, and renaming in place as a request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from variorum.core.article import ArticleDraft, build_article
from variorum.core.library import LibraryEntry
from variorum.core.stories import StoryInput, group
from variorum.ui.models.article_list import ArticleListModel, ArticleRole
from variorum.ui.models.story_tree import (
    DATE,
    ROLE,
    SITE,
    TITLE,
    WORDS,
    StoryFilterModel,
    StoryRole,
    StoryTreeModel,
    SummaryRole,
)

pytestmark = pytest.mark.gui

FERRY = (
    "The harbour council voted on Tuesday to buy a new electric ferry for the island route. "
    "The ferry will carry 200 passengers and enter service next spring, the council said. "
    "“It is a good day for the island,” said the mayor, Ann Holt, after the vote in the hall."
)
FERRY_EDIT = FERRY.replace("200", "250").replace("island route", "northern route")
QUOTA = "The fisheries ministry cut the cod quota by a tenth this year after a poor survey."


def entry(title: str, body: str, position: int, site: str | None = None, date: str | None = None):  # type: ignore[no-untyped-def]
    draft = ArticleDraft("text", [title, body], site=site, published=date)
    article = build_article(draft, f"/tmp/{title.replace(' ', '-')}-{position}.txt")
    return LibraryEntry(article, article.source_path, 1_700_000_000.0, position)


@pytest.fixture
def library():  # type: ignore[no-untyped-def]
    entries = [
        entry("Council buys ferry (first edition)", FERRY, 0, "Island News", "2024-03-05"),
        entry("Council buys ferry (second edition)", FERRY_EDIT, 1, "Harbour Post", "2024-03-07"),
        entry("Cod quota cut", QUOTA, 2, "Fish Weekly"),
    ]
    model = ArticleListModel()
    model.set_entries(entries)
    grouping = group([StoryInput.from_article(e.article) for e in entries], workers=1)
    return entries, model, grouping


def rows(model, parent=None):  # type: ignore[no-untyped-def]
    parent = parent if parent is not None else QModelIndex()
    return [
        [model.index(r, c, parent).data() for c in range(model.columnCount())]
        for r in range(model.rowCount(parent))
    ]


def test_model_contract(qtmodeltester, library) -> None:  # type: ignore[no-untyped-def]
    _entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    qtmodeltester.check(tree)
    tree.set_grouping(grouping)
    qtmodeltester.check(tree)
    proxy = StoryFilterModel()
    proxy.setSourceModel(tree)
    proxy.set_filter_text("quota")
    qtmodeltester.check(proxy)
    proxy.set_filter_text("")
    proxy.sort(WORDS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_stories_over_versions_with_labels_dates_and_roles(library) -> None:  # type: ignore[no-untyped-def]
    entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    # Before grouping: every article alone, in library order.
    assert [r[TITLE] for r in rows(tree)] == [e.article.title for e in entries]
    tree.set_grouping(grouping)
    top = rows(tree)
    assert len(top) == 2
    story = tree.index(0, TITLE)
    assert top[0][TITLE] == "Council buys ferry (first edition)"
    assert story.data(SummaryRole) == "2 versions · 2024-03-05–07"
    assert top[0][DATE] == "2024-03-05–07" and top[0][ROLE] == "2 versions"
    assert story.data(StoryRole).ids == tuple(e.article.id for e in entries[:2])
    versions = rows(tree, story)
    # Titles that differ only at the end are labelled by what tells them apart.
    assert [v[TITLE] for v in versions] == ["(first edition)", "(second edition)"]
    assert [v[SITE] for v in versions] == ["Island News", "Harbour Post"]
    assert [v[DATE] for v in versions] == ["2024-03-05", "2024-03-07"]
    assert [v[ROLE] for v in versions] == ["base", "re-post"]
    assert versions[0][WORDS] == f"{entries[0].article.words:,}"
    tip = tree.index(1, TITLE, story).data(Qt.ItemDataRole.ToolTipRole)
    assert "Council buys ferry (second edition)" in tip and "Re-post" in tip
    assert "This version is" in tip
    # A story of one version is its article, at the top level.
    lone = tree.index(1, TITLE)
    assert tree.rowCount(lone) == 0 and lone.data(ArticleRole) is entries[2].article
    assert tree.articles_of(story) == [e.article for e in entries[:2]]


def test_articles_the_grouping_has_not_seen_are_listed_alone(library) -> None:  # type: ignore[no-untyped-def]
    entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    tree.set_grouping(grouping)
    late = entry("Late news", "Something else entirely happened on the pier today.", 3)
    articles.add_entries([late])
    assert rows(tree)[-1][TITLE] == "Late news"
    articles.remove_ids([entries[1].article.id])
    # The story lost a version: its remaining one is shown alone.
    assert [r[TITLE] for r in rows(tree)] == [
        "Council buys ferry (first edition)",
        "Cod quota cut",
        "Late news",
    ]


def test_filter_searches_titles_sites_and_text(library) -> None:  # type: ignore[no-untyped-def]
    _entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    tree.set_grouping(grouping)
    proxy = StoryFilterModel()
    proxy.setSourceModel(tree)
    proxy.set_filter_text("HARBOUR POST")  # a site: the story shows with that version
    assert proxy.rowCount() == 1
    story = proxy.index(0, TITLE)
    assert [proxy.index(r, SITE, story).data() for r in range(proxy.rowCount(story))] == [
        "Harbour Post"
    ]
    proxy.set_filter_text("northern route")  # only in the second edition's text
    story = proxy.index(0, TITLE)
    assert proxy.rowCount() == 1 and proxy.rowCount(story) == 1
    proxy.set_filter_text("council buys")  # the story's title: all its versions
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, TITLE)) == 2
    proxy.set_filter_text("cod")
    assert [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())] == ["Cod quota cut"]
    proxy.set_filter_text("a.b")  # no regular-expression meaning
    assert proxy.rowCount() == 0


def test_columns_sort_stories_and_versions(library) -> None:  # type: ignore[no-untyped-def]
    _entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    tree.set_grouping(grouping)
    proxy = StoryFilterModel()
    proxy.setSourceModel(tree)
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, TITLE).data() for r in range(2)] == [
        "Cod quota cut",
        "Council buys ferry (first edition)",
    ]
    proxy.sort(ROLE, Qt.SortOrder.DescendingOrder)  # stories by their number of versions
    assert proxy.index(0, ROLE).data() == "2 versions"
    proxy.sort(DATE, Qt.SortOrder.DescendingOrder)
    story = (
        proxy.index(1, TITLE)
        if proxy.index(0, TITLE).data() == "Cod quota cut"
        else proxy.index(0, TITLE)
    )
    assert [proxy.index(r, DATE, story).data() for r in range(2)] == ["2024-03-07", "2024-03-05"]


def test_editing_a_story_title_asks_for_a_rename(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    _entries, articles, grouping = library
    tree = StoryTreeModel(articles)
    tree.set_grouping(grouping)
    story = tree.index(0, TITLE)
    assert tree.flags(story) & Qt.ItemFlag.ItemIsEditable
    assert not tree.flags(tree.index(0, TITLE, story)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(tree.rename_requested) as blocker:
        assert tree.setData(story, "  Ferry vote  ")
    assert blocker.args == [grouping.stories[0].id, "Ferry vote"]
    assert story.data() == "Council buys ferry (first edition)"  # until the grouping says so


def test_narrow_list_gives_way_site_first_then_date(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    """The titles keep their room as the list narrows: the site column shrinks first, then
    the date column goes; widening brings both back."""
    from variorum.ui.widgets.article_list import ArticleListWidget

    _entries, articles, grouping = library
    widget = ArticleListWidget(articles)
    qtbot.addWidget(widget)
    widget.tree.set_grouping(grouping)
    header = widget.view.header()
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    wide_site = header.sectionSize(SITE)
    assert not widget.view.isColumnHidden(DATE)

    seen: list[tuple[bool, int]] = []  # (date shown, site width), widest first
    for width in range(900, 240, -10):
        widget.resize(width, 400)
        qtbot.wait(1)
        seen.append((not widget.view.isColumnHidden(DATE), header.sectionSize(SITE)))
    dated = [site for shown, site in seen if shown]
    assert dated == sorted(dated, reverse=True) and dated[-1] < wide_site  # site shrinks first
    assert not seen[-1][0]  # then the date goes
    assert [shown for shown, _site in seen] == sorted(shown for shown, _site in seen)[::-1]

    widget.resize(900, 400)
    qtbot.waitUntil(lambda: not widget.view.isColumnHidden(DATE))
    assert header.sectionSize(SITE) == wide_site
