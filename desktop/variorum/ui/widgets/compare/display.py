"""The pane's reading actions: changes only, the change list, zoom, and find.

QActions, so the main window puts the same objects in its menus, where their shortcuts show.
The zoom range and step live here; the size itself is a setting (``Settings.text_size``,
0 = the system's), which Preferences edits too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QWidget

from variorum.core.settings import MAX_TEXT_SIZE, MIN_TEXT_SIZE


def _action(parent: QObject, text: str, *keys: QKeySequence.StandardKey | str) -> QAction:
    action = QAction(text, parent)
    shortcuts: list[QKeySequence] = []
    for key in keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in shortcuts:
            shortcuts.append(sequence)
    action.setShortcuts(shortcuts)
    return action


def _tip(action: QAction, text: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({keys})" if keys else text)


class DisplayActions(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.changes_only = _action(parent, "Changes Only", "Ctrl+Shift+U")
        self.changes_only.setCheckable(True)
        _tip(self.changes_only, "Fold unchanged paragraphs to one line each; click one to show it")
        self.changes_only.setIconText("Changes only")
        self.change_list = _action(parent, "Change List", "Ctrl+Shift+L")
        self.change_list.setCheckable(True)
        self.change_list.setIconText("List")
        _tip(self.change_list, "Show or hide the list of changes beside the text")
        self.zoom_in = _action(parent, "Zoom In", QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out = _action(parent, "Zoom Out", QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = _action(parent, "Actual Size", "Ctrl+0")
        self.find = _action(parent, "Find in Text…", QKeySequence.StandardKey.Find)
        self.find_next = _action(parent, "Find Next", "F3", QKeySequence.StandardKey.FindNext)
        self.find_previous = _action(
            parent, "Find Previous", "Shift+F3", QKeySequence.StandardKey.FindPrevious
        )
        for action, tip in (
            (self.zoom_in, "Larger text"),
            (self.zoom_out, "Smaller text"),
            (self.zoom_reset, "Text at its normal size"),
            (self.find_next, "Next match"),
            (self.find_previous, "Previous match"),
        ):
            _tip(action, tip)

    def find_actions(self) -> list[QAction]:
        return [self.find, self.find_next, self.find_previous]

    def view_actions(self) -> list[QAction]:
        return [self.changes_only, self.change_list]

    def zoom_actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_reset]

    def all(self) -> list[QAction]:
        return [*self.find_actions(), *self.view_actions(), *self.zoom_actions()]


def text_font(base: QFont, size: int) -> QFont:
    """The text's font: ``base`` (the widget's) at ``size`` points, or as it is for 0."""
    font = QFont(base)
    if size > 0:
        font.setPointSize(max(MIN_TEXT_SIZE, min(size, MAX_TEXT_SIZE)))
    return font


def zoomed(current: int, base: QFont, step: int) -> int:
    """The size after one zoom step (+1 / -1 point) from ``current`` (0: the base size)."""
    size = current if current > 0 else max(base.pointSize(), MIN_TEXT_SIZE)
    return max(MIN_TEXT_SIZE, min(size + step, MAX_TEXT_SIZE))


def view_menu(*groups: list[QAction]) -> list[QAction]:
    """The View menu's part for the pane: the groups of actions with a separator between."""
    out: list[QAction] = []
    for group in groups:
        if out:
            separator = QAction(group[0].parent() if group else None)
            separator.setSeparator(True)
            out.append(separator)
        out.extend(group)
    return out
