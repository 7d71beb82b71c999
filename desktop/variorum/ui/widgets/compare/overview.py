"""The overview strip beside the text: a mark per change at its relative position, the visible
part of the text as a band, and a click jumps to the nearest change."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

Mark = tuple[float, float, str]
"""(start fraction, end fraction, colour) of a change, 0..1 down the text."""


class OverviewStrip(QWidget):
    change_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: list[Mark] = []
        self._starts: list[float] = []
        self._view: tuple[float, float] = (0.0, 0.0)
        self._current: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip("Where the changes are; click to jump to one")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(16, 100)

    def set_marks(self, marks: list[Mark]) -> None:
        """Marks must be in text order (changes are sorted by position)."""
        self._marks = marks
        self._starts = [m[0] for m in marks]
        self._current = None
        self.update()

    def set_visible_band(self, top: float, bottom: float) -> None:
        self._view = (top, bottom)
        self.update()

    def track(self, bar: QScrollBar) -> None:
        """Show the part of the text visible in the view that ``bar`` scrolls."""

        def update() -> None:
            whole = bar.maximum() + bar.pageStep()
            if whole <= 0:
                self.set_visible_band(0.0, 0.0)
            else:
                self.set_visible_band(bar.value() / whole, (bar.value() + bar.pageStep()) / whole)

        bar.valueChanged.connect(update)
        bar.rangeChanged.connect(update)

    def set_current(self, index: int | None) -> None:
        self._current = index
        self.update()

    def nearest(self, fraction: float) -> int | None:
        if not self._starts:
            return None
        i = bisect.bisect_left(self._starts, fraction)
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self._starts)]
        return min(candidates, key=lambda j: abs(self._starts[j] - fraction))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            index = self.nearest(event.position().y() / self.height())
            if index is not None:
                self.change_clicked.emit(index)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = float(self.height())
        width = float(self.width())
        base = self.palette().color(self.backgroundRole())
        painter.fillRect(
            self.rect(), base.darker(108) if base.lightnessF() > 0.5 else base.lighter(130)
        )
        top, bottom = self._view
        if bottom > top:
            band = QColor(self.palette().color(self.foregroundRole()))
            band.setAlpha(40)
            painter.fillRect(QRectF(0, top * height, width, (bottom - top) * height), band)
        for i, (start, end, colour) in enumerate(self._marks):
            y = start * height
            h = max((end - start) * height, 2.0)
            inset = 1.0 if i == self._current else 3.0
            painter.fillRect(QRectF(inset, y, width - 2 * inset, h), QColor(colour))
        painter.end()
