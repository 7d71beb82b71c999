"""Organizations the statistical model misses, found from the words around them.

The small English model knows famous companies but misses or mislabels less-known ones
(a start-up's name looks like a surname). News prose usually says what a name is: "chip
maker X", "search giant X", "companies including X, Y and Z", "X, a Washington-based think
tank". These rules read that context from the dependency parse; they never list names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract.vocab import FALSE_ENTITY_WORDS, ORG_NOUNS

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
    return tok.lower_ in ORG_NOUNS or tok.lemma_.lower() in ORG_NOUNS


def _list_members(head: Token) -> list[Token]:
    members = [head]
    members.extend(head.conjuncts)
    return members


def context_orgs(doc: Doc) -> list[tuple[int, int]]:
    """Spans the context calls an organization."""
    spans: set[tuple[int, int]] = set()
    for tok in doc:
        # "chip maker Nvidia", "telecom company Huawei Technologies"
        if _is_name_token(tok) and any(
            c.dep_ == "compound" and _org_noun(c) and c.i < tok.i for c in tok.lefts
        ):
            run = name_run(tok)
            if run:
                spans.add(run)
        # "X, a venture-capital firm"
        if _is_name_token(tok) and any(
            c.dep_ == "appos" and _org_noun(c) and c.pos_ == "NOUN" for c in tok.children
        ):
            run = name_run(tok)
            if run:
                spans.add(run)
        # "companies including X, Y and Z", "firms such as X"
        if tok.lower_ in _LIST_WORDS and tok.dep_ == "prep":
            owner = tok.head
            if owner.lower_ == "such":
                owner = owner.head
            if not _org_noun(owner):
                continue
            for child in tok.children:
                if child.dep_ != "pobj":
                    continue
                for member in _list_members(child):
                    run = name_run(member)
                    if run:
                        spans.add(run)
    return sorted(spans)
