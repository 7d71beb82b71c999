"""The reduce step's scoring of many candidate pairs at once, with the same result as
:func:`~variorum.core.stories.verify.score_pair` on each.

Scoring pair by pair made a dozen numpy calls per pair on arrays of a few hundred values, so
numpy's fixed cost per call was most of the work (180,000 candidates on the 10,000-article
benchmark archive). Here:

1. pairs that cannot score are skipped (:mod:`.bounds`);
2. the shingles each remaining pair shares are counted per article: every partner's
   shingles are looked up in the article's sorted ones in one call;
3. for the pairs that get the rewrite pass, the shorter version's sentences, quoted words
   and names are looked up in the longer's the same way, per longer version, and the best
   counterpart of each sentence is read off one table of hits for all of them;
4. each pair's score and kind come from the counts by the same arithmetic as one pair's
   (:func:`~variorum.core.stories.verify.overlap_of`, :func:`~.verify.judge`).
"""

from __future__ import annotations

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


def _groups(key: Ints) -> Iterator[tuple[int, Ints]]:
    """Each value of ``key`` and the positions that hold it."""
    if len(key) == 0:
        return
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    cuts = np.flatnonzero(np.concatenate(([True], sorted_key[1:] != sorted_key[:-1])))
    ends = [*cuts[1:].tolist(), len(key)]
    for start, end in zip(cuts.tolist(), ends, strict=True):
        yield int(sorted_key[start]), order[start:end]


def _counts_in(hay: Hashes, needles: Sequence[Hashes]) -> Ints:
    """For each sorted unique array of ``needles``, how many of its values ``hay`` (sorted,
    unique) holds."""
    sizes = np.array([len(n) for n in needles], dtype=np.int64)
    if len(hay) == 0 or not sizes.any():
        return np.zeros(len(needles), dtype=np.int64)
    values = np.concatenate(needles)
    at = np.minimum(hay.searchsorted(values), len(hay) - 1)
    hits = np.concatenate(([0], np.cumsum(hay[at] == values)))
    ends = np.cumsum(sizes)
    out: Ints = hits[ends] - hits[ends - sizes]
    return out


def _pair_counts(sets: Sequence[Hashes], a: Ints, b: Ints) -> Ints:
    """Values ``sets[a[i]]`` and ``sets[b[i]]`` share, for every pair: per article of
    ``a``, all its partners at once."""
    out = np.zeros(len(a), dtype=np.int64)
    for x, where in _groups(a):
        out[where] = _counts_in(sets[x], [sets[y] for y in b[where].tolist()])
    return out


def _rewrites(features: Sequence[TextFeatures], a: Ints, b: Ints) -> list[RewriteEvidence]:
    """The rewrite evidence of each pair (``a`` before ``b`` by id, as
    :func:`~variorum.core.stories.verify.rewrite` takes them)."""
    words = np.array([f.words for f in features], dtype=np.int64)
    a_short = words[a] <= words[b]
    short, long = np.where(a_short, a, b), np.where(a_short, b, a)
    sentences = np.zeros(len(a))
    quotes = np.zeros(len(a), dtype=np.int64)
    names = np.zeros(len(a), dtype=np.int64)
    enough = np.array([can_be_rewrite(features[s]) for s in short.tolist()], dtype=bool)
    for x, where in _groups(long):
        where = where[enough[where]]
        if len(where) == 0:
            continue
        big = features[x]
        small = [features[s] for s in short[where].tolist()]
        sentences[where] = _containments(small, big)
        quotes[where] = _counts_in(big.quote_words, [f.quote_words for f in small])
        names[where] = _counts_in(big.names, [f.names for f in small])
    out: list[RewriteEvidence] = []
    for i, (s, x) in enumerate(zip(short.tolist(), long.tolist(), strict=True)):
        if not enough[i]:
            out.append(RewriteEvidence(0.0, None, None))
            continue
        mine, theirs = features[s], features[x]
        out.append(
            RewriteEvidence(
                sentences=float(sentences[i]),
                quotes=share_of(
                    int(quotes[i]),
                    len(mine.quote_words),
                    len(theirs.quote_words),
                    MIN_QUOTE_WORDS,
                ),
                names=share_of(int(names[i]), len(mine.names), len(theirs.names), MIN_NAMES),
            )
        )
    return out


def _containments(shorts: Sequence[TextFeatures], long: TextFeatures) -> list[float]:
    """:func:`~variorum.core.stories.verify.sentence_containment` of each of ``shorts`` in
    ``long``: every short's words looked up in ``long``'s sorted words in one call, the hits
    counted per (sentence of a short, sentence of long) in one table."""
    width = len(long.sentence_ends)
    counts = [len(s.sentence_ends) for s in shorts]
    if width == 0 or sum(counts) * width > DENSE_CELLS:  # books: one short at a time
        return [sentence_containment(s, long) for s in shorts]
    words, owners = long.sentence_index
    values = np.concatenate([s.sentences for s in shorts])
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    owner = np.concatenate(
        [s.sentence_owner.astype(np.int64) + f for s, f in zip(shorts, first.tolist(), strict=True)]
    )
    lo = words.searchsorted(values, side="left")
    found = words.searchsorted(values, side="right") - lo
    total = int(found.sum())
    sizes = np.concatenate([s.sentence_sizes for s in shorts])
    best = np.zeros(len(sizes), dtype=np.int64)
    if total:
        starts = np.repeat(lo - (np.cumsum(found) - found), found)
        cells = np.repeat(owner * width, found) + owners[np.arange(total) + starts]
        best = np.bincount(cells, minlength=len(sizes) * width).reshape(len(sizes), width).max(1)
    matched = np.where(best >= SENTENCE_MATCH * sizes, sizes, 0)
    ends = np.cumsum(counts)
    kept = np.concatenate(([0], np.cumsum(matched)))
    every = np.concatenate(([0], np.cumsum(sizes)))
    out: list[float] = []
    for e, c in zip(ends.tolist(), counts, strict=True):
        total_words = every[e] - every[e - c]
        out.append(float((kept[e] - kept[e - c]) / total_words) if total_words else 0.0)
    return out
