"""The change list: one row per Change (kind and a snippet), a thin model over the tuple the
engine returns, so the list never copies or re-derives the diff."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from variorum.core.changes import Change
from variorum.present.describe import describe

KindRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ChangeListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changes: tuple[Change, ...] = ()

    def set_changes(self, changes: tuple[Change, ...]) -> None:
        self.beginResetModel()
        self._changes = changes
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(change)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = []
            if change.a_text:
                parts.append(f"A: {change.a_text[:400]}")
            if change.b_text:
                parts.append(f"B: {change.b_text[:400]}")
            return "\n".join(parts)
        if role == KindRole:
            return str(change.kind)
        return None


class ChangeListView(QListView):
    """Emits ``change_activated(row)`` when the user clicks or presses Enter on an entry."""

    change_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_model = ChangeListModel(self)
        self.setModel(self.list_model)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.change_activated.emit(index.row())

    def select_row(self, row: int | None) -> None:
        """Follow the current change without emitting ``change_activated``."""
        if row is None:
            self.clearSelection()
            return
        index = self.list_model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
