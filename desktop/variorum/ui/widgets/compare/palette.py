"""Colours and text styles for the comparison views.

Okabe-Ito colours stay distinguishable with red-green colour blindness; every kind also has its
own decoration (underline, strike-out, overline) so colour is never the only cue. The variant
is picked from the lightness of the widget palette's window colour, so dark mode stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from variorum.ui.widgets.compare.segments import SegKind


@dataclass(frozen=True)
class DiffColors:
    insert_fg: str
    insert_bg: str
    delete_fg: str
    delete_bg: str
    move_fg: str
    move_bg: str
    muted_fg: str
    current_bg: str
    found_bg: str
    dark: bool


LIGHT = DiffColors(
    insert_fg="#0072B2",  # Okabe-Ito blue
    insert_bg="#E3F1FB",
    delete_fg="#B34700",  # Okabe-Ito vermilion, darkened for contrast on white
    delete_bg="#FCE9DD",
    move_fg="#8E3A73",  # Okabe-Ito reddish purple, darkened
    move_bg="#F6E4EF",
    muted_fg="#767676",
    current_bg="#F0E442",  # Okabe-Ito yellow
    found_bg="#C9E7B8",
    dark=False,
)

DARK = DiffColors(
    insert_fg="#56B4E9",  # Okabe-Ito sky blue
    insert_bg="#12344A",
    delete_fg="#E69F00",  # Okabe-Ito orange
    delete_bg="#43290A",
    move_fg="#E29BC6",  # Okabe-Ito reddish purple, lightened
    move_bg="#3E2236",
    muted_fg="#9A9A9A",
    current_bg="#6B6220",
    found_bg="#2F5A2A",
    dark=True,
)


def colors_for(palette: QPalette) -> DiffColors:
    """Dark variant when the window colour is dark (HSL lightness below one half)."""
    window: QColor = palette.color(QPalette.ColorRole.Window)
    return DARK if window.lightnessF() < 0.5 else LIGHT


def span_styles(colors: DiffColors) -> dict[SegKind, str]:
    """Inline CSS per segment kind, understood by Qt's rich-text importer."""
    return {
        SegKind.EQUAL: "",
        SegKind.HEADING: "font-weight:bold",
        SegKind.INSERT: (
            f"text-decoration:underline; color:{colors.insert_fg}; "
            f"background-color:{colors.insert_bg}"
        ),
        SegKind.DELETE: (
            f"text-decoration:line-through; color:{colors.delete_fg}; "
            f"background-color:{colors.delete_bg}"
        ),
        SegKind.MOVE: (
            f"text-decoration:underline overline; color:{colors.move_fg}; "
            f"background-color:{colors.move_bg}"
        ),
        SegKind.MARKER: f"color:{colors.move_fg}; font-style:italic; font-size:small",
        SegKind.NOTE: f"color:{colors.muted_fg}; font-style:italic",
        SegKind.BOILERPLATE: (
            f"text-decoration:line-through; color:{colors.muted_fg}; font-style:italic"
        ),
    }
