"""Where a name found in the text begins and ends: the model's span, cleaned.

The small model takes in what stands next to a name: a job title ("OpenAI CEO Sam Altman"),
a description in lower case ("Dutch chipmaker X"), the word that opens the sentence ("But
Fiorina", "Said Comey"), a dateline, an unclosed bracket. These functions cut a span down to
the name itself, or say it is no name at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from variorum.core.extract.boundaries import NAME_LINKS, looks_like_name_words
from variorum.core.extract.clauses import is_speech_verb
from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.vocab import (
    COMPANY_SUFFIXES,
    DESCRIPTOR_NOUNS,
    FALSE_ENTITY_WORDS,
    LAW_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_ROLES,
    PLURAL_PEOPLE,
    POST_NOMINALS,
    ROLE_WORDS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LEADING_DROP = frozenset({"the", "a", "an", "'s", "’s"})
_TRAILING_DROP = frozenset({"'s", "’s", "'", "’", ",", ".", "-", "–", "—"})
_NAME_CHARS_RE = re.compile(r"[^\W\d_]")
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})
"""Double quotation marks (a single one is also an apostrophe: "Citizens’ Council")."""


def split_at_title(span: Span) -> tuple[list[Token], list[Token]] | None:
    """ "OpenAI CEO Altman" -> (["OpenAI"], ["Altman"]): an organization, a title, a person."""
    tokens = [t for t in span if not t.is_space]
    for i in range(len(tokens) - 2, -1, -1):
        person = tokens[i + 1 :]
        if (
            tokens[i].lower_ in ROLE_WORDS
            and len(person) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in person)
        ):
            j = i
            while j > 0 and tokens[j - 1].lower_ in TITLE_WORDS:
                j -= 1
            if j > 0 and tokens[j - 1].lower_ in ("of", "for", "and", "&"):
                return None
            return tokens[:j], person
    return None


def split_at_possessive(span: Span) -> tuple[list[Token], list[Token]] | None:
    """ "Fox News' Sean Hannity" -> (["Fox", "News"], ["Sean", "Hannity"]): a body, its
    possessive, then a person's full name of two or three words, which the model reads as
    one organization. Not after a plural or a saint ("the People's Party"), nor when the
    words after it name a body ("Britain's Labour Party")."""
    tokens = [t for t in span if not t.is_space]
    for i, tok in enumerate(tokens):
        if tok.tag_ != "POS" or i == 0 or _possessive_in_name(tokens, i):
            continue
        person = tokens[i + 1 :]
        if 2 <= len(person) <= 3 and looks_like_name_words(
            person, not_in=ORG_HEADS | COMPANY_SUFFIXES | ORG_NOUNS
        ):
            return tokens[:i], person
        return None
    return None


def _particles_then_name(tokens: list[Token]) -> bool:
    """ "de la Vega", "van der Berg": lower-case name particles, then a capitalised word."""
    i = 0
    while i < len(tokens) and tokens[i].lower_ in NAME_PARTICLES and tokens[i].text.islower():
        i += 1
    return 0 < i < len(tokens) and tokens[i].text[:1].isupper()


def _cut_run_on(tokens: list[Token]) -> list[Token]:
    """ "International Labour Organisation (ILO": the model ran a name into a bracket it did
    not close; "Harwick Town 2 Fenbury": into a score line; "Trump 58 percent to": into a
    poll's figures; "Marine John “Tig": into a nickname's quotation mark. A name ends before
    an opening bracket or quotation mark left unclosed, before a web address, and before a
    number followed by more words (a capitalised one, a lower-case one or a sign)."""
    quoted = False
    for i, tok in enumerate(tokens):
        if tok.text == "(" and not any(t.text == ")" for t in tokens[i:]):
            return tokens[:i]
        if tok.text in _QUOTE_MARKS:
            opening = all(t.lower_ in _LEADING_DROP for t in tokens[:i])
            if (
                not opening
                and not quoted
                and not any(t.text in _QUOTE_MARKS for t in tokens[i + 1 :])
            ):
                return tokens[:i]
            quoted = not quoted
        if (tok.like_url and "/" in tok.text) or tok.lower_.startswith(("http", "www.", "<")):
            return tokens[:i]  # a web address or markup ("@name</tweet>") ends a name
        if i and tok.like_num and tokens[i - 1].lower_ in LAW_HEADS:
            return []  # "Bill 1523", "Act 10": a law, not a name
        if i and tok.like_num and i + 1 < len(tokens):
            following = tokens[i + 1].text
            if following[:1].isupper() or following.islower() or following in ("%", "-"):
                return tokens[:i]
    return tokens


def _is_plural_noun(tokens: list[Token]) -> bool:
    """ "MPs", "CEOs", "GPs": an acronym in the plural names a group, never one person or
    body. (A plural common noun opening a sentence, "Officials said", is dropped below; a
    capitalised plural inside a sentence may be a name: "call Crimewatchers".)"""
    return len(tokens) == 1 and bool(_ACRONYM_PLURAL_RE.fullmatch(tokens[0].text))


_ACRONYM_PLURAL_RE = re.compile(r"[A-Z]{2,}s")


_DASHES = frozenset({"-", "–", "—", "--"})


def tokens_after_dateline(tokens: list[Token]) -> list[Token]:
    """ "ROME - Bernie Sanders met ...": the model runs a dateline into the name after it.
    Capital letters only, then a dash, opening the span: the place the story was filed
    from, never part of a name."""
    for i, tok in enumerate(tokens[1:], 1):
        if tok.text in _DASHES:
            head = [t for t in tokens[:i] if not t.is_punct]
            if head and all(t.text.isupper() for t in head):
                return tokens[i + 1 :]
            break
    return tokens


def clean_span(span: Span | list[Token], label: str) -> tuple[int, int] | None:
    tokens = tokens_after_dateline(_cut_run_on([t for t in span if not t.is_space]))
    if label == PERSON:
        while len(tokens) > 1 and tokens[-1].text.isdigit():
            tokens = tokens[:-1]  # "Laquan McDonald 16": an age or a count, no name's part
    if not tokens or _is_plural_noun(tokens):
        return None
    # a name starts with a capital: "the", "state", "regional" before it are not part of it
    while tokens and (tokens[0].lower_ in _LEADING_DROP or tokens[0].text.islower()):
        if _particles_then_name(tokens):
            break  # "de la Vega": the particles belong to the surname
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower_ in _TRAILING_DROP
        or tokens[-1].is_punct
        or (label == PERSON and len(tokens) > 1 and tokens[-1].lower_ in POST_NOMINALS)
        or (tokens[-1].text.islower() and tokens[-1].lower_ in NAME_LINKS)
    ):
        # "Ashdown KC", "Jane Hale MP": the letters are not the name; "Juan Manriquez of
        # Oakland", cut by the model after "of": a linking word ends no name
        tokens = tokens[:-1]
    openers = DESCRIPTOR_NOUNS | PERSON_ROLES if label == PERSON else DESCRIPTOR_NOUNS
    if (
        len(tokens) > 1
        and tokens[0].is_sent_start
        and tokens[0].lower_ in openers
        and tokens[1].text[:1].isupper()
    ):
        # "Chipmaker Qorvane said", "Billionaire Donald Trump praised": a description or a
        # person's role opens the sentence
        tokens = tokens[1:]
    # "Dutch chipmaker Veldhoven Semiconductors": a description in lower case ends before
    # the name; keep what follows the last lower-case word ("of", "and" belong to names).
    for i in range(len(tokens) - 2, -1, -1):
        tok = tokens[i]
        if (
            tok.text.islower()
            and not (label == ORG and _possessive_in_name(tokens, i))
            and tok.lower_ not in NAME_LINKS
            and tokens[i + 1].text[:1].isupper()
            and not (tok.lower_ in NAME_PARTICLES and i > 0 and tokens[i - 1].text[:1].isupper())
            and not _particles_then_name(tokens[i:])
        ):
            tokens = tokens[i + 1 :]
            break
    if label == PERSON and len(tokens) > 1 and opens_the_sentence(tokens[0]):
        tokens = tokens[1:]
    if label == PERSON:
        # "OpenAI CEO Sam Altman" -> "Sam Altman": drop everything up to the last title word
        # that is followed by a capitalised word.
        cut = -1
        for i, tok in enumerate(tokens[:-1]):
            if tok.lower_ in TITLE_WORDS and tokens[i + 1].text[:1].isupper():
                cut = i
        tokens = tokens[cut + 1 :]
    if not tokens:
        return None
    content = [t for t in tokens if t.lower_ not in FALSE_ENTITY_WORDS]
    if not content or all(t.pos_ in ("ADJ", "NUM", "DET") for t in content):
        return None
    if all(t.tag_ in ("VBG", "VBN", "VBD") for t in content):
        return None  # "Conceding that ...": a participle opening a sentence, not a name
    if all(t.tag_ in ("NN", "NNS") for t in content) and (
        content[0].is_sent_start or content[0].i == 0 or content[0].nbor(-1).is_quote
    ):
        return None  # a common noun capitalised at the start of a sentence ("Reservoirs")
    if label == PERSON and all(t.lower_ in TITLE_WORDS for t in tokens):
        return None
    if label == PERSON and _ends_in_title(tokens[-1]):
        return None  # "Army Sgt. Maria Delgado": the model ended a "name" at the rank
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = "".join(t.text_with_ws for t in tokens).strip()
    if "\n" in text or not _NAME_CHARS_RE.search(text) or not any(c.isupper() for c in text):
        return None
    return start, end


def _ends_in_title(last: Token) -> bool:
    """ "former Pennsylvania Gov. and party Chairman X", "Army Sgt Maria Delgado": the span
    ends in a title abbreviation with its full stop, or in a title a capitalised name
    follows."""
    if last.text.endswith(".") and last.lower_ in TITLE_WORDS:
        return True
    if last.lower_.rstrip(".") not in TITLE_WORDS and last.lower_ not in TITLE_WORDS:
        return False
    after = last.doc[last.i + 1 : last.i + 3]
    words = [t for t in after if t.text != "."]
    return bool(words) and words[0].pos_ == "PROPN" and words[0].text[:1].isupper()


def _possessive_in_name(tokens: list[Token], i: int) -> bool:
    """ "the Fishermen's Union", "the People's Daily", "the Veterans' Fund", "St. Anselm's
    College": a possessive after a plural (a class of people) or a saint's name is part of
    an organization's name; after a single name it marks the owner ("Britain's Labour
    Party", "Commentary's Noah Rothman"), which is another name."""
    tok = tokens[i]
    if tok.tag_ != "POS" or i == 0:
        return False
    owner = tokens[i - 1]
    return (
        tok.text in ("'", "\u2019")
        or owner.tag_ == "NNPS"
        or owner.lower_ in PLURAL_PEOPLE
        or (i >= 2 and tokens[i - 2].lower_ in ("st.", "st", "saint"))
    )


_SENTENCE_OPENERS = frozenset({"CCONJ", "SCONJ", "ADV", "INTJ"})
"""Parts of speech of words that open a sentence, capitalised there, and never a name."""


def opens_the_sentence(tok: Token) -> bool:
    """ "Said Comey, “...”", "But Fiorina was far less bubbly", "“Certainly Donald Trump
    has ...": a speech verb opening an inverted sentence, or a conjunction or an adverb
    opening any, is capitalised like the name after it but never part of it."""
    if tok.tag_ in ("VBD", "VBZ", "VBN") and is_speech_verb(tok):
        return True
    return tok.pos_ in _SENTENCE_OPENERS and tok.text[:1].isupper()


def clean_person_tokens(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a person's name in ``tokens``, titles and descriptions removed."""
    return clean_span(tokens, PERSON)


__all__ = [
    "clean_person_tokens",
    "clean_span",
    "opens_the_sentence",
    "split_at_possessive",
    "split_at_title",
    "tokens_after_dateline",
]
