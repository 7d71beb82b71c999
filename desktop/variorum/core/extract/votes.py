"""What the attribution rules produce: a vote of a cue for a speaker, and the attribution of
a quote that won (kept apart from the rules in :mod:`attribution`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from variorum.core.extract.quotes import QuoteSpan
from variorum.core.extract.sources import Source

if TYPE_CHECKING:
    from spacy.tokens import Token

DISTANCE_COST = 0.01
"""Score lost per character between a cue and its quote (100 characters: one point)."""


def chars_between(q: QuoteSpan, tok: Token) -> int:
    """Characters between a token and the quote's marks (0 inside them)."""
    return q.outer_start - tok.idx if tok.idx < q.outer_start else max(0, tok.idx - q.outer_end)


@dataclass(frozen=True)
class Attribution:
    quote: QuoteSpan
    verb: str
    mention: tuple[int, int]
    """The attributing words ("Altman", "he", "the team")."""
    group: int | None
    """The speaker's entity group; None for a name only the parse found, a description or
    an unresolved pronoun."""
    name_span: tuple[int, int] | None = None
    """For a name only the parse found: the span of the new speaker's name."""
    description: str | None = None
    unresolved: str | None = None
    rules: tuple[str, ...] = ()
    """The cue rule and the source rule that decided it (for per-rule precision)."""

    @classmethod
    def of(cls, q: QuoteSpan, verb: str, source: Source, cue_rule: str) -> Attribution:
        """The attribution a cue rule makes through a resolved source, all of whose fields
        (group, name, description, unresolved word) it carries on."""
        return cls(
            q,
            verb,
            source.mention,
            source.group,
            source.name_span,
            source.description,
            source.unresolved,
            (cue_rule, source.rule),
        )


@dataclass(frozen=True)
class Vote:
    score: float
    distance: int
    cue: Token
    source: Source
    rule: str


def aside(text: str, pos: int) -> tuple[int, int] | None:
    """The brackets around a position in its paragraph, if any: an aside ("(think X and
    Y)") is a frame of its own, whose verbs speak for nothing outside it."""
    start = _bracket(text, pos - 1, -1, "(", ")")
    end = _bracket(text, pos, 1, ")", "(")
    return None if start is None or end is None else (start, end)


def _bracket(text: str, at: int, step: int, wanted: str, other: str) -> int | None:
    depth = 0
    while 0 <= at < len(text) and text[at] != "\n":
        if text[at] == other:
            depth += 1
        elif text[at] == wanted:
            if not depth:
                return at
            depth -= 1
        at += step
    return None
