"""Extraction steps run on pathological text in a worker process (so a test can bound their
time: a quadratic step is killed at the limit instead of running for hours)."""

from __future__ import annotations


def acronyms_after_a_run_of_capitalised_words(words: int) -> list[tuple[int, int]]:
    from variorum.core.extract.orgcontext import acronym_definitions

    return acronym_definitions("By " * words + "said the International Transport Forum (ITF).")


def places_among_many_people(people: int) -> int:
    """A doc of one-word PERSON entities tagged PROPN (a blank pipeline: no model needed)."""
    import spacy
    from spacy.tokens import Span

    from variorum.core.extract.places import place_spans

    nlp = spacy.blank("en")
    doc = nlp(" ".join(["Ann", "Bob"] * (people // 2)) + " the Paris-based group")
    for token in doc:
        token.pos_ = "PROPN"
    doc.ents = [Span(doc, i, i + 1, label="PERSON") for i in range(people)]
    return len(place_spans(doc))


def tokens_of_a_long_run(chars: int) -> int:
    import spacy

    from variorum.core.extract.layout import analyse_layout

    tokenizer = spacy.blank("en").tokenizer
    return len(tokenizer(analyse_layout("A story. " + "\u2014" * chars).nlp_text))
