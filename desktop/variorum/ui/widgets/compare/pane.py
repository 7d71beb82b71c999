"""ComparePane: the comparison (or single article) the main window shows.

It only paints data it is handed: the Comparison comes from the engine (computed off the GUI
thread by the main window), :class:`~.docs.Documents` builds one document per view from it
with the reader's display choices, and navigation is a lookup (``Comparison.navigate`` or the
change index), never a scan of the text. Whatever changes how the text is laid out (the view,
changes only, zoom, a fold opened) keeps the text at the top of the view where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QShowEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import BASE, Link, LinkKind
from variorum.present.style import Theme
from variorum.ui.widgets.compare.body import MESSAGE_PAGE, TEXT_PAGE, Parts, arrange_body
from variorum.ui.widgets.compare.builder import BuiltDoc
from variorum.ui.widgets.compare.change_list import ChangeListView
from variorum.ui.widgets.compare.columns import ColumnHeaders
from variorum.ui.widgets.compare.display import DisplayActions, text_font, view_menu, zoomed
from variorum.ui.widgets.compare.docs import Documents, Shown, Source
from variorum.ui.widgets.compare.find import FindBar
from variorum.ui.widgets.compare.found import FoundRanges
from variorum.ui.widgets.compare.header import CompareHeader
from variorum.ui.widgets.compare.introspect import rendered_spans
from variorum.ui.widgets.compare.links import link_target
from variorum.ui.widgets.compare.list_toggle import ChangeListToggle, set_check
from variorum.ui.widgets.compare.locate import VERSION, change_marks, change_ranges, step_target
from variorum.ui.widgets.compare.overview import OverviewStrip
from variorum.ui.widgets.compare.palette import theme_for
from variorum.ui.widgets.compare.place import ReadingPlace
from variorum.ui.widgets.compare.textview import DiffTextView
from variorum.ui.widgets.compare.toolbar import INLINE, SIDE_BY_SIDE, CompareActions

Range = tuple[int, int]
WITNESS = {"a": BASE, "b": VERSION}
"""The sides callers name ("a" the base, "b" the compared version) as witnesses."""


class ComparePane(QWidget):
    swap_requested = Signal()
    options_changed = Signal(object)
    view_mode_changed = Signal(str)
    display_changed = Signal(str, object)
    """(setting, value) when the reader changes a display choice: "changes_only" (bool),
    "change_list_views" (the views that show the change list, a tuple), "text_size" (points,
    0 = the system's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = INLINE
        self._current: int | None = None
        self._colors: Theme = theme_for(self.palette())
        self._empty = QTextDocument(self)
        self._sized = False
        self._place: tuple[str, str, Source | None] | None = None
        """(A id, B id, the text at the top) of the last pair shown, kept across show_pending."""
        self._text_size = 0
        self.docs = Documents(self, self._side_complete)

        self.header = CompareHeader(self)
        self.actions_ = CompareActions(self)
        self.display_ = DisplayActions(self)
        self.view = DiffTextView(self)
        self.place = ReadingPlace(self.view, self.docs)
        self.found = FoundRanges(self.view, self.docs)
        self.overview = OverviewStrip(self)
        self.change_list = ChangeListView(self)
        self.columns = ColumnHeaders(self)
        self.find_bar = FindBar(
            self.view, self.display_.find_next, self.display_.find_previous, self
        )
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        parts = Parts(self.view, self.overview, self.change_list, self.message, self.columns,
                      self.find_bar)  # fmt: skip
        self.stack, self.splitter = arrange_body(self, parts)
        self.list_toggle = ChangeListToggle(
            self.change_list, self.splitter, self.display_.change_list
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.actions_.toolbar)
        layout.addWidget(self.header.notices)
        layout.addWidget(self.stack, 1)
        toolbar = self.actions_.toolbar
        toolbar.addSeparator()
        toolbar.addAction(self.display_.changes_only)
        toolbar.addAction(self.display_.change_list)
        for action in (
            *self.actions_.navigation_actions(),
            self.actions_.toggle_view,
            *self.display_.all(),
        ):
            self.addAction(action)
        self._view_menu = view_menu(
            self.actions_.view_actions(), self.display_.view_actions(), self.display_.zoom_actions()
        )
        self._wire()
        self.show_message("")

    def _wire(self) -> None:
        a, d = self.actions_, self.display_
        a.next.triggered.connect(lambda: self._step(1))
        a.previous.triggered.connect(lambda: self._step(-1))
        a.view_mode_selected.connect(self.set_view_mode)
        a.swap.triggered.connect(self.swap_requested)
        a.options_changed.connect(self.options_changed)
        d.changes_only.toggled.connect(self._on_changes_only)
        self.list_toggle.changed.connect(
            lambda views: self.display_changed.emit("change_list_views", views)
        )
        d.zoom_in.triggered.connect(lambda: self._zoom(1))
        d.zoom_out.triggered.connect(lambda: self._zoom(-1))
        d.zoom_reset.triggered.connect(lambda: self._zoom(0))
        d.find.triggered.connect(self.find_bar.open_bar)
        d.find_next.triggered.connect(lambda: self.find_bar.step(1))
        d.find_previous.triggered.connect(lambda: self.find_bar.step(-1))
        self.find_bar.prepare = self._complete_document
        self.find_bar.hint = self._find_hint
        self.change_list.change_activated.connect(self.go_to_change)
        self.overview.change_clicked.connect(self.go_to_change)
        self.view.anchorClicked.connect(self._on_anchor)
        self.view.position_clicked.connect(self._on_click)
        self.overview.track(self.view.verticalScrollBar())

    # --- the API the main window uses -------------------------------------------------------
    def show_article(self, article: Article, *, show_boilerplate: bool = False) -> None:
        self._reset()
        self.header.show_single(article)
        self._show_doc(self.docs.show_article(article, show_boilerplate, self._colors))
        self.actions_.set_comparing(False)
        self._comparing_widgets(False)
        self.stack.setCurrentIndex(TEXT_PAGE)
        self.find_bar.refresh()

    def show_pending(self, a: Article, b: Article) -> None:
        self._reset()
        self.header.show_pair(a, b, None)
        self.actions_.set_comparing(False)
        self.actions_.swap.setEnabled(True)
        self._comparing_widgets(False)
        self.message.setText("Comparing…")
        self.stack.setCurrentIndex(MESSAGE_PAGE)

    def show_comparison(
        self, a: Article, b: Article, comparison: Comparison, *, show_boilerplate: bool = False
    ) -> None:
        self._reset()
        place, self._place = self._place, None
        shown = Shown(a, b, comparison, EqualRunMap(comparison), show_boilerplate)
        self.docs.show_comparison(shown, self._colors)
        self.header.show_pair(a, b, comparison)
        self.columns.show_pair(a, b)
        self.actions_.set_comparing(True)
        self.change_list.list_model.set_changes(comparison.changes)
        self._comparing_widgets(True)
        self.stack.setCurrentIndex(TEXT_PAGE)
        self._show_doc(self.docs.doc_for(self._mode))
        self._update_navigation()
        if place is not None:  # the same pair again (new options, or swapped): keep the place
            old_a, old_b, source = place
            if source is not None and (old_a, old_b) == (a.id, b.id):
                self._restore_top(source)
            elif source is not None and (old_a, old_b) == (b.id, a.id):
                self._restore_top((VERSION - source[0], source[1]))  # A's text is now B's
        self.find_bar.refresh()

    def show_message(self, text: str) -> None:
        self._reset()
        self.header.show_nothing()
        self.actions_.set_comparing(False)
        self._comparing_widgets(False)
        self.message.setText(text)
        self.stack.setCurrentIndex(MESSAGE_PAGE)

    def set_view_mode(self, mode: str) -> None:
        if mode not in (INLINE, SIDE_BY_SIDE):
            raise ValueError(f"unknown view mode {mode!r}")
        self.actions_.set_view_mode(mode)
        if mode == self._mode:
            return
        top = self._top_source()
        self._mode = mode
        if self.docs.shown is not None:
            self._comparing_widgets(True)
            self._show_doc(self.docs.doc_for(mode))
            self._restore_top(top)
            if self._current is not None:
                self.go_to_change(self._current, scroll=False)
            self.found.apply(self._mode)
            self.find_bar.refresh()
        self.view_mode_changed.emit(mode)

    def set_options(self, options: CompareOptions) -> None:
        self.actions_.set_options(options)

    def apply_display(
        self, *, changes_only: bool, change_list_views: tuple[str, ...], text_size: int
    ) -> None:
        """The display settings, applied without emitting ``display_changed``."""
        self.list_toggle.set_views(change_list_views)
        set_check(self.display_.changes_only, changes_only)
        self._set_changes_only(changes_only)
        if text_size != self._text_size:
            self._set_text_size(text_size)

    def highlight_ranges(self, side: str, ranges: list[tuple[int, int]]) -> None:
        """Highlight article ranges of ``side`` ("a" or "b") and scroll to the first (calls
        in one turn of the event loop add up, see :class:`~.found.FoundRanges`)."""
        self.found.add(self._mode, WITNESS[side], list(ranges))

    def navigation_actions(self) -> list[QAction]:
        return self.actions_.navigation_actions()

    def view_actions(self) -> list[QAction]:
        """For the View menu, in groups: the views, what they show, the text size."""
        return list(self._view_menu)

    def find_actions(self) -> list[QAction]:
        return self.display_.find_actions()

    def view_mode(self) -> str:
        return self._mode

    # --- introspection for tests -------------------------------------------------------------
    def current_change_index(self) -> int | None:
        return self._current

    def rendered_spans(self) -> list[tuple[str, str]]:
        """(kind, text) of every decorated run in view order, read back from the document."""
        self.docs.complete(self._mode)
        return rendered_spans(self.view.document(), self.view.separators())

    def reading_position(self) -> Source | None:
        """(witness, offset) of the article text at the top of the view."""
        return self._top_source()

    # --- navigation --------------------------------------------------------------------------
    def go_to_change(self, index: int, *, scroll: bool = True) -> None:
        shown = self.docs.shown
        if shown is None or not 0 <= index < len(shown.comparison.changes):
            return
        self._current = index
        ranges = self._change_doc_ranges(index)
        self.view.set_current_ranges(ranges)
        if ranges and scroll:
            self.view.scroll_to_position(ranges[0][0])
        self.change_list.select_row(index)
        self.overview.set_current(index)
        self._update_navigation()

    def _step(self, direction: int) -> None:
        shown = self.docs.shown
        if shown is not None:
            target = step_target(
                shown.comparison,
                self._current,
                direction,
                lambda: self.docs.top_b_offset(self._mode, self.view.top_position()),
            )
            if target is not None:
                self.go_to_change(target)

    def _update_navigation(self) -> None:
        shown = self.docs.shown
        total = len(shown.comparison.changes) if shown else 0
        current = self._current
        self.actions_.set_navigation(
            current,
            total,
            total > 0 and (current is None or current > 0),
            total > 0 and (current is None or current < total - 1),
        )

    # --- display choices ---------------------------------------------------------------------
    def _comparing_widgets(self, comparing: bool) -> None:
        self.list_toggle.update(self._mode, comparing)
        self.columns.setVisible(comparing and self._mode == SIDE_BY_SIDE)
        self.display_.changes_only.setEnabled(comparing)

    def _on_changes_only(self, on: bool) -> None:
        self._set_changes_only(on)
        self.display_changed.emit("changes_only", on)

    def _set_changes_only(self, on: bool) -> None:
        if on == self.docs.changes_only:
            return
        self.docs.changes_only = on
        self._rebuild()

    def _complete_document(self) -> None:
        self.docs.complete(self._mode)

    def _find_hint(self) -> str:
        if self.docs.changes_only and self.docs.shown is not None:
            return "folded paragraphs are not searched"
        return ""

    def _zoom(self, step: int) -> None:
        size = zoomed(self._text_size, self.font(), step) if step else 0
        if size != self._text_size:
            self._set_text_size(size)
            self.display_changed.emit("text_size", size)

    def _set_text_size(self, size: int) -> None:
        top = self._top_source()
        self._text_size = size
        self.docs.set_font(text_font(self.font(), size))
        self._restore_top(top)

    def text_size(self) -> int:
        return self._text_size

    # --- documents and positions -------------------------------------------------------------
    def _rebuild(self) -> None:
        """Build the comparison's documents again (a display choice changed), keeping the text
        at the top of the view."""
        if self.docs.shown is None:
            return
        top = self._top_source()
        self.docs.rebuild()
        self._show_doc(self.docs.doc_for(self._mode))
        self._restore_top(top)
        self._after_new_document()

    def _after_new_document(self) -> None:
        if self._current is not None:
            self.go_to_change(self._current, scroll=False)
        self.found.apply(self._mode)
        self.find_bar.refresh()

    def _side_complete(self, whole: BuiltDoc) -> None:
        """The whole side-by-side document is ready: swap it in for the preview, keeping the
        scroll position and the highlights."""
        if self._mode == SIDE_BY_SIDE and self.docs.shown is not None:
            self.view.replace_document(whole.document)
            self.view.set_separators(whole.index.separators())
            self.overview.set_marks(self._marks(whole))
            self.overview.set_current(self._current)
            if self._current is not None:
                self.view.set_current_ranges(self._change_doc_ranges(self._current, whole))
            self.found.apply(self._mode)

    def _show_doc(self, built: BuiltDoc) -> None:
        self.view.set_highlight_colors(self._colors.current, self._colors.found)
        self.view.show_document(built.document)
        self.view.set_separators(built.index.separators())
        self.overview.set_marks(self._marks(built))

    def _marks(self, built: BuiltDoc) -> list[tuple[float, float, str]]:
        shown = self.docs.shown
        return change_marks(built, shown.comparison, self._colors) if shown else []

    def _change_doc_ranges(self, index: int, built: BuiltDoc | None = None) -> list[Range]:
        shown = self.docs.shown
        if shown is None:
            return []
        change = shown.comparison.changes[index]
        if built is None:
            self.docs.ensure(self._mode, BASE, change.a_start)
            built = self.docs.ensure(self._mode, VERSION, change.b_start)
        return change_ranges(built, shown.comparison, index) if built is not None else []

    def _top_source(self) -> Source | None:
        return self.place.top(self._mode)

    def _restore_top(self, source: Source | None) -> None:
        self.place.restore(self._mode, source)

    def _on_click(self, doc_pos: int) -> None:
        """Clicking a highlighted change makes it the current one (F7 continues from there)."""
        built = self.docs.current(self._mode)
        if self.docs.shown is not None and built is not None:
            ref = built.index.change_at(doc_pos)
            if ref is not None:
                self.go_to_change(ref.index, scroll=False)

    def _on_anchor(self, url: QUrl) -> None:
        link = Link.parse(url.toString())
        if link is None:
            return
        n = link.target
        if link.kind == LinkKind.FOLD:
            self._unfold(n)
            return
        if link.kind == LinkKind.CHANGE:
            self.go_to_change(n)
            return
        built = self.docs.current(self._mode)
        if built is not None and link.kind == LinkKind.ROW and built.pending is not None:
            built = self.docs.complete(self._mode)
        target = link_target(built, link) if built is not None else None
        if target is not None:
            self.view.set_current_ranges([target])
            self.view.scroll_to_position(target[0])

    def _unfold(self, fold_id: int) -> None:
        """Show the paragraphs a fold line stands for, where the line was."""
        if self.docs.shown is None:
            return
        self.docs.expanded[self._mode].add(fold_id)
        self.docs.rebuild()
        built = self.docs.doc_for(self._mode)
        self.view.replace_document(built.document)
        self.view.set_separators(built.index.separators())
        self.overview.set_marks(self._marks(built))
        self._after_new_document()

    def _reset(self) -> None:
        shown = self.docs.shown
        if shown is not None:
            self._place = (shown.a.id, shown.b.id, self._top_source())
        self.docs.clear()
        self._current = None
        self.view.set_current_ranges([])
        self.found.clear()
        self.change_list.list_model.set_changes(())
        self.overview.set_marks([])
        self._update_navigation()
        self.view.show_document(self._empty)
        self.view.set_separators([])

    def showEvent(self, event: QShowEvent) -> None:
        """Give the change list about a quarter of the width the first time the pane shows."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self.list_toggle.give_room()

    def changeEvent(self, event: QEvent) -> None:
        """Rebuild with the other colour set when the palette switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "docs"):
            self.actions_.refresh_icons()
            colors = theme_for(self.palette())
            if colors != self._colors:
                self._colors = colors
                shown, current = self.docs.shown, self._current
                if shown is not None:
                    self.show_comparison(shown.a, shown.b, shown.comparison,
                                         show_boilerplate=shown.show_boilerplate)  # fmt: skip
                    if current is not None:
                        self.go_to_change(current)
