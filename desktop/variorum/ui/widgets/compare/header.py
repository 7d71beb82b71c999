"""The header above the text: which article is A and which is B, how similar they are and the
figures of the changes, explained in a tooltip; and, under the toolbar, any notice the engine
raised (shown, never swallowed).

The header is always three one-line rows, whatever it shows (two titles, or one article's
title and details): long titles are elided, not wrapped, so the toolbar under the header never
moves when the selection changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.present.describe import FIGURES_HELP, summary_line
from variorum.ui.widgets.compare.elided import ElidedLabel


def title_of(article: Article) -> str:
    return article.title or (article.source_path or "untitled")


def details_of(article: Article, *, words: bool = True) -> str:
    """Site, byline and date, as far as known (and the word count)."""
    details = [d for d in (article.site, article.byline, article.published) if d]
    if words:
        details.append(f"{article.words} words")
    return " · ".join(details)


class CompareHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.title_a = ElidedLabel(self)
        self.title_b = ElidedLabel(self)
        self.summary = ElidedLabel(self)
        for label in (self.title_a, self.title_b, self.summary):
            layout.addWidget(label)
        self.notices = QLabel(self)
        """Laid out by the pane under its toolbar (it may be several lines)."""
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 3px; }")
        self.notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notices.hide()

    def titles_text(self) -> str:
        """Both title rows, unelided."""
        return "\n".join(t for t in (self.title_a.full(), self.title_b.full()) if t)

    def show_pair(self, a: Article, b: Article, comparison: Comparison | None) -> None:
        self.title_a.set_parts("A:", _line(a))
        self.title_b.set_parts("B:", _line(b))
        if comparison is None:
            self.summary.set_parts("", "Comparing…")
            self._set_notices(())
            return
        self.summary.set_parts("", summary_line(comparison), FIGURES_HELP)
        self._set_notices(comparison.notices)

    def show_single(self, article: Article) -> None:
        self.title_a.set_parts("", title_of(article))
        self.title_b.set_parts("", details_of(article))
        self.summary.set_parts("", "")
        self._set_notices(article.warnings)

    def show_nothing(self) -> None:
        for label in (self.title_a, self.title_b, self.summary):
            label.set_parts("", "")
        self._set_notices(())

    def _set_notices(self, notices: tuple[str, ...]) -> None:
        self.notices.setText("\n".join(f"⚠ {n}" for n in notices))
        self.notices.setVisible(bool(notices))


def _line(article: Article) -> str:
    details = details_of(article, words=False)
    return f"{title_of(article)} — {details}" if details else title_of(article)
