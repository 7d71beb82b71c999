"""Map positions between the two texts of a Comparison (the base, A, and a version, B) through
their unchanged text.

When the engine lists its equal runs (``Comparison.equal_runs``: pairs of corresponding
stretches), a position maps through the run that holds it, or to the end of the run before it.
Otherwise the text outside every change is taken as the equal text of each side: it is the same
once normalised and in the same order, so walking the same distance into A's equal text and
into B's lands on corresponding text. Distances count non-space characters only, because the
two sides may differ in spacing (a deleted word leaves two spaces around it; whitespace is
collapsed by default). The views need this to place a moved passage's origin marker in B's
text and to show A-side highlights in the one-column view. All lookups are bisections over
prefix counts.
"""

from __future__ import annotations

import bisect
import re

from variorum.core.changes import Comparison

_SPACE = re.compile(r"\s")


class _Text:
    """Counts of non-space characters in any slice, from the sorted positions of whitespace
    (found by one regex pass, so a megabyte costs milliseconds, not a Python loop per char)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.spaces = [m.start() for m in _SPACE.finditer(text)]

    def count(self, start: int, end: int) -> int:
        """Non-space characters in text[start:end]."""
        spaces = bisect.bisect_left(self.spaces, end) - bisect.bisect_left(self.spaces, start)
        return end - start - spaces

    def locate(self, start: int, end: int, k: int) -> int:
        """Position of the k-th (0-based) non-space character in [start, end), else ``end``."""
        lo, hi = start, end
        while lo < hi:
            mid = (lo + hi) // 2
            if self.count(start, mid + 1) >= k + 1:
                hi = mid
            else:
                lo = mid + 1
        return lo


def _complement(covered: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    pos = 0
    for start, end in sorted(covered):
        if start > pos:
            runs.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        runs.append((pos, length))
    return runs


class _Runs:
    """One side's equal runs in order, with cumulative non-space counts."""

    def __init__(self, text: _Text, runs: list[tuple[int, int]]) -> None:
        self.text = text
        self.runs = runs
        self.starts = [s for s, _ in runs]
        self.cum: list[int] = []
        self.cum_end: list[int] = []
        total = 0
        for s, e in runs:
            self.cum.append(total)
            total += text.count(s, e)
            self.cum_end.append(total)
        self.total = total

    def find(self, pos: int) -> int:
        """Index of the run holding ``pos`` or the last one before it (-1 if none)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def to_cum(self, pos: int) -> tuple[int, bool]:
        k = self.find(pos)
        if k < 0:
            return 0, False
        s, e = self.runs[k]
        if pos >= e:
            return self.cum_end[k], True
        return self.cum[k] + self.text.count(s, pos), False

    def from_cum(self, cum: int, prefer_end: bool) -> int:
        if not self.runs:
            return 0
        cum = min(cum, self.total)
        if prefer_end:
            j = min(bisect.bisect_left(self.cum_end, cum), len(self.runs) - 1)
            if cum >= self.cum_end[j]:
                return self.runs[j][1]
        else:
            j = max(bisect.bisect_right(self.cum, cum) - 1, 0)
        s, e = self.runs[j]
        return self.text.locate(s, e, cum - self.cum[j])


class EqualRunMap:
    def __init__(self, comparison: Comparison) -> None:
        a, b = _Text(comparison.a_text), _Text(comparison.b_text)
        runs = comparison.equal_runs
        self._explicit = bool(runs)
        if self._explicit:
            by_a = sorted(runs, key=lambda r: r.a_start)
            by_b = sorted(runs, key=lambda r: r.b_start)
            self._a = _Runs(a, [(r.a_start, r.a_end) for r in by_a])
            self._b = _Runs(b, [(r.b_start, r.b_end) for r in by_b])
            self._a_twin = [(r.b_start, r.b_end) for r in by_a]
            self._b_twin = [(r.a_start, r.a_end) for r in by_b]
        else:
            changes = comparison.changes
            self._a = _Runs(a, _complement([(c.a_start, c.a_end) for c in changes], a.length))
            self._b = _Runs(b, _complement([(c.b_start, c.b_end) for c in changes], b.length))
            self._a_twin = self._b_twin = []

    @staticmethod
    def _through(src: _Runs, dst_text: _Text, twins: list[tuple[int, int]], pos: int) -> int:
        k = src.find(pos)
        if k < 0:
            return 0
        s, e = src.runs[k]
        ds, de = twins[k]
        if pos >= e:
            return de
        return dst_text.locate(ds, de, src.text.count(s, pos))

    def a_to_b(self, pos: int) -> int:
        if self._explicit:
            return self._through(self._a, self._b.text, self._a_twin, pos)
        cum, at_end = self._a.to_cum(pos)
        return self._b.from_cum(cum, at_end)

    def b_to_a(self, pos: int) -> int:
        if self._explicit:
            return self._through(self._b, self._a.text, self._b_twin, pos)
        cum, at_end = self._b.to_cum(pos)
        return self._a.from_cum(cum, at_end)
