"""The attribute table and lemmas on demand give every token what spaCy's own attribute ruler
and lemmatizer give it (the pipeline ``load_pipeline`` returns leaves both out)."""

from __future__ import annotations

import spacy
from spacy.language import Language

from variorum.core.extract.attributes import NAME
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.model import _break_at_lines, default_pipeline

TEXTS = [
    "Anna Kovac said on Tuesday that she'd been gonna leave, but there is no way "
    "y'all ain't coming. “I can't,” he told them. We're doin' fine; c'mon, let's go.\n\n"
    "The ministers were meeting in Brussels. It was him who'd written it himself.",
    "  Whitespace  \n\n leads\tthis one. Dogs barked; the geese flew. Was it raining? "
    "They have had enough and did what they had to. Being there, he has been told.",
    "The variations of pigeons under domestication are, I think, greater than those of "
    "wild birds; but whether they are so is doubtful, as Mr. Darwin wrote in 1859.",
]


def test_pipeline_leaves_out_the_ruler_and_lemmatizer(nlp: Language) -> None:
    assert NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names


def test_every_token_as_spacy_sets_it(nlp: Language) -> None:
    original = spacy.load(default_pipeline())
    _break_at_lines(original)  # the line-break component both have
    for text in TEXTS:
        ours, theirs = nlp(text), original(text)
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert (a.text, a.tag_, a.pos_, str(a.morph), a.dep_) == (
                b.text,
                b.tag_,
                b.pos_,
                str(b.morph),
                b.dep_,
            )
            assert lemma(a) == b.lemma_, a.text
            assert a.lemma_ == b.lemma_  # stored on the token once asked


def test_rule_lemmas_are_set_without_asking(nlp: Language) -> None:
    doc = nlp("She'd gone. I was there.")
    said = {t.text: t.lemma_ for t in doc if t.lemma}
    assert said.get("'d") == "would" or said.get("'d") == "have"
    assert said["was"] == "be"
    assert doc[2].text == "gone"
    assert not doc[2].lemma  # left for lemma() to compute
    assert lemma(doc[2]) == "go"
