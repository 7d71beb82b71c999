"""A base and n versions compared at once, on the base's positions.

Each version is compared with the base by the pairwise engine (:func:`compare_texts`); every
change it makes is then placed on the base: the base text is cut at every position where any
version starts or stops changing it, and each piece (a :class:`Passage`) records what every
version has there (a :class:`Reading`: the same words, other words, nothing, or the words moved
elsewhere). Text a version adds between two base words is a passage of no width at that base
position. So "how many versions changed this base word" (a heat map) and "what does each
version have here" are lookups (:meth:`NWay.passage_at`, :meth:`NWay.heat`), never a second
walk over the changes.

Versions are numbered from 1 (the base is witness 0), as in :mod:`variorum.present`, and each
reading names the change of its version's pairwise comparison (``comparisons[version - 1]``)
that produced it, so a view can open that pair at that change.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from variorum.core.changes import Change, ChangeKind, Comparison, EqualRun
from variorum.core.diff import compare_texts
from variorum.core.options import CompareOptions


class ReadingKind(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    """Other words in place of the base's (a replacement, or an insertion at this point)."""
    DELETED = "deleted"
    MOVED = "moved"
    """The base's words are in the version, somewhere else."""


@dataclass(frozen=True)
class Reading:
    """What one version has at one base passage; ``start``/``end`` are offsets into that
    version's text (for DELETED, the place the words would have been). A passage lying inside
    a longer change of this version reads that whole change (its ``change`` says which)."""

    version: int
    kind: ReadingKind
    start: int
    end: int
    text: str
    change: int | None = None
    """Index into ``comparisons[version - 1].changes``; None for SAME."""


@dataclass(frozen=True)
class Passage:
    """A stretch of the base (``start == end`` for text versions add at that point)."""

    start: int
    end: int
    readings: tuple[Reading, ...]
    """One per version, in version order."""

    @property
    def changed(self) -> int:
        """How many versions differ from the base here."""
        return sum(r.kind is not ReadingKind.SAME for r in self.readings)

    @property
    def is_insertion(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True)
class NWay:
    base_text: str
    texts: tuple[str, ...]
    """The versions' texts, version k at ``texts[k - 1]``."""
    comparisons: tuple[Comparison, ...]
    passages: tuple[Passage, ...]
    """In base order; an insertion comes before the passage that starts where it is."""

    @property
    def versions(self) -> int:
        return len(self.texts)

    def passage_at(self, base_pos: int) -> Passage | None:
        """The passage of the base covering this position (not an insertion)."""
        starts = [p.start for p in self.passages]
        i = bisect.bisect_right(starts, base_pos) - 1
        while i >= 0:
            p = self.passages[i]
            if p.start <= base_pos < p.end:
                return p
            if p.end <= base_pos:
                return None
            i -= 1
        return None

    def insertions_at(self, base_pos: int) -> list[Passage]:
        return [p for p in self.passages if p.is_insertion and p.start == base_pos]

    def heat(self) -> list[tuple[int, int, int]]:
        """(start, end, versions that changed it) over the whole base text, in order; an
        insertion counts on the base word before it (or after it, at the very start), so a
        heat map shows where versions added text too."""
        spans = [(p.start, p.end, p.changed) for p in self.passages if not p.is_insertion]
        starts = [s for s, _, _ in spans]
        counts = [c for _, _, c in spans]
        for p in self.passages:
            if p.is_insertion and spans:
                i = max(0, bisect.bisect_left(starts, p.start) - 1)
                counts[i] = max(counts[i], p.changed)
        return [(s, e, counts[i]) for i, (s, e, _) in enumerate(spans)]


def compare_many(
    base: str,
    versions: Sequence[str],
    options: CompareOptions | None = None,
    *,
    cancel: Callable[[], bool] | None = None,
    comparisons: Sequence[Comparison] | None = None,
) -> NWay:
    """Compare every version with the base (or take the pairwise ``comparisons`` already
    made, base first in each) and lay the results on the base."""
    if comparisons is None:
        comparisons = [compare_texts(base, text, options, cancel=cancel) for text in versions]
    cuts = {0, len(base)}
    inserts: set[int] = set()
    for comparison in comparisons:
        for change in comparison.changes:
            cuts.update((change.a_start, change.a_end))
            if change.a_start == change.a_end:
                inserts.add(change.a_start)
    bounds = sorted(cuts)
    pieces = [(s, e) for s, e in itertools.pairwise(bounds) if s < e]
    per_version = [
        _Version(k + 1, base, text, comparison)
        for k, (text, comparison) in enumerate(zip(versions, comparisons, strict=True))
    ]
    passages: list[Passage] = []
    starts_of = sorted(inserts)
    j = 0
    for start, end in pieces or [(0, 0)]:
        while j < len(starts_of) and starts_of[j] <= start:
            at = starts_of[j]
            passages.append(Passage(at, at, tuple(v.inserted(at) for v in per_version)))
            j += 1
        if start < end:
            passages.append(Passage(start, end, tuple(v.reading(start, end) for v in per_version)))
    for at in starts_of[j:]:
        passages.append(Passage(at, at, tuple(v.inserted(at) for v in per_version)))
    return NWay(base, tuple(versions), tuple(comparisons), tuple(passages))


class _Version:
    """One version's changes and equal runs, indexed by base position."""

    def __init__(self, number: int, base: str, text: str, comparison: Comparison) -> None:
        self.number = number
        self.text = text
        self.base = base
        self.spans = sorted(
            (c.a_start, c.a_end, n) for n, c in enumerate(comparison.changes) if c.a_end > c.a_start
        )
        self.span_starts = [s for s, _, _ in self.spans]
        self.changes = comparison.changes
        self.inserts: dict[int, list[int]] = {}
        for n, c in enumerate(comparison.changes):
            if c.a_start == c.a_end and c.kind is not ChangeKind.MOVE:
                self.inserts.setdefault(c.a_start, []).append(n)
        self.equal = sorted(comparison.equal_runs, key=lambda r: r.a_start)
        self.equal_starts = [r.a_start for r in self.equal]

    def _change_covering(self, start: int, end: int) -> int | None:
        """The change whose base range holds this piece (pieces never straddle a change's
        edge: the base is cut at every one)."""
        i = bisect.bisect_right(self.span_starts, start) - 1
        for s, e, n in self.spans[max(0, i - 1) : i + 1][::-1]:
            if s <= start and end <= e:
                return n
        return None

    def reading(self, start: int, end: int) -> Reading:
        n = self._change_covering(start, end)
        if n is None:
            b0, b1 = self._map_span(start, end)
            return Reading(self.number, ReadingKind.SAME, b0, b1, self.text[b0:b1])
        change = self.changes[n]
        if change.kind is ChangeKind.MOVE:
            kind = ReadingKind.MOVED
        elif change.b_start == change.b_end:
            kind = ReadingKind.DELETED
        else:
            kind = ReadingKind.CHANGED
        return Reading(self.number, kind, change.b_start, change.b_end, _b_text(change), n)

    def inserted(self, at: int) -> Reading:
        found = self.inserts.get(at)
        if not found:
            i = bisect.bisect_right(self.span_starts, at) - 1
            if i >= 0 and self.spans[i][0] < at < self.spans[i][1]:
                return self.reading(at, at)  # the point lies inside this version's own change
            b = self._map(at)
            return Reading(self.number, ReadingKind.SAME, b, b, "")
        first, last = self.changes[found[0]], self.changes[found[-1]]
        text = " ".join(_b_text(self.changes[n]) for n in found)
        return Reading(self.number, ReadingKind.CHANGED, first.b_start, last.b_end, text, found[0])

    def _map_span(self, start: int, end: int) -> tuple[int, int]:
        """An unchanged stretch of the base in the version's text: from where the first equal
        run it overlaps starts to where the last one ends (the spacing around it may differ)."""
        i = bisect.bisect_right(self.equal_starts, start) - 1
        if i < 0 or self.equal[i].a_end <= start:
            i += 1
        first = last = None
        while i < len(self.equal) and self.equal[i].a_start < end:
            run = self.equal[i]
            if first is None:
                first = self._map(max(start, run.a_start))
            last = self._map(min(end, run.a_end))
            i += 1
        if first is None or last is None:
            b = self._map(start)
            return b, b
        return first, max(first, last)

    def _map(self, base_pos: int) -> int:
        """A base position inside (or next to) an equal run, in the version's text."""
        i = bisect.bisect_right(self.equal_starts, base_pos) - 1
        if i < 0:
            return 0 if not self.equal else self.equal[0].b_start
        run: EqualRun = self.equal[i]
        if base_pos >= run.a_end:
            return run.b_end
        a_len, b_len = run.a_end - run.a_start, run.b_end - run.b_start
        offset = base_pos - run.a_start
        if a_len != b_len and a_len:
            offset = round(offset * b_len / a_len)  # spacing folded inside the run
        return min(run.b_start + offset, run.b_end)


def _b_text(change: Change) -> str:
    return change.b_text
