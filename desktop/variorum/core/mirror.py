"""A comparison seen from the other side: B as the base and A as the compared version.

The word diff and the alignment are not symmetric (diff-match-patch and the unit matcher break
ties by position), so comparing A with B and B with A could report different changes. The
engine therefore always computes one orientation, chosen from the two texts alone, and the
other is this mirror of it: swapping A and B shows the same changes, with insertions and
deletions exchanged, and the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from variorum.core.changes import (
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    EqualRun,
    UnitPair,
    UnitStatus,
)

_KIND = {ChangeKind.INSERT: ChangeKind.DELETE, ChangeKind.DELETE: ChangeKind.INSERT}
_STATUS = {UnitStatus.INSERTED: UnitStatus.DELETED, UnitStatus.DELETED: UnitStatus.INSERTED}

T = TypeVar("T")


def computed_as_is(a: str, b: str) -> bool:
    """Whether a comparison of ``a`` with ``b`` is computed in that orientation (else it is
    computed from ``b`` to ``a`` and mirrored). Decided by the texts only, so both
    orientations of one pair agree on it; the shorter text is the computed base."""
    return (len(a), a) <= (len(b), b)


def mirror_comparison(c: Comparison) -> Comparison:
    """``c`` with its two sides exchanged. The moved-word count stays as computed: a move is
    the same event seen from either side."""
    changes = sorted((_change(x) for x in c.changes), key=lambda x: (x.b_start, x.a_start))
    equal = sorted(
        (EqualRun(e.b_start, e.b_end, e.a_start, e.a_end) for e in c.equal_runs),
        key=lambda e: (e.b_start, e.a_start),
    )
    stats = CompareStats(
        inserted_words=c.stats.deleted_words,
        deleted_words=c.stats.inserted_words,
        moved_words=c.stats.moved_words,
        changed_units=c.stats.changed_units,
    )
    units = [
        UnitPair(_STATUS.get(u.status, u.status), u.b_start, u.b_end, u.a_start, u.a_end, u.coarse)
        for u in c.units
    ]
    return Comparison(
        c.b_text,
        c.a_text,
        tuple(changes),
        stats,
        c.similarity,
        tuple(view_order(units, lambda u: u.status, _a_side, _b_side)),
        c.notices,
        equal_runs=tuple(equal),
    )


def _change(c: Change) -> Change:
    return replace(
        c,
        kind=_KIND.get(c.kind, c.kind),
        a_start=c.b_start,
        a_end=c.b_end,
        b_start=c.a_start,
        b_end=c.a_end,
        a_text=c.b_text,
        b_text=c.a_text,
        detail=tuple(_change(d) for d in c.detail),
    )


def _a_side(u: UnitPair) -> tuple[int, int] | None:
    return (u.a_start, u.a_end) if u.a_start >= 0 else None


def _b_side(u: UnitPair) -> tuple[int, int] | None:
    return (u.b_start, u.b_end) if u.b_start >= 0 else None


def view_order(
    units: Sequence[T],
    status: Callable[[T], UnitStatus],
    a_side: Callable[[T], tuple[int, int] | None],
    b_side: Callable[[T], tuple[int, int] | None],
) -> list[T]:
    """B order, each unit that only A has right after the unit holding its predecessor in A
    (so the side-by-side view shows it where it used to be). A moved unit is no predecessor:
    its B side is elsewhere."""
    with_b = sorted((u for u in units if b_side(u) is not None), key=lambda u: b_side(u) or (0, 0))
    by_a = sorted((u for u in units if a_side(u) is not None), key=lambda u: a_side(u) or (0, 0))
    after: dict[int, list[T]] = {}
    head: list[T] = []
    prev: T | None = None
    for u in by_a:
        if b_side(u) is None:
            (after.setdefault(id(prev), []) if prev is not None else head).append(u)
        if status(u) is not UnitStatus.MOVED:
            prev = u
    ordered: list[T] = []
    # Depth first, each unit before the A-only units that follow it, with an explicit stack:
    # a thousand deleted paragraphs in a row form a chain that long.
    stack = [*reversed(with_b), *reversed(head)]
    while stack:
        u = stack.pop()
        ordered.append(u)
        stack.extend(reversed(after.get(id(u), ())))
    return ordered
