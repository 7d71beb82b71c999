"""A thin table model over library entries, in library order (their ``position``).

The model holds no state of its own beyond the list it shows: the library is the truth, the
window tells the model what was added, removed or restored. Rows stay sorted by position so an
undone removal comes back exactly where it was. The list the user sees is the story tree
built over it (:mod:`variorum.ui.models.story_tree`); its signals are the window's "library
changed" event, which the tree and the story grouping follow.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from variorum.core.article import Article
from variorum.core.library import LibraryEntry

ArticleRole = Qt.ItemDataRole.UserRole + 1
"""data(index, ArticleRole) -> the Article of the row."""

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("Title", "Site", "Words")
TITLE, SITE, WORDS = range(3)


class ArticleListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []

    # --- Qt interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == WORDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        article = entry.article
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return article.title or "(untitled)"
            if column == SITE:
                # Versions of one story often share a title; without a site, the file name
                # is what tells them apart (shown in italics: it is not a site).
                return article.site or _file_name(entry)
            if column == WORDS:
                return f"{article.words:,}"
        elif role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry)
        elif role == Qt.ItemDataRole.FontRole and column == SITE and not article.site:
            font = QFont()
            font.setItalic(True)
            return font
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == WORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == ArticleRole:
            return article
        return None

    # --- changes from the window --------------------------------------------------------
    def set_entries(self, entries: Iterable[LibraryEntry]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: e.position)
        self.endResetModel()

    def add_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """Insert each entry at its position (new ones land at the end, restored ones back in
        their old place). Entries already shown are ignored."""
        known = {e.article.id for e in self._entries}
        fresh = [e for e in sorted(entries, key=lambda e: e.position) if e.article.id not in known]
        last = self._entries[-1].position if self._entries else -1
        if fresh and fresh[0].position > last and len({e.article.id for e in fresh}) == len(fresh):
            # The common case (a new batch): one insertion at the end, not one per row.
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._entries.extend(fresh)
            self.endInsertRows()
            return
        for entry in fresh:
            if entry.article.id in known:
                continue
            row = bisect.bisect_left([e.position for e in self._entries], entry.position)
            if row < len(self._entries) and self._entries[row].position == entry.position:
                # An article added since took this place: it moves down, as in the library.
                self._entries[row:] = [
                    replace(e, position=e.position + 1) for e in self._entries[row:]
                ]
            self.beginInsertRows(QModelIndex(), row, row)
            self._entries.insert(row, entry)
            self.endInsertRows()
            known.add(entry.article.id)

    def update_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """Entries already shown, as the library now has them (e.g. with another copy)."""
        fresh = {e.article.id: e for e in entries}
        for row, entry in enumerate(self._entries):
            new = fresh.get(entry.article.id)
            if new is not None and new.copies != entry.copies:
                self._entries[row] = replace(entry, copies=new.copies)
                last = self.index(row, self.columnCount() - 1)
                self.dataChanged.emit(self.index(row, 0), last)

    def remove_ids(self, article_ids: Iterable[str]) -> None:
        wanted = set(article_ids)
        for row in range(len(self._entries) - 1, -1, -1):
            if self._entries[row].article.id in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()

    # --- lookups -------------------------------------------------------------------------
    def entries(self) -> Sequence[LibraryEntry]:
        return tuple(self._entries)

    def row_of(self, article_id: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.article.id == article_id:
                return row
        return -1

    def article(self, row: int) -> Article:
        return self._entries[row].article


def _file_name(entry: LibraryEntry) -> str:
    return PurePath(entry.source_path).name if entry.source_path else ""


def _tooltip(entry: LibraryEntry) -> str:
    article = entry.article
    lines = [article.title or "(untitled)"]
    if article.byline:
        lines.append(f"By {article.byline}")
    if article.published:
        lines.append(f"Published {article.published}")
    if entry.source_path:
        lines.append(entry.source_path)
    lines.append("Loaded " + time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.loaded_at)))
    if article.warnings:
        lines.extend(f"⚠ {w}" for w in article.warnings)
    return "\n".join(lines)
