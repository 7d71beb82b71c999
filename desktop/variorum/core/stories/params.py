"""The knobs of story grouping in one place, with the reason for each default.

Only ``threshold`` is a user setting (``Settings.story_threshold``); the others are the
design of the index and are measured by ``benchmarks/stories.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class GroupingParams:
    threshold: float = DEFAULT_THRESHOLD
    """Two versions belong to one story when their pair score reaches this (0..1)."""
    num_perm: int = 128
    """MinHash permutations per signature."""
    bands: int = 42
    rows: int = 3
    """LSH banding: 42 bands of 3 rows. A pair becomes a candidate with probability
    1 - (1 - J^3)^42: 0.68 at a shingle resemblance J of 0.3, 0.996 at 0.5, 1e-4 at 0.01."""
    seed: int = 1859
    """Fixed so that signatures made in different processes and runs agree."""
    bucket_cap: int = 50
    """Pairs made per posting at most, so the shuffle's work grows with the number of
    articles, not of pairs. An LSH bucket larger than this (many copies of one text) is
    joined as a star on its first member; a rare-feature bucket larger than this is paired
    only between articles within this distance of each other in one of ``rank_orders``
    orders (see :func:`variorum.core.stories.buckets.ranked_pairs`)."""
    rare_share: float = 0.05
    """A name or quoted phrase in more than this share of the archive (and more than
    ``bucket_cap`` articles) is common: it says nothing about which story an article belongs
    to. Rarity is relative, as in inverse document frequency: in a larger archive every
    story's names recur in more articles, and a fixed count would call none of them rare
    (at 100,000 synthetic articles a fixed cap of 50 found 0.5 % of rewrite pairs)."""
    rank_orders: int = 12
    """Orders in which a large rare-feature bucket is paired between neighbours (each article
    with the next ``bucket_cap // rank_orders - 1`` in each order): articles whose key sets
    overlap by a share J share a rank in at least one order with probability 1 - (1 - J)^12.
    Many short orders beat a few long ones because a rewrite holds a small share of its
    original's keys (J is often 0.1-0.3) while a neighbour farther than a few places in a
    bucket of thousands is an accident. On the 100,000-article benchmark archive, where most
    rare buckets are large: rewrite recall 0.885 with 3 orders (15 neighbours each), 0.928
    with 6, 0.938 with 8, 0.946 with 12 and 16, 0.938 with 25 (one neighbour), precision
    0.988 throughout, CPU 188 s with 3 and 150 s with 12 (fewer pairs to count); at 10,000,
    0.941 to 0.948 (``benchmarks/stories.py``)."""
    min_shared_keys: int = 2
    """Rare names and quoted phrases two articles must share to be compared as a rewrite.
    Three lost rewrites that keep two rare names (or one name and one quoted phrase) of a
    short original: rewrite recall 0.880 at 1,000 articles and 0.895 at 10,000 against
    0.909 and 0.909 with two (precision 1.000 and 0.999 either way; see
    ``longest_linkage``)."""
    key_ratio: float = 0.15
    """...and the share of the smaller article's rare features they make up."""
    key_sample: int = 4
    """One in this many four-word runs inside quotes is kept as a key (chosen by hash, the
    same runs in every article), which bounds the index while a quote kept over more than a
    dozen words is still found."""
    linkage: float = 0.5
    """A rewrite pair joins two stories of several versions only when the mean pair score
    between their versions (pairs never compared count 0) reaches this share of
    ``threshold`` (see :mod:`variorum.core.stories.components`): a rewrite of a story
    resembles most of its versions, a passage two stories happen to share only one pair."""
    longest_linkage: float = 0.8
    """...and only when the two stories' fullest versions (the one holding most of the
    story's other versions, see :meth:`variorum.core.stories.assemble._Linkage._fullest`)
    score this share of ``threshold`` with each other. A passage two unrelated stories share
    makes their short versions, which are mostly that passage, score high with every
    version of the other, so the mean alone lets them join; their full versions, which hold
    the rest of each story, do not score high. A rewrite of a story resembles its fullest
    version. On the 10,000-article benchmark archive this took re-post precision from 0.933
    to 0.999 and rewrite precision from 0.941 to 0.999, for rewrite recall 0.917 to 0.909
    (0.921 to 0.909 at 1,000; ``benchmarks/stories.py``) when the longest version stood for
    the story; the fullest instead (a padded re-post is often the longest) gives rewrite
    recall 0.941 at 10,000 and 0.921 at 1,000 (0.932 and 0.909 with the longest) on the
    archive in arrival order, precision unchanged."""
    related_threshold: float = 0.15
    """Stories are linked as related when two of their versions share this much."""
    max_related: int = 3
    """Related links kept per story (the strongest)."""
    full_base_members: int = 30
    """Stories up to this size compare every pair of versions to choose the base; larger
    ones use the pairs compared while grouping."""

    def rare_limit(self, articles: int) -> int:
        """Articles a feature may be in and still be rare, in an archive of ``articles``."""
        return max(self.bucket_cap, int(self.rare_share * articles))
