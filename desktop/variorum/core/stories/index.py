"""Incremental grouping: a :class:`StoryIndex` keeps every article's sketch, the postings of
its band keys and rare keys, and every pair it has scored, so adding articles sketches only
the new ones and scores only the pairs that involve them. Grouping a whole folder at once is
the same thing: one :meth:`StoryIndex.add` of everything (:func:`group`).

Assembling stories (components, bases, roles) is redone from the stored pair scores on each
:meth:`StoryIndex.grouping`; it touches no text and is cheap next to sketching.

One difference from grouping everything at once can remain: a rare feature that becomes
common only with the new articles (past :meth:`GroupingParams.rare_limit`), or whose bucket
grows past :attr:`GroupingParams.bucket_cap` and is then paired between neighbours only, no
longer makes the same candidates, but the pairs it made before are kept (they were scored on
their own merits).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context

import numpy as np

from variorum.core.stories.assemble import ArticleMeta, PairKey, assemble
from variorum.core.stories.batch import score_candidates
from variorum.core.stories.buckets import (
    Candidates,
    Ints,
    Keys,
    Ranks,
    bucket_pairs,
    key_ranks,
    merge,
    postings,
    ranked_pairs,
)
from variorum.core.stories.choices import Choices
from variorum.core.stories.model import Grouping, PairScore, StoryInput
from variorum.core.stories.params import GroupingParams
from variorum.core.stories.sketch import Sketch, sketch_batch
from variorum.core.stories.verify import score_pair

Progress = Callable[[int, int], None]
PARALLEL_FROM = 2000
"""Below this many new articles, worker processes cost more to start than they save."""
_CHUNK = 500


def _sketch_chunk(args: tuple[list[StoryInput], GroupingParams]) -> list[Sketch]:
    return sketch_batch(*args)


def sketch_all(
    docs: Sequence[StoryInput],
    params: GroupingParams,
    workers: int = 1,
    progress: Progress | None = None,
) -> list[Sketch]:
    """The map step over many articles, in ``workers`` processes when there are enough."""
    chunks = [list(docs[i : i + _CHUNK]) for i in range(0, len(docs), _CHUNK)]
    out: list[Sketch] = []
    if workers > 1 and len(docs) >= PARALLEL_FROM:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            for part in pool.map(_sketch_chunk, [(c, params) for c in chunks]):
                out.extend(part)
                if progress is not None:
                    progress(len(out), len(docs))
        return out
    for chunk in chunks:
        out.extend(sketch_batch(chunk, params))
        if progress is not None:
            progress(len(out), len(docs))
    return out


def candidates(
    band_postings: tuple[Keys, Ints],
    key_postings: tuple[Keys, Ints],
    ranks: Ranks,
    params: GroupingParams,
    articles: int,
    new_from: int = 0,
) -> Candidates:
    """The shuffle step: LSH band buckets (shared count 0: they say nothing about rare
    features) merged with rare-feature buckets (shared count = rare features in common);
    ``ranks`` are the rank rows of the key postings' articles, ``articles`` the size of the
    archive (what is rare depends on it)."""
    lsh = bucket_pairs(*band_postings, cap=params.bucket_cap, star_oversize=True, new_from=new_from)
    rare = ranked_pairs(
        *key_postings,
        ranks,
        window=params.bucket_cap,
        limit=params.rare_limit(articles),
        new_from=new_from,
        min_shared=params.min_shared_keys,
    )
    lsh = Candidates(lsh.a, lsh.b, np.zeros(len(lsh), dtype=np.int64))
    rare_ok = rare.shared >= params.min_shared_keys
    rare = Candidates(rare.a[rare_ok], rare.b[rare_ok], rare.shared[rare_ok])
    return merge(lsh, rare) if len(rare) else lsh


def verify(
    found: Candidates, sketch_of: Callable[[int], Sketch | None], params: GroupingParams
) -> list[PairScore]:
    """The reduce step's scoring: every candidate pair scored exactly; pairs that neither
    join nor link are not kept (most candidates of a large archive are such pairs, and most
    of those are known to be without scoring them: :mod:`.bounds`)."""
    return score_candidates(found, sketch_of, params)


class StoryIndex:
    """Sketches, postings and scored pairs of every article added (see the module)."""

    def __init__(self, params: GroupingParams | None = None) -> None:
        self.params = params or GroupingParams()
        self._sketches: list[Sketch | None] = []
        self._order: dict[str, int] = {}
        self._bands: tuple[Keys, Ints] = (np.zeros(0, np.uint64), np.zeros(0, np.int64))
        self._keys: tuple[Keys, Ints] = (np.zeros(0, np.uint64), np.zeros(0, np.int64))
        self._ranks: Ranks = np.zeros((0, self.params.rank_orders), dtype=np.uint32)
        self._candidates: list[Candidates] = []
        self.pairs: dict[PairKey, PairScore] = {}
        """The scored candidates that join or link: what stories are made of."""
        self._asked: dict[PairKey, PairScore] = {}
        """Pairs scored for bases and hints only (kept apart from ``pairs``, so a grouping
        never depends on the groupings before it)."""

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def sketch(self, article_id: str) -> Sketch | None:
        n = self._order.get(article_id)
        return None if n is None else self._sketches[n]

    def add(
        self,
        docs: Iterable[StoryInput],
        *,
        workers: int = 1,
        progress: Progress | None = None,
    ) -> list[str]:
        """Sketch and index articles not in the index yet; returns their ids."""
        fresh: dict[str, StoryInput] = {}
        for doc in docs:
            if doc.id not in self._order and doc.id not in fresh:
                fresh[doc.id] = doc
        if not fresh:
            return []
        self.add_sketches(sketch_all(list(fresh.values()), self.params, workers, progress))
        return list(fresh)

    def add_sketches(self, sketches: Sequence[Sketch]) -> None:
        first = len(self._sketches)
        for n, s in enumerate(sketches, start=first):
            self._sketches.append(s)
            self._order[s.id] = n
        new_bands = postings([s.bands for s in sketches], first)
        new_keys = postings([s.keys for s in sketches], first)
        self._ranks = np.concatenate(
            [self._ranks, key_ranks([s.keys for s in sketches], self.params.rank_orders)]
        )
        matching = _with_matching(self._keys, new_keys)
        found = candidates(
            _with_matching(self._bands, new_bands),
            matching,
            self._ranks[matching[1]],
            self.params,
            len(self._sketches),
            new_from=first,
        )
        self._candidates.append(found)
        self._bands = _concat(self._bands, new_bands)
        self._keys = _concat(self._keys, new_keys)
        for score in verify(found, self._sketch_at, self.params):
            self.pairs[(score.a, score.b)] = score

    def remove(self, article_ids: Iterable[str]) -> None:
        """Forget articles (their postings stay, pointing at nothing)."""
        gone = {i for i in article_ids if i in self._order}
        for i in gone:
            self._sketches[self._order.pop(i)] = None
        self.pairs = {k: p for k, p in self.pairs.items() if not gone & {p.a, p.b}}
        self._asked = {k: p for k, p in self._asked.items() if not gone & {p.a, p.b}}

    def set_threshold(self, threshold: float) -> None:
        """Another story threshold: the stored candidates are scored again (nothing is
        sketched again)."""
        if threshold == self.params.threshold:
            return
        self.params = replace(self.params, threshold=threshold)
        self.pairs = {}
        self._asked = {}
        for found in self._candidates:
            for score in verify(found, self._sketch_at, self.params):
                self.pairs[(score.a, score.b)] = score

    def metas(self) -> list[ArticleMeta]:
        return [
            ArticleMeta(s.id, s.title, s.published, s.path, s.words, n)
            for n, s in enumerate(self._sketches)
            if s is not None
        ]

    def grouping(self, choices: Choices | None = None) -> Grouping:
        return assemble(self.metas(), self.pairs, self.params, choices or Choices(), self._score)

    def _sketch_at(self, n: int) -> Sketch | None:
        return self._sketches[n]

    def _score(self, wanted: list[PairKey]) -> list[PairScore]:
        out: list[PairScore] = []
        for x, y in wanted:
            known = self._asked.get((x, y))
            if known is not None:
                out.append(known)
                continue
            sx, sy = self.sketch(x), self.sketch(y)
            if sx is not None and sy is not None:
                score = score_pair(sx, sy, self.params)
                self._asked[(score.a, score.b)] = score
                out.append(score)
        return out


def _with_matching(old: tuple[Keys, Ints], new: tuple[Keys, Ints]) -> tuple[Keys, Ints]:
    """The new postings and the old ones sharing a key with them (whole buckets)."""
    if len(old[0]) == 0:
        return new
    hit = np.isin(old[0], new[0])
    return np.concatenate([old[0][hit], new[0]]), np.concatenate([old[1][hit], new[1]])


def _concat(old: tuple[Keys, Ints], new: tuple[Keys, Ints]) -> tuple[Keys, Ints]:
    return np.concatenate([old[0], new[0]]), np.concatenate([old[1], new[1]])


def group(
    docs: Iterable[StoryInput],
    params: GroupingParams | None = None,
    choices: Choices | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Grouping:
    """Group articles in this process (``workers`` processes for the map step; default:
    :func:`default_workers`)."""
    index = StoryIndex(params)
    index.add(
        docs, workers=workers if workers is not None else default_workers(), progress=progress
    )
    return index.grouping(choices)


def default_workers(cpus: int | None = None) -> int:
    """Worker processes for sketching: one per CPU, and none (this process alone) on two CPUs
    or fewer. Measured on 2 shared cores (10,000 articles, load average 3.5-3.8): two
    workers took 20-26 s and 13-16 s of CPU to sketch what this process sketched in 17-18 s
    and 11-12 s of CPU; each worker starts Python, imports numpy and fills its word tables
    from nothing, which a third core would pay for and a second does not."""
    count = cpus if cpus is not None else (os.cpu_count() or 1)
    return count if count > 2 else 1
