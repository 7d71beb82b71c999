"""The shuffle: buckets of a shared key make candidate pairs, bounded by the cap."""

from __future__ import annotations

import numpy as np

from variorum.core.stories.buckets import bucket_pairs, key_ranks, merge, postings, ranked_pairs


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


def _ranked(keys: list[list[int]], ranks: list[int], **kw: object) -> list[tuple[int, int, int]]:
    flat, docs = postings([np.array(k, dtype=np.uint64) for k in keys], 0)
    per_doc = np.array(ranks, dtype=np.uint64).reshape(len(keys), -1)
    return ranked_pairs(flat, docs, per_doc[docs], **kw).pairs()  # type: ignore[arg-type]


def test_small_rare_buckets_are_paired_whole() -> None:
    keys = [[5, 7], [7, 9], [5, 7, 11]]
    assert _ranked(keys, [3, 2, 1], window=10, limit=10) == [(0, 1, 1), (0, 2, 2), (1, 2, 1)]


def test_large_rare_buckets_pair_neighbours_in_rank_order() -> None:
    # eight articles share keys 1, 2 and 3; articles 0 and 6 have the same rank, so they are
    # neighbours in all three buckets and keep their full count although they are far apart
    keys = [[1, 2, 3]] * 8
    found = _ranked(keys, [0, 10, 20, 30, 40, 50, 0, 60], window=2, limit=8)
    assert (0, 6, 3) in found
    assert len(found) <= 8 - 1  # one neighbour each: work bounded by the window, not the bucket
    assert all(shared == 3 for _, _, shared in found)


def test_common_buckets_make_no_pairs() -> None:
    keys = [[1]] * 6 + [[2], [2]]
    assert _ranked(keys, list(range(8)), window=2, limit=5) == [(6, 7, 1)]


def test_ranked_pairs_with_a_new_article_only() -> None:
    keys = [[1]] * 5
    found = _ranked(keys, [4, 3, 2, 1, 0], window=2, limit=5, new_from=4)
    assert found == [(3, 4, 1)]  # 4 ranks first, next to 3; pairs among old articles dropped


def test_equal_key_sets_have_equal_ranks() -> None:
    ranks = key_ranks(
        [np.array([3, 9], np.uint64), np.array([9, 3], np.uint64), np.zeros(0, np.uint64)], 3
    )
    assert ranks.shape == (3, 3)
    assert (ranks[0] == ranks[1]).all()
    assert len(set(ranks[0].tolist())) == 3  # each order hashes differently
    assert (ranks[2] == np.iinfo(np.uint32).max).all()


def test_ranked_pairs_counts_equal_a_count_by_hand() -> None:
    """Random key sets, buckets paired whole: every pair sharing at least ``min_shared`` keys,
    with its count, and no other (the count is made without ``np.unique``'s copies)."""
    from collections import Counter
    from itertools import combinations

    rng = np.random.default_rng(5)
    keys = [sorted(set(rng.integers(0, 40, size=rng.integers(0, 8)).tolist())) for _ in range(60)]
    shared = Counter(
        (i, j)
        for i, j in combinations(range(len(keys)), 2)
        for _ in set(keys[i]) & set(keys[j])
    )
    for least in (1, 2, 3):
        expected = sorted((i, j, n) for (i, j), n in shared.items() if n >= least)
        found = _ranked(keys, list(range(60)), window=100, limit=100, min_shared=least)
        assert found == expected
