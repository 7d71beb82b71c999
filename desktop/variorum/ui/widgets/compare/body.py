"""How the pane's parts are arranged: the text with the overview strip beside its scrollbar
and the change list in a splitter, stacked with the message shown when there is no text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QStackedWidget, QVBoxLayout, QWidget

TEXT_PAGE = 0
MESSAGE_PAGE = 1


def arrange_body(
    parent: QWidget, view: QWidget, overview: QWidget, change_list: QWidget, message: QWidget
) -> tuple[QStackedWidget, QSplitter]:
    text_area = QWidget(parent)
    splitter = QSplitter(Qt.Orientation.Horizontal, text_area)
    holder = QWidget(splitter)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addWidget(view)
    row.addWidget(overview)
    splitter.addWidget(holder)
    splitter.addWidget(change_list)
    splitter.setStretchFactor(0, 4)
    splitter.setStretchFactor(1, 1)
    box = QVBoxLayout(text_area)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(splitter)
    stack = QStackedWidget(parent)
    stack.addWidget(text_area)
    stack.addWidget(message)
    return stack, splitter
