"""What a name's own words, or the words right around it, say about whether it names a person
or a body, whatever the model said: a form of address or a job title before it, "<role> of
<portfolio>" before a holder's name, "which" after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract.boundaries import looks_like_name_words
from variorum.core.extract.vocab import (
    COMPANY_SUFFIXES,
    HONORIFICS,
    ORG_HEADS,
    ROLE_WORDS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def portfolio_holder(ent: Span) -> list[Token] | None:
    """ "Secretary of Commerce Gina Raimondo": the model reads "Commerce Gina Raimondo" as one
    organization. After "<role> of", a run of three or more capitalised words ends with the
    holder's name (taken as its last two words); the portfolio is not an organization."""
    doc = ent.doc
    words = [t for t in ent if not t.is_space]
    if ent.start < 2 or len(words) < 3:
        return None
    if doc[ent.start - 1].lower_ != "of" or doc[ent.start - 2].lower_ not in ROLE_WORDS:
        return None
    tail = words[-2:]
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail):
        return tail
    return None


_ORG_OPENING_TITLES = frozenset({"general", "state", "foreign", "justice", "prime", "united"})
"""Title words that also open names of bodies ("General Motors", "State Department")."""


def addressed_person(ent: Span) -> bool:
    """ "Mrs Justice Imogen Pellew", "Dr Lena Ostrova", "Paediatrician Nadia Korr": a form of
    address (then one to three capitalised proper nouns) or a job title (then a full name of
    two or three), with any further title words between. Only people are named so; the model
    sometimes reads the title as part of a body's name."""
    words = [t for t in ent if not t.is_space]
    if len(words) < 2:
        return False
    first = words[0].lower_
    if first in HONORIFICS:
        shortest = 1
    elif first in TITLE_WORDS and first not in _ORG_OPENING_TITLES:
        shortest = 2  # "Coroner Pike" could be a firm; "Coroner Alan Pike" is a person
    else:
        return False
    rest = words[1:]
    while rest and rest[0].lower_ in TITLE_WORDS:
        rest = rest[1:]
    # not "Designer Brands Inc", "Pilot Capital Group"
    return shortest <= len(rest) <= 3 and looks_like_name_words(
        rest, not_in=ORG_HEADS | COMPANY_SUFFIXES
    )


def followed_by_which(ent: Span) -> bool:
    """ "SpaceX, which builds the rocket": a relative clause opened by "which" speaks of a
    thing or a body; a person would be "who"."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == ","
        and doc[ent.end + 1].lower_ == "which"
        and doc[ent.end + 1].head.dep_ == "relcl"
    )


__all__ = ["addressed_person", "followed_by_which", "portfolio_holder"]
