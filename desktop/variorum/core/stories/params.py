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
    """A name or quoted phrase shared by more articles than this is not rare: it says
    nothing about which story an article belongs to, and pairing all of them would cost
    quadratic time. An LSH bucket that large (many copies of one text) is joined as a star
    on its first member instead."""
    min_shared_keys: int = 3
    """Rare names and quoted phrases two articles must share to be compared as a rewrite."""
    key_ratio: float = 0.15
    """...and the share of the smaller article's rare features they make up."""
    key_sample: int = 4
    """One in this many four-word runs inside quotes is kept as a key (chosen by hash, the
    same runs in every article), which bounds the index while a quote kept over more than a
    dozen words is still found."""
    related_threshold: float = 0.15
    """Stories are linked as related when two of their versions share this much."""
    max_related: int = 3
    """Related links kept per story (the strongest)."""
    full_base_members: int = 30
    """Stories up to this size compare every pair of versions to choose the base; larger
    ones use the pairs compared while grouping."""
