"""The article list: a filter box over a multi-selection table.

It only reports what the user picked (in list order, so the earlier article is the base of a
comparison) and asks for removal; the window decides what those mean.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from variorum.core.article import Article
from variorum.ui.models.article_list import (
    SITE,
    TITLE,
    WORDS,
    ArticleFilterModel,
    ArticleListModel,
    ArticleRole,
)


class _ListView(QTreeView):
    """A flat tree view (nicer row selection than a table) that turns Delete into a request
    even when the window's shortcut is not active (e.g. the window is not focused)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ArticleListWidget(QWidget):
    selection_changed = Signal(list)
    """list[Article] in list order."""
    remove_requested = Signal(list)
    """list[str]: ids of the selected articles."""

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = ArticleFilterModel(self)
        self.proxy.setSourceModel(model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("articleFilter")
        self.filter_box.setPlaceholderText("Filter by title, site or file name")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)
        self.filter_box.installEventFilter(self)

        self.view = _ListView(self)
        self.view.setObjectName("articleList")
        self.view.setAccessibleName("Articles")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setAlternatingRowColors(True)
        # Versions differ at the end ("… (1860 edition)", "…-v2.txt"): keep both ends visible.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # The title matters most: the site column gets a fixed share the user can drag.
        header.setSectionResizeMode(SITE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SITE, 90)
        # Fixed widths, not ResizeToContents: that measures every row on each change, which
        # stalls the window for a quarter of a second with a thousand articles.
        header.setSectionResizeMode(WORDS, QHeaderView.ResizeMode.Fixed)
        metrics = self.view.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in ("Words", "888,888"))
        header.resizeSection(WORDS, widest + 16)
        self.view.delete_pressed.connect(self._request_remove)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        # Rows removed or filtered away change the selection without selectionChanged
        # telling us in every Qt version; re-read it whenever the visible rows change.
        self.proxy.rowsRemoved.connect(self._emit_selection)
        self.proxy.modelReset.connect(self._emit_selection)
        self.proxy.layoutChanged.connect(self._emit_selection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self._last: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the filter box goes to the list (first match selected when
        nothing is), so typing a filter and arrowing on needs no mouse."""
        if watched is self.filter_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.view.selectionModel().hasSelection() and self.proxy.rowCount():
                    self.select_rows([0])
                return True
        return super().eventFilter(watched, event)

    # --- queries -------------------------------------------------------------------------
    def selected_articles(self) -> list[Article]:
        """Selected articles in the order the list shows them."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        articles = []
        for row in rows:
            article = self.proxy.data(self.proxy.index(row, TITLE), ArticleRole)
            if isinstance(article, Article):
                articles.append(article)
        return articles

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    # --- commands ------------------------------------------------------------------------
    def select_ids(self, article_ids: list[str]) -> None:
        """Select exactly these articles (those visible under the filter); the first becomes
        current so the keyboard continues from there."""
        selection = QItemSelection()
        first: QModelIndex | None = None
        for article_id in article_ids:
            source_row = self.model.row_of(article_id)
            if source_row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(source_row, TITLE))
            if not index.isValid():
                continue
            selection.select(index, index.siblingAtColumn(WORDS))
            first = first or index
        sm = self.view.selectionModel()
        flags = sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows
        sm.select(selection, flags)
        if first is not None:
            sm.setCurrentIndex(first, sm.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def select_rows(self, rows: list[int]) -> None:
        """Select visible rows by their place in the list (screenshot mode, tests)."""
        ids = []
        for row in rows:
            article = self.proxy.data(self.proxy.index(row, TITLE), ArticleRole)
            if isinstance(article, Article):
                ids.append(article.id)
        self.select_ids(ids)

    # --- internals -----------------------------------------------------------------------
    @Slot()
    def _request_remove(self) -> None:
        ids = [a.id for a in self.selected_articles()]
        if ids:
            self.remove_requested.emit(ids)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._emit_selection()

    @Slot()
    def _emit_selection(self) -> None:
        articles = self.selected_articles()
        ids = [a.id for a in articles]
        if ids != self._last:
            self._last = ids
            self.selection_changed.emit(articles)
