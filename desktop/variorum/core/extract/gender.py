"""Grammatical gender evidence for people, so "she said" skips the man named last.

Only what the text itself says, never a list of first names: honorifics before a mention
("Mrs Wright", "Mr. Hill"), gendered role nouns next to it ("chairwoman", "spokesman", "a
mother of two"), and a subject or possessive pronoun that follows the person's mention in the
same sentence before anyone else is named ("Beshear said his office"); an object pronoun
there is someone else ("Kovac attacked her"). A person gets a gender only when the evidence
is one-sided; otherwise any pronoun may refer to them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from variorum.core.extract.mentions import MentionRef

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_WORDS = _words(
    """
    mrs mrs. ms ms. miss dame lady madam chairwoman spokeswoman congresswoman businesswoman
    councilwoman alderwoman assemblywoman sportswoman actress waitress princess queen duchess
    countess empress mother grandmother daughter sister wife widow aunt niece girl woman
    granddaughter stepmother nun
    """
)
MALE_WORDS = _words(
    """
    mr mr. sir lord chairman spokesman congressman businessman councilman alderman
    assemblyman sportsman actor waiter prince king duke count emperor father grandfather son
    brother husband widower uncle nephew boy man grandson stepfather monk
    """
)
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative"})
"""An object pronoun after a name is someone else ("Trump attacked her"); a subject or a
possessive ("Beshear said his office") is usually the one named."""
WINDOW = 4
"""Tokens on either side of a mention searched for role nouns and honorifics."""


def gender_of_pronoun(word: str) -> str | None:
    lower = word.lower()
    if lower in FEMALE_PRONOUNS:
        return "f"
    if lower in MALE_PRONOUNS:
        return "m"
    return None


def guess_genders(doc: Doc, mentions: list[MentionRef]) -> dict[int, str]:
    """Group index -> "f" or "m" where the text is clear about it."""
    votes: dict[int, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    people = [m for m in mentions if m.label == "PERSON"]
    starts = sorted(m.start for m in people)
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        lo = max(span.start - WINDOW, span.sent.start)
        hi = min(span.end + WINDOW, span.sent.end)
        for tok in (*doc[lo : span.start], *doc[span.end : hi]):
            if tok.lower_ in FEMALE_WORDS:
                votes[m.group]["f"] += 1
            elif tok.lower_ in MALE_WORDS:
                votes[m.group]["m"] += 1
        # the first pronoun after the mention in its sentence, before another person is named
        next_person = next((s for s in starts if s > m.start), None)
        for tok in doc[span.end : span.sent.end]:
            if next_person is not None and tok.idx >= next_person:
                break
            g = gender_of_pronoun(tok.text)
            if g is not None and tok.dep_ not in _OBJECT_DEPS:
                votes[m.group][g] += 1
                break
    genders: dict[int, str] = {}
    for group, v in votes.items():
        if v["f"] and not v["m"]:
            genders[group] = "f"
        elif v["m"] and not v["f"]:
            genders[group] = "m"
    return genders
