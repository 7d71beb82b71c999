"""The list of files that could not be loaded, each with its reason: opened from the status
bar, non-modal, so the user can read it while carrying on."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from variorum.core.ingest import LoadFailure


class ProblemsDialog(QDialog):
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle("Loading problems")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("problemsList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["File", "Reason", "When"])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        clear = QPushButton("Clear", self)
        buttons.addButton(clear, QDialogButtonBox.ButtonRole.ResetRole)
        clear.clicked.connect(self.clear)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def clear(self) -> None:
        self.tree.clear()
        self.cleared.emit()

    def add(self, failures: Iterable[LoadFailure]) -> None:
        """Newest batch on top, each batch in the order its files were read."""
        when = time.strftime("%H:%M:%S")
        for failure in reversed(list(failures)):
            item = QTreeWidgetItem([failure.path, failure.reason, when])
            item.setToolTip(0, failure.path)
            item.setToolTip(1, failure.reason)
            self.tree.insertTopLevelItem(0, item)
        self.tree.resizeColumnToContents(0)

    def rows(self) -> list[tuple[str, str]]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def show_now(self) -> None:
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()
        self.raise_()
        self.activateWindow()
