"""The comparison pane: inline and side-by-side views of a Comparison, navigation, the change
list and the overview strip. The main window only needs :class:`ComparePane`."""

from variorum.ui.widgets.compare.pane import ComparePane

__all__ = ["ComparePane"]
