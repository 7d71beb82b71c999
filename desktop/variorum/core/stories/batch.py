"""The reduce step's scoring of many candidate pairs at once, with the same result as
:func:`~variorum.core.stories.verify.score_pair` on each.

Scoring pair by pair made a dozen numpy calls per pair on arrays of a few hundred values, so
numpy's fixed cost per call was most of the work (180,000 candidates on the 10,000-article
benchmark archive). Here:

1. pairs that cannot score are skipped (:mod:`.bounds`);
2. the shingles each remaining pair shares are counted a few hundred articles at a time:
   their values tagged with the article (high bits) make one sorted array, and all their
   partners' shingles, tagged the same way, are looked up in it in one call;
3. for the pairs that get the rewrite pass, the shorter version's sentences, quoted words
   and names are looked up in the longer's the same way, and the best counterpart of each
   sentence is read off one table of hits for a few hundred pairs;
4. each pair's score and kind come from the counts by the same arithmetic as one pair's
   (:func:`~variorum.core.stories.verify.overlap_of`, :func:`~.verify.judge`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

from variorum.core.stories.bounds import bitmaps, cannot_score, shared_bound
from variorum.core.stories.buckets import Candidates
from variorum.core.stories.features import Hashes, TextFeatures
from variorum.core.stories.model import PairKind, PairScore
from variorum.core.stories.params import GroupingParams
from variorum.core.stories.sketch import Sketch
from variorum.core.stories.verify import (
    DENSE_CELLS,
    MIN_NAMES,
    MIN_QUOTE_WORDS,
    SENTENCE_MATCH,
    RewriteEvidence,
    can_be_rewrite,
    judge,
    overlap_of,
    sentence_containment,
    share_of,
    wants_rewrite,
)

Ints = npt.NDArray[np.int64]


def score_candidates(
    found: Candidates, sketch_of: Callable[[int], Sketch | None], params: GroupingParams
) -> list[PairScore]:
    """The pairs among ``found`` (articles by number) that join or link, scored exactly, in
    the candidates' order; a number without a sketch, or two numbers of one article, is
    skipped. Equal to :func:`~variorum.core.stories.verify.score_pair` on every pair, the
    pairs of kind NONE left out."""
    if len(found) == 0:
        return []
    numbers = np.unique(np.concatenate((found.a, found.b)))
    sketches = [sketch_of(n) for n in numbers.tolist()]
    present = np.array([s is not None for s in sketches], dtype=bool)
    live = [s for s in sketches if s is not None]
    row = np.cumsum(present) - 1
    a = np.searchsorted(numbers, found.a)
    b = np.searchsorted(numbers, found.b)
    both = present[a] & present[b]
    a, b, shared = row[a[both]], row[b[both]], found.shared[both]
    # by id (score_pair's order), so that two numbers of one article have one rank
    ids = [s.id for s in live]
    rank_of = {i: n for n, i in enumerate(sorted(set(ids)))}
    rank = np.array([rank_of[i] for i in ids], dtype=np.int64)
    swap = rank[b] < rank[a]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    keep = rank[a] != rank[b]
    a, b, shared = a[keep], b[keep], shared[keep]

    features = [s.features for s in live]
    keys = np.array([len(s.keys) for s in live], dtype=np.int64)
    shingles = np.array([len(f.shingles) for f in features], dtype=np.int64)
    bound = shared_bound(bitmaps([f.shingles for f in features]), shingles, a, b)
    skip = cannot_score(shared, keys[a], keys[b], shingles[a], shingles[b], bound, params)
    a, b, shared = a[~skip], b[~skip], shared[~skip]
    overlaps = _pair_counts([f.shingles for f in features], a, b)

    key_shares = [
        count / smaller if count and smaller else 0.0
        for count, smaller in zip(
            shared.tolist(), np.minimum(keys[a], keys[b]).tolist(), strict=True
        )
    ]
    wanted = [
        i
        for i, (count, share) in enumerate(zip(shared.tolist(), key_shares, strict=True))
        if wants_rewrite(count, share, params)
    ]
    evidence = _rewrites(features, a[wanted], b[wanted])
    out: list[PairScore] = []
    rewrites = dict(zip(wanted, evidence, strict=True))
    for i, (x, y, count) in enumerate(zip(a.tolist(), b.tolist(), overlaps.tolist(), strict=True)):
        nd = overlap_of(count, int(shingles[x]), int(shingles[y]))
        score = judge(ids[x], ids[y], nd, rewrites.get(i), key_shares[i], params)
        if score.kind is not PairKind.NONE:
            out.append(score)
    return out


_CHUNK_VALUES = 1 << 16
"""Values of the looked-up-in side per numpy call (a few hundred articles: small enough to
stay in the processor's cache while it is searched)."""
_SHIFT = np.uint64(32)


def _chunks(key: Ints, sizes: Ints) -> Iterator[Ints]:
    """Positions of the pairs, by ``key``, in runs whose distinct keys have about
    :data:`_CHUNK_VALUES` values (``sizes[key]``) in all; a key is never split."""
    if len(key) == 0:
        return
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    new = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    before = np.cumsum(np.where(new, sizes[ordered], 0)) - np.where(new, sizes[ordered], 0)
    chunk = before[new] // _CHUNK_VALUES
    chunk_of = chunk[np.cumsum(new) - 1]
    cuts = [0, *(np.flatnonzero(chunk_of[1:] != chunk_of[:-1]) + 1).tolist(), len(key)]
    for lo, hi in itertools.pairwise(cuts):
        yield order[lo:hi]


def _tagged(sets: Sequence[Hashes], tags: Ints) -> npt.NDArray[np.uint64]:
    """The sets one after the other, each value tagged with its set's tag in the high bits:
    sorted when the sets are and the tags ascend."""
    sizes = np.array([len(x) for x in sets], dtype=np.int64)
    if not sizes.any():
        return np.zeros(0, dtype=np.uint64)
    values = np.concatenate(sets).astype(np.uint64)
    return values | np.repeat(tags.astype(np.uint64) << _SHIFT, sizes)


def _segment_sums(values: Ints, sizes: Ints) -> Ints:
    """The sum of each run of ``sizes`` values, one run after the other."""
    totals = np.concatenate(([0], np.cumsum(values)))
    ends = np.cumsum(sizes)
    out: Ints = totals[ends] - totals[ends - sizes]
    return out


def _lookup(
    hays: Sequence[Hashes], needles: Sequence[Hashes], which: Ints
) -> tuple[npt.NDArray[np.uint64], Ints, Ints]:
    """Every value of every needle set looked up in its hay set (``hays[which[i]]``, all
    sorted, ``which`` ascending) in one call: the tagged hay, and for each needle value where
    its equals start in the tagged hay and how many there are."""
    hay = _tagged(hays, np.arange(len(hays)))
    values = _tagged(needles, which)
    lo = hay.searchsorted(values, side="left")
    return hay, lo, hay.searchsorted(values, side="right") - lo


def _pair_counts(sets: Sequence[Hashes], a: Ints, b: Ints) -> Ints:
    """Values ``sets[a[i]]`` and ``sets[b[i]]`` share (sorted unique arrays), for every
    pair: a few hundred articles' partners looked up in one call."""
    out = np.zeros(len(a), dtype=np.int64)
    sizes = np.array([len(x) for x in sets], dtype=np.int64)
    for where in _chunks(a, sizes):
        hays, which = np.unique(a[where], return_inverse=True)
        needles = [sets[y] for y in b[where].tolist()]
        _, _, found = _lookup([sets[x] for x in hays.tolist()], needles, which)
        out[where] = _segment_sums(found, sizes[b[where]])
    return out


def _rewrites(features: Sequence[TextFeatures], a: Ints, b: Ints) -> list[RewriteEvidence]:
    """The rewrite evidence of each pair (``a`` before ``b`` by id, as
    :func:`~variorum.core.stories.verify.rewrite` takes them)."""
    words = np.array([f.words for f in features], dtype=np.int64)
    a_short = words[a] <= words[b]
    short, long = np.where(a_short, a, b), np.where(a_short, b, a)
    enough = np.array([can_be_rewrite(features[s]) for s in short.tolist()], dtype=bool)
    sentences = np.zeros(len(a))
    quotes = _pair_counts([f.quote_words for f in features], short[enough], long[enough])
    names = _pair_counts([f.names for f in features], short[enough], long[enough])
    sentences[enough] = _containments(features, short[enough], long[enough])
    out: list[RewriteEvidence] = []
    counted = iter(zip(sentences[enough].tolist(), quotes.tolist(), names.tolist(), strict=True))
    for s, x, ok in zip(short.tolist(), long.tolist(), enough.tolist(), strict=True):
        if not ok:
            out.append(RewriteEvidence(0.0, None, None))
            continue
        mine, theirs = features[s], features[x]
        contained, quoted, named = next(counted)
        out.append(
            RewriteEvidence(
                sentences=contained,
                quotes=share_of(
                    quoted, len(mine.quote_words), len(theirs.quote_words), MIN_QUOTE_WORDS
                ),
                names=share_of(named, len(mine.names), len(theirs.names), MIN_NAMES),
            )
        )
    return out


def _containments(features: Sequence[TextFeatures], short: Ints, long: Ints) -> list[float]:
    """:func:`~variorum.core.stories.verify.sentence_containment` of ``short[i]`` in
    ``long[i]`` for every pair: the words of many shorts looked up in their long's sorted
    words in one call, the hits counted per (sentence of a short, sentence of its long) in
    one table, each row's best read off with one reduction."""
    out = np.zeros(len(short))
    widths = np.array([len(f.sentence_ends) for f in features], dtype=np.int64)
    rows = widths[short]
    cells = rows * widths[long]
    alone = (widths[long] == 0) | (rows == 0) | (cells > DENSE_CELLS)
    for i in np.flatnonzero(alone).tolist():  # books: one pair at a time, sparsely
        out[i] = sentence_containment(features[short[i]], features[long[i]])
    together = np.flatnonzero(~alone)
    sizes = np.array([len(f.sentences) for f in features], dtype=np.int64)
    for part in _chunks(long[together], sizes):
        where = together[part]
        out[where] = _containment_chunk(features, short[where], long[where])
    return out.tolist()


def _containment_chunk(
    features: Sequence[TextFeatures], short: Ints, long: Ints
) -> npt.NDArray[np.float64]:
    hays, which = np.unique(long, return_inverse=True)
    bigs = [features[x] for x in hays.tolist()]
    smalls = [features[s] for s in short.tolist()]
    _, lo, found = _lookup(
        [f.sentence_index[0] for f in bigs], [f.sentences for f in smalls], which
    )
    owners = np.concatenate([f.sentence_index[1] for f in bigs]).astype(np.int64)
    width = np.array([len(f.sentence_ends) for f in bigs], dtype=np.int64)[which]
    counts = np.array([len(f.sentence_ends) for f in smalls], dtype=np.int64)
    # one row per sentence of a short, as wide as its long has sentences
    row_width = np.repeat(width, counts)
    row_start = np.cumsum(row_width) - row_width
    first_row = np.cumsum(counts) - counts
    row = np.concatenate(
        [
            f.sentence_owner.astype(np.int64) + r
            for f, r in zip(smalls, first_row.tolist(), strict=True)
        ]
    )
    total = int(found.sum())
    best = np.zeros(len(row_width), dtype=np.int64)
    if total:
        starts = np.repeat(lo - (np.cumsum(found) - found), found)
        cells = np.repeat(row_start[row], found) + owners[np.arange(total) + starts]
        hits = np.bincount(cells, minlength=int(row_width.sum()))
        best = np.maximum.reduceat(hits, row_start)
    sizes = np.concatenate([f.sentence_sizes for f in smalls])
    matched = np.where(best >= SENTENCE_MATCH * sizes, sizes, 0)
    out: npt.NDArray[np.float64] = _segment_sums(matched, counts) / _segment_sums(sizes, counts)
    return out
