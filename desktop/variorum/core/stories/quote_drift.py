"""Quote drift across a whole story: each statement the base quotes, read in every version.

Pairwise drift (:func:`variorum.core.extract.drift.compare_extractions`) says how one
version rewords the base's quotes. Over a story the analyst asks more: for each statement,
what every version has (the same words, other words, or nothing), and which version changed
it first, reading the versions in time order. Every version is compared with the base by the
same pairwise function, with the whole story as name context, so a re-post that calls the
speaker by surname alone still speaks for the base's full name.

A base statement is a passage of :func:`~variorum.core.extract.drift.passages` (a quote split
by its attribution is one statement). A version has it *reworded* when pairwise drift pairs
one of its quotes with it, *the same* when one of the version's quotes by that speaker reads
the same once quote marks, case and punctuation are folded, and *absent* otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from variorum.core.extract.data import Extraction, Speaker
from variorum.core.extract.drift import compare_extractions, passages
from variorum.core.extract.drift_data import QuoteDrift
from variorum.core.stories.names import merge_named, story_names

SAME_RATIO = 95.0
"""rapidfuzz ratio (0-100) of the folded texts from which a version's quote is the base's
statement unchanged (pairwise drift pairs anything less alike as reworded)."""
_QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛"})
_NON_WORD_RE = re.compile(r"[^\w\s']+")


def _fold(text: str) -> str:
    """Quote marks, case, punctuation and spacing folded, as pairwise drift compares quotes."""
    return " ".join(_NON_WORD_RE.sub(" ", text.translate(_QUOTE_MARKS).casefold()).split())


class QuoteState(StrEnum):
    SAME = "same"
    REWORDED = "reworded"
    ABSENT = "absent"


@dataclass(frozen=True)
class QuoteReading:
    version: int
    """1..n, the version's place in the story after the base."""
    state: QuoteState
    text: str
    """The version's wording ("" when absent)."""
    drifts: tuple[QuoteDrift, ...] = ()
    """The pairwise drift(s) that reword this statement (base passage vs version)."""


@dataclass(frozen=True)
class StoryQuote:
    speaker: str
    text: str
    """The base's wording."""
    spans: tuple[tuple[int, int], ...]
    """Where its quotes are in the base text."""
    readings: tuple[QuoteReading, ...]
    """One per version, in version order."""
    first_changed: int | None
    """The earliest version (in time order) that rewords it; None if none does."""
    first_dropped: int | None
    """The earliest version that leaves it out; None if every version keeps it."""

    @property
    def reworded(self) -> int:
        return sum(r.state is QuoteState.REWORDED for r in self.readings)


@dataclass(frozen=True)
class StoryQuoteDrift:
    quotes: tuple[StoryQuote, ...]
    """Base statements in base text order."""
    order: tuple[int, ...]
    """The versions in the order "first" was read in (time order when known)."""

    def drifted(self) -> list[StoryQuote]:
        return [q for q in self.quotes if q.first_changed is not None]


def story_quote_drift(
    base: Extraction,
    base_text: str,
    versions: Sequence[tuple[Extraction, str]],
    order: Sequence[int] | None = None,
) -> StoryQuoteDrift:
    """``versions``: (extraction, text) of versions 1..n; ``order``: those numbers earliest
    first (default: as given)."""
    extractions = [base, *(e for e, _ in versions)]
    names = story_names(extractions)
    drifts: list[list[QuoteDrift]] = []
    for k, (extraction, text) in enumerate(versions):
        context = [e for j, e in enumerate(extractions[1:]) if j != k]
        pairwise = compare_extractions(base, extraction, base_text, text, context=context)
        drifts.append(list(pairwise.quotes))
    version_speakers = [
        {names.key(s.name): s for s in merge_named(e.speakers, names) if isinstance(s, Speaker)}
        for e, _ in versions
    ]
    sequence = tuple(order) if order is not None else tuple(range(1, len(versions) + 1))
    out: list[StoryQuote] = []
    for speaker in merge_named(base.speakers, names):
        if not isinstance(speaker, Speaker):
            continue
        key = names.key(speaker.name)
        for passage in passages(speaker.quotes, base_text):
            starts = {q.start for q in passage.quotes}
            readings = []
            for k in range(len(versions)):
                hits = [
                    d
                    for d in drifts[k]
                    if names.key(d.speaker) == key and starts & {q.start for q in d.a.quotes}
                ]
                if hits:
                    wording = " … ".join(d.b.text for d in hits)
                    readings.append(QuoteReading(k + 1, QuoteState.REWORDED, wording, tuple(hits)))
                    continue
                same = _same_in(passage.text, version_speakers[k].get(key), versions[k][1])
                state = QuoteState.SAME if same else QuoteState.ABSENT
                readings.append(QuoteReading(k + 1, state, same or ""))
            out.append(
                StoryQuote(
                    speaker.name,
                    passage.text,
                    tuple(passage.spans()),
                    tuple(readings),
                    _first(readings, sequence, QuoteState.REWORDED),
                    _first(readings, sequence, QuoteState.ABSENT),
                )
            )
    out.sort(key=lambda q: q.spans[0] if q.spans else (0, 0))
    return StoryQuoteDrift(tuple(out), sequence)


def _same_in(statement: str, speaker: Speaker | None, text: str) -> str | None:
    """The version's wording of the statement when it is the same words, else None."""
    if speaker is None:
        return None
    folded = _fold(statement)
    units = [p.text for p in passages(speaker.quotes, text)] + [q.text for q in speaker.quotes]
    for unit in units:
        if fuzz.ratio(folded, _fold(unit)) >= SAME_RATIO or folded in _fold(unit):
            return unit
    return None


def _first(readings: list[QuoteReading], order: Sequence[int], state: QuoteState) -> int | None:
    by_version = {r.version: r for r in readings}
    for version in order:
        reading = by_version.get(version)
        if reading is not None and reading.state is state:
            return version
    return None
