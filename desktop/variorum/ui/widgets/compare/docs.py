"""The documents the pane shows for one comparison (one per view, built when first shown, with
the reader's display choices) or for one article, and the lookups from article offsets to
document positions in them. The pane owns one of these; it never builds a document itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import BASE
from variorum.present.style import Theme
from variorum.present.views import Display, inline_view, side_view
from variorum.ui.widgets.compare.builder import BuiltDoc, build_reader, flow_document
from variorum.ui.widgets.compare.locate import VERSION, inline_a_pos
from variorum.ui.widgets.compare.side_build import SideBuild
from variorum.ui.widgets.compare.toolbar import INLINE, SIDE_BY_SIDE

Range = tuple[int, int]
Source = tuple[int, int]
"""(witness, offset) of a piece of article text."""


@dataclass
class Shown:
    a: Article
    b: Article
    comparison: Comparison
    runs: EqualRunMap
    show_boilerplate: bool = False


class Documents:
    def __init__(self, parent: QWidget, on_side_complete: Callable[[BuiltDoc], None]) -> None:
        self._parent = parent
        self._on_side_complete = on_side_complete
        self.shown: Shown | None = None
        self.reader: BuiltDoc | None = None
        self._docs: dict[str, BuiltDoc] = {}
        self._side_build: SideBuild | None = None
        self.colors: Theme | None = None
        self.font = QFont(parent.font())
        self.changes_only = False
        self.expanded: dict[str, set[int]] = {INLINE: set(), SIDE_BY_SIDE: set()}

    # --- what is shown ------------------------------------------------------------------------
    def show_article(self, article: Article, show_boilerplate: bool, colors: Theme) -> BuiltDoc:
        self.clear()
        self.colors = colors
        self.reader = build_reader(self._parent, article, show_boilerplate, colors, self.font)
        return self.reader

    def show_comparison(self, shown: Shown, colors: Theme) -> None:
        self.clear()
        self.colors = colors
        self.shown = shown

    def clear(self) -> None:
        """Forget everything shown (the documents are deleted once the event loop runs)."""
        old = [*self._docs.values(), *([self.reader] if self.reader else [])]
        self.rebuild()
        self.shown = None
        self.reader = None
        self.expanded = {INLINE: set(), SIDE_BY_SIDE: set()}
        for built in old:
            built.document.deleteLater()

    def rebuild(self) -> None:
        """Drop the comparison's documents so they are built again with the current display
        choices (the caller shows the new one)."""
        if self._side_build is not None:
            self._side_build.cancel()
            self._side_build = None
        for built in self._docs.values():
            built.document.deleteLater()
        self._docs = {}

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        for built in [*self._docs.values(), *([self.reader] if self.reader else [])]:
            built.document.setDefaultFont(self.font)

    # --- documents ----------------------------------------------------------------------------
    def display(self, mode: str) -> Display:
        """The reader's choices for the view ``mode`` of the shown comparison."""
        shown = self.shown
        boilerplate = None
        if shown is not None and shown.show_boilerplate:
            boilerplate = (shown.a.boilerplate, shown.b.boilerplate)
        return Display(self.changes_only, frozenset(self.expanded[mode]), boilerplate)

    def doc_for(self, mode: str) -> BuiltDoc:
        shown, colors = self.shown, self.colors
        assert shown is not None and colors is not None
        built = self._docs.get(mode)
        if built is None:
            display = self.display(mode)
            if mode == INLINE:
                segments = inline_view(shown.comparison, shown.runs, display)
                built = flow_document(self._parent, segments, colors, self.font)
            else:
                layout = side_view(shown.comparison, display)
                self._side_build = SideBuild(
                    self._parent, layout, colors, self.font, self._side_done
                )
                built = self._side_build.preview
                if built.pending is None:  # short pair: the preview is the whole document
                    self._side_build = None
            self._docs[mode] = built
        return built

    def _side_done(self, whole: BuiltDoc) -> None:
        preview = self._docs.get(SIDE_BY_SIDE)
        self._docs[SIDE_BY_SIDE] = whole
        self._side_build = None
        self._on_side_complete(whole)
        if preview is not None and preview is not whole:
            preview.document.deleteLater()

    def current(self, mode: str) -> BuiltDoc | None:
        if self.shown is not None:
            return self._docs.get(mode)
        return self.reader

    def complete(self, mode: str) -> BuiltDoc | None:
        """The current document, finished first if it is a side-by-side preview."""
        built = self.current(mode)
        if built is not None and built.pending is not None:
            built.pending.finish()
            built = self.current(mode)
        return built

    def ensure(self, mode: str, side: int, offset: int) -> BuiltDoc | None:
        """The current document, completed first if ``offset`` lies beyond a preview."""
        built = self.current(mode)
        if built is not None and built.pending is not None:
            built.pending.ensure(side, offset)
            built = self.current(mode)
        return built

    # --- positions ----------------------------------------------------------------------------
    def doc_pos(self, mode: str, side: int, offset: int) -> int | None:
        built = self.ensure(mode, side, offset)
        if built is None:
            return None
        if self.shown is None:  # reading mode: one article, whichever side is asked
            return built.index.nearest_doc_pos(BASE, offset)
        if side != BASE or mode == SIDE_BY_SIDE:
            return built.index.nearest_doc_pos(side, offset)
        return inline_a_pos(built, self.shown.comparison, self.shown.runs, offset)

    def doc_range(self, mode: str, side: int, start: int, end: int) -> Range | None:
        first = self.doc_pos(mode, side, start)
        if first is None:
            return None
        last = self.doc_pos(mode, side, max(end, start))
        return (first, max(last if last is not None else first, first + 1))

    def source_at(self, mode: str, doc_pos: int) -> Source | None:
        """The article text at or after a document position (which witness, which offset)."""
        built = self.current(mode)
        return built.index.source_at(doc_pos) if built is not None else None

    def source_here(self, mode: str, doc_pos: int) -> Source | None:
        """The article text exactly at a document position, if it shows any."""
        built = self.current(mode)
        segment = built.index.segment_at(doc_pos) if built is not None else None
        if segment is None or segment.witness is None or built is None:
            return None
        return built.index.source_at(doc_pos, segment.witness)

    def top_b_offset(self, mode: str, doc_pos: int) -> int | None:
        """B's offset of the text at or after ``doc_pos`` (A's text mapped through the
        unchanged text)."""
        built = self.current(mode)
        if built is None or self.shown is None:
            return None
        source = built.index.source_at(doc_pos, VERSION) or built.index.source_at(doc_pos)
        if source is None:
            return None
        side, offset = source
        return offset if side == VERSION else self.shown.runs.a_to_b(offset)
