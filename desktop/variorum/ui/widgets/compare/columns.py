"""Side by side: the column headers above the text, saying which column is A and which is B,
with each article's title, site and date. They sit outside the scrolled text, so they stay in
view however far the reader scrolls, and line up with the two halves of the text's table."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QStyle, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.ui.widgets.compare.elided import ElidedLabel
from variorum.ui.widgets.compare.header import details_of, title_of


class ColumnHeaders(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeaders")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._row = QHBoxLayout(self)
        self._row.setSpacing(8)
        self.columns: list[tuple[ElidedLabel, ElidedLabel]] = []
        for _ in range(2):
            box = QVBoxLayout()
            box.setSpacing(0)
            title, details = ElidedLabel(self), ElidedLabel(self)
            box.addWidget(title)
            box.addWidget(details)
            self._row.addLayout(box, 1)
            self.columns.append((title, details))

    def align_with(self, frame: int, margin: int, right: int) -> None:
        """Line up with a table drawn ``margin`` px inside a view with a ``frame`` px border;
        ``right``: what lies right of the text (its scrollbar, the overview strip)."""
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        left = frame + margin + 4
        self._row.setContentsMargins(left, 3, left + scrollbar + right, 3)

    def show_pair(self, a: Article, b: Article) -> None:
        for (title, details), (lead, article) in zip(
            self.columns, (("A (base):", a), ("B (compared):", b)), strict=True
        ):
            title.set_parts(lead, title_of(article))
            details.set_parts("", details_of(article, words=True))

    def texts(self) -> list[str]:
        """What each column's header says (titles unelided), for tests and accessibility."""
        return [f"{t.full()}\n{d.full()}" for t, d in self.columns]
