"""Paint the side-by-side layout (:mod:`variorum.present.side`) into a QTextDocument, and build
a long one without freezing the window.

Rows are split over several small tables: Qt lays out a table in one go, so one 2,000-row table
freezes the window for seconds while small ones are laid out lazily as the user scrolls.

Qt lays a table out in one go, and appending to a document a view is showing re-lays it out
each time (five times slower than building it detached). So a long pair is shown in two steps:
a preview document with the first rows, built at once and displayed, while the whole document
is built detached in small batches from the event loop (each a few tens of milliseconds); when
it is done the pane swaps it in. A lookup beyond the preview (jumping to a late change) finishes
the whole document synchronously first (about half a second for a 1 MB pair).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QTextCursor, QTextTable
from PySide6.QtWidgets import QWidget

from variorum.present.segments import BASE, SegKind
from variorum.present.side import SideLayout
from variorum.present.style import Theme
from variorum.ui.widgets.compare.builder import BuiltDoc, new_document
from variorum.ui.widgets.compare.flow import FlowIndex, flow_html, span_styles

log = logging.getLogger(__name__)

ROWS_PER_TABLE = 12
PREVIEW_ROWS = 10 * ROWS_PER_TABLE
BATCH_ROWS = 4 * ROWS_PER_TABLE


def side_html(
    layout: SideLayout,
    styles: dict[SegKind, str],
    border: str,
    start: int = 0,
    stop: int | None = None,
) -> str:
    """Rows ``start:stop`` split into tables of ROWS_PER_TABLE rows (see the module docstring).
    ``start`` must be a multiple of ROWS_PER_TABLE so row r is always in table r // it."""
    table_open = (
        f'<table width="100%" cellspacing="0" cellpadding="4" border="1" '
        f'style="border-color:{border}; border-style:solid; border-collapse:collapse">'
    )
    cells = layout.cells[start:stop]
    out: list[str] = []
    for i, columns in enumerate(cells):
        if i % ROWS_PER_TABLE == 0:
            if i:
                out.append("</table>")
            out.append(table_open)
        out.append("<tr>")
        width = 100 // max(len(columns), 1)
        if layout.rows[start + i].role == "fold":  # one line across the columns
            out.append(f'<td colspan="{len(columns)}" valign="top">')
            out.append(flow_html(columns[0], styles))
            out.append("</td></tr>")
            continue
        for column in columns:
            out.append(f'<td width="{width}%" valign="top">')
            out.append(flow_html(column, styles))
            out.append("</td>")
        out.append("</tr>")
    if cells:
        out.append("</table>")
    return "".join(out)


class _Appender:
    """Appends rows of a layout to one document, recording where each cell landed."""

    def __init__(
        self,
        parent: QWidget,
        layout: SideLayout,
        styles: dict[SegKind, str],
        border: str,
        font: QFont,
    ):
        self.layout = layout
        self.styles = styles
        self.border = border
        self.built = BuiltDoc(new_document(parent, font), FlowIndex(), layout.rows)
        self.next_row = 0
        self._frames_seen = 0

    def done(self, limit: int) -> bool:
        return self.next_row >= min(limit, len(self.layout.cells))

    def append(self, count: int, limit: int) -> None:
        start = self.next_row
        stop = min(start + count, limit, len(self.layout.cells))
        if stop <= start:
            return
        document = self.built.document
        html = side_html(self.layout, self.styles, self.border, start, stop)
        if start == 0:
            document.setHtml(html)
        else:
            cursor = QTextCursor(document)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertHtml(html)
        frames = document.rootFrame().childFrames()
        tables = [f for f in frames[self._frames_seen :] if isinstance(f, QTextTable)]
        self._frames_seen = len(frames)
        expected = (stop - start + ROWS_PER_TABLE - 1) // ROWS_PER_TABLE
        if len(tables) != expected:
            log.warning("rows %d-%d: %d tables, expected %d", start, stop, len(tables), expected)
        index, cells = self.built.index, self.built.row_cells
        for r in range(start, stop):
            k = (r - start) // ROWS_PER_TABLE
            if k >= len(tables):
                break
            row = r % ROWS_PER_TABLE
            placed: list[tuple[int, int]] = []
            for column, segments in enumerate(self.layout.cells[r]):
                start_pos = tables[k].cellAt(row, column).firstPosition()
                if column and self.layout.rows[r].role == "fold":  # one cell across
                    placed.append((start_pos, start_pos))
                    continue
                placed.append((start_pos, index.place(segments, start_pos)))
            cells.append(tuple(placed))
        self.next_row = stop


class SideBuild:
    """``preview`` is shown at once; ``on_complete(whole)`` is called when the whole document
    is ready (never, for a pair short enough for the preview to be the whole document)."""

    def __init__(
        self,
        parent: QWidget,
        layout: SideLayout,
        colors: Theme,
        font: QFont,
        on_complete: Callable[[BuiltDoc], None],
    ) -> None:
        styles = span_styles(colors)
        total = len(layout.cells)
        preview = _Appender(parent, layout, styles, colors.muted, font)
        preview.append(PREVIEW_ROWS, PREVIEW_ROWS)
        self.preview = preview.built
        self._preview_rows = min(PREVIEW_ROWS, total)
        self._on_complete: Callable[[BuiltDoc], None] | None = on_complete
        self._whole: _Appender | None = None
        self._timer = QTimer(parent)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        if total > PREVIEW_ROWS:
            self._whole = _Appender(parent, layout, styles, colors.muted, font)
            self.preview.pending = self
            self._rows_by: dict[int, tuple[list[int], list[int]]] = {}
            for witness in range(len(layout.rows[0].spans)):
                starts = sorted(
                    (span[0], i)
                    for i, r in enumerate(layout.rows)
                    if (span := r.span(witness)) is not None
                )
                self._rows_by[witness] = ([k for k, _ in starts], [i for _, i in starts])
            self._timer.start()

    def _step(self) -> None:
        if self._whole is None:
            self._timer.stop()
            return
        self._whole.append(BATCH_ROWS, len(self._whole.layout.cells))
        if self._whole.done(len(self._whole.layout.cells)):
            self._complete()

    def finish(self) -> None:
        whole = self._whole
        if whole is None:
            return
        total = len(whole.layout.cells)
        while not whole.done(total):
            whole.append(total, total)
        self._complete()

    def ensure_row(self, row: int) -> None:
        if row >= self._preview_rows:
            self.finish()

    def ensure(self, side: int, offset: int) -> None:
        """Finish now if the row holding ``offset`` of witness ``side`` is past the preview."""
        if self._whole is None:
            return
        keys, rows = self._rows_by.get(side, self._rows_by[BASE])
        k = bisect.bisect_right(keys, offset) - 1
        self.ensure_row(rows[k] if k >= 0 else 0)

    def _complete(self) -> None:
        self._timer.stop()
        whole, self._whole = self._whole, None
        self.preview.pending = None
        callback, self._on_complete = self._on_complete, None
        if whole is not None and callback is not None:
            callback(whole.built)

    def cancel(self) -> None:
        """The pane moved on: stop building and drop the half-built document."""
        self._timer.stop()
        self._on_complete = None
        self.preview.pending = None
        if self._whole is not None:
            self._whole.built.document.deleteLater()
            self._whole = None
