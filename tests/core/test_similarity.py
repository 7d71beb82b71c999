"""Unit similarity: exact below EXACT_CELLS, an estimate above it that never claims equality."""

from __future__ import annotations

import pytest

from variorum.core import similarity as sim_mod
from variorum.core.similarity import is_estimated, similarity


def test_an_estimate_of_two_reordered_units_stays_below_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sim_mod, "EXACT_CELLS", 4)
    a, b = "abcdefgh", "hgfedcba"  # same words, other order
    assert similarity(a, b) < 1.0
    assert is_estimated(a, b)
    assert similarity(a, a) == 1.0 and not is_estimated(a, a)


def test_long_units_differing_at_one_end_are_compared_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sim_mod, "EXACT_CELLS", 50)
    common = "abcdefghijklmnop"
    a, b = common + "xyz", common + "zyx"
    assert not is_estimated(a, b)
    monkeypatch.setattr(sim_mod, "EXACT_CELLS", 10_000)
    exact = similarity(a, b)
    monkeypatch.setattr(sim_mod, "EXACT_CELLS", 50)
    assert similarity(a, b) == pytest.approx(exact)
    assert similarity(a, b) < 1.0


def test_pairing_in_order_merges_three_units_into_one() -> None:
    from variorum.core.similarity import pair_in_order

    a = ["abcdefgh", "ijklmnop", "qrstuvwx", "ZZ"]
    b = ["abcdefghijklmnopqrstuvwx", "YY"]
    pairs = pair_in_order(a, b, 0.5, a_joinable=lambda i: True, b_joinable=lambda j: True)
    assert [(p.a_lo, p.a_hi, p.b_lo, p.b_hi) for p in pairs] == [(0, 3, 0, 1)]
    assert pairs[0].score == 1.0
    # not across a break that may not be joined
    pairs = pair_in_order(a, b, 0.5, a_joinable=lambda i: i != 1, b_joinable=lambda j: True)
    assert [(p.a_lo, p.a_hi) for p in pairs] == [(0, 2)]
