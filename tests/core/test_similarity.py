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
