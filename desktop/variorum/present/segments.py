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
    GAP = "gap"
    """A separator of ours between two witnesses' texts that would otherwise touch (A's
    deleted "So" and B's inserted "so"): see :func:`keep_apart`. Not article text."""
    FOLD = "fold"
    """Unchanged paragraphs folded to one line (the "changes only" mode); links to unfold."""


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
    FOLD = "fold"
    """To the unchanged paragraphs a fold line stands for (``target`` is the fold's id)."""


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



GAP_TEXT = "\u2009"
"""THIN SPACE: what a GAP segment shows. Painters that can keep it out of copied text do."""


def keep_apart(segments: list[Segment]) -> list[Segment]:
    """Put a GAP between two neighbouring segments that would touch with no space between
    them when they are changes of different witnesses (A's deleted words and B's inserted or
    moved ones), or when one of them is our marker. The principle: the old and the new
    wording never run together, whatever the painter's decorations (a strike-out and an
    underline in similar colours read as one word: "Soso"), and our markers never run into
    the text. Unchanged text keeps the spacing of the text it comes from (see
    :mod:`.inline`)."""
    out: list[Segment] = []
    for seg in segments:
        if out and seg.text and _touch(out[-1], seg):
            out.append(Segment(SegKind.GAP, GAP_TEXT))
        out.append(seg)
    return out


def _touch(before: Segment, after: Segment) -> bool:
    if not before.text or before.text[-1].isspace() or after.text[0].isspace():
        return False
    if SegKind.MARKER in (before.kind, after.kind):
        return True
    if before.witness is None or after.witness is None or before.witness == after.witness:
        return False
    return before.kind in CHANGE_KINDS and after.kind in CHANGE_KINDS
