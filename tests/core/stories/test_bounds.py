"""The bound that skips candidates: never under the true count, never skips a pair that scores."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from variorum.core.stories import GroupingParams, StoryInput
from variorum.core.stories.batch import score_candidates
from variorum.core.stories.bounds import SHINGLE_BITS, bitmaps, shared_bound
from variorum.core.stories.buckets import Candidates
from variorum.core.stories.model import PairKind
from variorum.core.stories.sketch import Sketch, sketch_batch
from variorum.core.stories.verify import score_pair


def test_bound_is_never_under_the_shared_count() -> None:
    rng = np.random.default_rng(5)
    sets = [np.zeros(0, dtype=np.uint32)]
    for size in (1, 40, 460, 3000):
        sets.append(np.unique(rng.integers(0, 1 << 32, size, dtype=np.uint64)).astype(np.uint32))
    # near copies: most values in common
    sets.append(np.unique(np.concatenate((sets[3][:400], sets[2][:10]))))
    # values equal modulo the map size but different: a collision, counted, never missed
    sets.append(np.unique((sets[2].astype(np.uint64) + SHINGLE_BITS) % (1 << 32)).astype(np.uint32))
    maps = bitmaps(sets)
    pairs = np.array(list(itertools.combinations_with_replacement(range(len(sets)), 2)))
    sizes = np.array([len(s) for s in sets])
    bound = shared_bound(maps, sizes, pairs[:, 0], pairs[:, 1])
    exact = [len(np.intersect1d(sets[x], sets[y])) for x, y in pairs.tolist()]
    assert (bound >= exact).all()
    assert bound[pairs.tolist().index([0, 3])] == 0
    assert bound[pairs.tolist().index([2, 6])] == len(sets[2])  # every value collides


def _all_pairs(sketches: list[Sketch], shared: int) -> Candidates:
    a, b = zip(*itertools.combinations(range(len(sketches)), 2), strict=True)
    return Candidates(np.array(a), np.array(b), np.full(len(a), shared, dtype=np.int64))


def _brute(found: Candidates, sketches: list[Sketch], params: GroupingParams) -> list:  # type: ignore[type-arg]
    scores = [score_pair(sketches[x], sketches[y], params, s) for x, y, s in found.pairs()]
    return [s for s in scores if s.kind is not PairKind.NONE]


def _cuts(samples: dict[str, StoryInput]) -> list[StoryInput]:
    """The demo articles, and cuts of them (a paragraph, a half, one sentence)."""
    docs = list(samples.values())
    for doc in list(docs):
        paragraphs = [p for p in doc.text.split("\n") if p.strip()]
        docs.append(replace(doc, id=doc.id + "/half", text="\n".join(paragraphs[::2])))
        docs.append(replace(doc, id=doc.id + "/one", text=paragraphs[-1]))
        docs.append(replace(doc, id=doc.id + "/line", text=paragraphs[-1].split(". ")[0]))
    docs.append(StoryInput("empty", ""))
    return docs


@pytest.mark.parametrize("shared", [0, 1, 2, 3, 6])
@pytest.mark.parametrize(
    "params",
    [GroupingParams(), GroupingParams(threshold=0.1, related_threshold=0.05, key_ratio=0.5)],
)
def test_skipped_pairs_score_nothing(
    samples: dict[str, StoryInput], shared: int, params: GroupingParams
) -> None:
    sketches = sketch_batch(_cuts(samples), params)
    found = _all_pairs(sketches, shared)
    assert score_candidates(found, sketches.__getitem__, params) == _brute(found, sketches, params)


def test_missing_and_repeated_articles_are_skipped(samples: dict[str, StoryInput]) -> None:
    sketches: list[Sketch | None] = list(sketch_batch(list(samples.values()), GroupingParams()))
    sketches.append(sketches[0])  # the same article under a second number
    sketches[1] = None  # removed
    found = Candidates(np.array([0, 0, 0, 2]), np.array([1, 2, 4, 3]), np.array([0, 5, 9, 5]))
    scored = score_candidates(found, sketches.__getitem__, GroupingParams())
    valid = Candidates(np.array([0, 2]), np.array([2, 3]), np.array([5, 5]))
    assert scored == _brute(valid, sketches, GroupingParams())  # type: ignore[arg-type]


@pytest.mark.corpus
def test_archive_candidates_score_as_before(corpus_dir: Path) -> None:
    """On 300 articles of the benchmark archive (re-posts, rewrites, unrelated stories): the
    candidates' scores equal scoring each pair."""
    from benchmarks.story_archive import build

    from variorum.core.stories.index import StoryIndex

    archive = build(300, seed=3, length=(2, 5))
    index = StoryIndex()
    index.add(archive.docs)
    live = [s for s in index._sketches if s is not None]
    found = _all_pairs(live, 3)
    params = index.params
    assert score_candidates(found, live.__getitem__, params) == _brute(found, live, params)


@pytest.mark.parametrize(("dense", "chunk"), [(0, 1 << 16), (1 << 18, 1)])
def test_books_and_small_chunks_score_the_same(
    samples: dict[str, StoryInput], monkeypatch: pytest.MonkeyPatch, dense: int, chunk: int
) -> None:
    """Pairs too large for one table go one at a time; chunks of one article each give the
    same counts as chunks of many."""
    import variorum.core.stories.batch as batch

    monkeypatch.setattr(batch, "DENSE_CELLS", dense)
    monkeypatch.setattr(batch, "_CHUNK_VALUES", chunk)
    params = GroupingParams(threshold=0.1, related_threshold=0.05, key_ratio=0.05)
    sketches = sketch_batch(_cuts(samples), params)
    found = _all_pairs(sketches, 3)
    assert score_candidates(found, sketches.__getitem__, params) == _brute(found, sketches, params)
