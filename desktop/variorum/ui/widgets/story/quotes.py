"""Quote drift across a story: each speaker's statements as the base words them, what every
version has (the same words, other words, nothing) and which version first changed them;
below, the selected statement in every version, each rewording as a word diff against the
base (the sidebar's drift painter, so both read the same)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from variorum.core.stories.quote_drift import QuoteState, StoryQuote, StoryQuoteDrift
from variorum.present.style import Theme
from variorum.ui.widgets.sidebar.drift_html import inline_diff_html

MARK = {QuoteState.SAME: "=", QuoteState.REWORDED: "≠", QuoteState.ABSENT: "—"}
STATE_TEXT = {
    QuoteState.SAME: "the same words",
    QuoteState.REWORDED: "reworded",
    QuoteState.ABSENT: "not quoted",
}
QuoteRole = Qt.ItemDataRole.UserRole + 1


class QuoteDriftPanel(QWidget):
    open_version = Signal(int)
    """A version number whose comparison with the base should be opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setObjectName("storyQuotesStatus")
        self.status.setWordWrap(True)
        self.key = QLabel("= the same words · ≠ reworded · — not quoted in that version", self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("storyQuotes")
        self.tree.setAccessibleName("Each speaker's quotes in every version")
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_detail(item))
        self.tree.itemActivated.connect(self._activated)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("storyQuoteDetail")
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.key)
        layout.addWidget(splitter, 1)
        self._labels: list[str] = []
        self._colors: Theme | None = None
        self.drift: StoryQuoteDrift | None = None

    def show_pending(self, text: str) -> None:
        self.drift = None
        self.tree.clear()
        self.detail.clear()
        self.status.setText(text)

    def show_drift(self, drift: StoryQuoteDrift, labels: Sequence[str], colors: Theme) -> None:
        """``labels[k]`` names witness k (0 the base)."""
        self.drift, self._labels, self._colors = drift, list(labels), colors
        self.tree.clear()
        self.detail.clear()
        versions = len(labels) - 1
        headers = ["Speaker and quote", *(_short(v) for v in labels[1:]), "First changed in"]
        self.tree.setHeaderLabels(headers)
        header = self.tree.headerItem()
        for k in range(1, versions + 1):
            header.setToolTip(k, labels[k])
        self.tree.setColumnWidth(0, 320)
        for k in range(1, versions + 1):
            self.tree.setColumnWidth(k, 44)
        speakers: dict[str, QTreeWidgetItem] = {}
        for quote in drift.quotes:
            parent = speakers.get(quote.speaker)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [quote.speaker])
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                speakers[quote.speaker] = parent
            item = QTreeWidgetItem(parent, [f"“{quote.text}”"])
            item.setToolTip(0, quote.text)
            item.setData(0, QuoteRole, drift.quotes.index(quote))
            for reading in quote.readings:
                column = reading.version
                item.setText(column, MARK[reading.state])
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
                wording = f": “{reading.text}”" if reading.text else ""
                item.setToolTip(column, f"{labels[column]}: {STATE_TEXT[reading.state]}{wording}")
            first = quote.first_changed
            item.setText(versions + 1, labels[first] if first is not None else "")
        self.tree.expandAll()
        total = len(drift.quotes)
        changed = len(drift.drifted())
        if not total:
            self.status.setText("The base quotes nobody directly.")
        else:
            self.status.setText(
                f"{total} quoted statement{'s' if total != 1 else ''} in the base; "
                f"{changed} reworded in at least one version. Versions are read in time "
                "order for “first changed”."
            )

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, QuoteRole) is not None and 1 <= column < len(self._labels):
            self.open_version.emit(column)

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.drift is None or self._colors is None:
            self.detail.clear()
            return
        n = item.data(0, QuoteRole)
        if not isinstance(n, int):
            self.detail.clear()
            return
        self.detail.setHtml(quote_html(self.drift.quotes[n], self._labels, self._colors))


def quote_html(quote: StoryQuote, labels: Sequence[str], colors: Theme) -> str:
    """The statement in the base and in every version, rewordings as word diffs."""
    parts = [
        f"<p><b>{html.escape(quote.speaker)}</b> in {html.escape(labels[0])} (base):<br>"
        f"“{html.escape(quote.text)}”</p>"
    ]
    for reading in quote.readings:
        label = html.escape(labels[reading.version])
        state = STATE_TEXT[reading.state]
        first = (
            " — the first version to change it" if quote.first_changed == reading.version else ""
        )
        if reading.state is QuoteState.REWORDED:
            body = "<br>".join(inline_diff_html(d, colors) for d in reading.drifts)
        elif reading.state is QuoteState.SAME:
            body = f"“{html.escape(reading.text)}”"
        else:
            body = ""
        parts.append(
            f"<p><b>{MARK[reading.state]} {label}</b> "
            f"<span style='color:{colors.muted}'>({state}{first})</span>"
            + (f"<br>{body}" if body else "")
            + "</p>"
        )
    return "".join(parts)


def _short(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
