"""Comparison <-> JSON for the analysis cache: a round trip gives the same comparison."""

from __future__ import annotations

import pytest

from variorum.core.comparison_json import cache_address, dumps, loads
from variorum.core.diff import compare_texts
from variorum.core.options import CompareOptions

PARAS = [
    "The council voted on Tuesday to build a desalination plant on the northern breakwater.",
    "The plant will produce forty million litres of drinking water a day when it opens.",
    "Environmental groups opposed the vote and warned about the brine outflow near the reef.",
]


def test_round_trip_keeps_everything() -> None:
    a = "\n\n".join(PARAS)
    b = "\n\n".join([PARAS[1], PARAS[2], PARAS[0].replace("Tuesday", "Monday")])
    c = compare_texts(a, b)
    assert any(ch.detail for ch in c.changes)  # a moved and edited paragraph
    again = loads(dumps(c), a, b)
    assert again == c
    assert again.navigate(0) == c.navigate(0)


def test_damaged_or_foreign_payload_is_refused() -> None:
    a, b = PARAS[0], PARAS[0].replace("Tuesday", "Monday")
    payload = dumps(compare_texts(a, b))
    with pytest.raises(ValueError):
        loads("{}", a, b)
    with pytest.raises(ValueError):
        loads(payload, "short", "text")


def test_cache_address_depends_on_order_and_options() -> None:
    one = cache_address("x", "y", CompareOptions())
    assert one[1] == "compare"
    assert one != cache_address("y", "x", CompareOptions())
    assert one[2] != cache_address("x", "y", CompareOptions(ignore_case=True))[2]
    assert one == cache_address("x", "y", CompareOptions())
