"""Grammatical gender evidence for people, so "she said" skips the man named last.

Only what the text itself says, never a list of first names: honorifics and gendered role
nouns in the name's own phrase ("Mrs Wright", "spokeswoman Jane Doe", "Doe, a mother of two";
not "Trump's daughter" or "the mother of X", which are about someone else), and a subject or
possessive pronoun of a clause whose subject is the name ("Beshear said his office"; an object
pronoun, "Kovac attacked her", is someone else). A person gets a gender only when the evidence
is one-sided; otherwise any pronoun may refer to them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from variorum.core.extract.mentions import MentionRef
from variorum.core.extract.vocab import COMPANY_SUFFIXES, ORG_HEADS, ORG_NOUNS, POSSESSIVES_PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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


def _describes(tok: Token, span: Span) -> bool:
    """The word belongs to the name's own phrase: a title or role right before it ("Mrs.",
    "spokeswoman Jane Doe"), or an apposition ("Doe, a mother of two"); not the relative
    of someone else ("Trump's daughter Ivanka", "his wife")."""
    root = span.root
    if tok.i < span.start:
        return span.start <= tok.head.i < span.end
    return (tok.dep_ == "appos" and tok.head == root) or (
        tok.head == root and tok.dep_ in ("compound", "amod")
    )


def _same_subject(pronoun: Token, span: Span, steps: int = 3) -> bool:
    """ "Trump said he ...", "Trump defended his record": the pronoun's clause hangs on a
    verb whose subject is the name."""
    node = pronoun
    for _ in range(steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and span.start <= c.i < span.end for c in node.children
        ):
            return True
    return False


def guess_genders(doc: Doc, mentions: list[MentionRef]) -> dict[int, str]:
    """Group index -> "f" or "m" where the text is clear about it."""
    votes: dict[int, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    people = [m for m in mentions if m.label == "PERSON"]
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        lo = max(span.start - WINDOW, span.sent.start)
        hi = min(span.end + WINDOW, span.sent.end)
        for tok in (*doc[lo : span.start], *doc[span.end : hi]):
            if tok.lower_ not in FEMALE_WORDS and tok.lower_ not in MALE_WORDS:
                continue
            if _describes(tok, span):
                votes[m.group]["f" if tok.lower_ in FEMALE_WORDS else "m"] += 1
        # a subject or possessive pronoun of a clause whose subject is the name
        for tok in doc[span.end : span.sent.end]:
            g = gender_of_pronoun(tok.text)
            if g is not None and tok.dep_ not in _OBJECT_DEPS and _same_subject(tok, span):
                votes[m.group][g] += 1
                break
    genders: dict[int, str] = {}
    for group, v in votes.items():
        if v["f"] and not v["m"]:
            genders[group] = "f"
        elif v["m"] and not v["f"]:
            genders[group] = "m"
    return genders


def possessive_people(doc: Doc) -> list[tuple[int, int]]:
    """Names the model called organizations that the text treats as people: the subject of
    a clause that goes on with "his" or "her" ("X was upfront about her distaste"), the
    evidence :func:`guess_genders` reads as that person's gender. Bodies take "its"."""
    spans = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.root.dep_ != "nsubj":
            continue
        if any(
            t.lower_ in ORG_NOUNS or t.lower_ in ORG_HEADS or t.lower_ in COMPANY_SUFFIXES
            for t in ent
        ):
            continue
        for tok in doc[ent.end : ent.sent.end]:
            if tok.pos_ == "PROPN" or (tok.pos_ == "PRON" and tok.dep_ != "poss"):
                break  # someone else is named (or meant) first
            bound = tok.dep_ == "poss" and _same_subject(tok, ent, steps=5)
            if tok.lower_ in POSSESSIVES_PERSON and bound:
                spans.append((ent.start_char, ent.end_char))
                break
    return spans
