"""The article list: a filter box over a tree of stories and their versions.

It only reports what the user picked (in list order, so the earlier article is the base of a
comparison; a story row stands for all its versions, base first) and asks for removal; the
window decides what those mean. The tree is rebuilt whenever the library or the grouping
changes: the selection and the stories the user collapsed are kept across it, and the
selection is only reported again when it really changed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from variorum.core.article import Article
from variorum.core.stories.model import Story
from variorum.ui.models.article_list import ArticleListModel
from variorum.ui.models.story_tree import (
    DATE,
    ROLE,
    SITE,
    TITLE,
    WORDS,
    StoryFilterModel,
    StoryTreeModel,
    SummaryRole,
)

SUMMARY_GAP = 12


class StoryRowDelegate(QStyledItemDelegate):
    """A story row spans the columns: its title, cut at the end where it must be, then its
    number of versions and dates, always whole, at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary = index.data(SummaryRole)
        if not summary:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        plain = QFont(opt.font)
        plain.setBold(False)
        painter.setFont(plain)
        right = painter.fontMetrics().horizontalAdvance(summary)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignRight, summary)
        painter.setFont(opt.font)
        room = rect.adjusted(0, 0, -(right + SUMMARY_GAP), 0)
        shown = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, align | Qt.AlignmentFlag.AlignLeft, shown)
        painter.restore()


class SiteDelegate(QStyledItemDelegate):
    """A file name standing in for a site (in italics) differs from its siblings at its end
    ("darwin-origin-ch1-1859.txt"): cut it at the start, so "…1859.txt" stays. Sites are
    cut at the end like every other column."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.font.italic():
            option.textElideMode = Qt.TextElideMode.ElideLeft


class _ListView(QTreeView):
    """Turns Delete into a request even when the window's shortcut is not active (e.g. the
    window is not focused)."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        delete = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if delete and not event.modifiers() and not editing:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ArticleListWidget(QWidget):
    selection_changed = Signal(list)
    """list[Article] in list order (a story row: all its versions, base first)."""
    remove_requested = Signal(list)
    """list[str]: ids of the selected articles."""

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = StoryTreeModel(model, self)
        self.proxy = StoryFilterModel(self)
        self.proxy.setSourceModel(self.tree)
        self.context_actions: list[QAction | None] = []
        """What the context menu offers (None: a separator); the window fills it."""

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("articleFilter")
        self.filter_box.setPlaceholderText("Filter by title, site or text")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter articles")
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)
        self.filter_box.installEventFilter(self)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("groupingProgress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(self.fontMetrics().height() + 6)
        self.progress.setAccessibleName("Grouping stories")
        self.progress.hide()

        self.view = _ListView(self)
        self.view.setObjectName("articleList")
        self.view.setAccessibleName("Stories and articles")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setAlternatingRowColors(True)
        # Versions of a story differ at the end of their titles: the tree shows what tells
        # them apart first (their labels), so cutting at the end loses the least.
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setItemDelegateForColumn(TITLE, StoryRowDelegate(self.view))
        self.view.setItemDelegateForColumn(SITE, SiteDelegate(self.view))
        self.view.setIndentation(self.fontMetrics().horizontalAdvance("M") + 2)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.header()
        header.setSortIndicatorClearable(True)  # a third click: back to story order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        # Fixed widths the user can drag, not ResizeToContents: that measures every row on
        # each change, which stalls the window for a quarter of a second with 1,000 articles.
        for column, samples in (
            (SITE, ("BBC News",)),
            (DATE, ("2006-10-21",)),
            (WORDS, ("Words", "88,888")),
            (ROLE, ("re-post", "rewrite")),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in samples) + 10)
        self._site_width = header.sectionSize(SITE)
        self._date_width = header.sectionSize(DATE)
        self._title_room = metrics.horizontalAdvance("(1860 edition) · Reuters") + 10
        """What the titles keep when the list is narrow: the site column gives way first."""
        self._site_least = metrics.horizontalAdvance("…9.txt") + 10
        self.view.delete_pressed.connect(self._request_remove)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.expanded.connect(lambda index: self._set_collapsed(index, False))
        self.view.collapsed.connect(lambda index: self._set_collapsed(index, True))
        # Rows filtered away change the selection without selectionChanged telling us in
        # every Qt version; re-read it whenever the visible rows change.
        self.proxy.rowsRemoved.connect(self._emit_selection)
        self.proxy.layoutChanged.connect(self._emit_selection)
        self.proxy.rowsInserted.connect(self._apply_expansion)
        self.proxy.layoutChanged.connect(self._apply_expansion)
        self.tree.modelAboutToBeReset.connect(self._before_reset)
        self.tree.modelReset.connect(self._after_reset)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self._last: tuple[list[str], list[str]] = ([], [])
        """(article ids, story member ids) of the selection last reported."""
        self._collapsed: set[str] = set()
        """Articles of the stories the user collapsed (stories are expanded by default)."""
        self._resetting = False
        self.view.viewport().installEventFilter(self)
        self._apply_expansion()

    def _fit_columns(self) -> None:
        """The titles tell the versions apart, so in a narrow list they keep their room: the
        site column shrinks first (to "…9.txt"), then the date column goes (the dates stay in
        the story row and the tooltips); it is shown whenever some article has a date and
        the list is wide enough."""
        header = self.view.header()
        fixed = header.sectionSize(WORDS) + header.sectionSize(ROLE)
        free = self.view.viewport().width() - fixed - self._title_room
        dated = self.tree.any_dated() and free - self._date_width >= self._site_least
        if self.view.isColumnHidden(DATE) == dated:
            self.view.setColumnHidden(DATE, not dated)
        room = free - (self._date_width if dated else 0)
        width = max(self._site_least, min(self._site_width, room))
        if header.sectionSize(SITE) != width:
            header.resizeSection(SITE, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the filter box goes to the list (first match selected when
        nothing is), so typing a filter and arrowing on needs no mouse. The columns are fitted
        when the list's viewport (not this widget, laid out later) changes width."""
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if watched is self.filter_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.view.selectionModel().hasSelection() and self.proxy.rowCount():
                    self.select_rows([0])
                return True
        return super().eventFilter(watched, event)

    # --- queries -------------------------------------------------------------------------
    def _ordered_rows(self) -> list[QModelIndex]:
        """Selected rows (column 0, proxy indexes) in the order the tree shows them."""
        rows = self.view.selectionModel().selectedRows(TITLE)
        return sorted(rows, key=_path)

    def selected_articles(self) -> list[Article]:
        """Selected articles in list order; a selected story row adds all its versions."""
        seen: set[str] = set()
        out: list[Article] = []
        for index in self._ordered_rows():
            for article in self.tree.articles_of(self.proxy.mapToSource(index)):
                if article.id not in seen:
                    seen.add(article.id)
                    out.append(article)
        return out

    def selected_stories(self) -> list[Story]:
        """The stories of the selected story rows (not of selected versions)."""
        out: list[Story] = []
        for index in self._ordered_rows():
            source = self.proxy.mapToSource(index)
            story = self.tree.story_of_index(source)
            if self.tree.is_story_row(source) and story is not None:
                out.append(story)
        return out

    def touched_stories(self) -> list[Story]:
        """Every story a selected row is or belongs to, lone articles' stories included."""
        out: dict[str, Story] = {}
        for index in self._ordered_rows():
            story = self.tree.story_of_index(self.proxy.mapToSource(index))
            if story is not None:
                out.setdefault(story.id, story)
        return list(out.values())

    def selected_version_ids(self) -> list[str]:
        """Articles selected as rows of their own (not through their story's row)."""
        out: list[str] = []
        for index in self._ordered_rows():
            source = self.proxy.mapToSource(index)
            if not self.tree.is_story_row(source):
                out += [a.id for a in self.tree.articles_of(source)]
        return out

    def visible_count(self) -> int:
        return len(self._visible_articles())

    def shown_articles(self) -> list[Article]:
        """Every article the list shows (under the filter), in its order, stories opened."""
        out: list[Article] = []
        for index in self._visible_articles():
            out += self.tree.articles_of(self.proxy.mapToSource(index))
        return out

    def _visible_articles(self) -> list[QModelIndex]:
        """Article rows (proxy, column 0) in display order, inside collapsed stories too."""
        out: list[QModelIndex] = []
        for row in range(self.proxy.rowCount()):
            top = self.proxy.index(row, TITLE)
            children = self.proxy.rowCount(top)
            if children:
                out += [self.proxy.index(r, TITLE, top) for r in range(children)]
            elif not self.tree.is_story_row(self.proxy.mapToSource(top)):
                out.append(top)
        return out

    # --- commands ------------------------------------------------------------------------
    def select_ids(self, article_ids: list[str]) -> None:
        """Select exactly these articles (those visible under the filter); the first becomes
        current so the keyboard continues from there."""
        self._select([self.tree.article_index(i) for i in article_ids])

    def select_story(self, story_id: str) -> None:
        """Select a story's row (a story of one version: its article's row)."""
        self._select([self.tree.story_index(story_id)])

    def _select(self, sources: list[QModelIndex]) -> None:
        selection = QItemSelection()
        first: QModelIndex | None = None
        for source in sources:
            index = self.proxy.mapFromSource(source)
            if not index.isValid():
                continue
            if index.parent().isValid():
                self.view.expand(index.parent())
            selection.select(index, index.siblingAtColumn(self.proxy.columnCount() - 1))
            first = first or index
        sm = self.view.selectionModel()
        flags = sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows
        sm.select(selection, flags)
        if first is not None:
            sm.setCurrentIndex(first, sm.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def select_rows(self, rows: list[int]) -> None:
        """Select article rows by their place in the list, stories opened (screenshot mode,
        tests): row 0 is the first article shown, whether in a story or alone."""
        shown = self._visible_articles()
        sources = [self.proxy.mapToSource(shown[r]) for r in rows if 0 <= r < len(shown)]
        self._select(sources)

    def edit_story_title(self, story_id: str) -> bool:
        """Start editing a story's title in place (Rename)."""
        index = self.proxy.mapFromSource(self.tree.story_index(story_id))
        if not index.isValid() or not self.tree.is_story_row(self.proxy.mapToSource(index)):
            return False
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        return True

    def show_progress(self, done: int, total: int) -> None:
        """Background grouping: "Grouping stories… 120 of 840"; hidden when ``total`` is 0."""
        if total <= 0:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        self.progress.setFormat(f"Grouping stories… {done:,} of {total:,}")
        self.progress.show()

    # --- internals -----------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        if not self.context_actions:
            return
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _set_collapsed(self, index: QModelIndex, collapsed: bool) -> None:
        ids = {a.id for a in self.tree.articles_of(self.proxy.mapToSource(index))}
        if collapsed:
            self._collapsed |= ids
        else:
            self._collapsed -= ids

    @Slot()
    def _apply_expansion(self, *_args: object) -> None:
        """Stories open, except those the user closed (remembered by their articles); story
        rows span the columns."""
        self._fit_columns()
        root = QModelIndex()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, TITLE)
            is_story = self.tree.is_story_row(self.proxy.mapToSource(index))
            if self.view.isFirstColumnSpanned(row, root) != is_story:
                self.view.setFirstColumnSpanned(row, root, is_story)
            if not self.proxy.rowCount(index):
                continue
            ids = {a.id for a in self.tree.articles_of(self.proxy.mapToSource(index))}
            want = not ids & self._collapsed
            if self.view.isExpanded(index) != want:
                self.view.setExpanded(index, want)

    def _before_reset(self) -> None:
        self._resetting = True

    def _after_reset(self) -> None:
        """Rebuilt: the same articles and stories selected again (a story by the articles it
        held, whatever its id became), and the selection reported only if it changed."""
        self._apply_expansion()
        ids, story_members = self._last
        sources = [self.tree.story_index(s.id) for s in self._stories_holding(story_members)]
        sources += [self.tree.article_index(i) for i in ids if i not in set(story_members)]
        self._select([s for s in sources if s.isValid()])
        self._resetting = False
        self._emit_selection()

    def _stories_holding(self, members: list[str]) -> list[Story]:
        out: dict[str, Story] = {}
        grouping = self.tree.grouping()
        for article_id in members:
            story = grouping.story_of(article_id)
            index = self.tree.story_index(story.id) if story is not None else QModelIndex()
            if story is not None and index.isValid() and self.tree.is_story_row(index):
                out.setdefault(story.id, story)
        return list(out.values())

    @Slot()
    def _request_remove(self) -> None:
        ids = [a.id for a in self.selected_articles()]
        if ids:
            self.remove_requested.emit(ids)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._emit_selection()

    @Slot()
    def _emit_selection(self, *_args: object) -> None:
        if self._resetting:
            return
        articles = self.selected_articles()
        ids = [a.id for a in articles]
        members = [i for s in self.selected_stories() for i in s.ids]
        if (ids, members) != self._last:
            self._last = (ids, members)
            self.selection_changed.emit(articles)


def _path(index: QModelIndex) -> tuple[int, ...]:
    """Where a row is shown: its row and its parents' rows, outermost first."""
    rows: list[int] = []
    while index.isValid():
        rows.append(index.row())
        index = index.parent()
    return tuple(reversed(rows))
