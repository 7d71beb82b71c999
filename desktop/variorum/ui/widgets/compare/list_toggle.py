"""Which views show the change list beside the text. Side by side needs the width for its two
columns, so each view has its own choice (View › Change List, or dragging the splitter shut),
which the window remembers."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from variorum.ui.widgets.compare.toolbar import INLINE


def set_check(action: QAction, on: bool) -> None:
    """Check or uncheck without emitting (a setting applied, not a choice made)."""
    action.blockSignals(True)
    action.setChecked(on)
    action.blockSignals(False)


class ChangeListToggle(QObject):
    changed = Signal(tuple)
    """The views that show the list, sorted, when the reader changes it."""

    def __init__(self, change_list: QWidget, splitter: QSplitter, action: QAction) -> None:
        super().__init__(change_list)
        self._list, self._splitter, self._action = change_list, splitter, action
        self.views: set[str] = {INLINE}
        self._mode = INLINE
        self._comparing = False
        action.toggled.connect(self._toggled)
        splitter.splitterMoved.connect(self._moved)

    def set_views(self, views: tuple[str, ...]) -> None:
        self.views = set(views)
        self._apply()

    def update(self, mode: str, comparing: bool) -> None:
        self._mode, self._comparing = mode, comparing
        self._apply()

    def give_room(self) -> None:
        """About a quarter of the width for the list."""
        width = max(self._splitter.width(), 400)
        self._splitter.setSizes([width * 3 // 4, width - width * 3 // 4])

    def _apply(self) -> None:
        self._list.setVisible(self._comparing and self._mode in self.views)
        self._action.setEnabled(self._comparing)
        set_check(self._action, self._mode in self.views)

    def _toggled(self, on: bool) -> None:
        self.views = self.views | {self._mode} if on else self.views - {self._mode}
        self._apply()
        if on and self._splitter.sizes()[1] == 0:
            self.give_room()
        self.changed.emit(tuple(sorted(self.views)))

    def _moved(self, _pos: int, _index: int) -> None:
        """Dragging the change list shut is the same as unticking View › Change List."""
        if self._list.isVisible() and self._splitter.sizes()[1] == 0:
            self._action.setChecked(False)
