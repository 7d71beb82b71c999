"""Lemmas on demand: the pipeline leaves them out, and the rules ask for the few they read.

Why: spaCy's rule lemmatizer costs a tenth of a millisecond for every new (word, part of
speech, morphology) it meets (cached after that), so a fresh worker spends about a second of
its first Darwin edition lemmatising words no rule ever looks at. The rules read the lemma of
a few tokens only (verbs of speech, nouns heading a name, place words), so
:class:`~variorum.core.extract.attributes.AttributeTable` registers the pipeline's own
lemmatizer here instead of running it, and :func:`lemma` asks it for one token: the same
answer the lemmatizer would have stored, since its result depends only on the token's text,
part of speech and morphology (what spaCy keys its own cache on). Lemmas set by the attribute
rules ("'d" -> "would") are on the token already and used as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

_lemmatizers: dict[int, tuple[Any, Any]] = {}
"""id(vocab) -> (vocab, the lemmatizer left out of that vocab's pipeline). The vocab is kept
so its id cannot be reused; a process loads one or two pipelines and keeps them."""


def defer(vocab: Any, lemmatizer: Any) -> None:
    """Tokens of ``vocab`` get their lemmas from ``lemmatizer`` when asked."""
    _lemmatizers[id(vocab)] = (vocab, lemmatizer)


def lemma(tok: Token) -> str:
    """``tok.lemma_`` as the full pipeline would have set it (stored on the token once asked)."""
    if tok.lemma:
        return tok.lemma_
    entry = _lemmatizers.get(id(tok.vocab))
    if entry is None:  # a pipeline that sets lemmas itself
        return tok.lemma_
    tok.lemma_ = entry[1].lemmatize(tok)[0]
    return tok.lemma_
