"""Which clause a speech verb belongs to, read from the dependency parse.

The small model attaches a participle, a second reported clause or a coordinated verb in
ways that hide who speaks; these helpers climb the parse to the verb whose subject does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract.lemmas import lemma
from variorum.core.extract.vocab import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from variorum.core.extract.quotes import QuoteSpan


def is_speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and lemma(tok).lower() in SPEECH_VERBS


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def has_subject(verb: Token) -> bool:
    """The verb has a subject of its own, active or passive."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def participle_owner(verb: Token) -> Token | None:
    """ "The board rejected the argument that the agency had erred, describing it as "...":
    a participle set off by a comma at the end of a clause that reports or explains something
    (a "that" clause of a noun, a reported clause) belongs to the main clause, whose subject
    is the one describing; the parser hangs it on the inner verb."""
    doc = verb.doc
    before = verb.i - 1
    while before > 0 and doc[before].is_quote:
        before -= 1  # '..." Y, "adding, "..."' and '...," adding': the comma may sit in the quote
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or before < 0 or doc[before].text != ",":
        return None
    owner = verb.head
    climbed = False
    while owner.dep_ in ("acl", "ccomp") and owner.head.i != owner.i:
        owner = owner.head
        if owner.pos_ in ("NOUN", "PROPN") and owner.head.i != owner.i:
            owner = owner.head  # "the argument that ...": up to the verb of "argument"
        climbed = True
    return owner if climbed and owner.pos_ in ("VERB", "AUX") else None


_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp"})
_CLIMB_STEPS = 5


def climbed_subject(cue: Token) -> Token | None:
    """ "X responded by calling Y "dopey" and accusing him of ...", "In declaring ... as
    "not Christian," the pope demonstrated ...": a speech verb with no subject of its own,
    two steps or more below the verb whose subject it shares (through a coordination, a
    participle, a preposition), active or passive ("X was booed but stayed calm, calling
    ..."). One step is the ``cue.inherited-subject`` pattern."""
    if has_subject(cue):
        return None
    node = cue
    for step in range(_CLIMB_STEPS):
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and step > 0:
            return None  # inside someone else's reported clause
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects and node.pos_ in ("VERB", "AUX"):
            return subjects[0] if step >= 1 else None
    return None


def reports_other(cue: Token, q: QuoteSpan) -> bool:
    """ "“...pier.” The team said it was ...": a speech verb whose own reported clause
    lies on the other side from the quote, which is outside it, reports something else."""
    clauses = []
    for child in cue.children:
        if child.dep_ == "ccomp":
            sub = list(child.subtree)
            clauses.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    if any(lo <= q.start < hi for lo, hi in clauses):
        return False  # one of its clauses holds the quote (a verb may have two)
    return any((lo > cue.idx) != (q.start > cue.idx) for lo, _ in clauses)


__all__ = [
    "SUBJECT_DEPS",
    "climbed_subject",
    "has_subject",
    "is_speech_verb",
    "participle_owner",
    "reports_other",
]
