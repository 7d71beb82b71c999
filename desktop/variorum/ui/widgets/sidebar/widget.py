"""The speakers / organizations / people sidebar.

It only shows what it is given (:meth:`Sidebar.show_single`, :meth:`Sidebar.show_pair`) and
asks for text to be located (:attr:`Sidebar.locate_requested`); extraction runs elsewhere, in
a worker (see :mod:`.controller`), so the widget never blocks and never touches a thread.

Layout, top to bottom: a filter box, a status line (progress, notices), the Quote drift
section (two versions only; it is what analysts look for first, so it sits above the lists
and is framed in the accent colour), and tabs for Speakers, Organizations and People.
"""

from __future__ import annotations

import html
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
from variorum.ui.widgets.sidebar.correcting import CorrectionMenu, CorrectionRequest
from variorum.ui.widgets.sidebar.drift_html import drift_card_html
from variorum.ui.widgets.sidebar.items import (
    LOCATE_ROLE,
    NAME_ROLE,
    QUOTE_LEGEND,
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
        # a quote row spans the whole list (see _ListView), a name row only its first column
        room = self._view.viewport().width() if depth else self._view.header().sectionSize(0)
        width = room - self._view.indentation() * (depth + 1) - 8
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
        for signal in (self.proxy.rowsInserted, self.proxy.layoutChanged, self.proxy.modelReset):
            signal.connect(self._span_children)

    def _span_children(self, *_: object) -> None:
        """Quotes (the rows under a speaker) take the list's whole width: read in a narrow
        first column they wrap every few words. Spans are set on the rows the filter and the
        sort show, so they are set again whenever those change."""
        for row in range(self.proxy.rowCount()):
            parent = self.proxy.index(row, 0)
            for child in range(self.proxy.rowCount(parent)):
                self.setFirstColumnSpanned(child, parent, True)

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
        self._span_children()


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
        self._drift_note: str | None = None
        """What the drift section says when no quote was reworded (None: section hidden)."""
        self._subject: tuple[str, ...] = ()
        """The text(s) shown: a new subject starts with an empty filter."""
        self._notice: str | None = None
        """The status line for the subject itself (e.g. "No quotes ... found")."""
        self.locate_requested.connect(self.highlight_requested)
        self._reselect: tuple[QTreeView, str] | None = None
        """After a correction: the list and name to select again once the lists are rebuilt."""

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("sidebarFilter")
        self.filter_box.setPlaceholderText("Filter names and quotes")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._apply_filter)

        self.status = QLabel(self)
        self.status.setObjectName("sidebarStatus")
        self.status.setWordWrap(True)
        self.language = QLabel(self)
        """Which article in view is not English: its speakers and names are unreliable."""
        self.language.setObjectName("sidebarLanguage")
        self.language.setWordWrap(True)
        self.language.hide()
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
        self.corrections = CorrectionMenu(self, (self.speakers, self.organizations, self.people))
        self.correction_requested = self.corrections.requested
        """A :class:`CorrectionRequest` from the lists' context menu or keys."""
        self.corrections.requested.connect(self._remember_selection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.status)
        layout.addWidget(self.language)
        layout.addWidget(self.progress)
        layout.addWidget(self.drift_frame)
        self.legend = QLabel(QUOTE_LEGEND, self)
        self.legend.setObjectName("quoteLegend")
        self.legend.setWordWrap(True)
        self.legend.setToolTip("The mark before each quote, when two versions are compared")
        self.legend.hide()

        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.legend)
        self._style_drift_frame()
        self.clear()

    # --- what the window calls --------------------------------------------------------------
    def clear(self) -> None:
        """Nothing to show (no selection, or more than two articles)."""
        self._set_subject(())
        self._set_models(single_models(Extraction()), show_sides=False)
        self._set_drift((), None)
        self._set_notice("Select an article to see who is quoted and who is named.")
        self.set_language_warning(None)

    def set_language_warning(self, text: str | None) -> None:
        """Shown above the lists for as long as the article(s) stay in view."""
        self.language.setText(f"⚠ {text}" if text else "")
        self.language.setVisible(bool(text))

    def show_pending(self, message: str, *, pair: bool = False) -> None:
        """Extraction is running: say so and keep the lists empty until results arrive. For
        two versions the drift section says it is checking, so it never appears from nothing."""
        self._set_models(single_models(Extraction()), show_sides=False)
        self._set_drift((), "Checking whether quotes were reworded…" if pair else None)
        self._set_notice(message)

    def show_progress(self, done: int, total: int) -> None:
        """A batch is being analysed in the background (the lists stay usable)."""
        if done >= total:
            self.progress.hide()
        else:
            self.progress.setText(f"Finding speakers and names: {done} of {total} articles…")
            self.progress.show()

    def show_single(self, article_text: str, extraction: Extraction) -> None:
        """One article: its speakers with their quotes, organizations and people."""
        self._set_subject((article_text,))
        self._set_models(single_models(extraction), show_sides=False)
        self._set_drift((), None)
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
        del a_extraction, b_extraction  # the drift holds both sides
        self._set_subject((a_text, b_text))
        models = pair_models(drift.speakers, drift.organizations, drift.people, drift.quotes)
        self._set_models(models, show_sides=True)
        if drift.checked:
            n = drift.checked
            note = f"Quotes unchanged between A and B ({n} quote{'s' if n != 1 else ''} checked)."
        else:
            note = "No quote of the same speaker appears in both A and B."
        self._set_drift(drift.quotes, note)
        self._show_counts_notice(drift.speakers, drift.organizations, drift.people)

    def changeEvent(self, event: QEvent) -> None:
        """Dark mode switched while open: repaint the drift section in the matching colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_drift_frame()
            self._set_drift(self._drifts, self._drift_note)

    # --- internals -------------------------------------------------------------------------
    def _set_subject(self, subject: tuple[str, ...]) -> None:
        """Another article or pair: a filter typed for the last one would hide this one's
        names for no reason the reader can see, so it is cleared."""
        if subject != self._subject:
            self._subject = subject
            self.filter_box.clear()

    def _set_notice(self, text: str | None) -> None:
        self._notice = text
        self._show_status()

    def _show_status(self) -> None:
        """The subject's own notice, or, when the filter hides everything, a message saying
        so (an empty list with no reason looks like a failure)."""
        text = self._notice
        needle = self.filter_box.text().strip()
        views = (self.speakers, self.organizations, self.people)
        if needle and self._subject and not any(v.proxy.rowCount() for v in views):
            text = f"Nothing matches “{needle}” (clear the filter to see all)."
        self.status.setText(text or "")
        self.status.setVisible(bool(text))

    def _show_counts_notice(self, speakers: Any, orgs: Any, people: Any) -> None:
        empty = not speakers and not orgs and not people
        self._set_notice("No quotes, people or organizations found." if empty else None)

    def _set_models(self, models: tuple[QStandardItemModel, ...], show_sides: bool) -> None:
        titles = ("Speakers", "Orgs", "People")  # short: three tabs fit a narrow sidebar
        views = (self.speakers, self.organizations, self.people)
        for i, (view, model, title) in enumerate(zip(views, models, titles, strict=True)):
            view.set_source(model, show_sides)
            view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
            view.setSortingEnabled(True)
            self.tabs.setTabText(i, f"{title} ({model.rowCount()})")
        self.legend.setVisible(show_sides)
        self._apply_filter(self.filter_box.text())
        self._select_again()

    def _remember_selection(self, request: CorrectionRequest) -> None:
        view = next(
            (v for v in (self.speakers, self.organizations, self.people) if v.hasFocus()),
            self.tabs.currentWidget(),
        )
        if isinstance(view, QTreeView):
            self._reselect = (view, request.reselect)

    def _select_again(self) -> None:
        """The lists were rebuilt after a correction: keep the keyboard where it was, on the
        corrected name (or the first row when the name is gone), so the next key acts on it."""
        if self._reselect is None:
            return
        view, name = self._reselect
        self._reselect = None
        model = view.model()
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        if not rows:
            return
        found = [i for i in rows if str(i.data(NAME_ROLE) or "").casefold() == name.casefold()]
        view.setCurrentIndex(found[0] if found and name else rows[0])

    def _set_drift(self, drifts: tuple[QuoteDrift, ...], note: str | None) -> None:
        """The reworded quotes as cards; with none, ``note`` says why the section is empty
        (still checking, or nothing reworded); with no note either, the section hides."""
        self._drifts = drifts
        self._drift_note = note
        if not drifts and note is None:
            self.drift_frame.hide()
            self.drift_body.clear()
            return
        n = len(drifts)
        if not drifts:
            self.drift_title.setText("<b>Quote drift</b>")
            self.drift_body.setText(html.escape(note or ""))
        else:
            self.drift_title.setText(
                f"<b>Quote drift</b> — {n} quote{'s' if n != 1 else ''} worded differently"
            )
            self._paint_drift_cards()
        self.drift_frame.show()
        self._fit_drift_height()

    def _paint_drift_cards(self) -> None:
        """The cards the filter lets through (speaker or either wording), keeping each card's
        index so its links still locate the right quote."""
        colors = theme_for(self.palette())
        needle = self.filter_box.text().strip().casefold()
        cards = [
            drift_card_html(i, d, colors)
            for i, d in enumerate(self._drifts)
            if not needle or needle in f"{d.speaker}\n{d.a.text}\n{d.b.text}".casefold()
        ]
        if cards:
            self.drift_body.setText("<hr/>".join(cards))
        else:
            self.drift_body.setText(html.escape("No reworded quote matches the filter."))

    def _fit_drift_height(self) -> None:
        """As tall as the cards need, up to a cap: one short drift must not leave a gap, many
        must not push the lists off screen."""
        width = max(self.drift_scroll.viewport().width(), self.width() - 40, 160)
        needed = self.drift_body.heightForWidth(width)
        height = min(max(needed, 40) + 6, DRIFT_MAX_HEIGHT)
        self.drift_scroll.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.drift_frame.isVisible():
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
        if self._drifts:
            self._paint_drift_cards()
            self._fit_drift_height()
        self._show_status()

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
