"""Evidence that a capitalised name is a place, read from the words around it.

The small model knows capitals and countries but reads an unknown town as a person ("link
Lisbon with Lyon") or an organization ("drive forty minutes to Ashby", "Port Calder's
council"). News prose says where a name is a place: a dateline, "X-based", travel "to X",
"from X to <a known place>", "X's council", "Port X". These votes let the label vote send
such names to PLACE, so they are neither people nor organizations. No names are listed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from variorum.core.extract.lemmas import lemma
from variorum.core.extract.orgcontext import name_run
from variorum.core.extract.vocab import (
    CIVIC_NOUNS,
    EMPLOYEE_NOUNS,
    ORG_NOUNS,
    PLACE_FEATURE_NOUNS,
    PLACE_NOUNS,
    ROLE_WORDS,
    TRAVEL_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'’\-]{2,}(?:[ \t]+[A-Z][A-Z.'’\-]+)*)"
    r"(?:,[ \t]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*)*))?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\(([^()\n]{1,40})\))?[ \t]*[—–-]{1,2}[ \t]"
)
"""'LISBON — ...', 'VELDEN, Maravia — ...', 'SHENZHEN, Nov 18 — ...', 'PARIS (Reuters) -'."""
# A run of capitalised words, matched whole (each run once: linear), then checked for
# "-based" right after it; one regex ending in "-based" re-scanned the rest of a run from
# each of its words, n² on a long run of capitalised words ("By By By ...").
_CAP_RUN_RE = re.compile(r"\b[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*")
_BASED_AFTER_RE = re.compile(r"-based\b")

_LINK_VERBS = frozenset({"link", "connect", "join"})
_PLACE_PREFIXES = frozenset({"port", "mount", "mt", "mt.", "lake", "fort", "cape", "river"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "between"})
_SPATIAL_PREPOSITIONS = frozenset({"near", "outside", "around", "across"})
"""Prepositions that take only places ("around Oslo and Bergen"); "in" also takes companies
("investments in X and Y"), so there the partner must be a known place."""


_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})


def _run(tok: Token) -> tuple[int, int] | None:
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in _NOT_PLACES:
        return None
    run = name_run(tok)
    if run is None:
        return None
    doc, start = tok.doc, run[0]
    first = doc.char_span(*run, alignment_mode="expand")
    i = first.start if first is not None else tok.i
    # "Saas-Fee", "Stratford-upon-Avon": hyphenated place names come in pieces
    while (
        i >= 2
        and doc[i - 1].text in ("-", "‑")
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].text[:1].isalpha()
    ):
        i -= 2
        start = doc[i].idx
    return start, run[1]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _travel_objects(doc: Doc) -> list[Token]:
    """Objects of "to"/"from"/"towards" after a travel word ("drive ... to X")."""
    found = []
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ not in ("to", "from", "towards", "toward", "via"):
            continue
        if lemma(tok.head).lower() not in TRAVEL_WORDS:
            continue
        obj = _pobj(tok)
        if obj is not None:
            found.append(obj)
    return found


def _paired_with_place(doc: Doc) -> list[Token]:
    """ "from X to Y" and "link X with Y" where the other one is a known place."""
    found = []
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ not in ("from", "with", "to", "and"):
            continue  # only these pair two places (below); "of" and "in" are most preps
        head = tok.head
        obj = _pobj(tok)
        if obj is None:
            continue
        if tok.lower_ == "from":
            # "to" hangs on the verb, on the first place, or on "from" itself
            partners = [
                _pobj(c)
                for owner in (head, obj, tok)
                for c in owner.children
                if c.dep_ == "prep" and c.lower_ == "to"
            ]
        elif tok.lower_ in ("with", "to", "and") and lemma(head).lower() in _LINK_VERBS:
            partners = [c for c in head.children if c.dep_ == "dobj"]
        else:
            continue
        others = [p for p in partners if p is not None]
        if any(p.ent_type_ in _PLACE_ENTS for p in others):
            found.append(obj)
        if obj.ent_type_ in _PLACE_ENTS:
            found.extend(others)
    return found


def _place_by_grammar(tok: Token) -> bool:
    """ "the province of X", "the village of X"; "in Busan and X" (coordinated with a known
    place); "the X" for a one-word name the model calls a person (rivers, mountains and
    regions take "the", people do not)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and lemma(tok.head.head).lower() in PLACE_NOUNS
    ):
        return True
    head = tok.head
    if (
        tok.dep_ == "conj"
        and (head.ent_type_ in _PLACE_ENTS or head.head.lower_ in _SPATIAL_PREPOSITIONS)
        and head.dep_ == "pobj"
        and head.head.lower_ in _PLACE_PREPOSITIONS
        and not any(c.dep_ == "compound" for c in tok.children)
    ):
        # "in Busan and X", even when the model calls X an organization; one word only:
        # "outside Beaune, Claire Marchal and her brother" is a misparse of a person
        return True
    if tok.ent_type_ == "ORG":
        return False
    if tok.dep_ == "conj" and head.ent_type_ in _PLACE_ENTS:
        return True
    if any(c.dep_ == "conj" and c.ent_type_ in _PLACE_ENTS for c in tok.children):
        return True
    ent_len = _entity_length(tok) if tok.ent_type_ == "PERSON" else 0
    return ent_len == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _entity_length(tok: Token) -> int:
    """Tokens in the entity holding ``tok``, from the IOB tags around it (``doc.ents`` builds
    every entity of the text on each call: quadratic when asked for each token)."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start


def _hometown(tok: Token) -> bool:
    """ "Linda Garside, a retired care worker from Wigan": one capitalised word after "from"
    in an apposition that describes a person is where the person lives or comes from. Not
    after a role that speaks for an employer ("an analyst from X", "a lawyer from X")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "from" or tok.pos_ != "PROPN":
        return False
    noun = tok.head.head
    if noun.pos_ != "NOUN" or noun.dep_ != "appos" or noun.head.ent_type_ != "PERSON":
        return False
    if noun.lower_ in ORG_NOUNS or noun.lower_ in ROLE_WORDS or noun.lower_ in EMPLOYEE_NOUNS:
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return not any(c.dep_ == "compound" for c in tok.children) and not (
        nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"
    )


def dateline_credits(text: str) -> list[tuple[int, int]]:
    """The news agency's credit inside a dateline ("PARIS (Reuters) -"): wire chrome, like a
    byline, not a name the story mentions."""
    return [m.span(3) for m in _DATELINE_RE.finditer(text) if m.group(3)]


_CAPTION_CREDIT_RE = re.compile(
    r"(?im)(?:\(|^)[ \t]*(?:image|photo|photograph|picture|pic|illustration|video|credit)s?"
    r"(?:[ \t]+credit)?(?:[ \t]*:|[ \t]+by)[ \t]+([^()\n:]{2,80}?)[ \t]*(?:\)|$)"
)
"""'(Image: Tom Reese)', 'Photo: Ana Lima/Agency', 'Picture by Ana Lima' under a caption."""


def caption_credits(text: str) -> list[tuple[int, int]]:
    """Who took a photo, as a caption credits it: chrome like a byline, not a name the story
    mentions (a caption's own words are the story's and stay). Copyright footers are whole
    chrome lines, found by the layout (:mod:`layout`)."""
    return [m.span(1) for m in _CAPTION_CREDIT_RE.finditer(text)]


def place_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans the context calls a place (duplicates removed, in text order)."""
    text = doc.text
    spans: set[tuple[int, int]] = set()
    for m in _DATELINE_RE.finditer(text):
        spans.add(m.span(1))
        if m.group(2):
            spans.add(m.span(2))
    spans.update(
        m.span() for m in _CAP_RUN_RE.finditer(text) if _BASED_AFTER_RE.match(text, m.end())
    )
    for tok in [*_travel_objects(doc), *_paired_with_place(doc)]:
        run = _run(tok)
        if run:
            spans.add(run)
    for tok in doc:
        if _place_by_grammar(tok) or _hometown(tok):
            run = _run(tok)
            if run:
                spans.add(run)
        if (
            tok.dep_ == "compound"
            and tok.head.pos_ == "NOUN"
            and tok.head.lower_ in PLACE_FEATURE_NOUNS
        ):
            run = _run(tok)  # "Bergamo airport", "the Sahel region"
            if run:
                spans.add(run)
        if tok.dep_ == "poss" and lemma(tok.head).lower() in CIVIC_NOUNS:
            run = _run(tok)
            if run:
                spans.add(run)
        if (
            tok.lower_ in _PLACE_PREFIXES
            and tok.text[:1].isupper()
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].pos_ == "PROPN"
            and doc[tok.i + 1].text[:1].isupper()
            and (tok.i + 2 >= len(doc) or not doc[tok.i + 2].text[:1].isupper())
        ):
            nxt = doc[tok.i + 1]
            spans.add((tok.idx, nxt.idx + len(nxt.text)))
    return sorted(spans)
