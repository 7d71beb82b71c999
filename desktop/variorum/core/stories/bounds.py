"""Which candidate pairs cannot score: a cheap upper bound that lets the reduce step skip them.

Most candidates of a large archive come from rare names and quoted phrases they share, and
most of those share too few of them for the rewrite pass (under ``key_ratio`` of the smaller
key set): their score is the near-duplicate score alone, and almost always it is nothing
(137,409 of the 176,517 candidates of the 10,000-article benchmark archive). Counting their
shared shingles exactly costs a sort per pair; here every article's shingles are set as bits
of a :data:`SHINGLE_BITS`-bit map, and the bits two maps share (one AND and a popcount,
numpy over all pairs at once) bound the shingles the two share from above (a shared shingle
sets the same bit in both), once the shingles that fell on a bit already set in one map are
added (:func:`shared_bound`). A pair whose near-duplicate score cannot
reach what keeps it (``related_threshold``, or ``threshold``) even with that many shared
shingles is left out, and it is exactly the pair :func:`~variorum.core.stories.verify.score_pair`
would have given :attr:`~variorum.core.stories.model.PairKind.NONE`: the result is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from variorum.core.stories.features import Hashes
from variorum.core.stories.params import GroupingParams

Ints = npt.NDArray[np.int64]
Bitmaps = npt.NDArray[np.uint64]
SHINGLE_BITS = 8192
"""Bits per article (1 KB). An article has about 460 shingles, so two unrelated ones share
about 25 bits by chance and have about 13 collisions each: far under a score of 0.15. Of the
benchmark's 137,409 candidates that score nothing, this skips 134,932; 4,096 bits skipped
54,159, 16,384 bits 137,469 for three times the work."""
_WORDS = SHINGLE_BITS // 64
_ARTICLES_AT_ONCE = 1024
"""Articles whose maps are made in one go (8 MB of flags)."""
_PAIRS_AT_ONCE = 16_384
"""Pairs bounded in one go (16 MB of ANDed maps)."""


def bitmaps(shingle_sets: Sequence[Hashes]) -> Bitmaps:
    """One row of ``SHINGLE_BITS`` bits per set: bit ``h mod SHINGLE_BITS`` for each hash."""
    out = np.zeros((len(shingle_sets), _WORDS), dtype=np.uint64)
    for lo in range(0, len(shingle_sets), _ARTICLES_AT_ONCE):
        chunk = shingle_sets[lo : lo + _ARTICLES_AT_ONCE]
        sizes = [len(s) for s in chunk]
        if not sum(sizes):
            continue
        flat = np.concatenate(chunk).astype(np.int64) & (SHINGLE_BITS - 1)
        flat += np.repeat(np.arange(len(chunk), dtype=np.int64) * SHINGLE_BITS, sizes)
        flags = np.zeros(len(chunk) * SHINGLE_BITS, dtype=bool)
        flags[flat] = True
        packed = np.packbits(flags, bitorder="little").view(np.uint64)
        out[lo : lo + len(chunk)] = packed.reshape(len(chunk), _WORDS)
    return out


def shared_bound(maps: Bitmaps, sizes: Ints, a: Ints, b: Ints) -> Ints:
    """For each pair (rows ``a[i]``, ``b[i]`` of ``maps``, made from sets of ``sizes``
    values), an upper bound on the values the two sets share: the bits both maps set, plus
    the fewer of the two sets' collisions (values on a bit another value of the same set
    set). Each bit both set holds at most min(ca, cb) shared values, which is 1 plus at most
    ca - 1 of the first set's collisions, or 1 plus cb - 1 of the second's."""
    collisions = sizes - np.bitwise_count(maps).sum(axis=1, dtype=np.int64)
    out: Ints = np.minimum(collisions[a], collisions[b]).astype(np.int64)
    for lo in range(0, len(a), _PAIRS_AT_ONCE):
        hi = lo + _PAIRS_AT_ONCE
        both = maps[a[lo:hi]] & maps[b[lo:hi]]
        out[lo:hi] += np.bitwise_count(both).sum(axis=1, dtype=np.int64)
    return out


def cannot_score(
    shared_keys: Ints,
    keys_a: Ints,
    keys_b: Ints,
    shingles_a: Ints,
    shingles_b: Ints,
    shingle_bound: Ints,
    params: GroupingParams,
) -> npt.NDArray[np.bool_]:
    """Pairs that :func:`~variorum.core.stories.verify.score_pair` is sure to call NONE,
    given how many rare keys they share, their key and shingle counts and a bound on their
    shared shingles. Its own arithmetic, in floats: the rewrite pass does not run (fewer
    than ``min_shared_keys`` keys shared, or under ``key_ratio`` of the smaller key set), the
    key share is under ``related_threshold``, and the near-duplicate score with the bound
    for the shared shingles (a score that grows with them) is under both thresholds."""
    smaller_keys = np.minimum(keys_a, keys_b)
    key_share = np.where(
        (shared_keys > 0) & (smaller_keys > 0), shared_keys / np.maximum(smaller_keys, 1), 0.0
    )
    rewrite = (shared_keys >= params.min_shared_keys) & (key_share >= params.key_ratio)
    union = np.maximum(shingles_a + shingles_b - shingle_bound, 1)
    smaller = np.maximum(np.minimum(shingles_a, shingles_b), 1)
    near = np.sqrt((shingle_bound / union) * (shingle_bound / smaller))
    keep_at = min(params.threshold, params.related_threshold)
    none: npt.NDArray[np.bool_] = (
        ~rewrite & (key_share < params.related_threshold) & (near < keep_at)
    )
    return none
