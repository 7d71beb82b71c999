"""What quote drift is made of: plain data the sidebar shows, apart from the code that finds
it (drift.py pulls in the diff engine and the name rules; the window needs only these types
at start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from variorum.core.changes import Change
from variorum.core.extract.data import Entity, Quote, Speaker


class Side(StrEnum):
    BOTH = "both"
    ONLY_A = "a"
    ONLY_B = "b"


@dataclass(frozen=True)
class Presence:
    """A speaker or entity and the version(s) naming it."""

    name: str
    label: str
    side: Side
    a: Entity | Speaker | None
    b: Entity | Speaker | None


@dataclass(frozen=True)
class Passage:
    """One or more consecutive quotes of a speaker, read as one statement."""

    quotes: tuple[Quote, ...]

    @property
    def text(self) -> str:
        """The quotes joined by " … ", which marks where the attribution was cut out."""
        return " … ".join(q.text for q in self.quotes)

    def spans(self) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.quotes]


@dataclass(frozen=True)
class QuoteDrift:
    """A statement of one speaker worded differently in the two versions."""

    speaker: str
    a: Passage
    b: Passage
    similarity: float
    """0..1 similarity of the normalised texts."""
    changes: tuple[Change, ...]
    """Word diff; offsets into ``a.text`` and ``b.text``."""


@dataclass(frozen=True)
class Drift:
    speakers: tuple[Presence, ...]
    organizations: tuple[Presence, ...]
    people: tuple[Presence, ...]
    quotes: tuple[QuoteDrift, ...]
    checked: int = 0
    """Statements of speakers quoted in both versions that were found in both and compared
    (the same words or reworded): what "quotes unchanged" is measured over."""

    def side_of(self, name: str) -> Side | None:
        for p in (*self.speakers, *self.organizations, *self.people):
            if p.name == name:
                return p.side
        return None
