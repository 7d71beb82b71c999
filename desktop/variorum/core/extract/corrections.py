"""Analyst corrections to an extraction: rename, merge, "not a person/organization", and a
quote given to another speaker.

A correction says what the analyst decided about the article, not about a row of a cached
result: it names speakers and entities by name and quotes by their offsets in the article
text. So the same corrections apply again when the extraction is recomputed (a new model, new
rules); one whose name or quote is no longer found does nothing. :func:`apply_corrections`
applies them in the order they were made, each a pure step from one :class:`Extraction` to
the next, before anything is shown, compared (quote drift) or reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from variorum.core.extract.data import ORG, PERSON, Entity, Extraction, Mention, Quote, Speaker

UNATTRIBUTED = "Unattributed"
"""Where the quotes of a speaker marked "not a person/organization" go, until the analyst
gives them to someone: dropping them would hide them from the one who could reassign them."""
UNATTRIBUTED_LABEL = "UNRESOLVED"

KIND_WORDS = {PERSON: "a person", ORG: "an organization"}


@dataclass(frozen=True)
class Rename:
    """``name`` is called ``to`` (as a speaker and as a person or organization). When ``to``
    is already in a list, the two become one there (what a merge does)."""

    name: str
    to: str

    def describe(self) -> str:
        return f"Rename “{self.name}” to “{self.to}”"


@dataclass(frozen=True)
class Merge:
    """``name`` and ``into`` are the same; ``into`` is kept as the name."""

    name: str
    into: str

    def describe(self) -> str:
        return f"Merge “{self.name}” into “{self.into}”"


@dataclass(frozen=True)
class NotEntity:
    """``name`` is not a ``label`` (PERSON or ORG): it leaves that list, and as a speaker of
    that kind its quotes become :data:`UNATTRIBUTED`."""

    name: str
    label: str

    def describe(self) -> str:
        return f"Mark “{self.name}” as not {KIND_WORDS.get(self.label, 'a name')}"


@dataclass(frozen=True)
class Reassign:
    """The quote at ``start``-``end`` of the article text is ``to``'s."""

    start: int
    end: int
    to: str
    text: str = ""
    """The quote as it read when corrected: for the undo label, and a check the offsets
    still point at it."""

    def describe(self) -> str:
        words = " ".join(self.text.split())
        short = words if len(words) <= 40 else words[:39] + "…"
        return f"Give “{short}” to {self.to}"


Correction = Rename | Merge | NotEntity | Reassign

_KINDS: dict[str, type[Rename] | type[Merge] | type[NotEntity] | type[Reassign]] = {
    "rename": Rename,
    "merge": Merge,
    "not_entity": NotEntity,
    "reassign": Reassign,
}


def correction_to_json(correction: Correction) -> str:
    kind = next(k for k, cls in _KINDS.items() if isinstance(correction, cls))
    data: dict[str, Any] = {"kind": kind, **correction.__dict__}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def correction_from_json(payload: str) -> Correction | None:
    """The correction, or None for one this version does not know (written by a newer
    Variorum) or cannot read: it is skipped, never a failure."""
    try:
        data = json.loads(payload)
        cls = _KINDS[data.pop("kind")]
        if cls is Reassign:
            return Reassign(
                int(data["start"]), int(data["end"]), str(data["to"]), str(data.get("text", ""))
            )
        if cls is NotEntity:
            return NotEntity(str(data["name"]), str(data["label"]))
        if cls is Merge:
            return Merge(str(data["name"]), str(data["into"]))
        return Rename(str(data["name"]), str(data["to"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


# -- applying ---------------------------------------------------------------------------------


def apply_corrections(extraction: Extraction, corrections: Iterable[Correction]) -> Extraction:
    """``extraction`` as the analyst corrected it: each correction in order."""
    for correction in corrections:
        if isinstance(correction, Rename):
            extraction = _rename(extraction, correction.name, correction.to)
        elif isinstance(correction, Merge):
            extraction = _rename(extraction, correction.name, correction.into)
        elif isinstance(correction, NotEntity):
            extraction = _not_entity(extraction, correction.name, correction.label)
        else:
            extraction = _reassign(extraction, correction)
    return extraction


def normalise_name(name: str) -> str:
    """The extraction's own name key (case, a leading "the", possessives, spacing), imported
    when first used: the sidebar imports this module at start-up, the name rules are not
    needed before a correction is applied."""
    from variorum.core.extract.entities import normalise_name as key

    return key(name)


def _same(a: str, b: str) -> bool:
    return normalise_name(a) == normalise_name(b)


def _aliases(names: Iterable[str], keep: str) -> tuple[str, ...]:
    """Other names, without the kept one and without repeats that differ only in case."""
    out: dict[str, str] = {}
    for name in names:
        key = normalise_name(name)
        if key and key != normalise_name(keep):
            out.setdefault(key, name)
    return tuple(sorted(out.values()))


def _entity_order(e: Entity) -> tuple[int, int]:
    """The extraction's own order: most mentioned first, then first mentioned."""
    return (-len(e.mentions), e.mentions[0].start if e.mentions else 0)


def _speaker_order(s: Speaker) -> int:
    return s.quotes[0].start if s.quotes else 0


def _merge_mentions(*groups: tuple[Mention, ...]) -> tuple[Mention, ...]:
    seen: dict[tuple[int, int], Mention] = {}
    for group in groups:
        for m in group:
            seen.setdefault((m.start, m.end), m)
    return tuple(sorted(seen.values(), key=lambda m: (m.start, m.end)))


def _rename_entities(entities: tuple[Entity, ...], old: str, new: str) -> tuple[Entity, ...]:
    moving = [e for e in entities if _same(e.name, old)]
    if not moving:
        return entities
    target = next((e for e in entities if _same(e.name, new) and e not in moving), None)
    involved = [*moving, *([target] if target else [])]
    rest = [e for e in entities if e not in involved]
    new = target.name if target is not None else new  # merged: the kept one's own spelling
    merged = Entity(
        new,
        (target or moving[0]).label,
        _aliases([n for e in involved for n in (e.name, *e.aliases)], new),
        _merge_mentions(*(e.mentions for e in involved)),
    )
    return tuple(sorted((*rest, merged), key=_entity_order))


def _rename_speakers(speakers: tuple[Speaker, ...], old: str, new: str) -> tuple[Speaker, ...]:
    moving = [s for s in speakers if _same(s.name, old)]
    if not moving:
        return speakers
    target = next((s for s in speakers if _same(s.name, new) and s not in moving), None)
    involved = [*moving, *([target] if target else [])]
    rest = [s for s in speakers if s not in involved]
    new = target.name if target is not None else new
    quotes = sorted(
        (replace(q, speaker=new) for s in involved for q in s.quotes), key=lambda q: q.start
    )
    merged = Speaker(
        new,
        (target or moving[0]).label,
        _aliases([n for s in involved for n in (s.name, *s.aliases)], new),
        tuple(quotes),
    )
    return tuple(sorted((*rest, merged), key=_speaker_order))


def _rename(x: Extraction, old: str, new: str) -> Extraction:
    new = " ".join(new.split())
    if not new or not old:
        return x
    return replace(
        x,
        speakers=_rename_speakers(x.speakers, old, new),
        organizations=_rename_entities(x.organizations, old, new),
        people=_rename_entities(x.people, old, new),
    )


def _not_entity(x: Extraction, name: str, label: str) -> Extraction:
    people = tuple(e for e in x.people if not (label == PERSON and _same(e.name, name)))
    orgs = tuple(e for e in x.organizations if not (label == ORG and _same(e.name, name)))
    dropped = [s for s in x.speakers if _same(s.name, name) and s.label == label]
    if not dropped:
        return replace(x, people=people, organizations=orgs)
    kept = [s for s in x.speakers if s not in dropped]
    orphans = [q for s in dropped for q in s.quotes]
    speakers = _add_quotes(kept, orphans, UNATTRIBUTED, UNATTRIBUTED_LABEL, mention=True)
    return replace(x, speakers=speakers, people=people, organizations=orgs)


def _add_quotes(
    speakers: list[Speaker], quotes: list[Quote], name: str, label: str, *, mention: bool
) -> tuple[Speaker, ...]:
    """``speakers`` with ``quotes`` given to ``name`` (an existing speaker or a new one of
    ``label``). ``mention``: keep the words that attributed each quote (they still say who
    the article says spoke); otherwise the analyst's choice has no mention in the text."""
    given = [replace(q, speaker=name, mention=q.mention if mention else None) for q in quotes]
    target = next((s for s in speakers if _same(s.name, name)), None)
    if target is None:
        new = Speaker(name, label, (), tuple(sorted(given, key=lambda q: q.start)))
        return tuple(sorted((*speakers, new), key=_speaker_order))
    merged = replace(
        target,
        quotes=tuple(
            sorted(
                (*target.quotes, *(replace(q, speaker=target.name) for q in given)),
                key=lambda q: q.start,
            )
        ),
    )
    return tuple(sorted((merged if s is target else s for s in speakers), key=_speaker_order))


def _reassign(x: Extraction, r: Reassign) -> Extraction:
    """The quote overlapping ``r``'s offsets the most (rules that changed may have moved its
    ends a little) moves to ``r.to``; none overlapping: nothing changes."""
    best: tuple[int, Speaker, Quote] | None = None
    for s in x.speakers:
        for q in s.quotes:
            overlap = min(q.end, r.end) - max(q.start, r.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, s, q)
    to = " ".join(r.to.split())
    if best is None or not to:
        return x
    _, owner, quote = best
    if _same(owner.name, to):
        return x
    rest: list[Speaker] = []
    for s in x.speakers:
        if s is owner:
            left = tuple(q for q in s.quotes if q is not quote)
            if left:
                rest.append(replace(s, quotes=left))
        else:
            rest.append(s)
    known = next((e for e in (*x.people, *x.organizations) if _same(e.name, to)), None)
    label = known.label if known is not None else PERSON
    name = known.name if known is not None else to
    return replace(x, speakers=_add_quotes(rest, [quote], name, label, mention=False))
