"""The third splitter slot: the speakers/organizations sidebar
(``variorum.ui.widgets.sidebar``: the ``Sidebar`` widget and the ``SidebarController`` that runs
extraction in our task runner).

The sidebar follows the selection: one article -> its speakers and names; a pair -> what both,
only A or only B have, and how quotes drifted. Extraction starts as soon as a pair is selected,
alongside the diff, not after it. Clicking a quote asks the pane to highlight it.

The sidebar is imported statically: an installer that failed to bundle it fails at start with
an ImportError naming what is missing, instead of opening a window without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from variorum.core.library import Library
from variorum.ui.comparing import CompareController
from variorum.ui.tasks import Debouncer, TaskRunner
from variorum.ui.widgets.sidebar import Sidebar, SidebarController

SIDEBAR_DEBOUNCE_MS = 120

SidebarFactory = Callable[[TaskRunner, Library, str], tuple[QWidget, Any]]
"""(tasks, library, model name) -> (widget, controller); tests give a stand-in that runs no
model."""


@dataclass
class SidebarSlot:
    widget: QWidget
    controller: Any
    """``SidebarController``: show_article, show_comparison, clear, prefetch, set_model."""
    debounce: Debouncer | None = None


def real_sidebar(tasks: TaskRunner, library: Library, model_name: str) -> tuple[QWidget, Any]:
    widget = Sidebar()
    return widget, SidebarController(widget, tasks, library, model_name)


def make_sidebar(
    tasks: TaskRunner, library: Library, model_name: str, factory: SidebarFactory | None = None
) -> SidebarSlot:
    widget, controller = (factory or real_sidebar)(tasks, library, model_name)
    widget.setObjectName("sidebar")
    return SidebarSlot(widget, controller)


def wire_sidebar(
    slot: SidebarSlot,
    compare: CompareController,
    pane: Any,
    report: Callable[[str], None],
    undo_stack: QUndoStack | None = None,
) -> None:
    """Selection changes reach the sidebar through a debouncer, like the diff: arrowing through
    the list must not start an extraction for every row passed."""
    controller = slot.controller
    debounce = Debouncer(SIDEBAR_DEBOUNCE_MS, slot.widget)
    slot.debounce = debounce
    compare.article_shown.connect(
        lambda article: debounce.call(lambda: controller.show_article(article))
    )
    compare.pair_selected.connect(
        lambda a, b: debounce.call(lambda: controller.show_comparison(a, b))
    )
    compare.cleared.connect(lambda: debounce.call(controller.clear))
    widget: Any = slot.widget
    widget.highlight_requested.connect(pane.highlight_ranges)
    for name in ("failed", "status"):
        signal = getattr(slot.controller, name, None)
        if signal is not None:
            signal.connect(report)
    if undo_stack is not None and hasattr(controller, "undo_stack"):
        controller.undo_stack = undo_stack  # corrections undo with Edit › Undo


def focus_inside(widget: QWidget) -> None:
    """Give the keyboard to a composite widget: its focus proxy, else its first visible
    scrolling child (the text or a list), else the first child that takes focus."""
    if widget.focusProxy() is not None or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    children = [
        child
        for child in widget.findChildren(QWidget)
        if child.isVisible() and child.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    scrolling = [child for child in children if isinstance(child, QAbstractScrollArea)]
    for candidate in (*scrolling, *children):
        candidate.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
