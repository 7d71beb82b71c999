"""The terminal painter: the inline view's segments (:mod:`variorum.present.inline`) as text.

It reads like ``git diff --word-diff``: on a terminal, each change kind in its decoration and
basic colour from the style table; otherwise the table's plain brackets, ``[-deleted-]``,
``{+inserted+}`` and ``{>moved<}``, with the edits made inside moved text marked within it
(``{>the [-island-]{+northern+} route<}``). Our markers (where moved text came from) are
printed as the pane shows them, and in colour the thin space that keeps a replacement's old and
new words apart (``SegKind.GAP``; the brackets do that without colour). It never looks at the
changes themselves, only at segments, so it shows what the pane and the reports show.
"""

from __future__ import annotations

from variorum.core.changes import ChangeKind, Comparison
from variorum.present.describe import summary_line
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import CHANGE_KINDS, ChangeRef, SegKind, Segment
from variorum.present.style import LIGHT, SGR_RESET, Style, sgr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def write_word_diff(comparison: Comparison, out: TextIO, *, color: bool) -> None:
    """B's text with the changes marked in place; notices (coarse passages) first, so
    nothing is silently simplified; last the summary line, in the header's words."""
    for notice in comparison.notices:
        out.write(f"# {notice}\n")
    segments = inline_segments(comparison, EqualRunMap(comparison))
    moves = {i for i, c in enumerate(comparison.changes) if c.kind is ChangeKind.MOVE}
    out.write(paint(segments, moves, color=color))
    out.write(f"\n\n# {summary_line(comparison)}\n")


def paint(segments: list[Segment], moves: set[int], *, color: bool) -> str:
    """``moves``: indexes of the changes that are moves; their segments (the moved text and
    the edits inside it) are bracketed together as one move. A separator is written between
    its neighbours' marks, never in one of their colours."""
    pieces: list[str] = []
    move = LIGHT.style(SegKind.MOVE)
    in_move: ChangeRef | None = None
    gap = ""
    for seg in segments:
        if LIGHT.style(seg.kind).separator:
            gap = seg.text if color else ""  # brackets keep runs apart; colours alone do not
            continue
        ref = seg.change
        part_of_move = ref is not None and ref.index in moves and seg.kind in CHANGE_KINDS
        if in_move is not None and (not part_of_move or ref != in_move):
            pieces.append(_close(move, color))
            in_move = None
        if gap:
            pieces.append(f"{SGR_RESET}{gap}{sgr(move)}" if in_move is not None else gap)
            gap = ""
        if part_of_move and in_move is None:
            pieces.append(_open(move, color))
            in_move = ref
        style = LIGHT.style(seg.kind)
        if seg.kind is SegKind.MOVE and in_move is not None:
            pieces.append(seg.text)
        elif style.brackets != ("", "") or (color and sgr(style)):
            pieces.append(_open(style, color) + seg.text + _close(style, color))
            if color and in_move is not None:
                pieces.append(sgr(move))  # the inner mark's reset ended the move's colour
        else:
            pieces.append(seg.text)
    if in_move is not None:
        pieces.append(_close(move, color))
    return "".join(pieces)


def _open(style: Style, color: bool) -> str:
    return sgr(style) if color else style.brackets[0]


def _close(style: Style, color: bool) -> str:
    return SGR_RESET if color else style.brackets[1]
