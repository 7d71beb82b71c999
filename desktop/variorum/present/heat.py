"""The heat map of a story: the base text shaded word by word by how many versions changed it
(as Juxta shows a collation), and what each version has at a passage the reader clicks.

Data comes from :class:`variorum.core.stories.nway.NWay`, where every version's changes are
already laid on the base's positions: a run of the heat map is a lookup of ``NWay.heat()``
and a click is ``NWay.passage_at``, never a second walk over the changes.

Colour is never the only cue. Each level has a background from a sequential palette that
stays ordered for red-green colour blindness and in greyscale (ColorBrewer YlOrBr, light and
dark variants), an underline whose style grows with the share of versions (dotted, dashed,
solid, and wavy where every version differs), and the exact count on hover and in the legend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from variorum.core.stories.nway import NWay, Passage, Reading, ReadingKind
from variorum.present.describe import snippet
from variorum.present.segments import ChangeRef

MAX_LEVELS = 6
"""Colour steps at most: beyond six, neighbouring shades are hard to tell apart."""

LIGHT_RAMP = ("#FFF3B0", "#FEE08B", "#FDC45C", "#F9A044", "#EE7A30", "#D95F1E")
"""YlOrBr-like, light to dark; black text stays readable on every step (contrast >= 4.5)."""
DARK_RAMP = ("#3B3212", "#54420F", "#6E4D0C", "#87520A", "#9A4F0A", "#AC480C")
"""The same order on a dark background; light text stays readable on every step."""


class Underline(StrEnum):
    """CSS ``text-decoration-style`` names; the Qt painter maps them to its own styles."""

    NONE = "none"
    DOTTED = "dotted"
    DASHED = "dashed"
    SOLID = "solid"
    WAVY = "wavy"


@dataclass(frozen=True)
class HeatRun:
    """A stretch of the base changed by ``count`` versions (0: by none)."""

    start: int
    end: int
    count: int


@dataclass(frozen=True)
class HeatLevel:
    level: int
    """0 for unchanged text, 1..levels otherwise."""
    low: int
    high: int
    """The counts of versions this level stands for (equal when one count per level)."""
    background: str
    underline: Underline

    def counts(self) -> str:
        """ "3" or "3–4"; "none" for unchanged text."""
        if self.level == 0:
            return "none"
        return f"{self.low}" if self.low == self.high else f"{self.low}–{self.high}"

    def label(self, versions: int) -> str:
        if self.level == 0:
            return "unchanged"
        return f"changed in {self.counts()} of {versions}"


@dataclass(frozen=True)
class HeatScale:
    """How counts of changing versions (0..versions) look."""

    versions: int
    levels: tuple[HeatLevel, ...]
    """Index 0 is unchanged text; then one per colour step, fewest versions first."""

    def level_of(self, count: int) -> HeatLevel:
        if count <= 0 or self.versions <= 0:
            return self.levels[0]
        steps = len(self.levels) - 1
        return self.levels[max(1, math.ceil(count * steps / self.versions))]

    def legend(self) -> list[tuple[HeatLevel, str]]:
        return [(level, level.label(self.versions)) for level in self.levels]


def _underline(high: int, versions: int) -> Underline:
    if high >= versions:
        return Underline.WAVY
    share = high / versions
    if share <= 0.25:
        return Underline.DOTTED
    if share <= 0.5:
        return Underline.DASHED
    return Underline.SOLID


def heat_scale(versions: int, dark: bool = False) -> HeatScale:
    """The levels for a story of ``versions`` compared versions (the base not counted)."""
    ramp = DARK_RAMP if dark else LIGHT_RAMP
    steps = max(1, min(versions, MAX_LEVELS))
    levels = [HeatLevel(0, 0, 0, "", Underline.NONE)]
    for step in range(1, steps + 1):
        low = math.floor((step - 1) * versions / steps) + 1
        high = math.floor(step * versions / steps)
        colour = ramp[round((step - 1) * (len(ramp) - 1) / max(1, steps - 1))]
        levels.append(HeatLevel(step, low, high, colour, _underline(high, max(versions, 1))))
    return HeatScale(versions, tuple(levels))


def heat_runs(nway: NWay) -> list[HeatRun]:
    """The whole base text as runs of equal count, in order (neighbouring pieces changed by
    the same number of versions are one run, so a painter sets one format per run)."""
    runs: list[HeatRun] = []
    pos = 0
    for start, end, count in nway.heat():
        if start > pos:  # not cut by any change: unchanged
            runs.append(HeatRun(pos, start, 0))
        if runs and runs[-1].count == count and runs[-1].end == start:
            runs[-1] = HeatRun(runs[-1].start, end, count)
        else:
            runs.append(HeatRun(start, end, count))
        pos = end
    if pos < len(nway.base_text):
        runs.append(HeatRun(pos, len(nway.base_text), 0))
    return runs


def changed_by(nway: NWay, start: int, end: int) -> list[int]:
    """The versions (numbers, 1..n) that change any part of the base between these offsets,
    text they add there included."""
    found: set[int] = set()
    for p in nway.passages:
        touches = (p.start < end and p.end > start) or (p.is_insertion and start <= p.start <= end)
        if touches:
            found.update(r.version for r in p.readings if r.kind is not ReadingKind.SAME)
    return sorted(found)


READING_TEXT = {
    ReadingKind.SAME: "same",
    ReadingKind.CHANGED: "other words",
    ReadingKind.DELETED: "left out",
    ReadingKind.MOVED: "moved elsewhere",
}


@dataclass(frozen=True)
class ReadingRow:
    """One line of the "what each version has here" list."""

    version: int
    label: str
    kind: str
    text: str
    change: ChangeRef | None
    """The version's change against the base that makes this reading (None: the same)."""


def _row(reading: Reading, labels: list[str], limit: int) -> ReadingRow:
    kind = READING_TEXT[reading.kind]
    text = snippet(reading.text, limit) if reading.kind is not ReadingKind.DELETED else ""
    change = ChangeRef(reading.version, reading.change) if reading.change is not None else None
    return ReadingRow(reading.version, labels[reading.version], kind, text, change)


@dataclass(frozen=True)
class PassageReadings:
    """What every version has at a place of the base: the passage itself and the text any
    version adds right before or after it."""

    start: int
    end: int
    base_text: str
    rows: tuple[ReadingRow, ...]
    added_before: tuple[ReadingRow, ...]
    added_after: tuple[ReadingRow, ...]

    @property
    def changed(self) -> int:
        return sum(1 for r in self.rows if r.change is not None)


def readings_at(
    nway: NWay, base_pos: int, labels: list[str], limit: int = 160
) -> PassageReadings | None:
    """The readings of the passage covering ``base_pos``; ``labels[k]`` names witness k (0 is
    the base). None past the end of the text."""
    passage: Passage | None = nway.passage_at(base_pos)
    if passage is None:
        return None

    def added(at: int) -> tuple[ReadingRow, ...]:
        rows: list[ReadingRow] = []
        for p in nway.insertions_at(at):
            rows += [
                _row(r, labels, limit)
                for r in p.readings
                if r.kind is not ReadingKind.SAME and r.text.strip()
            ]
        return tuple(rows)

    return PassageReadings(
        passage.start,
        passage.end,
        nway.base_text[passage.start : passage.end],
        tuple(_row(r, labels, limit) for r in passage.readings),
        added(passage.start),
        added(passage.end),
    )
