"""Painter-neutral runs of text: what every view of a comparison is made of.

A view is a list of :class:`Segment` in display order. A segment is either a stretch of one
witness's original text (``witness`` is 0 for the base, 1..n for the versions, and ``start``
its offset in that witness's text) or a piece of our own (a marker or a note, ``witness``
None). Its ``kind`` says how it is shown; the style table (:mod:`variorum.present.style`)
says what that kind looks like. Painters (the Qt pane, the terminal word diff, the reports)
only turn segments into their own output: none of them walks the changes again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

BASE = 0
"""The witness every version is compared with."""


class SegKind(StrEnum):
    EQUAL = "equal"
    HEADING = "heading"
    INSERT = "insert"
    DELETE = "delete"
    MOVE = "move"
    MARKER = "marker"
    """A link of ours (e.g. where moved text came from); not article text."""
    NOTE = "note"
    BOILERPLATE = "boilerplate"


CHANGE_KINDS = frozenset({SegKind.INSERT, SegKind.DELETE, SegKind.MOVE})
"""Kinds that show a change (as opposed to text, headings and our own markers)."""


@dataclass(frozen=True, slots=True)
class ChangeRef:
    """Which change a segment shows: change ``index`` of ``version``'s comparison with the
    base (``Comparison.changes[index]``)."""

    version: int
    index: int


class LinkKind(StrEnum):
    CHANGE = "change"
    """To the text of a change (from the marker left where moved text was)."""
    ORIGIN = "origin"
    """To the marker left where a moved passage was (from the moved text)."""
    ROW = "row"
    """Side by side: to another row (the other place of a moved unit)."""


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    target: int
    """A change index (CHANGE, ORIGIN) or a row index (ROW)."""
    version: int = 1

    def token(self) -> str:
        """A compact, unambiguous string form (``"change:1:3"``) for painters' anchors."""
        return f"{self.kind}:{self.version}:{self.target}"

    @classmethod
    def parse(cls, token: str) -> Link | None:
        kind, _, rest = token.partition(":")
        version, _, target = rest.partition(":")
        if kind not in set(LinkKind) or not version.isdigit() or not target.isdigit():
            return None
        return cls(LinkKind(kind), int(target), int(version))


@dataclass(frozen=True)
class Segment:
    kind: SegKind
    text: str
    witness: int | None = None
    """Whose original text ``text`` is (0 = base); None for our own markers and notes."""
    start: int = -1
    """Offset of ``text`` in that witness's text."""
    change: ChangeRef | None = None
    link: Link | None = None

