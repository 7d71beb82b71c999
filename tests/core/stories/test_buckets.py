"""The shuffle: buckets of a shared key make candidate pairs, bounded by the cap."""

from __future__ import annotations

import numpy as np

from variorum.core.stories.buckets import bucket_pairs, merge, postings


def _pairs(keys: list[list[int]], **kw: object) -> list[tuple[int, int, int]]:
    flat, docs = postings([np.array(k, dtype=np.uint64) for k in keys], 0)
    return bucket_pairs(flat, docs, **kw).pairs()  # type: ignore[arg-type]


def test_pairs_share_counts() -> None:
    # articles 0 and 2 share keys 5 and 7; 1 shares 7 with both
    found = _pairs([[5, 7], [7, 9], [5, 7, 11]], cap=10, star_oversize=False)
    assert found == [(0, 1, 1), (0, 2, 2), (1, 2, 1)]


def test_oversize_bucket_is_a_star_or_skipped() -> None:
    keys = [[1]] * 6 + [[2], [2]]
    star = _pairs(keys, cap=4, star_oversize=True)
    assert star == [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1), (0, 5, 1), (6, 7, 1)]
    assert _pairs(keys, cap=4, star_oversize=False) == [(6, 7, 1)]


def test_only_pairs_with_a_new_article() -> None:
    found = _pairs([[1], [1], [1, 2], [2]], cap=10, star_oversize=False, new_from=3)
    assert found == [(2, 3, 1)]
    found = _pairs([[1], [1], [1, 2], [2]], cap=10, star_oversize=False, new_from=2)
    assert found == [(0, 2, 1), (1, 2, 1), (2, 3, 1)]


def test_merge_adds_counts() -> None:
    a = bucket_pairs(*postings([np.array([1], np.uint64)] * 2, 0), cap=5, star_oversize=False)
    b = bucket_pairs(*postings([np.array([3, 4], np.uint64)] * 2, 0), cap=5, star_oversize=False)
    assert merge(a, b).pairs() == [(0, 1, 3)]
