"""The article list as a tree: stories over their versions.

A thin model over two inputs it does not own: the library's articles (the flat
:class:`ArticleListModel`, which the window keeps in step with the library) and the latest
:class:`~variorum.core.stories.model.Grouping`. Whenever either changes, the tree is rebuilt
from both (a model reset; the list widget keeps the selection and the expanded stories across
it). A story of several versions is a row with its versions as children; a story of one
version is shown as that article alone, at the top level. Articles the grouping has not seen
yet (just loaded) are such lone rows, at the end, until the background grouping places them.

Version rows show the version's label (:func:`variorum.present.versions.version_labels`):
what tells it apart from the other versions, since their titles often differ only at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from variorum.core.article import Article
from variorum.core.library import LibraryEntry
from variorum.core.stories.model import Grouping, Role, Story, Version
from variorum.present.versions import (
    ROLE_HELP,
    ROLE_TEXT,
    date_text,
    derivation_sentence,
    span_text,
    version_labels,
)
from variorum.ui.models.article_list import ArticleListModel, ArticleRole

AnyIndex = QModelIndex | QPersistentModelIndex

StoryRole = Qt.ItemDataRole.UserRole + 2
"""data(index, StoryRole) -> the Story of a story row, or of a version row inside a story."""
SortRole = Qt.ItemDataRole.UserRole + 3
"""What a column sorts by (numbers for counts and words, ISO text for dates)."""
SummaryRole = Qt.ItemDataRole.UserRole + 4
"""A story row's "6 versions · 2006-10-21–23", shown after its title (the row spans the
columns: story titles are long, and the versions' columns say nothing about a story)."""

COLUMNS = ("Title", "Site", "Date", "Words", "Role")
TITLE, SITE, DATE, WORDS, ROLE = range(5)
ROLE_ORDER = {Role.BASE: 0, Role.REPOST: 1, Role.REWRITE: 2, Role.RELATED: 3}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(eq=False)
class _Node:
    """A row: a story (``entry`` None) or a version (an article, in a story or alone)."""

    parent: _Node | None
    row: int
    story: Story | None = None
    entry: LibraryEntry | None = None
    version: Version | None = None
    label: str = ""
    children: list[_Node] = field(default_factory=list)
    search: str = ""
    """Title, site and file name, case-folded, for the filter (the text is searched apart)."""

    @property
    def is_story(self) -> bool:
        return self.entry is None


class StoryTreeModel(QAbstractItemModel):
    rename_requested = Signal(str, str)
    """(story id, new name): a story title edited in place; the window makes it a command."""

    def __init__(self, articles: ArticleListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._articles = articles
        self._grouping = Grouping((), ())
        self._top: list[_Node] = []
        self._by_article: dict[str, _Node] = {}
        self._by_story: dict[str, _Node] = {}
        self._folded: dict[str, str] = {}
        """Article id -> its text case-folded, made on the first search that needs it."""
        self._linked: dict[str, list[tuple[str, float]]] = {}
        for signal in (articles.rowsInserted, articles.rowsRemoved, articles.modelReset):
            signal.connect(self._rebuild)
        articles.dataChanged.connect(self._rebuild)
        self._rebuild()

    # --- inputs ----------------------------------------------------------------------------
    def set_grouping(self, grouping: Grouping) -> None:
        self._grouping = grouping
        self._rebuild()

    def grouping(self) -> Grouping:
        return self._grouping

    def _rebuild(self, *_args: Any) -> None:
        self.beginResetModel()
        entries = {e.article.id: e for e in self._articles.entries()}
        self._top, self._by_article, self._by_story = [], {}, {}
        placed: set[str] = set()
        for story in self._grouping.stories:
            present = [v for v in story.versions if v.id in entries and v.id not in placed]
            if not present:
                continue
            placed.update(v.id for v in present)
            if len(present) == 1:
                self._add_version(None, story, entries[present[0].id], present[0], "")
                continue
            node = _Node(None, len(self._top), story=story)
            node.search = story.title.casefold()
            self._top.append(node)
            self._by_story[story.id] = node
            sites = {v.id: entries[v.id].article.site or "" for v in present}
            labels = version_labels(story, sites)
            for version in present:
                self._add_version(node, story, entries[version.id], version, labels[version.id])
        for article_id, entry in entries.items():
            if article_id not in placed:
                self._add_version(None, None, entry, None, "")
        self._folded = {i: t for i, t in self._folded.items() if i in entries}
        self._linked = {}
        for link in self._grouping.related:
            self._linked.setdefault(link.a, []).append((link.b, link.score))
            self._linked.setdefault(link.b, []).append((link.a, link.score))
        self.endResetModel()

    def _add_version(
        self,
        parent: _Node | None,
        story: Story | None,
        entry: LibraryEntry,
        version: Version | None,
        label: str,
    ) -> None:
        siblings = parent.children if parent is not None else self._top
        article = entry.article
        node = _Node(parent, len(siblings), story, entry, version, label or article.title)
        copies = (PurePath(path).name for path in entry.copies)
        node.search = " ".join(
            (article.title, article.site or "", _file_name(entry), label, *copies)
        ).casefold()
        siblings.append(node)
        self._by_article[article.id] = node
        if parent is None and story is not None:
            self._by_story[story.id] = node

    # --- Qt interface ----------------------------------------------------------------------
    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self._node(parent)
        rows = owner.children if owner is not None else self._top
        return self.createIndex(row, column, rows[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else len(self._top)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == WORDS:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and section == ROLE:
            return "A story: its number of versions. A version: base, re-post, rewrite or related"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.is_story and index.column() == TITLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Editing a story's title asks for a rename; the title changes when the grouping
        comes back with the name (so the edit is undoable like every story choice)."""
        node = self._node(index)
        if role != Qt.ItemDataRole.EditRole or node is None or node.story is None:
            return False
        if not node.is_story or index.column() != TITLE:
            return False
        name = str(value).strip()
        if name != node.story.title:
            self.rename_requested.emit(node.story.id, name)
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if node.is_story:
            return self._story_data(node, index.column(), role)
        return self._version_data(node, index.column(), role)

    def _story_data(self, node: _Node, column: int, role: int) -> Any:
        story = node.story
        assert story is not None
        shown = [c.entry.article for c in node.children if c.entry is not None]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TITLE:
                return story.title or "(untitled story)"
            if column == SITE:
                sites = {a.site for a in shown}
                return (sites.pop() or "") if len(sites) == 1 else ""
            if column == DATE:
                return span_text(story)
            if column == ROLE:
                return f"{len(node.children)} versions"
        elif role == SortRole:
            return self._sort_key(node, column)
        elif role == Qt.ItemDataRole.FontRole and column == TITLE:
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.ToolTipRole:
            return self._story_tooltip(node)
        elif role == StoryRole:
            return story
        elif role == SummaryRole and column == TITLE:
            return self._summary(node)
        elif role == Qt.ItemDataRole.AccessibleDescriptionRole and column == TITLE:
            return f"story of {self._summary(node)}"
        return None

    def _version_data(self, node: _Node, column: int, role: int) -> Any:
        entry = node.entry
        assert entry is not None
        article = entry.article
        version = node.version if node.parent is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return node.label or "(untitled)"
            if column == SITE:
                return article.site or _file_name(entry)
            if column == DATE:
                return date_text(article.published)
            if column == WORDS:
                return f"{article.words:,}"
            if column == ROLE:
                if version is not None:
                    return ROLE_TEXT[version.role]
                linked = node.story is not None and self._linked.get(node.story.id)
                if linked:
                    return ROLE_TEXT[Role.RELATED]
                return f"{1 + len(entry.copies)} files" if entry.copies else ""
        elif role == SortRole:
            return self._sort_key(node, column)
        elif role == Qt.ItemDataRole.FontRole:
            italic_site = column == SITE and not article.site
            bold_base = column == ROLE and version is not None and version.role is Role.BASE
            if italic_site or bold_base:
                font = QFont()
                font.setItalic(italic_site)
                font.setBold(bold_base)
                return font
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == WORDS:
            return _RIGHT
        elif role == Qt.ItemDataRole.ToolTipRole:
            return self._version_tooltip(node)
        elif role == ArticleRole:
            return article
        elif role == StoryRole:
            return node.story if node.parent is not None else None
        return None

    def _sort_key(self, node: _Node, column: int) -> Any:
        if node.is_story:
            story = node.story
            assert story is not None
            if column == TITLE:
                return story.title.casefold()
            if column == SITE:
                return ""
            if column == DATE:
                dates = story.dates()
                return dates[0] if dates else ""
            if column == WORDS:
                return max((c.entry.article.words for c in node.children if c.entry), default=0)
            return len(node.children)
        entry = node.entry
        assert entry is not None
        article = entry.article
        if column == TITLE:
            return (node.label or article.title).casefold()
        if column == SITE:
            return (article.site or _file_name(entry)).casefold()
        if column == DATE:
            return article.published or ""
        if column == WORDS:
            return article.words
        if node.parent is None:
            return 1  # a story of one version: sorts with the stories by size
        return ROLE_ORDER[node.version.role] if node.version is not None else 9

    def _summary(self, node: _Node) -> str:
        story = node.story
        assert story is not None
        dates = span_text(story)
        return f"{len(node.children)} versions" + (f" · {dates}" if dates else "")

    def _story_tooltip(self, node: _Node) -> str:
        story = node.story
        assert story is not None
        lines = [story.title, f"{len(node.children)} versions"]
        dates = span_text(story)
        if dates:
            lines.append(dates)
        base = node.children[0].label if node.children else ""
        lines.append(f"Base: {base}")
        lines += self._related_lines(story.id)
        if story.named_by_user:
            lines.append("Named by you")
        return "\n".join(lines)

    def _version_tooltip(self, node: _Node) -> str:
        entry = node.entry
        assert entry is not None
        article = entry.article
        lines = [article.title or "(untitled)"]
        if article.site:
            lines.append(article.site)
        if article.byline:
            lines.append(f"By {article.byline}")
        if article.published:
            lines.append(f"Published {article.published}")
        if entry.source_path:
            lines.append(entry.source_path)
        if entry.copies:
            lines.append("The same text, stored once, was also loaded from:")
            lines.extend(entry.copies)
        version = node.version if node.parent is not None else None
        if version is not None and node.parent is not None:
            base = node.parent.children[0].label if node.parent.children else ""
            lines.append(f"{ROLE_TEXT[version.role].capitalize()}: {ROLE_HELP[version.role]}")
            lines.append("This version is " + derivation_sentence(version, base))
        elif node.story is not None:
            lines += self._related_lines(node.story.id)
        lines.extend(f"⚠ {w}" for w in article.warnings)
        return "\n".join(lines)

    def _related_lines(self, story_id: str) -> list[str]:
        lines = []
        for other, score in self._linked.get(story_id, []):
            story = self._grouping.story(other)
            if story is not None:
                lines.append(f"Related to “{story.title}” ({score:.0%} shared names and quotes)")
        return lines

    # --- lookups ---------------------------------------------------------------------------
    def article_index(self, article_id: str) -> QModelIndex:
        node = self._by_article.get(article_id)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def story_index(self, story_id: str) -> QModelIndex:
        """The row of a story (of one version: the article's own row)."""
        node = self._by_story.get(story_id)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def story_of_index(self, index: AnyIndex) -> Story | None:
        """The story a row is or belongs to (a lone article's story of one too)."""
        node = self._node(index)
        return node.story if node is not None else None

    def is_story_row(self, index: AnyIndex) -> bool:
        node = self._node(index)
        return node is not None and node.is_story

    def articles_of(self, index: AnyIndex) -> list[Article]:
        """A version row's article, or every version of a story row (base first)."""
        node = self._node(index)
        if node is None:
            return []
        if node.entry is not None:
            return [node.entry.article]
        return [c.entry.article for c in node.children if c.entry is not None]

    def label_of(self, article_id: str) -> str:
        node = self._by_article.get(article_id)
        return node.label if node is not None else ""

    def row_matches(self, index: AnyIndex, needle: str) -> bool:
        """Title, site, file name or the text itself contains ``needle`` (case-folded)."""
        node = self._node(index)
        if node is None:
            return False
        if needle in node.search:
            return True
        if node.entry is None:
            return False
        article = node.entry.article
        folded = self._folded.get(article.id)
        if folded is None:
            folded = self._folded[article.id] = article.text.casefold()
        return needle in folded

    def any_dated(self) -> bool:
        """Whether some article listed has a publication date."""
        return any(n.entry.article.published for n in self._by_article.values() if n.entry)

    def story_ids(self) -> Sequence[str]:
        return tuple(self._by_story)

    def article_ids(self) -> Iterable[str]:
        return tuple(self._by_article)


def _file_name(entry: LibraryEntry) -> str:
    return PurePath(entry.source_path).name if entry.source_path else ""


class StoryFilterModel(QSortFilterProxyModel):
    """The filter box (title, site, file name or text; a story shows when it or any of its
    versions matches, with all its versions when its own title does) and column sorting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, StoryTreeModel):
            return True
        return model.row_matches(model.index(source_row, TITLE, source_parent), self._needle)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)

    def filter_text(self) -> str:
        return self._needle

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateFilter()
