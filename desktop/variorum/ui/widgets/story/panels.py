"""The smaller panels of the story overview: the similarity matrix, the timeline and the
derivation list. Each paints what :mod:`variorum.present.matrix` and
:mod:`variorum.present.versions` computed, and asks for a pair to be opened in the pairwise
comparison (the window decides how)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from variorum.present.matrix import MatrixCell
from variorum.present.style import Theme
from variorum.present.versions import DerivationRow, Timeline

PairRole = Qt.ItemDataRole.UserRole + 1


class MatrixPanel(QWidget):
    open_pair = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(
            "Grouping score of each pair, 0-100 (shared wording; for rewrites, shared quotes, "
            "names and facts). Double-click a cell to compare the two versions.",
            self,
        )
        self.caption.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("similarityMatrix")
        self.table.setAccessibleName("Similarity of every pair of versions")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)

    def show_matrix(
        self, cells: list[list[MatrixCell]], labels: Sequence[str], colors: Theme
    ) -> None:
        n = len(cells)
        self.table.clear()
        self.table.setRowCount(n)
        self.table.setColumnCount(n)
        # Columns narrow (the full label is on the row and in every tooltip), so a story of
        # six versions fits beside the list without scrolling.
        self.table.setHorizontalHeaderLabels([_short(label, 14) for label in labels])
        self.table.setVerticalHeaderLabels([_short(label) for label in labels])
        for i, row in enumerate(cells):
            self.table.verticalHeaderItem(i).setToolTip(labels[i])
            self.table.horizontalHeaderItem(i).setToolTip(labels[i])
            for j, cell in enumerate(row):
                item = QTableWidgetItem(cell.text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if cell.shade:
                    item.setBackground(QBrush(QColor(cell.shade)))
                    item.setForeground(QBrush(QColor(colors.text)))
                if i == j:
                    tip = labels[i]
                elif cell.value is None:
                    tip = f"{labels[i]} ↔ {labels[j]}: not compared while grouping"
                else:
                    tip = f"{labels[i]} ↔ {labels[j]}: {cell.value:.2f} ({cell.kind})"
                item.setToolTip(tip)
                item.setData(PairRole, (cell.row, cell.column))
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _activated(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        pair = item.data(PairRole) if item is not None else None
        if isinstance(pair, tuple) and pair[0] != pair[1]:
            self.open_pair.emit(str(pair[0]), str(pair[1]))


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


class TimelineView(QWidget):
    """Versions on a time axis; clicking a point compares that version with the base."""

    version_clicked = Signal(str)
    MARGIN = 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTimeline")
        self.setMinimumHeight(160)
        self.timeline: Timeline | None = None
        self._colors: Theme | None = None
        self._base = ""
        self._hits: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def show_timeline(self, timeline: Timeline | None, base_id: str, colors: Theme) -> None:
        self.timeline, self._base, self._colors = timeline, base_id, colors
        self.setAccessibleName(self.describe())
        self.update()

    def describe(self) -> str:
        """The timeline in words (accessibility, tests)."""
        if self.timeline is None:
            return "No dates known"
        return "; ".join(f"{p.when}: {p.label}" for p in self.timeline.points)

    def _x(self, day: int, lo: int, hi: int) -> float:
        width = max(1, self.width() - 2 * self.MARGIN)
        return self.MARGIN + (width * (day - lo) / (hi - lo) if hi > lo else width / 2)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        colors = self._colors
        self._hits = []
        if self.timeline is None or colors is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dates known")
            painter.end()
            return
        points = self.timeline.points
        lo, hi = points[0].day, points[-1].day
        axis_y = self.height() / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colors.muted), 1))
        painter.drawLine(QPointF(self.MARGIN, axis_y), QPointF(self.width() - self.MARGIN, axis_y))
        metrics = self.fontMetrics()
        for n, point in enumerate(points):
            x = self._x(point.day, lo, hi)
            is_base = point.id == self._base
            painter.setPen(QPen(QColor(colors.text), 1.5))
            painter.setBrush(QColor(colors.accent) if is_base else QColor(colors.background))
            painter.drawEllipse(QPointF(x, axis_y), 6, 6)
            above = n % 2 == 0
            label = _short(point.label, 24) + (" (base)" if is_base else "")
            text_y = axis_y - 14 if above else axis_y + 14 + metrics.ascent()
            width = metrics.horizontalAdvance(label)
            left = min(max(2.0, x - width / 2), self.width() - width - 2)
            painter.setPen(QColor(colors.text))
            painter.drawText(QPointF(left, text_y), label)
            when_y = axis_y + 14 + metrics.ascent() if above else axis_y - 14
            when_w = metrics.horizontalAdvance(point.when)
            painter.setPen(QColor(colors.muted))
            painter.drawText(QPointF(x - when_w / 2, when_y), point.when)
            self._hits.append((QRectF(x - 9, axis_y - 9, 18, 18), point.id))
        if self.timeline.undated:
            painter.setPen(QColor(colors.muted))
            painter.drawText(
                QPointF(self.MARGIN, self.height() - 8),
                "No date: " + ", ".join(self.timeline.undated),
            )
        if self.timeline.from_titles:
            painter.setPen(QColor(colors.muted))
            painter.drawText(QPointF(self.MARGIN, 16), "Years named in the titles (editions)")
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        for rect, version in self._hits:
            if rect.contains(event.position()) and version != self._base:
                self.version_clicked.emit(version)
                return
        super().mouseReleaseEvent(event)


class DerivationList(QTreeWidget):
    """How each version derives from the base, and the version it is closest to."""

    open_pair = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("derivationList")
        self.setAccessibleName("How each version derives from the base")
        self.setHeaderLabels(
            ["Version", "Role", "How it derives", "Closest to", "In base / base in it"]
        )
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setColumnWidth(0, 170)
        self.setColumnWidth(1, 70)
        self.setColumnWidth(2, 300)
        self.setColumnWidth(3, 170)
        self.itemActivated.connect(self._activated)

    def show_rows(self, rows: Sequence[DerivationRow], base_id: str) -> None:
        self.clear()
        for row in rows:
            closest = f"{row.closest_label} ({row.closest_score:.0%})" if row.closest_label else "–"
            shares = "–" if row.id == base_id else f"{row.in_base:.0%} / {row.base_in:.0%}"
            item = QTreeWidgetItem(self, [row.label, row.role, row.sentence, closest, shares])
            item.setToolTip(2, row.sentence)
            item.setToolTip(
                4,
                f"{row.in_base:.0%} of this version is in the base; "
                f"{row.base_in:.0%} of the base is in this version",
            )
            if row.closest:
                item.setToolTip(
                    3,
                    f"{row.in_closest:.0%} of this version is in {row.closest_label}; "
                    f"{row.closest_in:.0%} of it is in this version. Double-click to compare.",
                )
            item.setData(0, PairRole, (row.id, row.closest or "", base_id))

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        data = item.data(0, PairRole)
        if not isinstance(data, tuple):
            return
        version, closest, base = (str(x) for x in data)
        if column == 3 and closest:
            self.open_pair.emit(version, closest)
        elif version != base:
            self.open_pair.emit(base, version)
