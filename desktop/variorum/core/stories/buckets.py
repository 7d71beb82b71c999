"""The shuffle step: postings (key, article) sorted into buckets, and candidate pairs out.

Articles are numbered (their index in the order they were added); a posting says "article i
has key k". Articles sharing a key form a bucket; every pair inside a bucket is a candidate,
counted once per shared key. Work is bounded by the bucket cap (see
:attr:`GroupingParams.bucket_cap`): past it, a bucket is paired as a star on its first member
(LSH bands: many copies of one text) or skipped (rare features that are not rare).

Everything is numpy over sorted arrays, so a million postings take well under a second, and
the same functions serve one partition of a cluster's shuffle or an incremental update
(``new_from``: only pairs with at least one article numbered from there on).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Keys = npt.NDArray[np.uint64]
_NONE: Ints = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Candidates:
    """Candidate pairs ``a[i] < b[i]`` with the number of keys they share."""

    a: Ints
    b: Ints
    shared: Ints

    def __len__(self) -> int:
        return len(self.a)

    def pairs(self) -> list[tuple[int, int, int]]:
        return list(zip(self.a.tolist(), self.b.tolist(), self.shared.tolist(), strict=True))


EMPTY = Candidates(_NONE, _NONE, _NONE)


def postings(
    keys: Sequence[npt.NDArray[np.uint64] | npt.NDArray[np.uint32]], first: int
) -> tuple[Keys, Ints]:
    """Flatten per-article key arrays (article ``first + i`` owns ``keys[i]``)."""
    if not keys:
        return np.zeros(0, dtype=np.uint64), _NONE
    sizes = np.array([len(k) for k in keys], dtype=np.int64)
    flat = (
        np.concatenate([np.asarray(k, dtype=np.uint64) for k in keys])
        if sizes.sum()
        else np.zeros(0, dtype=np.uint64)
    )
    docs = np.repeat(np.arange(first, first + len(keys), dtype=np.int64), sizes)
    return flat, docs


def bucket_pairs(
    keys: Keys, docs: Ints, *, cap: int, star_oversize: bool, new_from: int = 0
) -> Candidates:
    """Candidate pairs from postings (any order; each (key, doc) at most once)."""
    if len(keys) < 2:
        return EMPTY
    order = np.lexsort((docs, keys))
    k, d = keys[order], docs[order]
    start = np.ones(len(k), dtype=bool)
    start[1:] = k[1:] != k[:-1]
    run = np.cumsum(start) - 1
    sizes = np.bincount(run)
    newest = np.zeros(len(sizes), dtype=np.int64)
    np.maximum.at(newest, run, d)
    keep = (sizes[run] >= 2) & (newest[run] >= new_from)
    k, d, run = k[keep], d[keep], run[keep]
    if len(d) == 0:
        return EMPTY
    size = sizes[run]
    parts_a: list[Ints] = []
    parts_b: list[Ints] = []
    small = size <= cap
    sd, sr = d[small], run[small]
    for offset in range(1, cap):
        if offset >= len(sd):
            break
        same = sr[:-offset] == sr[offset:]
        if not same.any():
            break  # runs are contiguous: no pair this far apart, none farther
        later = sd[offset:]
        take = same & (later >= new_from)
        parts_a.append(sd[:-offset][take])
        parts_b.append(later[take])
    if star_oversize and not small.all():
        bd, br = d[~small], run[~small]
        first = np.ones(len(bd), dtype=bool)
        first[1:] = br[1:] != br[:-1]
        head = bd[first][np.cumsum(first) - 1]
        take = ~first & (bd >= new_from)
        parts_a.append(head[take])
        parts_b.append(bd[take])
    if not parts_a:
        return EMPTY
    a = np.concatenate(parts_a)
    b = np.concatenate(parts_b)
    if len(a) == 0:
        return EMPTY
    width = np.int64(int(max(a.max(), b.max())) + 1)
    codes, counts = np.unique(a * width + b, return_counts=True)
    return Candidates(codes // width, codes % width, counts.astype(np.int64))


def merge(*parts: Candidates) -> Candidates:
    """Candidates from several buckets sets (or partitions) with their shared counts added."""
    live = [p for p in parts if len(p)]
    if not live:
        return EMPTY
    a = np.concatenate([p.a for p in live])
    b = np.concatenate([p.b for p in live])
    shared = np.concatenate([p.shared for p in live])
    width = np.int64(int(max(a.max(), b.max())) + 1)
    codes, inverse = np.unique(a * width + b, return_inverse=True)
    totals = np.bincount(inverse, weights=shared).astype(np.int64)
    return Candidates(codes // width, codes % width, totals)
