"""People and organizations named in an article: the model's guesses, cleaned and voted.

spaCy's small model tags each mention on its own, so one name gets different labels in one
article, job titles stick to names, headline words become "organizations" and "AI" is an
organization. Here we keep PERSON and ORG mentions outside site chrome, strip titles and
determiners, drop common false entities, add organizations the context reveals
(:mod:`orgcontext`), and give every name one label by a weighted majority vote.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.boundaries import (
    after_person_role,
    has_org_head,
    is_place_compound,
    last_line,
    looks_like_name_words,
    merges_pieces,
    with_leading_names,
    with_surname,
)
from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.gender import possessive_people
from variorum.core.extract.layout import BODY, BOILERPLATE, HEADING, Layout
from variorum.core.extract.namespans import (
    clean_span,
    opens_the_sentence,
    split_at_possessive,
    split_at_title,
    tokens_after_dateline,
)
from variorum.core.extract.naming import PRODUCT, named_things
from variorum.core.extract.orgcontext import (
    acronym_definitions,
    context_orgs,
    context_people,
    pronoun_people,
)
from variorum.core.extract.person_cues import (
    addressed_person,
    followed_by_which,
    portfolio_holder,
)
from variorum.core.extract.places import caption_credits, dateline_credits, place_spans
from variorum.core.extract.vocab import (
    COMPANY_SUFFIXES,
    EVENT_HEADS,
    LAW_HEADS,
    LEGAL_SUFFIXES,
    ORG_HEADS,
    PLATFORMS,
    POST_NOMINALS,
    SETTLEMENT_WORDS,
    STREET_WORDS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE = "PLACE"
"""Votes that a name is a place: a name that is mostly a place is neither person nor org."""
TIE_ORDER = ("ORG", "PERSON", "PLACE", "PRODUCT")
"""Precedence for an exact tie of totals and of strongest single votes (rare): the order the
rules were first tuned with, so that the tie-break never depends on spelling."""
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BODY_HEADS = frozenset(
    {"police", "council", "authority", "university", "college", "commission", "ministry"}
    | {"post", "times", "journal", "herald", "gazette", "tribune", "telegraph", "chronicle"}
)
"""Last words that make a "place" the model found a public body ("West Yorkshire Police");
a stricter list than ORG_HEADS, whose "bank" would turn the West Bank into a bank. Newspapers
end in a few words of their own ("the South China Morning Post", "The Straits Times")."""


@dataclass
class Candidate:
    """One mention: where it is, the cleaned name, and its votes for each label."""

    start: int
    end: int
    name: str
    votes: dict[str, float]
    kind: str
    """Layout kind of its block: body or heading."""
    rules: dict[str, set[str]] = field(default_factory=dict)
    """Label -> ids of the rules that voted for it."""


def normalise_name(name: str) -> str:
    """The key names are merged on: case, a leading "the", possessives and spacing folded."""
    folded = name.replace("’", "'").casefold().strip()
    folded = re.sub(r"'s$", "", folded)
    folded = re.sub(r"^the\s+", "", folded)
    folded = re.sub(r"[^\w&'\- ]", " ", folded)
    return " ".join(folded.split())


def _object_of_place_preposition(ent: Span) -> bool:
    """ "in Redhill", or "Redhill Gardens, Redhill" (in apposition to a place)."""
    root = ent.root
    if len(ent) != 1:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside", "around", "across"):
        return True
    return root.dep_ in ("appos", "compound") and root.head.ent_type_ in _PLACE_LABELS


def collect_candidates(doc: Doc, layout: Layout) -> list[Candidate]:
    """Mentions from the model and from context rules, merged by span."""
    by_span: dict[tuple[int, int], Candidate] = {}
    text = layout.text

    credits = dateline_credits(text) + caption_credits(text)

    def add(start: int, end: int, label: str, rule: str) -> None:
        weight = rules.weight(rule)
        if weight <= 0:
            return
        kind = layout.kind_at(start)
        if kind == BOILERPLATE or any(cs <= start < ce for cs, ce in credits):
            return  # site chrome, or the agency credit of a dateline ("PARIS (Reuters) -")
        if text[start:end].lower() in LEGAL_SUFFIXES or text[start:end].lower() in POST_NOMINALS:
            return  # "Inc" cut off a company's name, "KC" after a barrister's: not names
        if label == ORG and text[start:end].split()[-1].lower() in LAW_HEADS:
            return  # "the Digital Services Act", "the Paris Agreement": laws, not bodies
        cand = by_span.get((start, end))
        if cand is None:
            name = " ".join(text[start:end].split())  # a no-break space shown as a space
            cand = Candidate(start, end, name, defaultdict(float), kind)
            by_span[(start, end)] = cand
        cand.votes[label] += weight
        cand.rules.setdefault(label, set()).add(rule)

    places = {e.text for e in doc.ents if e.label_ in ("GPE", "NORP", "LOC")}
    model_spans: list[tuple[int, int]] = []

    common_words = {t.text for t in doc if t.text.islower() and t.is_alpha}

    def common_noun_opening(start: int, end: int) -> bool:
        """ "Malaria in the Sahel ...", with "a malaria vaccine" elsewhere: one capitalised
        word opening a sentence (or a quote) that the article also writes in lower case."""
        word = text[start:end]
        lower = word.lower()
        if not word.isalpha() or not word[1:].islower():
            return False
        if not ({lower, lower + "s", lower + "es"} & common_words):
            return False  # "Hazelnut prices ..." with "hazelnuts" elsewhere counts too
        tok = doc.char_span(start, end)
        if tok is None:
            return False
        prev = doc[tok.start - 1] if tok.start > 0 else None
        return tok[0].is_sent_start or prev is None or prev.is_quote or prev.is_punct

    def add_model(tokens: Span | list[Token], label: str, rule: str = "entity.model") -> None:
        cleaned = clean_span(tokens, label)
        if cleaned and common_noun_opening(*cleaned):
            return
        if cleaned and not is_place_compound(text[cleaned[0] : cleaned[1]], places):
            add(*cleaned, label, rule)
            model_spans.append(cleaned)

    for whole in doc.ents:
        ent = last_line(whole)
        rest = tokens_after_dateline(list(ent))
        if (
            ent.label_ == ORG
            and 2 <= len(rest) < len(ent)
            and looks_like_name_words(rest[:3], not_in=ORG_HEADS | COMPANY_SUFFIXES)
            and len(rest) <= 3
        ):  # "ROME - Bernie Sanders": the model labelled the dateline and the name as one
            add_model(rest, PERSON, "entity.after-dateline")
            continue
        if ent.label_ == PERSON and ent[-1].lower_ in SETTLEMENT_WORDS and len(ent) > 1:
            # "Harwick Town beat ...": no person is called "X Town"; the model saw an actor,
            # so a club or a council, i.e. an organization
            cleaned = clean_span(ent, ORG)
            if cleaned:
                add(*cleaned, ORG, "entity.club-or-council")
                model_spans.append(cleaned)
            continue
        if ent.label_ == PERSON and ent.text.strip().lower() in PLATFORMS:
            cleaned = clean_span(ent, ORG)
            if cleaned:  # "Twitter", which the model sometimes calls a person
                add(*cleaned, ORG, "entity.platform")
                model_spans.append(cleaned)
            continue
        if ent.label_ == PERSON and len(ent) > 1 and ent[-1].lower_ in STREET_WORDS:
            cleaned = clean_span(ent, PLACE)
            if cleaned:  # "Hermenegildo Galeana Street": the model saw a person's name
                add(*cleaned, PLACE, "entity.street-name")
            continue
        if (ent.label_ == "FAC" and has_org_head(ent)) or (
            ent.label_ in ("GPE", "LOC") and len(ent) > 1 and ent[-1].lower_ in _BODY_HEADS
        ):  # "Fenbury Rovers", "Westmoor Hospital", "West Yorkshire Police"
            cleaned = clean_span(ent, ORG)
            if cleaned:
                add(*cleaned, ORG, "entity.body-named-place")
                model_spans.append(cleaned)
                continue
        if ent.label_ in _PLACE_LABELS:
            cleaned = clean_span(ent, PLACE)
            if cleaned:
                add(*cleaned, PLACE, "entity.model-place")
            continue
        if ent.label_ in (PERSON, ORG) and _object_of_place_preposition(ent):
            cleaned = clean_span(ent, PERSON)
            if cleaned:  # "at her home in Redhill": a person is not *in* somewhere's name
                add(*cleaned, PLACE, "entity.place-preposition")
        if has_org_head(ent):
            # "... Fishing Cooperative", "Bureau of ...": the name says what it is
            cleaned = clean_span(with_leading_names(ent), ORG)
            if cleaned:
                add(*cleaned, ORG, "entity.org-head")
                model_spans.append(cleaned)
                continue
        if ent.label_ not in (PERSON, ORG):
            continue
        if ent.label_ == ORG and (addressed_person(ent) or after_person_role(ent)):
            add_model(
                ent, PERSON, "entity.addressed-person"
            )  # "Mrs Justice Imogen Pellew": a judge, not a body
            continue
        if ent.label_ == PERSON and followed_by_which(ent):
            add_model(
                ent, ORG, "entity.which-clause"
            )  # "SpaceX, which builds the rocket": people are "who"
            continue
        if ent.label_ == PERSON:
            ent = with_surname(ent)  # "Lena Smit", of which the model found "Lena"
        if ent.label_ == ORG and (
            ent[-1].lower_ in EVENT_HEADS
            or (ent.root.dep_ == "compound" and ent.root.head.lower_ in EVENT_HEADS)
        ):
            continue  # "AI Safety Summit", "the Computex trade show": events, not bodies
        holder = portfolio_holder(ent)
        if holder is not None:
            add_model(holder, PERSON, "entity.portfolio-holder")
            continue
        split = split_at_title(ent)
        if split is None and ent.label_ == ORG:
            owned = split_at_possessive(ent)
            if owned is not None and rules.enabled("entity.possessive-split"):
                add_model(owned[0], ORG, "entity.possessive-split")
                add_model(owned[1], PERSON, "entity.possessive-split")
                continue
        if split is None:
            add_model(ent, ent.label_)
            continue
        org_part, person_part = split
        if org_part and all(t.pos_ == "PROPN" for t in org_part):
            add_model(org_part, ORG, "entity.title-split")
        if person_part:
            add_model(person_part, PERSON, "entity.title-split")
    for start, end in pronoun_people(text):
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is not None and len(first) > 1 and opens_the_sentence(first[0]):
            start = first[1].idx
        for s in [s for s in model_spans if s[0] == start and s[1] == end] or [(start, end)]:
            add(*s, PERSON, "entity.pronoun-person")
    for start, end in context_people(doc):
        for s in [s for s in model_spans if s[0] < end and start < s[1]] or [(start, end)]:
            add(*s, PERSON, "entity.context-person")
    for span in possessive_people(doc):
        add(*span, PERSON, "entity.possessive-person")
    contexts = context_orgs(doc)
    merged: list[tuple[int, int]] = []
    for start, end, rule in sorted(
        contexts, key=lambda s: (s[0] - s[1], s[0], s[2])
    ):  # longest first
        if any(ms <= start and end <= me and (ms, me) != (start, end) for ms, me in merged):
            continue  # a piece of a name already put together
        overlapping = [s for s in model_spans if s[0] < end and start < s[1]]
        if overlapping and merges_pieces(text, (start, end), overlapping):
            # "Ferrovias do Norte": the model cut the name at "do"; its pieces are not names
            for s in overlapping:
                by_span.pop(s, None)
            merged.append((start, end))
            add(start, end, ORG, rule)
        elif overlapping:  # the model found the name; the context only fixes its label
            for s in overlapping:
                add(*s, ORG, rule)
        else:
            add(start, end, ORG, rule)
    for start, end in acronym_definitions(text):
        # "International Transport Forum (ITF)": a body defining its acronym, when the model
        # has no better reading (a person or a place) of the same words; pieces the model
        # cut it into ("... for Museums" + "Monuments") give way to the whole name
        covering = [c for c in by_span.values() if c.start <= start and end <= c.end]
        if any(c.votes.get(PERSON) or c.votes.get(PLACE) for c in covering):
            continue
        for piece in [k for k, c in by_span.items() if start <= c.start and c.end <= end]:
            if piece != (start, end):
                del by_span[piece]
        add(start, end, ORG, "entity.acronym-definition")
    for start, end in place_spans(doc):
        add(start, end, PLACE, "entity.place-context")
    for start, end, label in named_things(doc):
        # "a chatbot called X" (a product: in neither list), "a start-up called X"
        for s in [s for s in model_spans if s[0] < end and start < s[1]] or [(start, end)]:
            add(*s, label, "entity.named-thing")
    _add_first_names(doc, by_span, add)
    return sorted(by_span.values(), key=lambda c: c.start)


def _add_first_names(
    doc: Doc, by_span: dict[tuple[int, int], Candidate], add: Callable[[int, int, str, str], None]
) -> None:
    """ "Mrs Pollard" was found; "Edna Pollard" at the start of a sentence was not: a proper
    noun right before a known surname, outside any entity, is that person's first name."""
    surnames = {
        c.name for c in by_span.values() if c.votes.get(PERSON, 0) > 0 and " " not in c.name
    }
    if not surnames:
        return
    for tok in doc[1:]:
        if tok.text not in surnames:
            continue
        prev = doc[tok.i - 1]
        if (
            prev.pos_ == "PROPN"
            and prev.text[:1].isupper()
            and prev.text[1:].islower()
            and not prev.ent_type_
            and prev.lower_ not in TITLE_WORDS
        ):
            add(prev.idx, tok.idx + len(tok.text), PERSON, "entity.first-name")


def vote_labels(candidates: list[Candidate]) -> dict[str, str]:
    """One label per normalised name: the highest total weight over all its mentions; on an
    exact tie, the label whose strongest single vote is stronger; then TIE_ORDER."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    strongest: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for cand in candidates:
        key = normalise_name(cand.name)
        for label, weight in cand.votes.items():
            totals[key][label] += weight
            strongest[key][label] = max(strongest[key][label], weight)

    def rank(key: str, label: str) -> tuple[float, float, int]:
        order = TIE_ORDER.index(label) if label in TIE_ORDER else len(TIE_ORDER)
        return (round(totals[key][label], 6), strongest[key][label], -order)

    return {key: max(votes, key=lambda lab: rank(key, lab)) for key, votes in totals.items()}


def label_rules(candidates: list[Candidate], labels: dict[str, str]) -> dict[str, set[str]]:
    """Normalised name -> ids of the rules that voted for the label it was given."""
    found: dict[str, set[str]] = defaultdict(set)
    for cand in candidates:
        key = normalise_name(cand.name)
        found[key] |= cand.rules.get(labels.get(key, ""), set())
    return found


def confirmed_names(candidates: list[Candidate]) -> set[str]:
    """Names seen at least once outside headings: headline-case lines make the model see
    organizations in ordinary capitalised words, so names found only there are dropped."""
    return {normalise_name(c.name) for c in candidates if c.kind == BODY}


__all__ = [
    "HEADING",
    "PRODUCT",
    "Candidate",
    "collect_candidates",
    "confirmed_names",
    "normalise_name",
]
