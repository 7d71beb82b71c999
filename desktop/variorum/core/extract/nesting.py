"""Speech verbs inside another speaker's report: "X told reporters the delegations had agreed
to "..."", "X said Y reassured them that "..."". The words reached the writer through the
outer speaker, so a vote from the inner verb loses ``NESTED_COST``, unless it names that same
speaker ("X said she told them "...""). Two kinds of clause are no part of a report although
the parse may hang them inside one: a clause set against another ("..., while Y said") and a
clause inside a prepositional phrase ("under what Y called "..."")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract.sources import Source
from variorum.core.extract.vocab import CONTRAST_MARKS
from variorum.core.extract.votes import Vote

if TYPE_CHECKING:
    from spacy.tokens import Token

NESTED_COST = 5.0
"""Taken from a cue inside another speech verb's report when its subject names nobody."""
PHRASE_DEPS = frozenset({"pcomp", "pobj", "prep"})
"""Links out of a prepositional phrase: a clause inside one is no part of a verb's report."""


def weigh_nested(votes: list[Vote]) -> list[Vote]:
    """The votes with the nesting cost taken from those inside another speaker's report."""
    named_cues = {v.cue.i: v.source for v in votes if v.source.named}
    return [
        v
        if _contrasted(v.cue)
        or not any(_other_reporter(v.source, named_cues.get(a.i)) for a in _reporters(v.cue))
        else Vote(v.score - NESTED_COST, v.distance, v.cue, v.source, v.rule)
        for v in votes
    ]


def _other_reporter(inner: Source, outer: Source | None) -> bool:
    if outer is None:
        return False
    if not inner.named:
        return True
    if inner.group is not None:
        return inner.group != outer.group
    return inner.name_span != outer.name_span


def _contrasted(cue: Token) -> bool:
    """ "X suggested ..., while Y said that "..."": a speech verb in a clause set against
    another is the writer's report of a second speaker, not words inside the first one's."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in cue.children)


def _reporters(cue: Token) -> list[Token]:
    """The words above the cue whose report may hold it ("X said Y told them"), up to the
    first prepositional phrase: "under what Y called "..."" is a circumstance of the main
    verb, not part of what its subject said."""
    found = []
    tok = cue
    while tok.dep_ not in PHRASE_DEPS and tok.head.i != tok.i:
        tok = tok.head
        found.append(tok)
    return found
