"""A one-line label that elides what does not fit and shows all of it in its tooltip, so a long
title never wraps and pushes the widgets below it up and down."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """``set_parts(lead, text)``: ``lead`` in bold (e.g. "A:"), then ``text``, elided at the
    right to the label's width. ``full()`` is everything, unelided."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lead = ""
        self._text = ""
        self._help = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_parts(self, lead: str, text: str, help_text: str = "") -> None:
        self._lead, self._text, self._help = lead, text, help_text
        self._render()

    def full(self) -> str:
        return f"{self._lead} {self._text}".strip()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full()), self.fontMetrics().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        metrics = self.fontMetrics()
        lead = f"{self._lead} " if self._lead else ""
        room = self.width() - int(metrics.horizontalAdvance(lead) * 1.15) - 4
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, max(room, 0))
        head = f"<b>{html.escape(lead)}</b>" if lead else ""
        self.setText(head + html.escape(shown))
        tip = self.full() if shown != self._text else ""
        self.setToolTip("\n\n".join(t for t in (tip, self._help) if t))
