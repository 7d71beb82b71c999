"""Text features: what survives a re-post's typography, what a name and a quote are."""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np

from tests.conftest import SAMPLES_DIR
from variorum.core.ingest import load_file
from variorum.core.stories.features import (
    features_batch,
    names_of,
    quotes_of,
    shingles,
    text_features,
)
from variorum.core.stories.scan import word_hash, words_of


def test_typography_does_not_change_shingles() -> None:
    plain = 'He said "we will build it" - and left.'
    styled = "He  said \u201cwe will build it\u201d \u2014 and\u00a0left."
    assert words_of(plain) == words_of(styled)
    assert np.array_equal(shingles(words_of(plain)), shingles(words_of(styled)))


def test_word_hashes_are_the_same_in_every_process() -> None:
    """A cluster compares signatures made by different interpreters (with other hash seeds)."""
    assert word_hash("calder") == zlib.crc32(b"calder")
    code = (
        "from variorum.core.stories.features import shingles;"
        "from variorum.core.stories.scan import words_of;"
        "print(shingles(words_of('the plant will produce forty million litres a day')).tolist())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "99", "PATH": ""},
    )
    here = shingles(words_of("the plant will produce forty million litres a day")).tolist()
    assert out.stdout.strip() == str(here)


def test_names_skip_sentence_openers_and_headlines() -> None:
    text = (
        "Council Approves Plant After Long Drought\n"
        "Despite the cost, Mayor Daniel Ferreira backed the plan. Ferreira said the city "
        "had no choice. Halvorsen & Reyes will build it on Monday."
    )
    names = names_of(text)
    assert "daniel ferreira" in names
    assert "ferreira" in names  # on its own, and as the last word of the full name
    assert "despite" not in names  # capitalised only because it opens a sentence
    assert "council approves plant" not in " | ".join(names)  # a headline-case line
    assert "monday" not in names
    assert "reyes" in names
    assert "halvorsen" not in names  # opens a sentence and is capitalised nowhere else


def test_quotes_in_every_style() -> None:
    text = (
        "\u201cThis is the most important decision,\u201d he said. "
        "She said \u00abwe cannot keep praying for rain\u00bb. "
        "''It becomes harder and harder,'' Garin added. A \"scare\" quote."
    )
    quotes = [" ".join(q) for q in quotes_of(text)]
    assert quotes == [
        "this is the most important decision",
        "we cannot keep praying for rain",
        "it becomes harder and harder",
    ]


def test_sentences_keep_content_words_only() -> None:
    feats = text_features(
        "The plant will produce water. It is in the north of the city. It is a plant."
    )
    sets = [set(s.tolist()) for s in feats.sentence_sets()]
    assert sets == [{word_hash(w) for w in ("plant", "produce", "water")}]
    # "north" and "city" alone, and "plant" alone, are too little to match a sentence on


def test_sentence_containment_counts_books_as_it_counts_articles(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Long texts count sentence hits sparsely; the answer is the same."""
    from variorum.core.stories import verify

    samples = sorted(Path(SAMPLES_DIR).glob("*.txt"))
    feats = [text_features(load_file(p).text) for p in samples]
    dense = [verify.sentence_containment(a, b) for a in feats for b in feats]
    assert 0 < min(dense) < max(dense) <= 1
    monkeypatch.setattr(verify, "DENSE_CELLS", 0)
    assert [verify.sentence_containment(a, b) for a in feats for b in feats] == dense


def test_articles_read_together_read_as_each_alone() -> None:
    """Features are computed over many articles' tokens at once; nothing crosses from one
    article into the next (shingles, sentences, quotes that an article leaves open)."""
    samples = [load_file(p).text for p in sorted(Path(SAMPLES_DIR).glob("*.txt"))]
    texts = [
        samples[0],
        "",
        'Short "open quote',
        "Four words, no more",
        'continues here for a while," Mayor Jones said. Ferreira agreed.',
        samples[1],
        'A "quote that runs\nover a line break opens nothing. "Only this one counts here."',
        samples[2],
    ]
    together = features_batch(texts)
    fields = ("shingles", "sentences", "sentence_ends", "quote_words", "names", "quote_keys")
    for text, batch in zip(texts, together, strict=True):
        alone = text_features(text)
        assert batch.words == alone.words
        for field in fields:
            assert np.array_equal(getattr(batch, field), getattr(alone, field)), field
    # the open quote of the third text does not pair with the quote mark of the fifth
    assert len(together[2].quote_words) == 0 and len(together[4].quote_words) == 0
    assert len(together[3].shingles) == 1  # shorter than a shingle: one run of all its words
    assert [" ".join(q) for q in quotes_of(texts[6])] == ["only this one counts here"]


def test_ascii_texts_are_cut_as_any_text() -> None:
    """The bytes path for ASCII texts gives the codes the str path gives, marks and quote
    runs included; a text with one non-ASCII letter takes the str path."""
    from variorum.core.stories.scan import codes_of, fold_marks, text_codes, tokens_of

    texts = [
        path.read_text(encoding="utf-8") for path in sorted(Path(SAMPLES_DIR).glob("*.txt"))
    ]
    texts += [
        'He said ""it\'s done."" Then: "No!"\nO\'Brien_2 won 3-1? Yes.',
        "Café owner Zoë said \"the ÉCOLE is closed\" on Monday.",
        "",
    ]
    for text in texts:
        folded = fold_marks(text)
        assert np.array_equal(text_codes(folded), codes_of(tokens_of(folded)))
        assert np.array_equal(text_codes(folded), codes_of(tokens_of(folded)))  # from the table
