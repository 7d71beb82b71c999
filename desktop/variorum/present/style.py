"""What each kind of segment looks like: one table for every painter.

Colours are the Okabe-Ito palette, which stays distinguishable with red-green colour
blindness, in a light and a dark variant. Colour is never the only cue: every change kind
has its own decoration (insertions underlined, deletions struck out, moved text over- and
underlined), its own brackets for plain text (``{+ +}``, ``[- -]``, ``{> <}``, as
``git diff --word-diff`` writes them) and its own basic terminal colour. Painters read
this table: the Qt pane and the reports turn a :class:`Style` into CSS (:func:`css`), the
terminal word diff into SGR codes (:func:`sgr`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from variorum.present.segments import SegKind


@dataclass(frozen=True)
class Style:
    color: str = ""
    """Text colour, ``#RRGGBB``; empty: the painter's normal text colour."""
    background: str = ""
    underline: bool = False
    strike: bool = False
    overline: bool = False
    italic: bool = False
    bold: bool = False
    small: bool = False
    brackets: tuple[str, str] = ("", "")
    """Put around the text by painters without decorations (plain text)."""
    terminal: int = 0
    """Basic ANSI foreground colour (30-37) nearest ``color``; 0 for none."""
    separator: bool = False
    """The segment only keeps its neighbours apart (:data:`SegKind.GAP`): painters that mark
    kinds with brackets leave it out (the brackets already keep them apart), and painters
    that control copying keep it out of copied text."""


@dataclass(frozen=True)
class Theme:
    dark: bool
    text: str
    background: str
    muted: str
    """Secondary text (notes, figures)."""
    border: str
    current: str
    """Background of the current change."""
    found: str
    """Background of highlighted search or sidebar hits."""
    accent: str
    """Frames that draw the eye (the quote drift box)."""
    styles: dict[SegKind, Style] = field(default_factory=dict)

    def style(self, kind: SegKind) -> Style:
        return self.styles.get(kind, _PLAIN)


_PLAIN = Style()


def _styles(
    insert: tuple[str, str],
    delete: tuple[str, str],
    move: tuple[str, str],
    muted: str,
    fold: str,
) -> dict[SegKind, Style]:
    return {
        SegKind.EQUAL: _PLAIN,
        SegKind.HEADING: Style(bold=True),
        SegKind.INSERT: Style(*insert, underline=True, brackets=("{+", "+}"), terminal=34),
        SegKind.DELETE: Style(*delete, strike=True, brackets=("[-", "-]"), terminal=31),
        SegKind.MOVE: Style(
            *move, underline=True, overline=True, brackets=("{>", "<}"), terminal=35
        ),
        # Where moved text went or came from: as large as the text and bold on the move's
        # tint, so a move is seen at a glance, not read in a footnote-sized tag.
        SegKind.MARKER: Style(*move, bold=True, terminal=35),
        SegKind.NOTE: Style(muted, italic=True),
        SegKind.BOILERPLATE: Style(muted, strike=True, italic=True),
        SegKind.GAP: Style(separator=True),
        SegKind.FOLD: Style(muted, background=fold, italic=True),
    }


LIGHT = Theme(
    dark=False,
    text="#1A1A1A",
    background="#FFFFFF",
    muted="#767676",
    border="#B0B0B0",
    current="#F0E442",  # Okabe-Ito yellow
    found="#C9E7B8",
    accent="#8E3A73",
    styles=_styles(
        insert=("#0072B2", "#E3F1FB"),  # Okabe-Ito blue
        delete=("#B34700", "#FCE9DD"),  # Okabe-Ito vermilion, darkened for contrast on white
        move=("#8E3A73", "#F6E4EF"),  # Okabe-Ito reddish purple, darkened
        muted="#767676",
        fold="#EFEFEF",
    ),
)

DARK = Theme(
    dark=True,
    text="#E8E8E8",
    background="#1E1E1E",
    muted="#9A9A9A",
    border="#5A5A5A",
    current="#6B6220",
    found="#2F5A2A",
    accent="#E29BC6",
    styles=_styles(
        insert=("#56B4E9", "#12344A"),  # Okabe-Ito sky blue
        delete=("#E69F00", "#43290A"),  # Okabe-Ito orange
        move=("#E29BC6", "#3E2236"),  # Okabe-Ito reddish purple, lightened
        muted="#9A9A9A",
        fold="#2A2A2A",
    ),
)


def theme(dark: bool) -> Theme:
    return DARK if dark else LIGHT


def css(style: Style) -> str:
    """CSS declarations for a style, in the subset Qt's rich text understands too."""
    parts: list[str] = []
    lines = [
        name
        for name, on in (
            ("underline", style.underline),
            ("overline", style.overline),
            ("line-through", style.strike),
        )
        if on
    ]
    if lines:
        parts.append(f"text-decoration:{' '.join(lines)}")
    if style.color:
        parts.append(f"color:{style.color}")
    if style.background:
        parts.append(f"background-color:{style.background}")
    if style.italic:
        parts.append("font-style:italic")
    if style.bold:
        parts.append("font-weight:bold")
    if style.small:
        parts.append("font-size:small")
    return "; ".join(parts)


def sgr(style: Style) -> str:
    """The terminal escape that starts a style (empty for plain text): decorations first, so
    a terminal without colours still tells the kinds apart."""
    codes = [
        code
        for code, on in (
            ("1", style.bold),
            ("3", style.italic),
            ("4", style.underline),
            ("9", style.strike),
            ("53", style.overline),
        )
        if on
    ]
    if style.terminal:
        codes.append(str(style.terminal))
    return f"\x1b[{';'.join(codes)}m" if codes else ""


SGR_RESET = "\x1b[m"
