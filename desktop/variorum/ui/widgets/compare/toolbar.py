"""The pane's actions: next/previous change, the view toggle, swap, and the options menu.

Kept as QActions so the main window can put the same objects in its menus; shortcuts avoid the
window's own (Ctrl+1/2/3, Ctrl+O/Q/Z, Del, Ctrl+Shift+V).
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from variorum.core.options import CompareOptions
from variorum.present.describe import OPTION_LABELS

INLINE = "inline"
SIDE_BY_SIDE = "side_by_side"


def arrow_icon(*, up: bool, color: QColor, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    top, bottom, left, right, middle = 4.0, size - 4.0, 3.0, size - 3.0, size / 2
    points = (
        [QPointF(middle, top), QPointF(right, bottom), QPointF(left, bottom)]
        if up
        else [QPointF(left, top), QPointF(right, top), QPointF(middle, bottom)]
    )
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return QIcon(pixmap)


class CompareActions(QObject):
    """Owns the actions and the toolbar that shows them."""

    options_changed = Signal(object)
    view_mode_selected = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.previous = QAction("Previous change", parent)
        self.previous.setShortcut(QKeySequence("Shift+F7"))
        self.next = QAction("Next change", parent)
        self.refresh_icons()
        self.next.setShortcut(QKeySequence("F7"))
        for action in (self.previous, self.next):
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")

        self.view_group = QActionGroup(parent)
        self.inline = QAction("Inline", parent, checkable=True)
        self.side_by_side = QAction("Side by side", parent, checkable=True)
        for action in (self.inline, self.side_by_side):
            self.view_group.addAction(action)
        self.inline.setChecked(True)
        self.inline.triggered.connect(lambda: self.view_mode_selected.emit(INLINE))
        self.side_by_side.triggered.connect(lambda: self.view_mode_selected.emit(SIDE_BY_SIDE))
        self.toggle_view = QAction("Toggle inline / side by side", parent)
        self.toggle_view.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.toggle_view.triggered.connect(self._toggle)
        self.inline.setToolTip("One column: B with insertions and deletions (Ctrl+Shift+S)")
        self.side_by_side.setToolTip("Two columns, aligned (Ctrl+Shift+S)")

        self.swap = QAction("Swap A ⇄ B", parent)
        self.swap.setToolTip("Make B the base and A the compared article")

        self.option_actions: dict[str, QAction] = {}
        self.options_menu = QMenu("Options", parent)
        for name, label in OPTION_LABELS.items():
            action = QAction(label, parent, checkable=True)
            action.toggled.connect(self._emit_options)
            self.options_menu.addAction(action)
            self.option_actions[name] = action
        self._quiet = False
        self.set_options(CompareOptions())

        self.counter = QLabel("", parent)
        self.counter.setMinimumWidth(70)
        self.toolbar = QToolBar(parent)
        self.toolbar.addAction(self.previous)
        self.toolbar.addAction(self.next)
        self.toolbar.addWidget(self.counter)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.inline)
        self.toolbar.addAction(self.side_by_side)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.swap)
        button = QToolButton(parent)
        button.setText("Options")
        button.setMenu(self.options_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.options_button = button
        self.toolbar.addWidget(button)

    def refresh_icons(self) -> None:
        """Arrows drawn in the palette's text colour: the style's stock arrows are black, which
        disappears on a dark toolbar."""
        color = self._parent.palette().color(QPalette.ColorRole.ButtonText)
        self.previous.setIcon(arrow_icon(up=True, color=color))
        self.next.setIcon(arrow_icon(up=False, color=color))

    def _toggle(self) -> None:
        target = SIDE_BY_SIDE if self.inline.isChecked() else INLINE
        self.view_mode_selected.emit(target)

    def set_view_mode(self, mode: str) -> None:
        (self.inline if mode == INLINE else self.side_by_side).setChecked(True)

    def options(self) -> CompareOptions:
        values = {f.name: self.option_actions[f.name].isChecked() for f in fields(CompareOptions)}
        return CompareOptions(**values)

    def set_options(self, options: CompareOptions) -> None:
        """Reflect options without emitting ``options_changed``."""
        self._quiet = True
        try:
            for name, action in self.option_actions.items():
                action.setChecked(bool(getattr(options, name)))
        finally:
            self._quiet = False

    def _emit_options(self) -> None:
        if not self._quiet:
            self.options_changed.emit(self.options())

    def set_navigation(
        self, position: int | None, total: int, can_prev: bool, can_next: bool
    ) -> None:
        self.previous.setEnabled(can_prev)
        self.next.setEnabled(can_next)
        if total == 0:
            self.counter.setText("no changes")
        elif position is None:
            self.counter.setText(f"{total} change" if total == 1 else f"{total} changes")
        else:
            self.counter.setText(f"{position + 1} of {total}")

    def set_comparing(self, enabled: bool) -> None:
        """Disable what makes no sense while nothing is compared (reading mode, pending)."""
        for action in (self.inline, self.side_by_side, self.toggle_view, self.swap):
            action.setEnabled(enabled)
        if not enabled:
            self.previous.setEnabled(False)
            self.next.setEnabled(False)
            self.counter.setText("")

    def navigation_actions(self) -> list[QAction]:
        return [self.previous, self.next]

    def view_actions(self) -> list[QAction]:
        return [self.inline, self.side_by_side]
