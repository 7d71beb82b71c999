"""The third splitter slot, for the speakers/organizations sidebar that another part of the
app provides (``variorum.ui.widgets.sidebar.Sidebar``): created when it exists, no placeholder
otherwise, and wired by what it offers so the window needs no change when it lands."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from variorum.ui.comparing import CompareController

SIDEBAR_MODULE = "variorum.ui.widgets.sidebar"


def make_sidebar() -> QWidget | None:
    try:
        module = importlib.import_module(SIDEBAR_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != SIDEBAR_MODULE:
            raise  # the sidebar exists but something it needs is missing: say so
        return None
    sidebar_class = getattr(module, "Sidebar", None)
    if sidebar_class is None:
        return None
    sidebar: QWidget = sidebar_class()
    sidebar.setObjectName("sidebar")
    return sidebar


def wire_sidebar(sidebar: QWidget, compare: CompareController, pane: Any) -> None:
    """The sidebar follows the selection (``show_article``, ``show_comparison``, ``clear`` when
    it has them) and may ask the pane to highlight text (``highlight_requested(side, ranges)``)."""
    hooks: list[tuple[str, Any]] = [
        ("show_article", compare.article_shown),
        ("show_comparison", compare.comparison_shown),
        ("clear", compare.cleared),
    ]
    for method, signal in hooks:
        if callable(getattr(sidebar, method, None)):
            signal.connect(getattr(sidebar, method))
    highlight = getattr(sidebar, "highlight_requested", None)
    if highlight is not None:
        highlight.connect(pane.highlight_ranges)


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
