"""How the pane's parts are arranged: the text with the overview strip beside its scrollbar, the
side-by-side column headers above it and the find bar under it, and the change list beside
them in a splitter (collapsible, so the text can have the whole width); stacked with the
message shown when there is no text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from variorum.ui.widgets.compare.columns import ColumnHeaders

TEXT_PAGE = 0
MESSAGE_PAGE = 1


@dataclass
class Parts:
    view: QFrame
    overview: QWidget
    change_list: QWidget
    message: QWidget
    columns: ColumnHeaders
    find_bar: QWidget


def arrange_body(parent: QWidget, parts: Parts) -> tuple[QStackedWidget, QSplitter]:
    text_area = QWidget(parent)
    splitter = QSplitter(Qt.Orientation.Horizontal, text_area)
    holder = QWidget(splitter)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(parts.columns)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addWidget(parts.view)
    row.addWidget(parts.overview)
    column.addLayout(row, 1)
    column.addWidget(parts.find_bar)
    parts.columns.align_with(parts.view.frameWidth(), 8, parts.overview.sizeHint().width())
    splitter.addWidget(holder)
    splitter.addWidget(parts.change_list)
    splitter.setStretchFactor(0, 4)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(0, False)
    box = QVBoxLayout(text_area)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(splitter)
    stack = QStackedWidget(parent)
    stack.addWidget(text_area)
    stack.addWidget(parts.message)
    return stack, splitter
