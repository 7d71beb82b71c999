"""The speakers / organizations / people sidebar (:class:`Sidebar`) and the controller that
feeds it from a background extraction (:class:`SidebarController`)."""

from variorum.ui.widgets.sidebar.controller import SidebarController
from variorum.ui.widgets.sidebar.widget import Sidebar

__all__ = ["Sidebar", "SidebarController"]
