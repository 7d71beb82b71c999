"""The shuffle step: postings (key, article) sorted into buckets, and candidate pairs out.

Articles are numbered (their index in the order they were added); a posting says "article i
has key k". Articles sharing a key form a bucket; every pair inside a bucket is a candidate,
counted once per shared key. Work is bounded by the bucket cap (see
:attr:`GroupingParams.bucket_cap`): past it, an LSH bucket is paired as a star on its first
member (many copies of one text); a rare-feature bucket is paired only between neighbours of
a few orders of its articles (:func:`ranked_pairs`), and skipped when its feature is common in
the archive (:meth:`GroupingParams.rare_limit`).

Everything is numpy over sorted arrays, so a million postings take well under a second, and
the same functions serve one partition of a cluster's shuffle or an incremental update
(``new_from``: only pairs with at least one article numbered from there on).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from variorum.core.stories.features import mix64

Ints = npt.NDArray[np.int64]
Keys = npt.NDArray[np.uint64]
Ranks = npt.NDArray[np.uint32]
"""Rank rows (articles or postings x orders): only compared, so 32 bits do (two articles
whose ranks collide merely sit side by side), and they travel with every rare-key posting."""
_NONE: Ints = np.zeros(0, dtype=np.int64)
_CHUNK = 10_000
"""Postings of large rare-feature buckets paired at a time."""
_ORDER_SALT = 0x2545F4914F6CDD1D
"""Makes each rank order a different hash of the same keys (its multiples wrap at 64 bits)."""


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


def key_ranks(
    keys: Sequence[npt.NDArray[np.uint64] | npt.NDArray[np.uint32]], orders: int
) -> Ranks:
    """Each article's ``orders`` ranks (shape: articles x orders): the MinHashes of its whole
    rare-key set (their top 32 bits). Two articles whose key sets overlap by a share J get the
    same rank in one order with probability J, so versions of a story tend to sit side by side
    in every bucket they share; an article without keys ranks last."""
    out = np.full((len(keys), orders), np.iinfo(np.uint32).max, dtype=np.uint32)
    sizes = np.array([len(k) for k in keys], dtype=np.int64)
    has = np.flatnonzero(sizes)
    if len(has) == 0 or orders == 0:
        return out
    flat = np.concatenate([np.asarray(k, dtype=np.uint64) for k in keys if len(k)])
    starts = np.concatenate(([0], np.cumsum(sizes[has])[:-1]))
    for j in range(orders):
        salted = mix64(flat + np.uint64((j + 1) * _ORDER_SALT % 2**64))
        lowest = np.minimum.reduceat(salted, starts)
        out[has, j] = (lowest >> np.uint64(32)).astype(np.uint32)
    return out


def ranked_pairs(
    keys: Keys,
    docs: Ints,
    ranks: Ranks,
    *,
    window: int,
    limit: int,
    new_from: int = 0,
    min_shared: int = 1,
) -> Candidates:
    """Rare-feature candidate pairs with the number of keys they share.

    A bucket of more than ``limit`` articles is a common feature and makes no pairs. A bucket
    of up to ``window`` articles is paired whole. A larger one is sorted by each of the
    articles' ranks (:func:`key_ranks`, one column per order) and each article is paired
    with the next ``window / orders - 1``; a pair counts such a bucket's key once if it is
    neighbours in any order (so counts add up across the shards of a cluster). Ranks belong
    to articles, not buckets, so two versions with the same rank are neighbours in every
    bucket they share and keep their full count. Work stays under ``window`` pairs per
    posting however large the archive (and ``limit``) grows. Pairs sharing fewer than
    ``min_shared`` keys are dropped (only when these postings hold whole buckets: a shard of a
    cluster holds some of a pair's keys).
    """
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
    size = sizes[run]
    live = (size >= 2) & (newest[run] >= new_from)
    if not live.any():
        return EMPTY
    width = np.int64(int(d.max()) + 1)
    small = live & (size <= window)
    codes = [_run_codes(d[small], run[small], window, new_from, width)]
    large = live & (size > window) & (size <= limit)
    if large.any():
        lk, ld, lr = k[large], d[large], ranks[order[large]]
        reach = max(2, window // max(1, lr.shape[1]))
        # whole buckets at a time, about _CHUNK postings each, to bound the memory
        cuts = np.flatnonzero(np.concatenate(([True], lk[1:] != lk[:-1])))
        marks = cuts[np.searchsorted(cuts, np.arange(0, len(lk), _CHUNK), side="right") - 1]
        bounds = [*sorted({int(x) for x in marks}), len(lk)]
        for lo, hi in itertools.pairwise(bounds):
            codes.append(_neighbours(lk[lo:hi], ld[lo:hi], lr[lo:hi], reach, new_from, width))
    unique, counts = _counted(codes, min_shared)
    return Candidates(unique // width, unique % width, counts)


def _counted(parts: list[Ints], least: int) -> tuple[Ints, Ints]:
    """The codes occurring at least ``least`` times in ``parts``, and how often, holding
    about one copy of the codes instead of the three ``np.unique`` makes: each part is dropped
    as soon as it is copied into the joined array, which is sorted in place. This is the
    shuffle's largest transient array (one code per pair per shared key, and most pairs
    share a single key, so most codes are dropped here)."""
    every = np.empty(sum(len(p) for p in parts), dtype=np.int64)
    at = 0
    for i, part in enumerate(parts):
        every[at : at + len(part)] = part
        at += len(part)
        parts[i] = _NONE
    parts.clear()
    if len(every) == 0:
        return _NONE, _NONE
    every.sort()
    new = np.empty(len(every), dtype=bool)
    new[0] = True
    np.not_equal(every[1:], every[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    del new
    counts = np.empty_like(starts)
    counts[:-1] = starts[1:]
    counts[-1] = len(every)
    counts -= starts
    keep = counts >= least
    return every[starts[keep]], counts[keep]


def _run_codes(d: Ints, run: Ints, window: int, new_from: int, width: np.int64) -> Ints:
    """Codes ``a * width + b`` (a < b) of the pairs at most ``window - 1`` apart within one
    run (postings grouped by run): once per run they share."""
    out: list[Ints] = [_NONE]
    for offset in range(1, window):
        if offset >= len(d):
            break
        same = run[:-offset] == run[offset:]
        if not same.any():
            break  # runs are contiguous: no pair this far apart, none farther
        x, y = d[:-offset][same], d[offset:][same]
        hi = np.maximum(x, y)
        take = hi >= new_from
        out.append(np.minimum(x, y)[take] * width + hi[take])
    return np.concatenate(out)


def _neighbours(k: Keys, d: Ints, r: Ranks, reach: int, new_from: int, width: np.int64) -> Ints:
    """Codes of the pairs at most ``reach - 1`` apart in some rank order within one bucket,
    once per bucket (postings sorted by key)."""
    runs: list[Ints] = [_NONE]
    codes: list[Ints] = [_NONE]
    for j in range(r.shape[1]):
        by = np.lexsort((d, r[:, j], k))
        od = d[by]
        orun = np.cumsum(np.concatenate(([True], k[by][1:] != k[by][:-1]))) - 1
        for offset in range(1, reach):
            same = orun[:-offset] == orun[offset:]
            if not same.any():
                break
            x, y = od[:-offset][same], od[offset:][same]
            hi = np.maximum(x, y)
            take = hi >= new_from
            runs.append(orun[:-offset][same][take])
            codes.append(np.minimum(x, y)[take] * width + hi[take])
    # a pair neighbouring in several orders of one bucket shares that key once
    run_all, code = np.concatenate(runs), np.concatenate(codes)
    by = np.lexsort((code, run_all))
    run_all, code = run_all[by], code[by]
    first = np.ones(len(code), dtype=bool)
    first[1:] = (run_all[1:] != run_all[:-1]) | (code[1:] != code[:-1])
    out: Ints = code[first]
    return out


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
