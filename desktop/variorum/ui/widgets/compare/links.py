"""Where a link of ours in the text leads: a moved passage's marker to the passage (inline), a
moved row to its twin row (side by side). Links to a change or a fold are the pane's to act
on (they change the current change or rebuild the document), so they are not resolved here."""

from __future__ import annotations

from variorum.present.segments import BASE, Link, LinkKind
from variorum.ui.widgets.compare.builder import BuiltDoc
from variorum.ui.widgets.compare.locate import VERSION

Range = tuple[int, int]


def link_target(built: BuiltDoc, link: Link) -> Range | None:
    """The document range to highlight and scroll to for an ORIGIN or ROW link; None when it
    leads nowhere in ``built`` (another kind, or a row the document does not have)."""
    n = link.target
    if link.kind == LinkKind.ORIGIN:
        pos = built.index.href_pos(Link(LinkKind.CHANGE, n, link.version).token())
        return None if pos is None else (pos, pos + 1)
    if link.kind == LinkKind.ROW and 0 <= n < len(built.row_cells):
        cells = built.row_cells[n]
        left, right = cells[BASE], cells[VERSION]
        role = built.rows[n].role
        # the moved text where it is now is in B's column; where it was, in A's
        use_right = role == "target" or (role == "" and left[1] <= left[0])
        return right if use_right else left
    return None
