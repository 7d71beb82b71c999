"""The application icon as a QIcon, from the packaged icon files (``variorum.resources``)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from variorum.resources import icon_files


def app_icon() -> QIcon:
    """Every packaged size: the SVG scales to any size, the PNGs serve when the SVG plugin is
    absent (Qt picks the closest)."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
