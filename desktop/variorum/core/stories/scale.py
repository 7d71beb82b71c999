"""Grouping on a Dask cluster: the same map, shuffle and reduce functions as in this process,
spread over workers (``variorum group --scheduler tcp://HOST:PORT`` or ``local:N``).

1. map: each partition of articles (loaded from files on the worker when given paths) is
   sketched (:func:`~variorum.core.stories.sketch.sketch_batch`); the sketches stay on the
   worker that made them, only their small metadata comes back.
2. shuffle: each partition cuts its postings (band keys, rare keys) into ``shards`` by key;
   each shard gathers its part from every partition and makes candidate pairs
   (:func:`~variorum.core.stories.buckets.bucket_pairs`): a key's whole bucket is in one
   shard, so the buckets are the same as in one process. The shards' pairs are shuffled a
   second time by pair, to add up the rare keys each pair shares.
3. reduce: candidate pairs are scored in blocks (one task per pair of partitions, holding
   both partitions' sketches); the scores come back, and the components, bases and roles are
   assembled here (:func:`~variorum.core.stories.assemble.assemble`), asking the cluster for
   the few extra pairs it needs.

The result equals :func:`variorum.core.stories.group` on the same articles in the same order
(``tests/core/stories/test_scale.py`` checks it on 10,000 articles). Dask is an optional
dependency (``pip install variorum[scale]``); it is imported only here, on first use.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from variorum.core.article import Article
from variorum.core.stories.assemble import ArticleMeta, PairKey, assemble
from variorum.core.stories.batch import score_candidates
from variorum.core.stories.buckets import (
    Candidates,
    Ints,
    Keys,
    Ranks,
    bucket_pairs,
    key_ranks,
    postings,
    ranked_pairs,
)
from variorum.core.stories.choices import Choices
from variorum.core.stories.model import Grouping, PairKind, PairScore, StoryInput
from variorum.core.stories.params import GroupingParams
from variorum.core.stories.sketch import Sketch, sketch_batch
from variorum.core.stories.verify import score_pair

PARTITION = 2000
"""Articles per map task."""


@dataclass
class Part:
    """One partition on a worker: its sketches, and what the client needs of it."""

    first: int
    sketches: list[Sketch]
    metas: list[ArticleMeta] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def parse_scheduler(spec: str) -> tuple[str, int | str]:
    """``local:N`` -> ("local", N); ``tcp://host:port`` (or any Dask address) -> ("address",
    spec). Raises ValueError for anything else."""
    if spec.startswith("local:"):
        count = spec.split(":", 1)[1]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"local:N needs a number of workers, not {count!r}")
        return "local", int(count)
    if "://" in spec:
        return "address", spec
    raise ValueError(f"not a scheduler: {spec!r} (use tcp://HOST:PORT or local:N)")


def client_for(spec: str) -> Any:
    """A ``distributed.Client`` for the scheduler spec (a local cluster of N worker
    processes, one thread each, for ``local:N``). Close it when done."""
    kind, value = parse_scheduler(spec)
    import distributed

    client: Any = distributed.Client  # untyped library: called through Any
    if kind == "local":
        local: Any = distributed.LocalCluster
        cluster = local(
            n_workers=int(value), threads_per_worker=1, dashboard_address=None, processes=True
        )
        return client(cluster)
    return client(str(value))


# -- tasks (module-level functions: workers import them by name) ----------------------------


def sketch_part(items: Sequence[StoryInput | str], first: int, params: GroupingParams) -> Part:
    """The map task. Paths are loaded here (on the worker); an article is named by its path,
    so two copies of one file are two versions."""
    docs: list[StoryInput] = []
    articles: list[Article] = []
    failures: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, StoryInput):
            docs.append(item)
            continue
        from variorum.core.ingest import IngestError, load_file

        try:
            article = load_file(item)
        except IngestError as err:
            failures.append((item, err.reason))
            continue
        articles.append(article)
        docs.append(StoryInput(item, article.text, article.title, article.published, item))
    sketches = sketch_batch(docs, params)
    metas = [
        ArticleMeta(s.id, s.title, s.published, s.path, s.words, first + n)
        for n, s in enumerate(sketches)
    ]
    return Part(first, sketches, metas, articles, failures)


def part_metas(part: Part) -> list[ArticleMeta]:
    return part.metas


def part_size(part: Part) -> int:
    return len(part.sketches)


def part_loaded(part: Part) -> tuple[list[Article], list[tuple[str, str]]]:
    return part.articles, part.failures


Postings = tuple[Keys, Ints, Keys, Ints, Ranks]
"""A shard's share of one partition: band keys and their articles, rare keys, their articles
and those articles' rank rows."""


def split_postings(part: Part, first: int, shards: int, params: GroupingParams) -> list[Postings]:
    """A partition's band and rare-key postings, cut into ``shards`` by key."""
    bands = postings([s.bands for s in part.sketches], first)
    keys = postings([s.keys for s in part.sketches], first)
    ranks = key_ranks([s.keys for s in part.sketches], params.rank_orders)[keys[1] - first]
    band_shard = (bands[0] % np.uint64(shards)).astype(np.int64)
    key_shard = (keys[0] % np.uint64(shards)).astype(np.int64)
    return [
        (
            bands[0][band_shard == r],
            bands[1][band_shard == r],
            keys[0][key_shard == r],
            keys[1][key_shard == r],
            ranks[key_shard == r],
        )
        for r in range(shards)
    ]


def shard_candidates(
    parts: Sequence[Postings], params: GroupingParams, articles: int
) -> tuple[Candidates, Candidates]:
    """(LSH pairs, rare-key pairs with their shared counts) of one shard's buckets, in an
    archive of ``articles``."""
    band_keys = np.concatenate([p[0] for p in parts])
    band_docs = np.concatenate([p[1] for p in parts])
    rare_keys = np.concatenate([p[2] for p in parts])
    rare_docs = np.concatenate([p[3] for p in parts])
    rare_ranks = np.concatenate([p[4] for p in parts])
    lsh = bucket_pairs(band_keys, band_docs, cap=params.bucket_cap, star_oversize=True)
    rare = ranked_pairs(
        rare_keys,
        rare_docs,
        rare_ranks,
        window=params.bucket_cap,
        limit=params.rare_limit(articles),
    )
    return lsh, rare


def split_pairs(
    found: tuple[Candidates, Candidates], shards: int
) -> list[tuple[Candidates, Candidates]]:
    """A shard's pairs cut into ``shards`` by pair, for adding up the counts."""
    out: list[list[Candidates]] = [[], []]
    for which, cands in enumerate(found):
        where = (cands.a * 1_000_003 + cands.b) % shards
        out[which] = [
            Candidates(cands.a[where == r], cands.b[where == r], cands.shared[where == r])
            for r in range(shards)
        ]
    return [(out[0][r], out[1][r]) for r in range(shards)]


def merge_pair_shard(
    parts: Sequence[tuple[Candidates, Candidates]], params: GroupingParams
) -> Candidates:
    """One pair shard: LSH pairs (any count) and rare pairs with the counts of every shard
    added, kept as :func:`variorum.core.stories.index.candidates` keeps them."""
    from variorum.core.stories.buckets import merge

    lsh = merge(*(p[0] for p in parts))
    rare = merge(*(p[1] for p in parts))
    ok = rare.shared >= params.min_shared_keys
    rare = Candidates(rare.a[ok], rare.b[ok], rare.shared[ok])
    lsh = Candidates(lsh.a, lsh.b, np.zeros(len(lsh), dtype=np.int64))
    return merge(lsh, rare) if len(rare) else lsh


def verify_block(
    a_part: Part, b_part: Part, pairs: Sequence[tuple[int, int]], params: GroupingParams
) -> list[PairScore]:
    """Score pairs the assembly asks for (first article in ``a_part``, second in ``b_part``):
    their keys are counted here, and every pair's score comes back."""
    out: list[PairScore] = []
    for a, b in pairs:
        sa = a_part.sketches[a - a_part.first]
        sb = b_part.sketches[b - b_part.first]
        if sa.id != sb.id:
            out.append(score_pair(sa, sb, params, None))
    return out


def verify_candidates(
    a_part: Part, b_part: Part, found: Candidates, params: GroupingParams
) -> list[PairScore]:
    """Score candidate pairs (with their shared counts) whose first article is in ``a_part``
    and second in ``b_part``; only pairs that join or link come back, as in one process
    (:func:`~variorum.core.stories.batch.score_candidates`)."""
    ends = [(p.first, p.first + len(p.sketches), p.sketches) for p in (a_part, b_part)]

    def sketch_of(n: int) -> Sketch | None:
        for first, end, sketches in ends:
            if first <= n < end:
                return sketches[n - first]
        return None

    return score_candidates(found, sketch_of, params)


# -- the driver --------------------------------------------------------------------------


@dataclass
class ClusterResult:
    grouping: Grouping
    articles: list[Article]
    """Articles loaded from paths on the workers (in input order), for a library."""
    failures: list[tuple[str, str]]
    """(path, reason) of files that could not be loaded."""


def group_on_cluster(
    client: Any,
    items: Sequence[StoryInput] | Sequence[str],
    params: GroupingParams | None = None,
    choices: Choices | None = None,
    *,
    partition: int = PARTITION,
    shards: int | None = None,
    keep_articles: bool = True,
    progress: Callable[[str], None] | None = None,
) -> ClusterResult:
    """Group ``items`` (StoryInputs, or paths loaded on the workers) on the cluster."""
    params = params or GroupingParams()
    say = progress or (lambda _: None)
    unique = _unique(items)
    chunks = [unique[i : i + partition] for i in range(0, len(unique), partition)]
    say(f"sketching {len(unique)} articles in {len(chunks)} partitions")
    parts = [client.submit(sketch_part, chunk, 0, params, pure=False) for chunk in chunks]
    # partitions keep input order; failed files leave gaps, so number the sketches after
    sizes = client.gather([client.submit(part_size, p) for p in parts])
    firsts = [int(x) for x in np.concatenate(([0], np.cumsum(sizes)[:-1]))] if sizes else []
    parts = [client.submit(_renumber, p, first) for p, first in zip(parts, firsts, strict=True)]
    metas = [
        m for chunk in client.gather([client.submit(part_metas, p) for p in parts]) for m in chunk
    ]
    loaded = client.gather([client.submit(part_loaded, p) for p in parts]) if keep_articles else []
    articles = [a for arts, _ in loaded for a in arts]
    failures = [f for _, fails in loaded for f in fails]

    count = shards or max(1, len(parts))
    say(f"shuffling postings into {count} shards")
    cut = [
        client.submit(split_postings, p, first, count, params)
        for p, first in zip(parts, firsts, strict=True)
    ]
    shard_found = [
        client.submit(
            shard_candidates,
            [client.submit(operator.getitem, c, r) for c in cut],
            params,
            len(metas),
        )
        for r in range(count)
    ]
    pair_cut = [client.submit(split_pairs, f, count) for f in shard_found]
    merged = [
        client.submit(
            merge_pair_shard, [client.submit(operator.getitem, c, r) for c in pair_cut], params
        )
        for r in range(count)
    ]
    shards_found: list[Candidates] = client.gather(merged)
    candidates = Candidates(
        *(np.concatenate([getattr(c, f) for c in shards_found]) for f in ("a", "b", "shared"))
    )  # the pair shards hold disjoint pairs: joined as they are, 24 bytes a pair
    del shards_found
    say(f"scoring {len(candidates)} candidate pairs")
    block = _Blocks(client, parts, firsts, params)
    pairs: dict[PairKey, PairScore] = {}
    for score in block.score_candidates(candidates):
        if score.kind is not PairKind.NONE:
            pairs[(score.a, score.b)] = score
    del candidates
    order = {m.id: m.order for m in metas}

    def compute(wanted: list[PairKey]) -> list[PairScore]:
        asked = [(order[x], order[y]) for x, y in wanted if x in order and y in order]
        return block.score([(min(a, b), max(a, b)) for a, b in asked])

    say("assembling stories")
    grouping = assemble(metas, pairs, params, choices or Choices(), compute)
    return ClusterResult(grouping, articles, failures)


def _renumber(part: Part, first: int) -> Part:
    metas = [
        ArticleMeta(m.id, m.title, m.published, m.path, m.words, first + n)
        for n, m in enumerate(part.metas)
    ]
    return replace(part, first=first, metas=metas)


def _unique(items: Sequence[StoryInput] | Sequence[str]) -> list[StoryInput | str]:
    seen: set[str] = set()
    out: list[StoryInput | str] = []
    for item in items:
        key = item.id if isinstance(item, StoryInput) else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


class _Blocks:
    """Scoring tasks, one per pair of partitions that has pairs to score."""

    def __init__(self, client: Any, parts: list[Any], firsts: list[int], params: GroupingParams):
        self.client, self.parts, self.firsts, self.params = client, parts, firsts, params

    def score(self, pairs: list[tuple[int, int]]) -> list[PairScore]:
        """Pairs the assembly asks for, any number (a few per story)."""
        table = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        tasks = [
            self.client.submit(
                verify_block, self.parts[i], self.parts[j], table[rows].tolist(), self.params
            )
            for i, j, rows in self._blocks(table[:, 0], table[:, 1])
        ]
        return [s for scores in self.client.gather(tasks) for s in scores]

    def score_candidates(self, found: Candidates) -> list[PairScore]:
        """Every candidate pair, kept as arrays (24 bytes a pair, tens of them per article)."""
        tasks = [
            self.client.submit(
                verify_candidates,
                self.parts[i],
                self.parts[j],
                Candidates(found.a[rows], found.b[rows], found.shared[rows]),
                self.params,
            )
            for i, j, rows in self._blocks(found.a, found.b)
        ]
        return [s for scores in self.client.gather(tasks) for s in scores]

    def _blocks(self, a: Ints, b: Ints) -> Iterator[tuple[int, int, Ints]]:
        """The rows of pairs ``(a[k], b[k])`` cut by the partitions of their two articles:
        (first's partition, second's partition, rows)."""
        firsts = np.asarray(self.firsts, dtype=np.int64)
        pa = np.searchsorted(firsts, a, side="right") - 1
        pb = np.searchsorted(firsts, b, side="right") - 1
        order = np.lexsort((pb, pa))
        pa, pb = pa[order], pb[order]
        cuts = np.flatnonzero((pa[1:] != pa[:-1]) | (pb[1:] != pb[:-1])) + 1
        for lo, hi in itertools.pairwise([0, *cuts.tolist(), len(order)]):
            if hi > lo:
                yield int(pa[lo]), int(pb[lo]), order[lo:hi]
