"""The speakers / organizations / people sidebar.

It only shows what it is given (:meth:`Sidebar.show_single`, :meth:`Sidebar.show_pair`) and
asks for text to be located (:attr:`Sidebar.locate_requested`); extraction runs elsewhere, in
a worker (see :mod:`.controller`), so the widget never blocks and never touches a thread.

Layout, top to bottom: a filter box, a status line (progress, notices), the Quote drift
section (two versions only; it is what analysts look for first, so it sits above the lists
and is framed in the accent colour), and tabs for Speakers, Organizations and People.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from variorum.core.extract.data import Extraction
from variorum.core.extract.drift_data import Drift, QuoteDrift
from variorum.ui.widgets.compare.palette import theme_for
from variorum.ui.widgets.sidebar.drift_html import drift_card_html
from variorum.ui.widgets.sidebar.items import (
    LOCATE_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    pair_models,
    single_models,
)

Spans = list[tuple[int, int]]
DRIFT_MAX_HEIGHT = 340


class _WrapDelegate(QStyledItemDelegate):
    """Row heights for word-wrapped text: Qt's default hint does not know the column width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self._view.header().sectionSize(0) - self._view.indentation() * (depth + 1) - 8
        if width <= 40:
            return hint
        text = str(index.data() or "")
        metrics = QFontMetrics(option.font)
        rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 4))


class _ListView(QTreeView):
    """A sortable, filterable list (a tree for speakers: expand to read the quotes)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.setModel(self.proxy)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # quotes wrap; read them in full
        self.setItemDelegate(_WrapDelegate(self))
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.setRootIsDecorated(name == "speakerList")
        # wrapped rows change height with the column width: lay them out again on resize
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def set_source(self, model: QStandardItemModel, show_sides: bool) -> None:
        old = self.proxy.sourceModel()
        self.proxy.setSourceModel(model)
        model.setParent(self)
        if old is not None and old is not model:
            old.deleteLater()
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnHidden(2, not show_sides)


class Sidebar(QWidget):
    locate_requested = Signal(str, list)
    """("a" or "b", [(start, end), ...]): show and highlight these ranges of that version's
    text (offsets into ``Article.text``). For a single article the side is "a"."""
    highlight_requested = Signal(str, list)
    """The same as :attr:`locate_requested`, under the name the main window connects to the
    comparison pane's ``highlight_ranges``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._drifts: tuple[QuoteDrift, ...] = ()
        self.locate_requested.connect(self.highlight_requested)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("sidebarFilter")
        self.filter_box.setPlaceholderText("Filter names and quotes")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._apply_filter)

        self.status = QLabel(self)
        self.status.setObjectName("sidebarStatus")
        self.status.setWordWrap(True)
        self.progress = QLabel(self)
        """Background-batch progress, apart from ``status`` so it never hides a message about
        the article in view ("No quotes... found", an error)."""
        self.progress.setObjectName("sidebarProgress")
        self.progress.setWordWrap(True)
        self.progress.hide()

        self.drift_title = QLabel(self)
        self.drift_title.setObjectName("driftTitle")
        self.drift_body = QLabel(self)
        self.drift_body.setObjectName("driftBody")
        self.drift_body.setWordWrap(True)
        self.drift_body.setTextFormat(Qt.TextFormat.RichText)
        self.drift_body.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.drift_body.linkActivated.connect(self._on_drift_link)
        self.drift_body.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.drift_body)
        self.drift_scroll = scroll
        self.drift_frame = QFrame(self)
        self.drift_frame.setObjectName("driftFrame")
        self.drift_frame.setFrameShape(QFrame.Shape.StyledPanel)
        drift_layout = QVBoxLayout(self.drift_frame)
        drift_layout.setContentsMargins(8, 6, 8, 6)
        drift_layout.addWidget(self.drift_title)
        drift_layout.addWidget(scroll)
        self.drift_frame.hide()

        self.speakers = _ListView("speakerList", self)
        self.organizations = _ListView("organizationList", self)
        self.people = _ListView("peopleList", self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sidebarTabs")
        # all three tabs stay visible in a narrow sidebar (titles elide instead of scrolling)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        tips = ("People and organizations quoted", "Organizations named", "People named")
        for view, tip in zip((self.speakers, self.organizations, self.people), tips, strict=True):
            self.tabs.setTabToolTip(self.tabs.addTab(view, ""), tip)
            view.clicked.connect(self._on_clicked)
            view.activated.connect(self._on_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.drift_frame)
        layout.addWidget(self.tabs, 1)
        self._style_drift_frame()
        self.clear()

    # --- what the window calls --------------------------------------------------------------
    def clear(self) -> None:
        """Nothing to show (no selection, or more than two articles)."""
        self._set_models(single_models(Extraction()), show_sides=False)
        self._set_drift(())
        self.status.setText("Select an article to see who is quoted and who is named.")
        self.status.show()

    def show_pending(self, message: str) -> None:
        """Extraction is running: say so and keep the lists empty until results arrive."""
        self._set_models(single_models(Extraction()), show_sides=False)
        self._set_drift(())
        self.status.setText(message)
        self.status.show()

    def show_progress(self, done: int, total: int) -> None:
        """A batch is being analysed in the background (the lists stay usable)."""
        if done >= total:
            self.progress.hide()
        else:
            self.progress.setText(f"Finding speakers and names: {done} of {total} articles…")
            self.progress.show()

    def show_single(self, article_text: str, extraction: Extraction) -> None:
        """One article: its speakers with their quotes, organizations and people."""
        del article_text  # offsets already point into it; kept for a symmetric API
        self._set_models(single_models(extraction), show_sides=False)
        self._set_drift(())
        self._show_counts_notice(extraction.speakers, extraction.organizations, extraction.people)

    def show_pair(
        self,
        a_text: str,
        a_extraction: Extraction,
        b_text: str,
        b_extraction: Extraction,
        drift: Drift,
    ) -> None:
        """Two versions: everything marked both / only A / only B, and the quote drift."""
        del a_text, b_text, a_extraction, b_extraction  # the drift holds both sides
        models = pair_models(drift.speakers, drift.organizations, drift.people, drift.quotes)
        self._set_models(models, show_sides=True)
        self._set_drift(drift.quotes)
        self._show_counts_notice(drift.speakers, drift.organizations, drift.people)

    def changeEvent(self, event: QEvent) -> None:
        """Dark mode switched while open: repaint the drift section in the matching colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_drift_frame()
            self._set_drift(self._drifts)

    # --- internals -------------------------------------------------------------------------
    def _show_counts_notice(self, speakers: Any, orgs: Any, people: Any) -> None:
        if not speakers and not orgs and not people:
            self.status.setText("No quotes, people or organizations found.")
            self.status.show()
        else:
            self.status.hide()

    def _set_models(self, models: tuple[QStandardItemModel, ...], show_sides: bool) -> None:
        titles = ("Speakers", "Orgs", "People")  # short: three tabs fit a narrow sidebar
        views = (self.speakers, self.organizations, self.people)
        for i, (view, model, title) in enumerate(zip(views, models, titles, strict=True)):
            view.set_source(model, show_sides)
            view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
            view.setSortingEnabled(True)
            self.tabs.setTabText(i, f"{title} ({model.rowCount()})")
        self._apply_filter(self.filter_box.text())

    def _set_drift(self, drifts: tuple[QuoteDrift, ...]) -> None:
        self._drifts = drifts
        if not drifts:
            self.drift_frame.hide()
            self.drift_body.clear()
            return
        colors = theme_for(self.palette())
        cards = [drift_card_html(i, d, colors) for i, d in enumerate(drifts)]
        self.drift_body.setText("<hr/>".join(cards))
        n = len(drifts)
        self.drift_title.setText(
            f"<b>Quote drift</b> — {n} quote{'s' if n != 1 else ''} worded differently"
        )
        self.drift_frame.show()
        self._fit_drift_height()

    def _fit_drift_height(self) -> None:
        """As tall as the cards need, up to a cap: one short drift must not leave a gap, many
        must not push the lists off screen."""
        width = max(self.drift_scroll.viewport().width(), self.width() - 40, 160)
        needed = self.drift_body.heightForWidth(width)
        height = min(max(needed, 40) + 6, DRIFT_MAX_HEIGHT)
        self.drift_scroll.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._drifts:
            self._fit_drift_height()

    def _style_drift_frame(self) -> None:
        colors = theme_for(self.palette())
        self.drift_frame.setStyleSheet(
            f"#driftFrame {{ border: 2px solid {colors.accent}; border-radius: 4px; }}"
        )

    def _apply_filter(self, text: str) -> None:
        for view in (self.speakers, self.organizations, self.people):
            view.proxy.setFilterFixedString(text)
            if text:
                view.expandAll()

    def _on_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        first = index.siblingAtColumn(0)
        for side, spans in first.data(LOCATE_ROLE) or []:
            if spans:
                self.locate_requested.emit(side, [tuple(s) for s in spans])

    def _on_drift_link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        index_text, _, side = rest.partition(":")
        if kind != "drift" or not index_text.isdigit() or side not in ("a", "b"):
            return
        index = int(index_text)
        if index >= len(self._drifts):
            return
        passage = self._drifts[index].a if side == "a" else self._drifts[index].b
        self.locate_requested.emit(side, passage.spans())
