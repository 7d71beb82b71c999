"""Quote drift: how speakers, entities and quotes differ between two versions of a story.

Names are matched across the two articles on their full normalised name, or on the one full
name a bare surname can stand for in the story's versions (:mod:`variorum.core.stories.names`:
"Altman" in a short re-post is the original's "Sam Altman" unless the story names another
Altman). For a speaker quoted in both versions, quotes that
are similar but not identical are paired and word-diffed: "China has some of the best AI
talent" becoming "China has the best AI talent" is what analysts look for.

A quote split by its attribution (``"...," Altman said. "..."``) is one statement; a rewrite
often joins the halves, so quotes of one speaker that follow each other in a paragraph are
compared as one passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from variorum.core.diff import compare_texts
from variorum.core.extract.data import Entity, Extraction, Quote, Speaker
from variorum.core.extract.drift_data import Drift, Passage, Presence, QuoteDrift, Side
from variorum.core.stories.names import StoryNames, merge_named, story_names

MIN_SIMILARITY = 55.0
"""rapidfuzz ratio (0-100) above which two quotes of one speaker are versions of each other."""
MAX_JOIN_GAP = 120
"""Quotes of one speaker closer than this (characters, same paragraph) form one passage."""
_FOLD = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛"})
_NON_WORD_RE = re.compile(r"[^\w\s']+")
_WORD_HYPHEN_RE = re.compile(r"(?<=\w)[-\u00ad\u2010\u2011](?=\w)")
"""A hyphen (or soft hyphen) between two letters: spelling, not wording. Re-posts add and drop
them, and copied text often loses them ("paradigm-shifting" arrives as "paradigmshifting")."""


def _fold(text: str) -> str:
    """The words of a quote, without typography: quote styles, punctuation, case, and hyphens
    inside words (two quotes that fold alike are the same words, never drift)."""
    unhyphenated = _WORD_HYPHEN_RE.sub("", text.translate(_FOLD))
    return " ".join(_NON_WORD_RE.sub(" ", unhyphenated.casefold()).split())


def _presence(
    a_items: tuple[Entity, ...] | tuple[Speaker, ...],
    b_items: tuple[Entity, ...] | tuple[Speaker, ...],
    names: StoryNames,
) -> tuple[Presence, ...]:
    """Items matched on their story-wide name (:mod:`variorum.core.stories.names`)."""
    a_merged, b_merged = merge_named(a_items, names), merge_named(b_items, names)
    b_by_key = {names.key(item.name): item for item in b_merged}
    out: list[Presence] = []
    seen: set[str] = set()
    for item in a_merged:
        key = names.key(item.name)
        other = b_by_key.get(key)
        side = Side.BOTH if other is not None else Side.ONLY_A
        out.append(Presence(item.name, item.label, side, item, other))
        seen.add(key)
    for item in b_merged:
        if names.key(item.name) not in seen:
            out.append(Presence(item.name, item.label, Side.ONLY_B, None, item))
    return tuple(out)


def passages(quotes: tuple[Quote, ...], text: str | None = None) -> list[Passage]:
    """Group a speaker's quotes into passages (see the module docstring). Without the article
    text, quotes are joined when their gap is short."""
    groups: list[list[Quote]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if groups:
            prev = groups[-1][-1]
            gap = q.start - prev.end
            between = text[prev.end : q.start] if text is not None else ""
            if 0 <= gap <= MAX_JOIN_GAP and "\n" not in between:
                groups[-1].append(q)
                continue
        groups.append([q])
    return [Passage(tuple(g)) for g in groups]


def _units(quotes: tuple[Quote, ...], text: str | None) -> list[Passage]:
    """Each quote alone, and each passage of several quotes as a whole."""
    units = [Passage((q,)) for q in quotes]
    units += [p for p in passages(quotes, text) if len(p.quotes) > 1]
    return units


def _pair_quotes(
    speaker: str, a: Speaker, b: Speaker, a_text: str | None, b_text: str | None
) -> tuple[list[QuoteDrift], int]:
    """Greedy pairing, most similar first, of single quotes and passages: a split quote in one
    version meets its joined form in the other, while quotes kept apart are diffed alone.
    Returns the reworded pairs and how many pairs were found in all."""
    a_units, b_units = _units(a.quotes, a_text), _units(b.quotes, b_text)
    scored: list[tuple[float, int, int]] = []
    for i, pa in enumerate(a_units):
        fa = _fold(pa.text)
        for j, pb in enumerate(b_units):
            score = fuzz.ratio(fa, _fold(pb.text))
            if score >= MIN_SIMILARITY:
                scored.append((score, i, j))
    used: set[tuple[str, int]] = set()
    drifts: list[QuoteDrift] = []
    paired = 0
    for score, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        pa, pb = a_units[i], b_units[j]
        keys = {("a", q.start) for q in pa.quotes} | {("b", q.start) for q in pb.quotes}
        if keys & used:
            continue
        used |= keys
        paired += 1
        if _fold(pa.text) == _fold(pb.text):
            continue  # the same words; typography is not drift
        comparison = compare_texts(pa.text, pb.text)
        drifts.append(QuoteDrift(speaker, pa, pb, score / 100.0, comparison.changes))
    return sorted(drifts, key=lambda d: d.a.quotes[0].start), paired


def compare_extractions(
    a: Extraction,
    b: Extraction,
    a_text: str | None = None,
    b_text: str | None = None,
    context: Sequence[Extraction] = (),
) -> Drift:
    """Presence of every speaker and entity in A and/or B, and the quote drift. Pass the two
    article texts so split quotes are grouped by paragraph, and the story's other versions
    (``context``) so a bare surname is matched to the one full name the story gives it."""
    names = story_names([a, b, *context])
    speakers = _presence(a.speakers, b.speakers, names)
    drifts: list[QuoteDrift] = []
    checked = 0
    for p in speakers:
        if p.side is Side.BOTH and isinstance(p.a, Speaker) and isinstance(p.b, Speaker):
            found, paired = _pair_quotes(p.name, p.a, p.b, a_text, b_text)
            drifts.extend(found)
            checked += paired
    return Drift(
        speakers,
        _presence(a.organizations, b.organizations, names),
        _presence(a.people, b.people, names),
        tuple(drifts),
        checked,
    )
