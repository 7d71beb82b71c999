"""The similarity matrix of a story's versions: every pair's grouping score, as a grid.

The score is the one the story threshold is compared with (the near-duplicate score, or the
rewrite score when higher: :class:`variorum.core.stories.model.PairScore`), so the matrix
shows why versions were grouped. Cells carry the number as text and a shade from a
sequential ramp: the number is the cue, the shade only helps the eye find the close pairs.
A pair grouping never compared (stories past ``full_base_members`` compare only some) has no
value and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from variorum.core.stories.model import PairScore

LIGHT_SHADES = ("#F4F7FB", "#DCE7F3", "#BBD2EA", "#92B7DD", "#6A9CCF")
DARK_SHADES = ("#1F252C", "#223447", "#25435F", "#295378", "#2D6291")
"""Grey-blue, light to strong; the text colour of the theme stays readable on each."""


@dataclass(frozen=True)
class MatrixCell:
    row: str
    column: str
    value: float | None
    """The pair score 0..1; 1.0 on the diagonal; None when the pair was not compared."""
    kind: str
    """near-duplicate, rewrite, related, none; "" on the diagonal and for unknown pairs."""
    shade: str

    @property
    def text(self) -> str:
        return "–" if self.value is None else f"{round(self.value * 100)}"


def shade(value: float | None, dark: bool = False) -> str:
    shades = DARK_SHADES if dark else LIGHT_SHADES
    if value is None:
        return ""
    return shades[min(len(shades) - 1, int(max(0.0, value) * len(shades)))]


def similarity_matrix(
    ids: Sequence[str],
    pair: Callable[[str, str], PairScore | None],
    dark: bool = False,
) -> list[list[MatrixCell]]:
    """Rows and columns in the order of ``ids`` (the story's, base first)."""
    out: list[list[MatrixCell]] = []
    for x in ids:
        row: list[MatrixCell] = []
        for y in ids:
            if x == y:
                row.append(MatrixCell(x, y, 1.0, "", shade(1.0, dark)))
                continue
            score = pair(x, y)
            value = score.score if score is not None else None
            kind = str(score.kind) if score is not None else ""
            row.append(MatrixCell(x, y, value, kind, shade(value, dark)))
        out.append(row)
    return out
