"""An index of the entity mentions of one article, by position.

Attribution asks "which entity is at this token?", "who is the last person named before this
point?" and "which entity is named inside this phrase?"; a sorted list answers all three.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    group: int
    label: str


class MentionIndex:
    def __init__(self, mentions: list[MentionRef], excluded: list[tuple[int, int]]) -> None:
        self._mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        self._excluded = excluded
        """Spans (quoted passages) whose mentions never stand for a speaker."""

    def _usable(self, m: MentionRef) -> bool:
        return not any(s <= m.start < e for s, e in self._excluded)

    def at(self, start: int, end: int) -> MentionRef | None:
        """The mention overlapping [start, end), if any."""
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0:
            m = self._mentions[i]
            if m.end > start and m.start < end:
                return m
            if m.end <= start and m.start < start - 200:
                break
            i -= 1
        return None

    def within(self, start: int, end: int) -> MentionRef | None:
        """The first usable mention inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end and self._usable(m):
                return m
            i += 1
        return None

    def mentions_within(self, start: int, end: int) -> list[MentionRef]:
        """Every usable mention inside [start, end), in text order."""
        i = bisect.bisect_left(self._starts, start)
        found = []
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end and self._usable(m):
                found.append(m)
            i += 1
        return found

    def within_label(self, start: int, end: int, label: str) -> MentionRef | None:
        """The first usable mention with ``label`` inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end and m.label == label and self._usable(m):
                return m
            i += 1
        return None

    def all_before(self, pos: int, label: str) -> Iterator[MentionRef]:
        """Usable mentions with ``label`` ending before ``pos``, the most recent first."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self._mentions[i]
            if m.label == label and m.end <= pos and self._usable(m):
                yield m
            i -= 1

    def all_after(self, pos: int, label: str) -> Iterator[MentionRef]:
        """Usable mentions with ``label`` starting at or after ``pos``, the nearest first."""
        i = bisect.bisect_left(self._starts, pos)
        while i < len(self._mentions):
            m = self._mentions[i]
            if m.label == label and self._usable(m):
                yield m
            i += 1

    def of_group(self, group: int) -> list[MentionRef]:
        """Every mention of one entity group, in text order."""
        return [m for m in self._mentions if m.group == group]

    def nearest(self, start: int, end: int, pos: int) -> MentionRef | None:
        """The usable mention inside [start, end) closest to ``pos``: in "X chairman Y
        said", the name next to the verb is its subject, not the first name of the window."""
        i = bisect.bisect_left(self._starts, start)
        best: MentionRef | None = None
        best_distance = 0
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end and self._usable(m):
                distance = pos - m.end if m.end <= pos else max(0, m.start - pos)
                if best is None or distance < best_distance:
                    best, best_distance = m, distance
            i += 1
        return best

    def before(
        self, pos: int, label: str, reject: Callable[[int], bool] | None = None
    ) -> MentionRef | None:
        """The last usable mention with ``label`` that ends before ``pos`` and whose group
        ``reject`` does not turn down (e.g. a man for "she")."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self._mentions[i]
            fits = m.label == label and m.end <= pos and self._usable(m)
            if fits and (reject is None or not reject(m.group)):
                return m
            i -= 1
        return None
