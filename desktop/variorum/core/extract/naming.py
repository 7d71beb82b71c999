"""Names introduced by "called", "named" or "dubbed": the noun before says what they are.

"a chatbot called X", "a phone named X": a product, which the model often tags as a person or
a place; "a start-up called X", "a firm named X": an organization. Products are not in the
sidebar, so their names get a vote of their own that keeps them out of both lists.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from variorum.core.extract.lemmas import lemma as lemma_of
from variorum.core.extract.orgcontext import name_run
from variorum.core.extract.vocab import ORG_NOUNS, PRODUCT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRODUCT = "PRODUCT"
_NAMING_VERBS = frozenset({"called", "named", "dubbed", "branded", "christened"})
_WORD_BEFORE_RE = re.compile(r"([\w-]+)[ \t,]+$")


def _described_by(verb: Token) -> str | None:
    """PRODUCT or ORG from the noun the naming verb hangs on, looking a few heads up
    ("a product similar to X called Y" hangs on X, inside the phrase about "product")."""
    text = verb.doc.text
    before = _WORD_BEFORE_RE.search(text, max(0, verb.idx - 40), verb.idx)
    if before and before.group(1).lower() in ORG_NOUNS:
        return "ORG"
    node = verb.head
    for _ in range(4):
        lemma = lemma_of(node).lower()
        if node.pos_ == "NOUN" and lemma in PRODUCT_NOUNS:
            return PRODUCT
        if node.pos_ == "NOUN" and (lemma in ORG_NOUNS or node.lower_ in ORG_NOUNS):
            return "ORG"
        if node.head is node:
            break
        node = node.head
    return None


def named_things(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, "PRODUCT" | "ORG") for names after a naming verb, and for names in
    apposition to a product noun ("its health chatbot, MedPal,")."""
    found: list[tuple[int, int, str]] = []
    for tok in doc:
        if (
            tok.dep_ == "appos"
            and tok.pos_ == "PROPN"
            and tok.head.pos_ == "NOUN"
            and lemma_of(tok.head).lower() in PRODUCT_NOUNS
        ):
            run = name_run(tok)
            if run:
                found.append((*run, PRODUCT))
        product = _product_line(tok)
        if product is not None:
            found.append((*product, PRODUCT))
        if tok.lower_ not in _NAMING_VERBS or tok.dep_ != "acl":
            continue
        label = _described_by(tok)
        if label is None:
            continue
        for child in tok.children:
            if child.dep_ in ("oprd", "dobj", "attr", "xcomp") and child.pos_ == "PROPN":
                run = name_run(child)
                if run:
                    found.append((*run, label))
    return found


_VERSION_RE = re.compile(r"\d+(?:\.\d+)+|v\d+(?:\.\d+)*")


def _product_line(tok: Token) -> tuple[int, int] | None:
    """The name run ending at ``tok`` when it names a product line: "its Blackwell chips"
    (a name modifying a product noun that a company owns; "Nvidia chips" alone may be the
    company's), or "Ernie 5.0" (a name with a version number)."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and _VERSION_RE.fullmatch(nxt.text):
        return name_run(tok)
    head = tok.head
    if (
        tok.dep_ in ("compound", "amod", "nmod")
        and head.pos_ == "NOUN"
        and lemma_of(head).lower() in PRODUCT_NOUNS
        and head.i == tok.i + 1
        and any(c.dep_ == "poss" for c in head.children)
    ):
        return name_run(tok)
    return None
