"""Unit alignment: similarity, in-order pairing with merges, moves, and the two levels."""

from __future__ import annotations

from itertools import pairwise

import pytest

from variorum.core import worddiff
from variorum.core.align import align
from variorum.core.changes import Cancelled, UnitStatus
from variorum.core.options import CompareOptions
from variorum.core.similarity import (
    Pairing,
    bag_similarity,
    best_partners,
    likely_pairs,
    pair_in_order,
    pair_score,
    similarity,
)
from variorum.core.tokens import Vocabulary, tokenize


def test_similarity_is_share_of_tokens_in_common() -> None:
    assert similarity("abcd", "abcd") == 1.0
    assert similarity("abcd", "abxy") == pytest.approx(0.5)
    assert similarity("", "") == 1.0
    assert similarity("abcd", "wxyz") == 0.0


def test_pair_score_accepts_similar_or_contained_units() -> None:
    long = "abcdefghijklmnopqrst"
    assert pair_score(long, long[:10], 0.9) > 0  # cut down to its first half: contained
    assert pair_score("abc", "xyz", 0.5) < 0
    assert pair_score("abcdefghij", "jihgfedcba", 0.5) < 0
    assert pair_score("abcdefghij", "jihgfedcba", 0.5, reworded=True) >= 0
    assert bag_similarity("abc", "cba") == 1.0


def test_pair_in_order_keeps_order_and_merges_a_split_unit() -> None:
    a = ["abcdefghij", "KLMNOPQRST"]
    b = ["abcde", "fghij", "KLMNOPQRSx"]
    pairs = pair_in_order(
        a, b, 0.5, a_joinable=lambda k: True, b_joinable=lambda k: True
    )
    assert [(p.a_lo, p.a_hi, p.b_lo, p.b_hi) for p in pairs] == [(0, 1, 0, 2), (1, 2, 2, 3)]
    no_merge = pair_in_order(a, b, 0.5)
    assert all(p.b_hi - p.b_lo == 1 for p in no_merge)


def test_pair_in_order_never_pairs_dissimilar_units() -> None:
    assert pair_in_order(["abcdef"], ["uvwxyz"], 0.5) == []


def test_pair_in_order_can_be_cancelled() -> None:
    with pytest.raises(Cancelled):
        pair_in_order(["abc"], ["abc"], 0.5, cancel=lambda: True)


def test_best_partners_pairs_the_most_similar_first() -> None:
    pairs, complete = best_partners(["abcdef", "uvwxyz"], ["uvwxyQ", "abcdeQ"], 0.6)
    assert complete
    assert sorted((i, j) for i, j, _ in pairs) == [(0, 1), (1, 0)]
    _, stopped = best_partners(["abcdef"] * 50, ["abcdef"] * 50, 0.6, budget=10)
    assert not stopped


def test_likely_pairs_finds_partners_by_rare_tokens() -> None:
    a = [f"{chr(0x4E00 + 3 * i)}{chr(0x4E01 + 3 * i)}common" for i in range(30)]
    b = list(reversed(a))
    keep = likely_pairs(a, b)
    assert keep is not None
    for i in range(30):
        assert (i, 29 - i) in keep
    assert likely_pairs(a[:3], b[:3]) is None  # small: compare everything


def _align(a: str, b: str) -> list[tuple[str, str, str]]:
    vocab = Vocabulary()
    sa = tokenize(a, CompareOptions(), vocab)
    sb = tokenize(b, CompareOptions(), vocab)
    out = []
    for m in sorted(align(sa, sb).matches, key=lambda m: (m.b or (-1, -1), m.a or (-1, -1))):
        left = a[sa.span(*m.a)[0] : sa.span(*m.a)[1]] if m.a else ""
        right = b[sb.span(*m.b)[0] : sb.span(*m.b)[1]] if m.b else ""
        out.append((m.status.value, left, right))
    return out


def test_paragraphs_then_sentences() -> None:
    a = (
        "Council approves the plant after a long debate about water.\n\n"
        "The mayor spoke first. Critics left the room in protest. The vote was seven to two."
    )
    b = (
        "Council approves the plant after a long debate about water.\n\n"
        "The vote was seven to two. A new sentence about the harbour appears here."
    )
    result = _align(a, b)
    assert ("identical", "Council approves the plant after a long debate about water.",
            "Council approves the plant after a long debate about water.") in result
    assert ("identical", "The vote was seven to two.", "The vote was seven to two.") in result
    assert ("deleted", "The mayor spoke first. Critics left the room in protest.", "") in result
    assert ("inserted", "", "A new sentence about the harbour appears here.") in result


def test_a_huge_unit_is_aligned_by_sentences_then_shown_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(worddiff, "FAST_BUDGET", 100)
    monkeypatch.setattr(worddiff, "SLOW_BUDGET", 4)
    words = [f"w{i}" for i in range(60)]
    a = " ".join(words) + "."
    b = " ".join(w if i % 4 else "x" for i, w in enumerate(words)) + "."
    vocab = Vocabulary()
    sa = tokenize(a, CompareOptions(), vocab)
    sb = tokenize(b, CompareOptions(), vocab)
    (match,) = align(sa, sb).matches
    assert match.status is UnitStatus.MODIFIED and match.coarse


def test_likely_pairs_falls_back_to_the_expected_place_for_repeated_units() -> None:
    a = ["abcdef"] * 25
    b = ["abcdeg"] * 25
    keep = likely_pairs(a, b)
    assert keep is not None
    assert all((i, i) in keep for i in range(25))
    pairs = pair_in_order(a, b, 0.5, candidates=keep)
    assert [(p.a_lo, p.b_lo) for p in pairs] == [(i, i) for i in range(25)]


def test_sparse_chain_finds_the_same_best_pairing_as_the_full_table() -> None:
    import random

    from variorum.core.similarity import _sparse_chain

    rng = random.Random(7)
    alphabet = "abcdefghijklmnop"
    for _ in range(40):
        a = ["".join(rng.choice(alphabet) for _ in range(rng.randint(4, 12))) for _ in range(8)]
        b = [s if rng.random() < 0.5 else s[::-1] for s in rng.sample(a, 6)]
        b += ["".join(rng.choice(alphabet) for _ in range(8)) for _ in range(3)]
        everything = {(i, j) for i in range(len(a)) for j in range(len(b))}
        full = pair_in_order(a, b, 0.5, candidates=everything)
        sparse = _sparse_chain(a, b, 0.5, everything, {}, None)

        assert _weight(sparse, a, b) == pytest.approx(_weight(full, a, b))
        assert all(p.a_lo < q.a_lo and p.b_lo < q.b_lo for p, q in pairwise(sparse))


def _weight(pairs: list[Pairing], a: list[str], b: list[str]) -> float:
    """Words in common over the pairs: what both pairings maximise."""
    return sum(p.score * (len(a[p.a_lo]) + len(b[p.b_lo])) / 2 for p in pairs)
