"""The result of comparing two texts, as plain data the views only paint.

Offsets are into the two original texts (``Article.text``), never into a normalised form.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class Cancelled(Exception):
    """Raised by the engine when its ``cancel`` callback returns True (a stale computation the
    GUI no longer wants)."""


class ChangeKind(StrEnum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE = "move"


@dataclass(frozen=True)
class Change:
    """One difference. For INSERT the A range is empty (its position in A); for DELETE the B range
    is empty (its position in B). For MOVE, A is where the text was and B where it is now."""

    kind: ChangeKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    detail: tuple[Change, ...] = ()
    """For a MOVE whose text was also edited: the word-level edits inside it (absolute offsets,
    kinds insert / delete / replace), so a view can highlight them within the moved block."""


@dataclass(frozen=True)
class EqualRun:
    """A stretch that is the same in both texts under the comparison options (its original
    texts may still differ in quote style, spacing...). Equal runs and changes together cover
    every token of both texts: only whitespace lies outside them."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


class UnitStatus(StrEnum):
    IDENTICAL = "identical"
    MODIFIED = "modified"
    MOVED = "moved"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class UnitPair:
    """Aligned units (paragraphs or sentences) for the side-by-side view; an empty side is
    (-1, -1). ``coarse`` marks a pair too large for word-level detail."""

    status: UnitStatus
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    coarse: bool = False


@dataclass(frozen=True)
class CompareStats:
    inserted_words: int = 0
    deleted_words: int = 0
    moved_words: int = 0
    changed_units: int = 0


@dataclass(frozen=True)
class Navigation:
    """Where a position falls: the change containing it (or None), and its neighbours."""

    current: int | None
    previous: int | None
    next: int | None


@dataclass(frozen=True)
class Comparison:
    a_text: str
    b_text: str
    changes: tuple[Change, ...]
    stats: CompareStats
    similarity: float
    """0..1: share of words the two texts have in common."""
    units: tuple[UnitPair, ...] = ()
    notices: tuple[str, ...] = ()
    """Things the user must know, e.g. a unit shown without word-level detail."""
    equal_runs: tuple[EqualRun, ...] = ()
    """Sorted by b_start; see :class:`EqualRun`."""
    _by_side: dict[str, tuple[list[int], list[int]]] = field(
        default_factory=dict, repr=False, compare=False, init=False
    )
    """Per side: (start of each change in that side's order, its index in ``changes``)."""

    def __post_init__(self) -> None:
        # Built here, never passed in: dataclasses.replace() must not share them.
        a_order = sorted(range(len(self.changes)), key=lambda k: (self.changes[k].a_start, k))
        by_side = {
            "a": ([self.changes[k].a_start for k in a_order], a_order),
            "b": ([c.b_start for c in self.changes], list(range(len(self.changes)))),
        }
        object.__setattr__(self, "_by_side", by_side)

    def navigate(self, side: Literal["a", "b"], pos: int) -> Navigation:
        """Where position ``pos`` of text ``side`` falls: the change whose range on that side
        holds it (an empty range counts as one position), and the changes before and after it
        in that side's order. Indexes are into ``changes``; a bisection, not a scan (changes
        are sorted by their B position, and an A order is kept beside them)."""
        starts, order = self._by_side[side]
        i = bisect.bisect_right(starts, pos) - 1
        current: int | None = None
        if i >= 0:
            change = self.changes[order[i]]
            lo, hi = (
                (change.a_start, change.a_end) if side == "a" else (change.b_start, change.b_end)
            )
            if lo <= pos < max(hi, lo + 1):
                current = order[i]
        before = (i - 1 if current is not None else i) if i >= 0 else -1
        previous = order[before] if before >= 0 else None
        nxt = order[i + 1] if i + 1 < len(order) else None
        return Navigation(current, previous, nxt)
