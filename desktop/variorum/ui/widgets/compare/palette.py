"""Which variant of the style table (:mod:`variorum.present.style`) a widget gets: the dark one
when the widget palette's window colour is dark, so dark mode stays readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from variorum.present.style import Theme, theme


def theme_for(palette: QPalette) -> Theme:
    """Dark variant when the window colour is dark (HSL lightness below one half)."""
    window: QColor = palette.color(QPalette.ColorRole.Window)
    return theme(window.lightnessF() < 0.5)
