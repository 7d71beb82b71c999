"""Exact scores for a candidate pair: how much two versions share (the reduce step).

Two passes, because re-posts and rewrites leave different traces:

- near-duplicates share runs of words. :func:`near_duplicate` measures the exact shingle
  resemblance (Jaccard) and the containment of each version in the other; its score is the
  geometric mean of the resemblance and the larger containment, so a cut re-post (wholly
  contained) still scores high while one paragraph quoted inside a long article does not.
- rewrites share few runs of words but keep the facts, the quotes and the names.
  :func:`rewrite` measures, for the shorter version, the share of its sentences that have a
  counterpart in the other (most of their content words there), the share of its quoted words
  the other quotes too, and the share of its names the other names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from variorum.core.stories.features import Hashes, TextFeatures
from variorum.core.stories.model import PairKind, PairScore
from variorum.core.stories.params import GroupingParams
from variorum.core.stories.sketch import Sketch

MIN_SHARED_SHINGLES = 8
"""Fewer shared shingles than this (or than half the shorter text's) is coincidence."""
SENTENCE_MATCH = 0.5
"""A sentence has a counterpart when this share of its content words is in one sentence of
the other version."""
MIN_QUOTE_WORDS = 6
"""Quoted content words below which quotes say nothing about a pair."""
MIN_NAMES = 3
"""Names below which names say nothing about a pair."""
MIN_REWRITE_CONTENT = 25
"""Content words (in sentences of three or more) the shorter version needs for the rewrite
pass: a brief of two sentences naming the same three politicians as a long article is as
likely another story about them as its rewrite."""


DENSE_CELLS = 1 << 18
"""Sentence pairs up to which hits are counted in a dense table (articles; a book's
thousands of sentences are counted sparsely)."""


@dataclass(frozen=True)
class Overlap:
    """Exact shingle overlap of two versions."""

    resemblance: float
    """Jaccard of the two shingle sets (0..1)."""
    a_in_b: float
    """Share of A's shingles found in B."""
    b_in_a: float
    shared: int

    @property
    def score(self) -> float:
        """Geometric mean of the resemblance and the larger containment (see the module)."""
        return math.sqrt(self.resemblance * max(self.a_in_b, self.b_in_a))


@dataclass(frozen=True)
class RewriteEvidence:
    """What a rewrite kept of the version it shares the most with; the shares are of the
    shorter version's sentences, quoted words and names."""

    sentences: float
    quotes: float | None
    """None when the shorter version quotes too little to tell."""
    names: float | None

    @property
    def score(self) -> float:
        """Sentences count most, then names, then quotes (weights 1.5 / 1 / 0.5, a part left
        out when there is too little of it). Quotes count least because a rewrite's kept
        quotes already match as sentences, and because two different stories often quote
        the same statement: shared quotes alone never make a rewrite. The weights were
        chosen on synthetic archives (``benchmarks/stories.py``) and checked on the corpus:
        no polnear-train article joins another outlet's."""
        parts = [(self.sentences, 1.5)]
        if self.quotes is not None:
            parts.append((self.quotes, 0.5))
        if self.names is not None:
            parts.append((self.names, 1.0))
        total = sum(weight for _, weight in parts)
        return sum(value * weight for value, weight in parts) / total


def _shared(a: Hashes, b: Hashes) -> int:
    """Values two sorted unique arrays have in common: numpy's ``intersect1d`` without its
    checks and conversions, which cost more than the sort on an article's few hundred."""
    both = np.concatenate((a, b))
    both.sort()
    return int(np.count_nonzero(both[1:] == both[:-1]))


def near_duplicate(a: TextFeatures, b: TextFeatures) -> Overlap:
    return overlap_of(_shared(a.shingles, b.shingles), len(a.shingles), len(b.shingles))


def overlap_of(shared: int, na: int, nb: int) -> Overlap:
    """The overlap of two shingle sets of ``na`` and ``nb`` that share ``shared``."""
    if na == 0 or nb == 0 or shared < min(MIN_SHARED_SHINGLES, max(1, min(na, nb) // 2)):
        return Overlap(0.0, 0.0, 0.0, shared)
    return Overlap(shared / (na + nb - shared), shared / na, shared / nb, shared)


def sentence_containment(short: TextFeatures, long: TextFeatures) -> float:
    """Share of ``short``'s content words that lie in sentences with a counterpart in
    ``long``. Every word of ``short`` is looked up once in a sorted index of ``long``'s
    words; the hits are counted per (sentence of short, sentence of long) in one pass."""
    if len(short.sentences) == 0 or len(long.sentences) == 0:
        return 0.0
    words, owners = long.sentence_index
    lo = words.searchsorted(short.sentences, side="left")
    counts = words.searchsorted(short.sentences, side="right") - lo
    total = int(counts.sum())
    if total == 0:
        return 0.0
    width = len(long.sentence_ends)
    # every index of ``owners`` between lo and hi, for every word of short, without a loop
    starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    cells = np.repeat(short.sentence_owner.astype(np.int64) * width, counts)
    cells += owners[np.arange(total) + starts]
    sizes = short.sentence_sizes
    if len(sizes) * width <= DENSE_CELLS:
        best = np.bincount(cells, minlength=len(sizes) * width).reshape(len(sizes), width).max(1)
    else:  # books: only the cells that were hit
        per_cell = np.bincount(cells)
        hit = np.flatnonzero(per_cell)
        rows = hit // width  # ascending: one group per sentence of short
        first = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
        best = np.zeros(len(sizes), dtype=np.int64)
        best[rows[first]] = np.maximum.reduceat(per_cell[hit], first)
    return float(sizes[best >= SENTENCE_MATCH * sizes].sum() / sizes.sum())


def _share(mine: Hashes, theirs: Hashes, minimum: int) -> float | None:
    if len(mine) < minimum or len(theirs) < minimum:
        return None
    return share_of(_shared(mine, theirs), len(mine), len(theirs), minimum)


def share_of(shared: int, mine: int, theirs: int, minimum: int) -> float | None:
    """The share of my ``mine`` values that are shared, None below ``minimum`` values."""
    if mine < minimum or theirs < minimum:
        return None
    return shared / mine


def rewrite(a: TextFeatures, b: TextFeatures) -> RewriteEvidence:
    short, long = (a, b) if a.words <= b.words else (b, a)
    if not can_be_rewrite(short):
        return RewriteEvidence(0.0, None, None)  # too little to tell a rewrite from a topic
    return RewriteEvidence(
        sentences=sentence_containment(short, long),
        quotes=_share(short.quote_words, long.quote_words, MIN_QUOTE_WORDS),
        names=_share(short.names, long.names, MIN_NAMES),
    )


def can_be_rewrite(short: TextFeatures) -> bool:
    """Whether the shorter version of a pair holds enough to be compared as a rewrite."""
    return len(short.sentences) >= MIN_REWRITE_CONTENT


def key_share(a: Sketch, b: Sketch, shared: int) -> float:
    """Share of the smaller key set that two sketches have in common."""
    smaller = min(len(a.keys), len(b.keys))
    return shared / smaller if smaller else 0.0


def score_pair(
    a: Sketch, b: Sketch, params: GroupingParams, shared_keys: int | None = None
) -> PairScore:
    """The exact score of a pair: the near-duplicate score, or the rewrite score when that is
    higher. The rewrite pass runs only when the two share enough rare names and quoted
    phrases: the count the shuffle found (over rare keys only), or for a pair that did not
    come from the shuffle (None), the keys the two have in common. The score never depends
    on the threshold; only the kind does."""
    if b.id < a.id:
        a, b = b, a
    if shared_keys is None:
        shared_keys = _shared(a.keys, b.keys)
    related = key_share(a, b, shared_keys) if shared_keys else 0.0
    evidence = None
    if wants_rewrite(shared_keys, related, params):
        evidence = rewrite(a.features, b.features)
    return judge(a.id, b.id, near_duplicate(a.features, b.features), evidence, related, params)


def wants_rewrite(shared_keys: int, key_share: float, params: GroupingParams) -> bool:
    """Whether a pair shares enough rare keys for the rewrite pass."""
    return shared_keys >= params.min_shared_keys and key_share >= params.key_ratio


def judge(
    a: str,
    b: str,
    nd: Overlap,
    evidence: RewriteEvidence | None,
    key_share: float,
    params: GroupingParams,
) -> PairScore:
    """A pair's score and kind from its overlap, its rewrite evidence (None when the rewrite
    pass did not run) and its key share (``a`` < ``b``)."""
    score = near = nd.score
    if evidence is not None:
        score = max(score, evidence.score)
    related = max(key_share, score)
    if near >= params.threshold:
        kind = PairKind.NEAR_DUPLICATE
    elif score >= params.threshold:
        kind = PairKind.REWRITE
    elif related >= params.related_threshold:
        kind = PairKind.RELATED
    else:
        kind = PairKind.NONE
    return PairScore(a, b, nd.resemblance, nd.a_in_b, nd.b_in_a, score, kind, related)
