"""Move to Story: pick the story an article belongs to, from a filterable list.

Stories related to the one the article is in come first (the likeliest targets), then the
rest, largest first. The dialog is window-modal but never blocks the event loop (``open``),
so grouping and loading go on behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from variorum.core.stories.model import Story
from variorum.present.versions import date_range_text


def story_line(story: Story) -> str:
    count = len(story.versions)
    what = f"{count} versions" if count > 1 else "1 article"
    dates = date_range_text(story.dates())
    return " · ".join(p for p in (story.title or "(untitled)", what, dates) if p)


class MoveDialog(QDialog):
    story_chosen = Signal(str)

    def __init__(
        self,
        stories: Sequence[Story],
        related: Sequence[str],
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        """``related``: ids of stories to list first; ``what``: the articles moved, in words."""
        super().__init__(parent)
        self.setObjectName("moveToStoryDialog")
        self.setWindowTitle("Move to Story")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(520, 420)
        first = set(related)
        ordered = [s for s in stories if s.id in first] + [s for s in stories if s.id not in first]

        self.filter = QLineEdit(self)
        self.filter.setObjectName("moveFilter")
        self.filter.setPlaceholderText("Filter stories by title")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("moveTargets")
        for story in ordered:
            text = story_line(story) + ("  (related)" if story.id in first else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, story.id)
            item.setToolTip(story.title)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Move")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update())

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Move {what} to:", self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(first_shown)
        self._update()

    def _update(self) -> None:
        current = self.list.currentItem()
        ok = current is not None and not current.isHidden()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def chosen(self) -> str | None:
        current = self.list.currentItem()
        if current is None or current.isHidden():
            return None
        return str(current.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.story_chosen.emit(chosen)
        super().accept()
