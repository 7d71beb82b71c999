"""ComparePane: the comparison (or single article) the main window shows.

It only paints data it is handed: the Comparison comes from the engine (computed off the GUI
thread by the main window), the pane builds one document per view from it, and navigation is a
lookup (``Comparison.navigate`` or the change index), never a scan of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import BASE, Link, LinkKind
from variorum.present.style import Theme
from variorum.ui.widgets.compare.body import MESSAGE_PAGE, TEXT_PAGE, arrange_body
from variorum.ui.widgets.compare.builder import BuiltDoc, build_inline, build_reader
from variorum.ui.widgets.compare.change_list import ChangeListView
from variorum.ui.widgets.compare.header import CompareHeader
from variorum.ui.widgets.compare.introspect import rendered_spans
from variorum.ui.widgets.compare.locate import (
    VERSION,
    change_marks,
    change_ranges,
    inline_a_pos,
    step_target,
)
from variorum.ui.widgets.compare.overview import Mark, OverviewStrip
from variorum.ui.widgets.compare.palette import theme_for
from variorum.ui.widgets.compare.side_build import SideBuild
from variorum.ui.widgets.compare.textview import DiffTextView
from variorum.ui.widgets.compare.toolbar import INLINE, SIDE_BY_SIDE, CompareActions

Range = tuple[int, int]
WITNESS = {"a": BASE, "b": VERSION}
"""The sides callers name ("a" the base, "b" the compared version) as witnesses."""


@dataclass
class _Shown:
    a: Article
    b: Article
    comparison: Comparison
    runs: EqualRunMap


class ComparePane(QWidget):
    swap_requested = Signal()
    options_changed = Signal(object)
    view_mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = INLINE
        self._shown: _Shown | None = None
        self._reader: BuiltDoc | None = None
        self._docs: dict[str, BuiltDoc] = {}
        self._current: int | None = None
        self._found: dict[int, list[Range]] = {}
        """Highlighted article ranges per witness, kept to re-apply after re-rendering."""
        self._found_burst = False
        self._colors: Theme = theme_for(self.palette())
        self._empty = QTextDocument(self)
        self._side_build: SideBuild | None = None
        self._sized = False
        self._place: tuple[str, str, int] | None = None
        """(A id, B id, B offset at the top) of the last pair shown, kept across show_pending."""
        # The pane lives as long as the window, so it keeps the refcount reserve full.

        self.header = CompareHeader(self)
        self.actions_ = CompareActions(self)
        self.view = DiffTextView(self)
        self.overview = OverviewStrip(self)
        self.change_list = ChangeListView(self)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.stack, self.splitter = arrange_body(
            self, self.view, self.overview, self.change_list, self.message
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.actions_.toolbar)
        layout.addWidget(self.stack, 1)
        for action in (*self.actions_.navigation_actions(), self.actions_.toggle_view):
            self.addAction(action)

        self.actions_.next.triggered.connect(lambda: self._step(1))
        self.actions_.previous.triggered.connect(lambda: self._step(-1))
        self.actions_.view_mode_selected.connect(self.set_view_mode)
        self.actions_.swap.triggered.connect(self.swap_requested)
        self.actions_.options_changed.connect(self.options_changed)
        self.change_list.change_activated.connect(self.go_to_change)
        self.overview.change_clicked.connect(self.go_to_change)
        self.view.anchorClicked.connect(self._on_anchor)
        self.view.position_clicked.connect(self._on_click)
        self.overview.track(self.view.verticalScrollBar())
        self.show_message("")

    # --- the API the main window uses -------------------------------------------------------
    def show_article(self, article: Article, *, show_boilerplate: bool = False) -> None:
        self._reset()
        self.header.show_single(article)
        self._reader = build_reader(self, article, show_boilerplate, self._colors)
        self._show_doc(self._reader)
        self.actions_.set_comparing(False)
        self.change_list.setVisible(False)
        self.stack.setCurrentIndex(TEXT_PAGE)

    def show_pending(self, a: Article, b: Article) -> None:
        self._reset()
        self.header.show_pair(a, b, None)
        self.actions_.set_comparing(False)
        self.actions_.swap.setEnabled(True)
        self.message.setText("Comparing…")
        self.stack.setCurrentIndex(MESSAGE_PAGE)

    def show_comparison(self, a: Article, b: Article, comparison: Comparison) -> None:
        self._reset()
        place, self._place = self._place, None
        self._shown = _Shown(a, b, comparison, EqualRunMap(comparison))
        self.header.show_pair(a, b, comparison)
        self.actions_.set_comparing(True)
        self.change_list.list_model.set_changes(comparison.changes)
        self.change_list.setVisible(True)
        self.stack.setCurrentIndex(TEXT_PAGE)
        self._show_doc(self._doc_for(self._mode))
        self._update_navigation()
        if place is not None:  # the same pair again (new options, or swapped): keep the place
            old_a, old_b, offset = place
            if (old_a, old_b) == (a.id, b.id):
                self._scroll_to_b_offset(offset)
            elif (old_a, old_b) == (b.id, a.id):
                self._scroll_to_b_offset(self._shown.runs.a_to_b(offset))

    def show_message(self, text: str) -> None:
        self._reset()
        self.header.show_nothing()
        self.actions_.set_comparing(False)
        self.message.setText(text)
        self.stack.setCurrentIndex(MESSAGE_PAGE)

    def set_view_mode(self, mode: str) -> None:
        if mode not in (INLINE, SIDE_BY_SIDE):
            raise ValueError(f"unknown view mode {mode!r}")
        self.actions_.set_view_mode(mode)
        if mode == self._mode:
            return
        top_b = self._top_b_offset()
        self._mode = mode
        if self._shown is not None:
            self._show_doc(self._doc_for(mode))
            if self._current is not None:
                self.go_to_change(self._current)
            elif top_b is not None:
                self._scroll_to_b_offset(top_b)
            self._apply_found(scroll=True)
        self.view_mode_changed.emit(mode)

    def set_options(self, options: CompareOptions) -> None:
        self.actions_.set_options(options)

    def highlight_ranges(self, side: str, ranges: list[tuple[int, int]]) -> None:
        """Highlight article ranges of ``side`` ("a" or "b") and scroll to the first.

        Calls made in one turn of the event loop add up (the sidebar sends A's mentions of an
        entity and then B's); the next click starts afresh."""
        if not self._found_burst:
            self._found = {}
            self._found_burst = True
            QTimer.singleShot(0, self._end_found_burst)
        first_call = not self._found
        self._found[WITNESS[side]] = list(ranges)
        self._apply_found(scroll=first_call)

    def _end_found_burst(self) -> None:
        self._found_burst = False

    def _found_doc_ranges(self) -> list[Range]:
        return [
            r
            for side, ranges in self._found.items()
            for r in (self._doc_range(side, s, e) for s, e in ranges)
            if r
        ]

    def _apply_found(self, *, scroll: bool) -> None:
        doc_ranges = self._found_doc_ranges()
        self.view.set_found_ranges(doc_ranges)
        if scroll and doc_ranges:
            self.view.scroll_to_position(min(r[0] for r in doc_ranges))

    def navigation_actions(self) -> list[QAction]:
        return self.actions_.navigation_actions()

    def view_actions(self) -> list[QAction]:
        return self.actions_.view_actions()

    def view_mode(self) -> str:
        return self._mode

    # --- introspection for tests -------------------------------------------------------------
    def current_change_index(self) -> int | None:
        return self._current

    def rendered_spans(self) -> list[tuple[str, str]]:
        """(kind, text) of every decorated run in view order, read back from the document."""
        built = self._current_built()
        if built is not None and built.pending is not None:
            built.pending.finish()
        return rendered_spans(self.view.document())

    # --- navigation --------------------------------------------------------------------------
    def go_to_change(self, index: int, *, scroll: bool = True) -> None:
        if self._shown is None or not 0 <= index < len(self._shown.comparison.changes):
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
        if self._shown is not None:
            target = step_target(
                self._shown.comparison, self._current, direction, self._top_b_offset
            )
            if target is not None:
                self.go_to_change(target)

    def _update_navigation(self) -> None:
        total = len(self._shown.comparison.changes) if self._shown else 0
        current = self._current
        self.actions_.set_navigation(
            current,
            total,
            total > 0 and (current is None or current > 0),
            total > 0 and (current is None or current < total - 1),
        )

    # --- documents and positions -------------------------------------------------------------
    def _doc_for(self, mode: str) -> BuiltDoc:
        assert self._shown is not None
        built = self._docs.get(mode)
        if built is None:
            shown, colors = self._shown, self._colors
            if mode == INLINE:
                built = build_inline(self, shown.comparison, shown.runs, colors)
            else:
                self._side_build = SideBuild(
                    self, shown.comparison, colors, self._side_complete
                )
                built = self._side_build.preview
                if built.pending is None:  # short pair: the preview is the whole document
                    self._side_build = None
            self._docs[mode] = built
        return built

    def _side_complete(self, whole: BuiltDoc) -> None:
        """The whole side-by-side document is ready: swap it in for the preview, keeping the
        scroll position and the highlights."""
        preview = self._docs.get(SIDE_BY_SIDE)
        self._docs[SIDE_BY_SIDE] = whole
        self._side_build = None
        if self._mode == SIDE_BY_SIDE:
            self.view.replace_document(whole.document)
            self.overview.set_marks(self._marks(whole))
            self.overview.set_current(self._current)
            if self._current is not None:
                self.view.set_current_ranges(self._change_doc_ranges(self._current, whole))
            if self._found:
                self._apply_found(scroll=False)
        if preview is not None and preview is not whole:
            preview.document.deleteLater()

    def _ensure(self, side: int, offset: int) -> BuiltDoc | None:
        """The current document, completed first if ``offset`` lies beyond a preview."""
        built = self._current_built()
        if built is not None and built.pending is not None:
            built.pending.ensure(side, offset)
            built = self._current_built()
        return built

    def _show_doc(self, built: BuiltDoc) -> None:
        self.view.set_highlight_colors(self._colors.current, self._colors.found)
        self.view.show_document(built.document)
        self.overview.set_marks(self._marks(built))

    def _current_built(self) -> BuiltDoc | None:
        if self._shown is not None:
            return self._docs.get(self._mode)
        return self._reader

    def _marks(self, built: BuiltDoc) -> list[Mark]:
        if self._shown is None:
            return []
        return change_marks(built, self._shown.comparison, self._colors)

    def _change_doc_ranges(self, index: int, built: BuiltDoc | None = None) -> list[Range]:
        if self._shown is None:
            return []
        change = self._shown.comparison.changes[index]
        if built is None:
            self._ensure(BASE, change.a_start)
            built = self._ensure(VERSION, change.b_start)
        if built is None:
            return []
        return change_ranges(built, self._shown.comparison, index)

    def _scroll_to_b_offset(self, offset: int) -> None:
        """Put B's text at ``offset`` at the top of the view."""
        built = self._ensure(VERSION, offset)
        pos = built.index.nearest_doc_pos(VERSION, offset) if built else None
        self.view.scroll_to_position(pos or 0)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self.view.viewport().height() // 3)

    def _doc_pos(self, side: int, offset: int) -> int | None:
        built = self._ensure(side, offset)
        if built is None:
            return None
        if self._shown is None:  # reading mode: one article, whichever side is asked
            return built.index.nearest_doc_pos(BASE, offset)
        if side != BASE or self._mode == SIDE_BY_SIDE:
            return built.index.nearest_doc_pos(side, offset)
        return inline_a_pos(built, self._shown.comparison, self._shown.runs, offset)

    def _doc_range(self, side: int, start: int, end: int) -> Range | None:
        first = self._doc_pos(side, start)
        if first is None:
            return None
        last = self._doc_pos(side, max(end, start))
        return (first, max(last if last is not None else first, first + 1))

    def _top_b_offset(self) -> int | None:
        built = self._current_built()
        if built is None or self._shown is None:
            return None
        top = self.view.top_position()
        source = built.index.source_at(top, VERSION) or built.index.source_at(top)
        if source is None:
            return None
        side, offset = source
        return offset if side == VERSION else self._shown.runs.a_to_b(offset)

    def _on_click(self, doc_pos: int) -> None:
        """Clicking a highlighted change makes it the current one (F7 continues from there)."""
        built = self._current_built()
        if self._shown is not None and built is not None:
            ref = built.index.change_at(doc_pos)
            if ref is not None:
                self.go_to_change(ref.index, scroll=False)

    def _on_anchor(self, url: QUrl) -> None:
        link = Link.parse(url.toString())
        if link is None:
            return
        n = link.target
        built = self._current_built()
        if built is not None and link.kind == LinkKind.ROW and built.pending is not None:
            built.pending.ensure_row(n)
            built = self._current_built()
        if link.kind == LinkKind.CHANGE:
            self.go_to_change(n)
        elif link.kind == LinkKind.ORIGIN and built is not None:
            pos = built.index.href_pos(Link(LinkKind.CHANGE, n, link.version).token())
            if pos is not None:
                self.view.set_current_ranges([(pos, pos + 1)])
                self.view.scroll_to_position(pos)
        elif link.kind == LinkKind.ROW and built is not None and 0 <= n < len(built.row_cells):
            cells = built.row_cells[n]
            role = built.rows[n].role
            left, right = cells[BASE], cells[VERSION]
            use_right = role == "target" or (role == "" and left[1] <= left[0])
            span = right if use_right else left
            self.view.set_current_ranges([span])
            self.view.scroll_to_position(span[0])

    def _reset(self) -> None:
        if self._shown is not None:
            top_b = self._top_b_offset()
            shown = self._shown
            self._place = (shown.a.id, shown.b.id, top_b) if top_b else None
        if self._side_build is not None:
            self._side_build.cancel()
            self._side_build = None
        old = [*self._docs.values(), *([self._reader] if self._reader else [])]
        self._shown = None
        self._reader = None
        self._docs = {}
        self._current = None
        self._found = {}
        self.view.set_current_ranges([])
        self.view.set_found_ranges([])
        self.change_list.list_model.set_changes(())
        self.overview.set_marks([])
        self._update_navigation()
        self.view.show_document(self._empty)
        for built in old:
            built.document.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        """Give the change list about a quarter of the width the first time the pane shows."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = max(self.splitter.width(), 400)
            self.splitter.setSizes([width * 3 // 4, width - width * 3 // 4])

    def changeEvent(self, event: QEvent) -> None:
        """Rebuild with the other colour set when the palette switches between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_empty"):
            self.actions_.refresh_icons()
            colors = theme_for(self.palette())
            if colors != self._colors:
                self._colors = colors
                if self._shown is not None:
                    shown, current = self._shown, self._current
                    self.show_comparison(shown.a, shown.b, shown.comparison)
                    if current is not None:
                        self.go_to_change(current)
