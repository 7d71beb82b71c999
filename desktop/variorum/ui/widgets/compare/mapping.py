"""Map positions between the two texts of a Comparison through their unchanged text.

When the engine lists its equal runs (``Comparison.equal_runs``: pairs of corresponding
stretches), a position maps through the run that holds it, or the end of the run before it.
Otherwise the text outside every change is taken as the equal text of each side: it is the same
once normalised and in the same order, so walking the same distance into A's equal text and
into B's lands on corresponding text. The views need this to place a moved passage's origin
marker in B's text, to show A-side highlights in the one-column view, and to cut A into rows
when the engine gives no aligned units.
"""

from __future__ import annotations

import bisect

from variorum.core.changes import Comparison, EqualRun


def _runs(covered: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Complement of the (possibly overlapping) covered ranges within [0, length)."""
    runs: list[tuple[int, int]] = []
    pos = 0
    for start, end in sorted(covered):
        if start > pos:
            runs.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        runs.append((pos, length))
    return runs


class _Side:
    def __init__(self, runs: list[tuple[int, int]]) -> None:
        self.runs = runs
        self.starts = [s for s, _ in runs]
        self.cum: list[int] = []
        self.cum_ends: list[int] = []
        total = 0
        for s, e in runs:
            self.cum.append(total)
            total += e - s
            self.cum_ends.append(total)
        self.total = total

    def to_cum(self, pos: int) -> tuple[int, bool]:
        """Distance into the equal text; True when ``pos`` is at or past the end of its run."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return 0, False
        s, e = self.runs[k]
        if pos >= e:
            return self.cum_ends[k], True
        return self.cum[k] + pos - s, False

    def from_cum(self, cum: int, prefer_end: bool) -> int:
        if not self.runs:
            return 0
        cum = min(cum, self.total)
        if prefer_end:
            j = min(bisect.bisect_left(self.cum_ends, cum), len(self.runs) - 1)
        else:
            j = max(bisect.bisect_right(self.cum, cum) - 1, 0)
        s, e = self.runs[j]
        return min(s + cum - self.cum[j], e)


class _Pairs:
    """Explicit equal runs, looked up from one side."""

    def __init__(self, runs: tuple[EqualRun, ...], from_a: bool) -> None:
        pairs = [
            ((r.a_start, r.a_end), (r.b_start, r.b_end))
            if from_a
            else ((r.b_start, r.b_end), (r.a_start, r.a_end))
            for r in runs
        ]
        pairs.sort()
        self.pairs = pairs
        self.starts = [src[0] for src, _ in pairs]

    def map(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return None
        (s, e), (ds, de) = self.pairs[k]
        return min(ds + pos - s, de) if pos < e else de


class EqualRunMap:
    def __init__(self, comparison: Comparison) -> None:
        changes = comparison.changes
        self._explicit = bool(comparison.equal_runs)
        self._pa = _Pairs(comparison.equal_runs, True)
        self._pb = _Pairs(comparison.equal_runs, False)
        self._a = _Side(_runs([(c.a_start, c.a_end) for c in changes], len(comparison.a_text)))
        self._b = _Side(_runs([(c.b_start, c.b_end) for c in changes], len(comparison.b_text)))

    def a_to_b(self, pos: int) -> int:
        if self._explicit:
            mapped = self._pa.map(pos)
            return mapped if mapped is not None else 0
        cum, at_end = self._a.to_cum(pos)
        return self._b.from_cum(cum, at_end)

    def b_to_a(self, pos: int) -> int:
        if self._explicit:
            mapped = self._pb.map(pos)
            return mapped if mapped is not None else 0
        cum, at_end = self._b.to_cum(pos)
        return self._a.from_cum(cum, at_end)
