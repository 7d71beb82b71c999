"""Organizations (and people) the statistical model misses, found from the words around them.

The small English model knows famous companies but misses or mislabels less-known ones
(a start-up's name looks like a surname). News prose usually says what a name is: "chip
maker X", "search giant X", "companies including X, Y and Z", "X, a Washington-based think
tank". These rules read that context from the dependency parse; they never list names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from variorum.core.extract.lemmas import lemma
from variorum.core.extract.vocab import (
    COMPANY_SUFFIXES,
    CONCEPT_HEADS,
    DESCRIPTOR_NOUNS,
    FALSE_ENTITY_WORDS,
    LEGAL_SUFFIXES,
    NAME_PARTICLES,
    ORG_HEADS,
    ORG_NOUNS,
    OWNERSHIP_WORDS,
    PEOPLE_TOO_NOUNS,
    PERSON_ROLES,
    POST_ORG_NOUNS,
    SETTLEMENT_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LIST_WORDS = frozenset({"including", "include", "includes", "like", "as"})


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    return (
        tok.pos_ == "PROPN"
        and any(c.isupper() for c in text)
        and text.lower() not in FALSE_ENTITY_WORDS
        and any(c.isalpha() for c in text)
    )


def name_run(tok: Token) -> tuple[int, int] | None:
    """Character span of the proper-noun run that ends at ``tok`` ("Huawei Technologies")."""
    if not _is_name_token(tok):
        return None
    doc = tok.doc
    first = tok.i
    while first > 0 and _is_name_token(doc[first - 1]) and doc[first - 1].head.i >= first:
        first -= 1
    last = tok.i
    while (
        last + 1 < len(doc)
        and _is_name_token(doc[last + 1])
        and doc[last].head.i == last + 1
        and doc[last].dep_ == "compound"
    ):
        last += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _org_noun(tok: Token) -> bool:
    return tok.lower_ in ORG_NOUNS or lemma(tok).lower() in ORG_NOUNS


def _names_a_body(noun: Token, name: Token) -> bool:
    """The noun before or beside a name says it is an organization, unless it describes
    people as often and the model read the name as a person's ("property developer X")."""
    return _org_noun(noun) and not (name.ent_type_ == "PERSON" and noun.lower_ in PEOPLE_TOO_NOUNS)


def _appositions(tok: Token) -> list[Token]:
    """The nouns in apposition to a name, nearest first. Only the nearest describes the name
    itself: in "X, a labor economist at the Y Center, a liberal think tank" the parser hangs
    the second on X too, but it describes the Center."""
    return [c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "NOUN"]


def _list_members(head: Token) -> list[Token]:
    members = [head]
    members.extend(head.conjuncts)
    return members


_PRECEDING_WORD_RE = re.compile(r"([\w-]+)[ \t\u00a0]+$")
_NOT_ORG_TYPES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def _after_org_noun(tok: Token, text: str) -> tuple[int, int] | None:
    """ "start-up Quenchly": an organization noun written right before a name. Works on the
    characters, because hyphenated nouns and unknown names often defeat the parser."""
    doc = tok.doc
    if tok.i > 0 and _is_name_token(doc[tok.i - 1]):
        opener = doc[tok.i - 1]  # "Chipmaker Qorvane said ...": the noun opens the sentence
        if not (opener.is_sent_start and opener.lower_ in DESCRIPTOR_NOUNS):
            return None
    if tok.ent_type_ in _NOT_ORG_TYPES or not tok.text[:1].isupper():
        return None
    if tok.lower_ in PERSON_ROLES:
        return None  # "the party Chairman Reince Priebus": a person's title after the noun
    before = _PRECEDING_WORD_RE.search(text, max(0, tok.idx - 40), tok.idx)
    if not before or before.group(1).lower() not in ORG_NOUNS:
        return None
    if tok.ent_type_ == "PERSON" and before.group(1).lower() in PEOPLE_TOO_NOUNS:
        return None
    last = tok.i
    while last + 1 < len(doc) and _is_name_token(doc[last + 1]):
        last += 1
    return tok.idx, doc[last].idx + len(doc[last].text)


def _legal_form_run(tok: Token) -> tuple[int, int] | None:
    """ "Andes Lithium Corp": capitalised words ending with a legal-form word."""
    if tok.lower_ not in LEGAL_SUFFIXES or not tok.text[:1].isupper():
        return None
    doc = tok.doc
    first = tok.i
    while (
        first > 0
        and doc[first - 1].text[:1].isupper()
        and doc[first - 1].is_alpha
        and not doc[first - 1].is_stop
        and not doc[first - 1].is_sent_start
        and doc[first - 1].ent_type_ not in _NOT_ORG_TYPES
    ):
        first -= 1
    opener = doc[first - 1] if first > 0 else None
    if opener is not None and opener.is_sent_start and opener.pos_ == "PROPN":
        first -= 1  # the run may open the sentence
    if first == tok.i:
        return None
    return doc[first].idx, tok.idx + len(tok.text)


def _before_org_noun(tok: Token) -> tuple[int, int] | None:
    """ "whose Patria Nueva movement": a capitalised name right before a lower-case
    organization noun that it modifies."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in POST_ORG_NOUNS or not nxt.text.islower():
        return None
    spokes = nxt.lower_ in ("spokesman", "spokeswoman", "spokesperson")
    if tok.ent_type_ in _NOT_ORG_TYPES or (tok.ent_type_ == "GPE" and not spokes):
        return None  # "the Ohio group": where the body is; but "a Kremlin spokesman" speaks for one
    first = tok.i
    while first > 0 and _is_name_token(doc[first - 1]):
        first -= 1
    founded = nxt.lower_ in ("founder", "co-founder", "cofounder")  # no person has a founder
    if (
        tok.ent_type_ == "PERSON"
        and not founded
        and (first == tok.i or nxt.lower_ in ("group", "network"))
    ):
        return None  # "the Sanders movement", "the Smith group": named after a person
    return doc[first].idx, tok.idx + len(tok.text)


def _employer(tok: Token) -> tuple[int, int] | None:
    """ "chief investment strategist at Caldwell Brooks", "a professor at X": the place of
    work after a job title is an organization (the model often reads an unknown firm named
    like a person as one)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lower_ not in TITLE_WORDS:
        return None
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.ent_type_ in _NOT_ORG_TYPES:
        return None  # "a nurse at Ashby" may name the town
    return name_run(tok)


def context_orgs(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, rule id) of the spans the context calls an organization; each rule id is
    in ``rules/entities.toml``."""
    text = doc.text  # built from the tokens on every access: read it once
    spans: set[tuple[int, int, str]] = set()

    def add(span: tuple[int, int] | None, rule: str) -> None:
        if span is not None:
            spans.add((span[0], span[1], rule))

    for span in owned_names(text):
        add(span, "entity.org.owned")
    for span in listed_after_org_noun(text, speech_verb_starts(doc)):
        add(span, "entity.org.listed-after-noun")
    for span in named_between_commas(text):
        add(span, "entity.org.between-commas")
    for tok in doc:
        if not _is_name_token(tok):
            if tok.lower_ in _LIST_WORDS and tok.dep_ == "prep":
                _add_list_members(tok, add)
            continue
        add(_before_org_noun(tok), "entity.org.before-org-noun")
        add(_employer(tok), "entity.org.employer")
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and _names_a_body(tok.head, tok):
            add(name_run(tok), "entity.org.apposition")  # "the aviation authority, ENAC,"
        add(_after_org_noun(tok, text), "entity.org.after-org-noun")
        # "chip maker Nvidia", "telecom company Huawei Technologies"
        if any(
            c.dep_ == "compound"
            and _names_a_body(c, tok)
            and c.i < tok.i
            and "\n" not in text[c.idx : tok.idx]  # a heading's last word is not a noun of it
            for c in tok.lefts
        ):
            add(name_run(tok), "entity.org.compound-noun")
        # "X, a venture-capital firm"
        if any(_names_a_body(c, tok) for c in _appositions(tok)[:1]):
            add(name_run(tok), "entity.org.described-as")
        # "the Maritime Standards Tribunal upheld ...", which the model did not see at all:
        # a run of proper nouns ending with a body's head word names that body
        if tok.lower_ in ORG_HEADS and not tok.ent_type_:
            run = name_run(tok)
            if run and run[0] < tok.idx and run[1] == tok.idx + len(tok.text):
                add(run, "entity.org.head-run")
    for tok in doc:
        if tok.lower_ in LEGAL_SUFFIXES:
            add(_legal_form_run(tok), "entity.org.legal-form")
    return sorted(spans)


def _add_list_members(tok: Token, add: Callable[[tuple[int, int] | None, str], None]) -> None:
    """ "companies including X, Y and Z", "firms such as X"."""
    owner = tok.head
    if owner.lower_ == "such":
        owner = owner.head
    if not _org_noun(owner):
        return
    for child in tok.children:
        if child.dep_ == "pobj":
            for member in _list_members(child):
                add(name_run(member), "entity.org.such-as")


_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP_WORD = rf"[{_UPPER}][\w'’&\-]*"
_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
NAME_RE = rf"{_CAP_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)?{_CAP_WORD})*"
"""A capitalised name written out, lower-case particles inside allowed ("Ferrovias do
Norte"): what a context rule reads when the parser cut the name in pieces."""
_OWNED = "|".join(re.escape(w) for w in sorted(OWNERSHIP_WORDS, key=len, reverse=True))
_OWNED_RE = re.compile(
    rf"(?:\b(?:{_OWNED})|[\w.]+-(?:listed|owned|backed|controlled))[ \t]+"
    rf"(?:[a-z][\w\-]*[ \t]+){{0,2}}({NAME_RE})"
)
"""'the state-owned Ferrovias do Norte', 'Nasdaq-listed X', 'the state-owned utility X'."""
_LIST_ITEM = rf"(?:the[ \t]+)?(?:(?:{_OWNED})[ \t]+)?({NAME_RE})"
_LIST_SEP = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
_PLURAL_ORG_NOUNS = "|".join(
    sorted(
        (
            w
            for w in ORG_NOUNS
            if w.endswith("s") and w[:-1] in ORG_NOUNS and w not in PEOPLE_TOO_NOUNS
        ),
        key=len,
        reverse=True,
    )
)
_LIST_ITEM_NC = rf"(?:the[ \t]+)?(?:(?:{_OWNED})[ \t]+)?{NAME_RE}"
_LISTED_RE = re.compile(
    rf"\b(?=[\w\-]+,?[ \t])(?i:{_PLURAL_ORG_NOUNS})(,?)[ \t]+{_LIST_ITEM}"
    rf"((?:{_LIST_SEP}{_LIST_ITEM_NC})*)(.{{0,20}})"
)
"""The look-ahead only says what a match implies (the noun is the whole word, a comma or a
space follows): a word not so followed is passed over without trying 100 nouns on it, which
made this search a tenth of the rules' time on a book-length text. Same for the one below."""
assert all(re.fullmatch(r"[\w\-]+", w) for w in ORG_NOUNS), "the look-aheads assume single words"
_ITEM_RE = re.compile(_LIST_ITEM)
_NEXT_WORD_RE = re.compile(r"[\s,]*(\w+)")


_ALL_ORG_NOUNS = "|".join(sorted(ORG_NOUNS, key=len, reverse=True))
_BETWEEN_COMMAS_RE = re.compile(rf"\b(?=[\w\-]+,)(?:{_ALL_ORG_NOUNS}),[ \t]+({NAME_RE}),")


def named_between_commas(text: str) -> list[tuple[int, int]]:
    """ "Italy's civil aviation authority, ENAC, said": a name set off by commas right after
    an organization noun (the parser often makes it a second subject, not an apposition).
    The closing comma matters: "the company, Smith said, ..." has none after the name. The
    noun is a common noun in lower case: "the owner of the X Country Club, Mark Schmidt,"
    sets off the owner's name after the club's."""
    return [m.span(1) for m in _BETWEEN_COMMAS_RE.finditer(text)]


def owned_names(text: str) -> list[tuple[int, int]]:
    """Names after an ownership adjective: "state-owned", "family-run", "Nasdaq-listed"
    describe companies and institutions, never people or places."""
    return [m.span(1) for m in _OWNED_RE.finditer(text)]


def speech_verb_starts(doc: Doc) -> frozenset[int]:
    """Character offsets where a speech verb ("said", "wrote", "argues") begins."""
    return frozenset(
        t.idx for t in doc if t.pos_ in ("VERB", "AUX") and lemma(t).lower() in SPEECH_VERBS
    )


def listed_after_org_noun(
    text: str, speech_verbs: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """ "the other two operators, X and the state-owned Y": names listed after a plural
    organization noun. After a comma the list must look like a list (two names, or a
    closing comma) and not be the subject of "said" ("its rivals, Smith said")."""
    spans: list[tuple[int, int]] = []
    for m in _LISTED_RE.finditer(text):
        comma, rest, after = m.group(1), m.group(3), m.group(4)
        items = [m.span(2)] + [
            (m.start(3) + i.start(1), m.start(3) + i.end(1)) for i in _ITEM_RE.finditer(rest)
        ]
        if comma:
            following = _NEXT_WORD_RE.match(after)
            if following and m.start(4) + following.start(1) in speech_verbs:
                continue
            if len(items) < 2 and not after.lstrip(" \t").startswith(","):
                continue
        spans.extend(items)
    return spans


# Found from the parenthesis back: the acronym "(ITF)" first, then the name run that ends
# right before it, searched in a bounded window. One regex (name run, then the parenthesis)
# re-scanned a run of capitalised words from each of its words: n² on "By By By ...".
_ACRONYM_RE = re.compile(r"\([ \t]*([A-Z][A-Za-z&.]{1,9})[ \t]*\)")
_DEFINED_NAME_RE = re.compile(
    rf"({NAME_RE}(?:[ \t]+(?:of|for|and|&|on|the|{_PARTICLE})[ \t]+{NAME_RE})*)[ \t]*\Z"
)
_NAME_WINDOW = 200
"""Characters before an acronym searched for the name it abbreviates."""


def _acronym_matches(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, acronym) of each "Name Of The Body (ACR)"."""
    found: list[tuple[int, int, str, str]] = []
    for paren in _ACRONYM_RE.finditer(text):
        offset = max(0, paren.start() - _NAME_WINDOW)
        name = _DEFINED_NAME_RE.search(text, offset, paren.start())
        if name is not None:
            found.append((name.start(1), name.end(1), name.group(1), paren.group(1)))
    return found


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).upper()


def acronym_definitions(text: str) -> list[tuple[int, int]]:
    """ "International Transport Forum (ITF)": the capitalised words whose initials spell the
    acronym that follows (function words skipped), unless the name is an idea or a measure
    ("Consumer Price Index (CPI)"). Bodies define acronyms for themselves; people do not."""
    spans: list[tuple[int, int]] = []
    for name_start, name_end, name, written_acronym in _acronym_matches(text):
        written = written_acronym.replace(".", "").replace("&", "")
        upper = [c for c in written if c.isupper()]
        if len(upper) < 2 or len(written) - len(upper) > 2:
            continue  # "(Reuters)", "(NatWest)": a name, not an acronym ("PhRMA" is one)
        acronym = "".join(upper)
        if written_acronym.lower() in FALSE_ENTITY_WORDS or acronym.lower() in (FALSE_ENTITY_WORDS):
            continue  # "Artificial Intelligence (AI)", "Initial Public Offering (IPO)"
        words = re.findall(r"[\w'’&\-]+", name)
        starts = [w.start() for w in re.finditer(r"[\w'’&\-]+", name)]
        # the shortest tail of the run whose capitalised words spell the acronym
        for i in range(len(words) - 1, -1, -1):
            if not words[i][:1].isupper():
                continue
            caps = [w for w in words[i:] if w[:1].isupper()]
            if _initials(caps) == acronym:
                idea = words[-1].lower() in CONCEPT_HEADS and not any(
                    w.lower() in ORG_HEADS for w in words[i:]
                )
                idea = idea or all(w.lower() in TITLE_WORDS for w in caps)  # "Chief ... (CEO)"
                if not idea and len(caps) >= 2:
                    spans.append((name_start + starts[i], name_end))
                break
    return spans


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_PERSON_WORD = rf"[{_UPPER}][a-zà-ÿ'’]+(?:-[{_UPPER}]?[a-zà-ÿ'’]+)*"
_PERSONAL_CUE_RE = re.compile(
    rf"(?<![\w\-])({_PERSON_WORD}(?:[ \t]+{_PERSON_WORD}){{1,2}})"
    r"(?:[ \t]+and[ \t]+(?:her|his)\b|,[ \t]+who\b)"
)


def pronoun_people(text: str) -> list[tuple[int, int]]:
    """ "Claire Marchal and her brother", "Derek Holloway, who ran the branch": a name that
    "her", "his" or "who" refers to is a person's (organizations take "its" and "which")."""
    spans = []
    for m in _PERSONAL_CUE_RE.finditer(text):
        words = [w.lower() for w in m.group(1).split()]
        if any(w in ORG_NOUNS or w in ORG_HEADS or w in COMPANY_SUFFIXES for w in words):
            continue
        start = m.start(1)
        for word in m.group(1).split()[:-1]:  # "Mrs Pollard, who": the name after the title
            if word.lower() not in TITLE_WORDS:
                break
            start = text.index(word, start) + len(word)
            start = len(text) - len(text[start:].lstrip(" \t"))
        spans.append((start, m.end(1)))
    return spans


def context_people(doc: Doc) -> list[tuple[int, int]]:
    """Names followed by an apposition describing a person ("X Y, a harbour pilot", "X Y,
    the chairman of ..."): the apposition's noun is not an organization noun."""
    spans: set[tuple[int, int]] = set()
    text = doc.text
    for tok in doc:
        if not _is_name_token(tok) or tok.ent_type_ in _PLACE_TYPES:
            continue
        appos = _appositions(tok)[:1]
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            appos.append(tok.head)  # "Her lawyer, Marcus Hale, said": the noun comes first
        if not appos or any(_org_noun(c) for c in appos):
            continue
        run = name_run(tok)
        if run is None:
            continue
        words = text[run[0] : run[1]].split()
        looks_personal = all(w[:1].isupper() and w[1:].islower() for w in words)
        if (
            2 <= len(words) <= 3
            and looks_personal
            and not any(
                w.lower() in ORG_NOUNS or w.lower() in ORG_HEADS or w.lower() in COMPANY_SUFFIXES
                for w in words
            )
            and words[-1].lower() not in SETTLEMENT_WORDS  # no person is called "X Town"
        ):
            spans.add(run)
    return sorted(spans)
