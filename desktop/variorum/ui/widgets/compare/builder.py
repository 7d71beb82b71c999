"""Turn segments into QTextDocuments and record where everything landed.

Each document is built once per comparison and view (one ``setHtml``), then only decorated
with extra selections. A document whose character count disagrees with the segments is
reported in the log, because every position lookup would then be off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from variorum.core.article import Article
from variorum.present.reader import reader_segments
from variorum.present.segments import Segment
from variorum.present.side import Row
from variorum.present.style import Theme
from variorum.ui.widgets.compare.flow import (
    DOC_STYLESHEET,
    FlowIndex,
    flow_html,
    plain_length,
    span_styles,
)

log = logging.getLogger(__name__)


@dataclass
class BuiltDoc:
    document: QTextDocument
    index: FlowIndex
    rows: list[Row] = field(default_factory=list)
    row_cells: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    """Side-by-side only: per row, the (start, end) of each column's cell."""
    pending: Pending | None = None
    """Set on a partial document (the first rows of a long side-by-side view) while the whole
    one is built in the background; see :mod:`side_build`."""


class Pending(Protocol):
    def ensure(self, side: int, offset: int) -> None:
        """Finish the whole document now if ``offset`` of witness ``side`` is not in the
        partial one."""

    def ensure_row(self, row: int) -> None:
        """Finish the whole document now if row ``row`` is not in the partial one."""

    def finish(self) -> None:
        """Finish the whole document now."""


def new_document(parent: QWidget, font: QFont) -> QTextDocument:
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(font)
    document.setDocumentMargin(8)
    document.setDefaultStyleSheet(DOC_STYLESHEET)
    return document


def flow_document(
    parent: QWidget, segments: list[Segment], colors: Theme, font: QFont
) -> BuiltDoc:
    """One flowing document (the inline view, reading mode) from its segments."""
    document = new_document(parent, font)
    document.setHtml(flow_html(segments, span_styles(colors)))
    index = FlowIndex()
    end = index.place(segments, 0)
    if document.characterCount() - 1 != end:
        log.warning(
            "document has %d positions, segments %d: highlights may be misplaced",
            document.characterCount() - 1,
            plain_length(segments),
        )
    return BuiltDoc(document, index)


def build_reader(
    parent: QWidget, article: Article, show_boilerplate: bool, colors: Theme, font: QFont
) -> BuiltDoc:
    segments = reader_segments(article, show_boilerplate=show_boilerplate)
    return flow_document(parent, segments, colors, font)
