"""One person's (or organization's) names across the versions of a story.

Within one article the extraction merges "Sam Altman" and "Altman". Across articles a bare
surname can mean someone else, so it is merged only when the story leaves no doubt: when, over
all the versions considered, exactly one longer name could be meant. A short re-post that
calls the speaker "Altman" then speaks for the "Sam Altman" of the original, and a quote he
reworded there is quote drift, not two different people.

The short form must be the longer name's last word or first word for a person ("Altman",
"Sam") and its first words for an organization ("Huawei" for "Huawei Technologies"); the
aliases the extraction found inside each article count as forms of their name too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from variorum.core.extract.data import ORG, PERSON, Entity, Extraction, Speaker
from variorum.core.extract.entities import normalise_name


@dataclass(frozen=True)
class StoryNames:
    """Canonical names: ``key`` for matching, ``display`` for showing."""

    canonical: dict[str, str] = field(default_factory=dict)
    """Normalised short form -> the longer name it stands for (as first written)."""

    def display(self, name: str) -> str:
        return self.canonical.get(normalise_name(name), name)

    def key(self, name: str) -> str:
        return normalise_name(self.display(name))


def _forms(extraction: Extraction) -> Iterable[tuple[str, str, tuple[str, ...]]]:
    """(name, label, aliases) of everyone named or quoted."""
    for speaker in extraction.speakers:
        yield speaker.name, speaker.label, speaker.aliases
    for entity in (*extraction.people, *extraction.organizations):
        yield entity.name, entity.label, entity.aliases


def _could_mean(short: list[str], full: list[str], label: str) -> bool:
    if len(short) >= len(full):
        return False
    if label == ORG:
        return full[: len(short)] == short
    return len(short) == 1 and short[0] in (full[0], full[-1])


def story_names(extractions: Sequence[Extraction]) -> StoryNames:
    """The canonical name of every short form that can mean one longer name only, over
    these versions of one story."""
    longer: dict[str, tuple[str, str]] = {}  # normalised full name -> (as written, label)
    aliases: dict[str, str] = {}  # normalised alias -> normalised full name it belongs to
    short: dict[str, str] = {}  # normalised short name -> label
    for extraction in extractions:
        for name, label, names_also in _forms(extraction):
            key = normalise_name(name)
            if not key:
                continue
            label = label if label in (PERSON, ORG) else PERSON
            if " " in key:
                longer.setdefault(key, (name, label))
                for alias in names_also:
                    aliases.setdefault(normalise_name(alias), key)
            else:
                short.setdefault(key, label)
    canonical: dict[str, str] = {}
    for key, label in short.items():
        words = key.split()
        meant = {full for full in longer if _could_mean(words, full.split(), label)}
        if key in aliases:
            meant.add(aliases[key])
        if len(meant) == 1:
            canonical[key] = longer[meant.pop()][0]
    return StoryNames(canonical)


def merge_named(
    items: tuple[Speaker, ...] | tuple[Entity, ...], names: StoryNames
) -> list[Speaker | Entity]:
    """One item per canonical name: a version that quotes "Altman" and "Sam Altman" as two
    speakers gets one speaker, named in full, with both sets of quotes (or mentions)."""
    merged: dict[str, Speaker | Entity] = {}
    for item in items:
        key = names.key(item.name)
        full = names.display(item.name)
        earlier = merged.get(key)
        if earlier is None:
            if full == item.name:
                merged[key] = item
                continue
            aliases = tuple(dict.fromkeys((*item.aliases, item.name)))
            if isinstance(item, Speaker):
                quotes = tuple(replace(q, speaker=full) for q in item.quotes)
                merged[key] = replace(item, name=full, aliases=aliases, quotes=quotes)
            else:
                merged[key] = replace(item, name=full, aliases=aliases)
        elif isinstance(earlier, Speaker) and isinstance(item, Speaker):
            quotes = tuple(
                sorted(
                    (*earlier.quotes, *(replace(q, speaker=earlier.name) for q in item.quotes)),
                    key=lambda q: q.start,
                )
            )
            aliases = tuple(dict.fromkeys((*earlier.aliases, item.name, *item.aliases)))
            merged[key] = replace(earlier, quotes=quotes, aliases=aliases)
        elif isinstance(earlier, Entity) and isinstance(item, Entity):
            mentions = tuple(sorted((*earlier.mentions, *item.mentions), key=lambda m: m.start))
            aliases = tuple(dict.fromkeys((*earlier.aliases, item.name, *item.aliases)))
            merged[key] = replace(earlier, mentions=mentions, aliases=aliases)
    return list(merged.values())
