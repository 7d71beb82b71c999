"""What extraction produces: plain, immutable data with a JSON form.

The JSON form exists so a result can be cached per article in the library and printed by
``variorum extract --json``; :func:`Extraction.from_json` must read back exactly what
:func:`Extraction.to_json` wrote, so the cache never changes what the user sees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

FORMAT_VERSION = 1
"""The layout of :meth:`Extraction.to_dict`; bump only when that layout changes. Whether a
cached result is still what the rules would find is decided elsewhere: the cache key holds a
hash of the extraction code and its data (see :mod:`.cache`)."""

PERSON = "PERSON"
ORG = "ORG"
DESCRIPTION = "DESCRIPTION"
"""A speaker the article only describes ("the team", "a joint statement", "officials")."""
UNRESOLVED = "UNRESOLVED"
"""A speaker named only by a pronoun whose antecedent could not be told ("he (unresolved)")."""


@dataclass(frozen=True)
class Mention:
    """A stretch of the article text (offsets into ``Article.text``) naming something."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(str(data["text"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Quote:
    """A direct quote. ``text`` is what stands between the quote marks (trailing comma
    dropped); ``speaker`` is the canonical name; ``mention`` is the words that attribute it
    ("he", "Altman"), which may lie before or after the quote."""

    text: str
    start: int
    end: int
    speaker: str
    verb: str
    mention: Mention | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "verb": self.verb,
            "mention": self.mention.to_dict() if self.mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], speaker: str) -> Quote:
        mention = data.get("mention")
        return cls(
            str(data["text"]),
            int(data["start"]),
            int(data["end"]),
            speaker,
            str(data.get("verb", "")),
            Mention.from_dict(mention) if mention else None,
        )


@dataclass(frozen=True)
class Entity:
    """A person or organization named in one article, its aliases merged."""

    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            str(data["name"]),
            str(data.get("label", "")),
            tuple(str(a) for a in data.get("aliases", ())),
            tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True)
class Speaker:
    """Someone (a person or an organization) quoted directly in the article."""

    name: str
    label: str
    aliases: tuple[str, ...]
    quotes: tuple[Quote, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "quotes": [q.to_dict() for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        name = str(data["name"])
        return cls(
            name,
            str(data.get("label", "")),
            tuple(str(a) for a in data.get("aliases", ())),
            tuple(Quote.from_dict(q, name) for q in data.get("quotes", ())),
        )


@dataclass(frozen=True)
class Extraction:
    """Everything the sidebar shows for one article."""

    speakers: tuple[Speaker, ...] = ()
    organizations: tuple[Entity, ...] = ()
    people: tuple[Entity, ...] = ()
    model: str = ""
    """Name and version of the spaCy pipeline that produced it (results differ by model)."""

    def quotes(self) -> list[Quote]:
        """All quotes in text order."""
        return sorted((q for s in self.speakers for q in s.quotes), key=lambda q: q.start)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": FORMAT_VERSION,
            "model": self.model,
            "speakers": [s.to_dict() for s in self.speakers],
            "organizations": [e.to_dict() for e in self.organizations],
            "people": [e.to_dict() for e in self.people],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        if data.get("schema") != FORMAT_VERSION:
            raise ValueError(f"unsupported extraction schema {data.get('schema')!r}")
        return cls(
            tuple(Speaker.from_dict(s) for s in data.get("speakers", ())),
            tuple(Entity.from_dict(e) for e in data.get("organizations", ())),
            tuple(Entity.from_dict(e) for e in data.get("people", ())),
            str(data.get("model", "")),
        )

    @classmethod
    def from_json(cls, payload: str) -> Extraction:
        data = json.loads(payload)
        if not isinstance(data, dict):
            raise ValueError("extraction JSON must be an object")
        return cls.from_dict(data)
