"""Acceptance on the real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import seed_path
from variorum.core.article import Article
from variorum.core.changes import Change, ChangeKind, Comparison, UnitStatus
from variorum.core.diff import compare_texts
from variorum.core.ingest import load_file
from variorum.core.options import CompareOptions
from variorum.core.tokens import Vocabulary, tokenize

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    return {n: load_file(seed_path(seeds_dir, n)) for n in ("000", "001", "002")}


@pytest.fixture(scope="module")
def darwin(corpus_dir: Path) -> dict[str, Article]:
    folder = corpus_dir / "darwin"
    return {y: load_file(folder / f"darwin-origin-ch1-{y}.txt") for y in ("1859", "1860", "1872")}


def edits(c: Comparison) -> list[tuple[str, str, str]]:
    return [(ch.kind.value, ch.a_text, ch.b_text) for ch in c.changes]


def test_000_vs_001_shows_the_real_edits(seeds: dict[str, Article]) -> None:
    a, b = seeds["000"].text, seeds["001"].text
    c = compare_texts(a, b)
    found = edits(c)
    assert ("replace", "semiconductor", "chip") in found
    assert ("replace", "will deliver", "delivered") in found
    inserted = [t for k, _, t in found if k == "insert"]
    assert any(t.startswith("Despite intense competition in Artificial") for t in inserted)
    assert any("Altman notes that the Chinese are reputed" in t for t in inserted)
    deleted = [t for k, t, _ in found if k == "delete"]
    for dropped in ("On Friday, thousands of participants", "Tegmark, who attended in person",
                    "Write to Karen Hao"):
        assert any(t.startswith(dropped) for t in deleted), dropped


def test_000_vs_001_has_no_quote_or_space_noise(seeds: dict[str, Article]) -> None:
    c = compare_texts(seeds["000"].text, seeds["001"].text)
    vocab = Vocabulary()
    options = CompareOptions()
    for ch in c.changes:
        # no change is only a difference of quote style, dash or non-breaking space
        left = tokenize(ch.a_text, options, vocab).codes
        right = tokenize(ch.b_text, options, vocab).codes
        assert left != right, ch
        assert ch.a_text.strip("\"“”'‘’ \u00a0") or ch.b_text.strip("\"“”'‘’ \u00a0"), ch
    # 001's curly quotes and non-breaking spaces are everywhere; none is reported
    assert not any(ch.b_text.strip() == "\u00a0" for ch in c.changes)
    assert len(c.changes) < 30


def test_000_vs_001_strict_reports_the_noise(seeds: dict[str, Article]) -> None:
    loose = compare_texts(seeds["000"].text, seeds["001"].text)
    strict = compare_texts(seeds["000"].text, seeds["001"].text, CompareOptions.strict())
    assert len(strict.changes) > len(loose.changes) + 10


def test_000_vs_002_pairs_the_talent_quote_with_a_two_word_change(
    seeds: dict[str, Article],
) -> None:
    a, b = seeds["000"].text, seeds["002"].text
    c = compare_texts(a, b)
    a_at = a.index("China has some of the best AI talent in the world")
    b_at = b.index("China has the best AI talent in the world")
    pair = [u for u in c.units if u.a_start <= a_at < u.a_end and u.b_start <= b_at < u.b_end]
    assert pair and pair[0].status is UnitStatus.MODIFIED
    some_of = [ch for ch in c.changes if ch.kind is ChangeKind.DELETE and ch.a_text == "some of"]
    assert len(some_of) == 1
    assert a_at < some_of[0].a_start < a_at + 20
    assert b_at < some_of[0].b_start < b_at + 20


def _moved(c: Comparison) -> list[Change]:
    return [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]


def test_reordered_paragraphs_of_a_seed_show_as_moved(seeds: dict[str, Article]) -> None:
    paras = seeds["002"].paragraph_texts()
    reordered = [paras[0], *paras[3:6], paras[1], paras[2], *paras[6:]]
    edited = [p.replace("Huawei", "Huawei Technologies") for p in reordered]
    c = compare_texts(seeds["002"].text, "\n\n".join(edited))
    moved_texts = {ch.a_text for ch in _moved(c)}
    assert moved_texts >= {paras[1]} or moved_texts >= {paras[3], paras[4], paras[5]}
    assert not any(ch.kind is ChangeKind.DELETE and ch.a_text in paras for ch in c.changes)
    assert not any(ch.kind is ChangeKind.INSERT and ch.b_text in edited for ch in c.changes)


def test_darwin_1859_vs_1872_pairs_every_paragraph(darwin: dict[str, Article]) -> None:
    old, new = darwin["1859"], darwin["1872"]
    c = compare_texts(old.text, new.text)
    assert c.notices == ()
    assert not any(u.coarse for u in c.units)
    for p in old.paragraphs:
        units = [u for u in c.units if u.a_start < p.end and p.start < u.a_end]
        paired = [u for u in units if u.status is not UnitStatus.DELETED]
        covered = sum(min(u.a_end, p.end) - max(u.a_start, p.start) for u in paired)
        # 0.4, not 1: Darwin rewrote the second half of one paragraph (Horner's researches)
        assert covered >= 0.4 * (p.end - p.start), old.text[p.start : p.start + 80]
    assert 0.7 < c.similarity < 0.95


def test_darwin_1859_vs_1860_is_a_short_collation(darwin: dict[str, Article]) -> None:
    c = compare_texts(darwin["1859"].text, darwin["1860"].text)
    assert c.similarity > 0.97
    assert ("replace", "1859", "1860") in edits(c)
    # an editor's collation: small, word-sized changes, no paragraph-sized blocks
    long_ones = [ch for ch in c.changes if len(ch.a_text) + len(ch.b_text) > 400]
    assert len(long_ones) <= 2
    assert not _moved(c)
