"""The header above the text: which article is A and which is B, how similar they are, the
word counts of the changes, and any notice the engine raised (shown, never swallowed)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.present.describe import similarity_text, stats_line


def _title(article: Article) -> str:
    return article.title or (article.source_path or "untitled")


class CompareHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.titles = QLabel(self)
        self.titles.setTextFormat(Qt.TextFormat.RichText)
        self.titles.setWordWrap(True)
        self.summary = QLabel(self)
        self.notices = QLabel(self)
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 3px; }")
        for label in (self.titles, self.summary, self.notices):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.notices.hide()

    def show_pair(self, a: Article, b: Article, comparison: Comparison | None) -> None:
        self.titles.setText(
            f"<b>A:</b> {html.escape(_title(a))} &nbsp;→&nbsp; <b>B:</b> {html.escape(_title(b))}"
        )
        if comparison is None:
            self.summary.setText("Comparing…")
            self._set_notices(())
            return
        self.summary.setText(f"{similarity_text(comparison.similarity)} · {stats_line(comparison)}")
        self._set_notices(comparison.notices)

    def show_single(self, article: Article) -> None:
        details = [d for d in (article.site, article.byline, article.published) if d]
        details.append(f"{article.words} words")
        self.titles.setText(f"<b>{html.escape(_title(article))}</b>")
        self.summary.setText(" · ".join(details))
        self._set_notices(article.warnings)

    def show_nothing(self) -> None:
        self.titles.setText("")
        self.summary.setText("")
        self._set_notices(())

    def _set_notices(self, notices: tuple[str, ...]) -> None:
        self.notices.setText("\n".join(f"⚠ {n}" for n in notices))
        self.notices.setVisible(bool(notices))
