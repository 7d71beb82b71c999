"""The story overview, and the N-way view of three or more selected versions (the same view:
a story's overview is the N-way view of all its versions).

A header names the story, its versions, dates and base, and links related stories; tabs hold
the heat map (with what each version has at a clicked passage), the similarity matrix, the
timeline, the derivation hints and the quote drift across the versions. Every place that
names two versions can open them in the pairwise comparison (:attr:`StoryView.open_pair`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from variorum.core.stories.nway import NWay
from variorum.core.stories.quote_drift import StoryQuoteDrift
from variorum.present.heat import HeatScale
from variorum.present.matrix import MatrixCell
from variorum.present.style import Theme
from variorum.present.versions import DerivationRow, Timeline
from variorum.ui.widgets.story.heatmap import HeatMapPanel
from variorum.ui.widgets.story.panels import DerivationList, MatrixPanel, TimelineView
from variorum.ui.widgets.story.quotes import QuoteDriftPanel

HEAT, MATRIX, TIMELINE, DERIVATION, QUOTES = range(5)


@dataclass(frozen=True)
class Shown:
    """Everything the view paints for a story or a selection of versions."""

    title: str
    summary: str
    """One line under the title: versions, dates, base."""
    ids: tuple[str, ...]
    """Article ids by witness: ``ids[0]`` the base, ``ids[k]`` version k."""
    labels: tuple[str, ...]
    nway: NWay
    scale: HeatScale
    matrix: list[list[MatrixCell]]
    timeline: Timeline | None
    derivation: list[DerivationRow]
    related: tuple[tuple[str, str, float], ...] = ()
    """(story id, title, score) of related stories."""


class StoryView(QWidget):
    open_pair = Signal(str, str, object)
    """(base id, version id, change index in their comparison or None)."""
    quotes_wanted = Signal()
    """The Quote drift tab was opened for what is shown (extraction is costly: on demand)."""
    story_requested = Signal(str)
    """A related story's link was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyView")
        self.title = QLabel(self)
        self.title.setObjectName("storyTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.title.linkActivated.connect(self._link)
        self.message = QLabel(self)
        self.message.setObjectName("storyMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.heat = HeatMapPanel(self)
        self.matrix = MatrixPanel(self)
        self.timeline = TimelineView(self)
        self.derivation = DerivationList(self)
        self.quotes = QuoteDriftPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("storyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.heat, "&Heat Map")
        self.tabs.addTab(self.matrix, "Si&milarity")
        self.tabs.addTab(self.timeline, "&Timeline")
        self.tabs.addTab(self.derivation, "&Derivation")
        self.tabs.addTab(self.quotes, "&Quote Drift")
        self.tabs.currentChanged.connect(self._tab_changed)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(6, 6, 6, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.tabs, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.heat.open_change.connect(self._open_change)
        self.matrix.open_pair.connect(lambda a, b: self.open_pair.emit(a, b, None))
        self.derivation.open_pair.connect(lambda a, b: self.open_pair.emit(a, b, None))
        self.timeline.version_clicked.connect(self._open_with_base)
        self.quotes.open_version.connect(self._open_version)
        self.shown: Shown | None = None
        self._quotes_for: tuple[str, ...] | None = None

    # --- what the controller calls ---------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.shown = None
        self.message.setText(text)
        self.stack.setCurrentIndex(0)

    def show_story(self, shown: Shown, colors: Theme) -> None:
        self.shown = shown
        self.title.setText(_title_html(shown, colors))
        labels = list(shown.labels)
        self.heat.show_nway(shown.nway, labels, shown.scale, colors)
        self.matrix.show_matrix(shown.matrix, labels, colors)
        self.timeline.show_timeline(shown.timeline, shown.ids[0], colors)
        self.tabs.setTabEnabled(TIMELINE, shown.timeline is not None)
        self.tabs.setTabToolTip(
            TIMELINE, "" if shown.timeline is not None else "No version carries a date"
        )
        self.derivation.show_rows(shown.derivation, shown.ids[0])
        self.stack.setCurrentIndex(1)
        self._quotes_for = None
        self.quotes.show_pending("Open this tab to find each speaker's quotes in every version.")
        if self.tabs.currentIndex() == QUOTES:
            self._tab_changed(QUOTES)

    def show_quotes(self, ids: tuple[str, ...], drift: StoryQuoteDrift, colors: Theme) -> None:
        if self.shown is not None and ids == self.shown.ids:
            self.quotes.show_drift(drift, self.shown.labels, colors)

    def show_quotes_message(self, ids: tuple[str, ...], text: str) -> None:
        if self.shown is not None and ids == self.shown.ids:
            self.quotes.show_pending(text)

    # --- internals -------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == QUOTES and self.shown is not None and self._quotes_for != self.shown.ids:
            self._quotes_for = self.shown.ids
            self.quotes_wanted.emit()

    def _open_change(self, version: int, change: int) -> None:
        if self.shown is not None and 0 < version < len(self.shown.ids):
            self.open_pair.emit(self.shown.ids[0], self.shown.ids[version], change)

    def _open_version(self, version: int) -> None:
        if self.shown is not None and 0 < version < len(self.shown.ids):
            self.open_pair.emit(self.shown.ids[0], self.shown.ids[version], None)

    def _open_with_base(self, version_id: str) -> None:
        if self.shown is not None:
            self.open_pair.emit(self.shown.ids[0], version_id, None)

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "story" and value:
            self.story_requested.emit(value)


def _title_html(shown: Shown, colors: Theme) -> str:
    parts = [
        f"<span style='font-size:large'><b>{html.escape(shown.title)}</b></span>",
        f"<br><span style='color:{colors.muted}'>{html.escape(shown.summary)}</span>",
    ]
    if shown.related:
        links = ", ".join(
            f"<a href='story:{html.escape(sid)}'>{html.escape(title)}</a> ({score:.0%})"
            for sid, title, score in shown.related
        )
        parts.append(f"<br>Related stories (same people and subject): {links}")
    return "".join(parts)


def labels_text(labels: Sequence[str]) -> str:
    return ", ".join(labels)
