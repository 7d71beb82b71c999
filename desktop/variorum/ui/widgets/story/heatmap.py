"""The heat map: the base text shaded by how many versions changed each word, its legend, and
the list of what each version has at the passage the reader clicked.

It paints :mod:`variorum.present.heat` and nothing else: runs and levels come from there, a
click is a lookup of the N-way comparison. Each level has its background, its underline
style and, on hover, the exact count and the versions, so colour is never the only cue.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from variorum.core.stories.nway import NWay
from variorum.present.heat import (
    HeatLevel,
    HeatRun,
    HeatScale,
    PassageReadings,
    Underline,
    changed_by,
    heat_runs,
    readings_at,
)
from variorum.present.style import Theme

_QT_UNDERLINE = {
    Underline.NONE: QTextCharFormat.UnderlineStyle.NoUnderline,
    Underline.DOTTED: QTextCharFormat.UnderlineStyle.DotLine,
    Underline.DASHED: QTextCharFormat.UnderlineStyle.DashUnderline,
    Underline.SOLID: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Underline.WAVY: QTextCharFormat.UnderlineStyle.WaveUnderline,
}
_PEN = {
    Underline.DOTTED: Qt.PenStyle.DotLine,
    Underline.DASHED: Qt.PenStyle.DashLine,
    Underline.SOLID: Qt.PenStyle.SolidLine,
}


def build_heat_document(
    nway: NWay, scale: HeatScale, colors: Theme, parent: QTextEdit
) -> tuple[QTextDocument, list[HeatRun]]:
    """The base text, one character format per run. Document positions equal base offsets
    (the text goes in as it is), so a click maps straight back to the base."""
    document = QTextDocument(parent)
    document.setDocumentMargin(10)
    runs = heat_runs(nway)
    cursor = QTextCursor(document)
    plain = QTextCharFormat()
    formats: dict[int, QTextCharFormat] = {}
    for run in runs:
        level = scale.level_of(run.count)
        fmt = formats.get(level.level)
        if fmt is None:
            fmt = plain if level.level == 0 else _format(level, colors)
            formats[level.level] = fmt
        cursor.insertText(nway.base_text[run.start : run.end], fmt)
    return document, runs


def _format(level: HeatLevel, colors: Theme) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(level.background))
    fmt.setForeground(QColor(colors.text))
    fmt.setUnderlineStyle(_QT_UNDERLINE[level.underline])
    fmt.setUnderlineColor(QColor(colors.text))
    return fmt


class HeatText(QTextEdit):
    """Read-only text that says where it was clicked and explains a run on hover."""

    position_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setObjectName("heatText")
        self.setAccessibleName("Base text shaded by how many versions changed it")
        self.viewport().setMouseTracking(True)
        self._runs: list[HeatRun] = []
        self._starts: list[int] = []
        self._explain: dict[int, str] = {}
        self.nway: NWay | None = None
        self.labels: list[str] = []

    def set_runs(self, runs: list[HeatRun]) -> None:
        self._runs = runs
        self._starts = [r.start for r in runs]
        self._explain = {}

    def runs(self) -> list[HeatRun]:
        return list(self._runs)

    def run_at(self, pos: int) -> HeatRun | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self._runs[i] if 0 <= i < len(self._runs) else None

    def explain(self, pos: int) -> str:
        """The hover text: how many versions changed this run, and which."""
        run = self.run_at(pos)
        if run is None or self.nway is None:
            return ""
        if run.count == 0:
            return "Unchanged in every version"
        text = self._explain.get(run.start)
        if text is None:
            versions = changed_by(self.nway, run.start, run.end)
            names = ", ".join(self.labels[v] for v in versions if v < len(self.labels))
            text = f"Changed in {run.count} of {self.nway.versions} versions: {names}"
            text += "\nClick to see what each version has here"
            self._explain[run.start] = text
        return text

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            pos = self.cursorForPosition(event.pos()).position()
            text = self.explain(pos)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.position_clicked.emit(
                self.cursorForPosition(event.position().toPoint()).position()
            )

    def mark(self, start: int, end: int, colour: str) -> None:
        """Frame the passage whose readings are listed."""
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(max(end, start + 1), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setProperty(QTextFormat.Property.OutlinePen, QPen(QColor(colour)))
        selection.format = fmt  # type: ignore[attr-defined]
        self.setExtraSelections([selection])


class Swatch(QWidget):
    """A legend entry: a sample word on the level's background with its underline."""

    def __init__(
        self, level: HeatLevel, text: str, tip: str, colors: Theme, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.level = level
        self.text = text
        self._colors = colors
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(max(metrics.horizontalAdvance(self.text) + 12, 28), metrics.height() + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self.level.background:
            painter.fillRect(rect, QColor(self.level.background))
        painter.setPen(QColor(self._colors.border))
        painter.drawRect(rect)
        painter.setPen(QColor(self._colors.text))
        metrics = self.fontMetrics()
        baseline = 3 + metrics.ascent()
        painter.drawText(QPointF(6, baseline), self.text)
        y = baseline + 2.5
        x0, x1 = 6.0, 6.0 + metrics.horizontalAdvance(self.text)
        style = self.level.underline
        if style is Underline.WAVY:
            path = QPainterPath(QPointF(x0, y))
            x, up = x0, True
            while x < x1:
                path.quadTo(QPointF(x + 2, y - 2 if up else y + 2), QPointF(x + 4, y))
                x += 4
                up = not up
            painter.setPen(QPen(QColor(self._colors.text), 1))
            painter.drawPath(path)
        elif style in _PEN:
            painter.setPen(QPen(QColor(self._colors.text), 1, _PEN[style]))
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
        painter.end()


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatLegend")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(6)
        self.swatches: list[Swatch] = []

    def set_scale(self, scale: HeatScale, colors: Theme) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.swatches = []
        self._layout.addWidget(QLabel("Changed by", self))
        for level, tip in scale.legend():
            swatch = Swatch(level, level.counts(), tip, colors, self)
            self.swatches.append(swatch)
            self._layout.addWidget(swatch)
        self._layout.addWidget(
            QLabel(f"of {scale.versions} versions (hover a word for the count)", self)
        )
        self._layout.addStretch(1)


class ReadingsList(QTreeWidget):
    """What each version has at the clicked passage; activating a changed reading opens that
    version against the base at that change."""

    open_change = Signal(int, int)
    """(version number, change index)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingsList")
        self.setAccessibleName("What each version has here")
        self.setHeaderLabels(["Version", "Has here", "Text"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnWidth(0, 150)
        self.setColumnWidth(1, 100)
        self.itemActivated.connect(self._activated)

    def show_readings(self, readings: PassageReadings | None, base_label: str) -> None:
        self.clear()
        if readings is None:
            return
        base = QTreeWidgetItem(self, [base_label, "base", readings.base_text.strip()])
        font = QFont(base.font(0))
        font.setBold(True)
        base.setFont(0, font)
        for title, rows in (
            ("adds before", readings.added_before),
            ("", readings.rows),
            ("adds after", readings.added_after),
        ):
            for row in rows:
                item = QTreeWidgetItem(self, [row.label, title or row.kind, row.text])
                item.setToolTip(2, row.text)
                if row.change is not None:
                    item.setData(0, Qt.ItemDataRole.UserRole, (row.version, row.change.index))
                    item.setToolTip(0, "Double-click or Enter: compare with the base here")
                if row.change is None:
                    item.setForeground(1, self.palette().placeholderText())

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(ref, tuple) and len(ref) == 2:
            self.open_change.emit(int(ref[0]), int(ref[1]))


class HeatMapPanel(QWidget):
    """Legend, heat text and readings, one above the other."""

    open_change = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = Legend(self)
        self.text = HeatText(self)
        self.hint = QLabel(
            "Click a passage to see what each version has there; double-click a version "
            "to compare it with the base at that place.",
            self,
        )
        self.hint.setWordWrap(True)
        self.readings = ReadingsList(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.hint)
        layout.addWidget(self.readings, 1)
        self.text.position_clicked.connect(self.show_passage)
        self.readings.open_change.connect(self.open_change)
        self._nway: NWay | None = None
        self._labels: list[str] = []
        self._colors: Theme | None = None
        self._document: QTextDocument | None = None
        self.shown: PassageReadings | None = None

    def show_nway(self, nway: NWay, labels: Sequence[str], scale: HeatScale, colors: Theme) -> None:
        """``labels[k]`` names witness k (0 the base)."""
        self._nway, self._labels, self._colors = nway, list(labels), colors
        document, runs = build_heat_document(nway, scale, colors, self.text)
        old, self._document = self._document, document
        self.text.setDocument(document)
        if old is not None:
            old.deleteLater()
        self.text.set_runs(runs)
        self.text.nway, self.text.labels = nway, list(labels)
        self.legend.set_scale(scale, colors)
        self.readings.clear()
        self.shown = None

    def show_most_changed(self) -> None:
        """List the readings of the first passage the most versions changed (a screenshot
        shows what the list is for)."""
        runs = [r for r in self.text.runs() if r.count > 0]
        if runs:
            best = max(runs, key=lambda r: (r.count, r.end - r.start >= 20, -r.start))
            self.show_passage(best.start)
            self.reveal(best.start)

    def reveal(self, pos: int) -> None:
        """Scroll the passage at ``pos`` to a third of the way down the text, so the framed
        passage and what follows it are in view (not just its first line at the bottom)."""
        cursor = self.text.textCursor()
        cursor.setPosition(pos)
        self.text.setTextCursor(cursor)
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 3)

    def show_passage(self, pos: int) -> None:
        if self._nway is None or self._colors is None:
            return
        readings = readings_at(self._nway, pos, self._labels)
        self.shown = readings
        self.readings.show_readings(readings, self._labels[0] if self._labels else "base")
        if readings is not None:
            self.text.mark(readings.start, readings.end, self._colors.current)
