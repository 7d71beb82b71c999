"""Where a name begins and ends: repairs to the boundaries of the model's entities.

The small model cuts names at particles and "and" ("Ferrovias" + "Norte"), leaves out
capitalised words ("District School Board" for "Northern Lakes District School Board"),
runs a heading into the next paragraph, and joins places with a dash. These helpers decide
the span a name really covers; :mod:`entities` decides what it is.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from variorum.core.extract.vocab import (
    DESCRIPTOR_NOUNS,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_ROLES,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAME_LINKS = frozenset({"of", "for", "and", "&", "de", "the", "on"})
"""Lower-case words inside an organization's name ("Bureau of Meteorology")."""


def has_org_head(ent: Span) -> bool:
    """ "... Fishing Cooperative", "Bureau of ...": the name's own words say it is a body."""
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if len(words) < 2 or ent.label_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        return False
    capitalised = all(t.text[:1].isupper() or t.lower_ in NAME_LINKS for t in words[1:])
    if not capitalised:
        return False
    if words[-1].lower_ in ORG_HEADS:
        return True
    # "Harlow Museum of World Cultures", "Commission for Museums and Monuments"
    return any(
        w.lower_ in ORG_HEADS and w.text[:1].isupper() and nxt.lower_ in ("of", "for", "on")
        for w, nxt in itertools.pairwise(words)
    )


def with_leading_names(ent: Span) -> Span:
    """ "Northern Lakes District School Board" where the model found "District School
    Board": capitalised proper nouns just before the name that modify a word inside it."""
    from spacy.tokens import Span as SpacySpan

    doc = ent.doc
    first = ent.start
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].text[:1].isupper()
        and first <= doc[first - 1].head.i < ent.end
        and doc[first - 1].lower_ not in TITLE_WORDS
        and doc[first - 1].lower_ not in _DESCRIPTIVE
        and not doc[first - 1].ent_type_
    ):
        first -= 1
    if first == ent.start:
        return ent
    return SpacySpan(doc, first, ent.end, label=ent.label_)


def last_line(ent: Span) -> Span:
    """The part of an entity after its last line break: the model sometimes runs a heading
    and the first words of the next paragraph into one entity."""
    from spacy.tokens import Span as SpacySpan

    cut = ent.start
    for tok in ent:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            cut = tok.i + 1
    if cut == ent.start or cut >= ent.end:
        return ent
    return SpacySpan(ent.doc, cut, ent.end, label=ent.label_)


def is_place_compound(name: str, places: set[str]) -> bool:
    """ "U.S.-China", "US–China": places joined by a dash are not an organization."""
    parts = [p.strip() for p in re.split(r"[-–—/]", name)]
    return len(parts) > 1 and all(p in places or (p.isupper() and len(p) <= 4) for p in parts)


_DESCRIPTIVE = ORG_NOUNS | DESCRIPTOR_NOUNS
"""Capitalised only because they open a sentence ("Rival X", "Chipmaker X")."""


def merges_pieces(text: str, span: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    """The context's name holds the model's spans and joins them across a lower-case particle
    ("Ferrovias do Norte" over "Norte") or adds capitalised words the model left out ("Met
    Varra" over "Varra"): the longer name is the real one. Not when the extra words are
    titles ("Chairman X"), which the model was right to leave out."""
    start, end = span
    if not all(start <= s and e <= end for s, e in pieces) or [span] == pieces:
        return False
    words = text[start:end].split()
    if any(w in NAME_PARTICLES for w in words):
        return True
    covered = " ".join(text[s:e] for s, e in sorted(pieces)).split()
    extra = [w for w in words if w not in covered]
    return bool(extra) and all(
        w[:1].isupper() and w.lower() not in TITLE_WORDS and w.lower() not in _DESCRIPTIVE
        for w in extra
    )


def with_surname(ent: Span) -> Span:
    """ "Lena Smit" where the model found only "Lena": a one-word person followed, in the same
    sentence and with nothing between, by a capitalised proper noun that no entity claims."""
    from spacy.tokens import Span as SpacySpan

    doc = ent.doc
    if len(ent) != 1 or ent.end >= len(doc) or ent[0].whitespace_ != " ":
        return ent
    nxt = doc[ent.end]
    if (
        nxt.pos_ != "PROPN"
        or not nxt.text[:1].isupper()
        or not nxt.is_alpha
        or nxt.ent_type_
        or nxt.is_sent_start
        or nxt.lower_ in TITLE_WORDS
        or nxt.lower_ in ORG_HEADS
    ):
        return ent
    return SpacySpan(doc, ent.start, ent.end + 1, label=ent.label_)


def after_person_role(ent: Span) -> bool:
    """ "lead author Thabo Nkosi", which the model calls an organization: a full name of two or
    three proper nouns right after a role only people have, written in lower case, as an
    abbreviation ("Acme CEO Thabo Nkosi") or as a title after a word in lower case ("party
    Chairman Reince Priebus")."""
    doc = ent.doc
    if ent.start == 0 or not 2 <= len(ent) <= 3:
        return False
    role = doc[ent.start - 1]
    abbreviated = role.text.isupper() and len(role.text) <= 4  # "CEO"
    titled = role.text.istitle() and ent.start > 1 and doc[ent.start - 2].is_lower
    # "party Chairman Reince Priebus": a role used as a title, after a word in lower case
    return (
        (role.text.islower() or abbreviated or titled)
        and role.lower_ in PERSON_ROLES
        and all(t.is_alpha for t in ent)
        and looks_like_name_words(ent, not_in=ORG_HEADS | ORG_NOUNS)
    )


def looks_like_name_words(tokens: list[Token] | Span, *, not_in: frozenset[str]) -> bool:
    """Capitalised proper nouns none of which is a word in ``not_in`` (organization heads,
    company suffixes): what is left of a person's name after a title or role."""
    return all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in not_in for t in tokens
    )
