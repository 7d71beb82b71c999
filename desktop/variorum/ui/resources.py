"""Where the app's bundled resources are: ``resources/`` at the top of the checkout (an
editable install), or beside the frozen executable (PyInstaller's ``_MEIPASS``)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def app_icon() -> QIcon:
    """The SVG scales to every size; the PNG is the fallback when the SVG plugin is absent."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    svg = icons / "variorum.svg"
    png = icons / "variorum-256.png"
    if svg.is_file():
        icon.addFile(str(svg))
    if png.is_file():
        icon.addFile(str(png))
    return icon
