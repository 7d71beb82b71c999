"""N-way comparison: each version's changes on the base's positions, so "how many versions
changed this word" and "what does each version have here" are lookups."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from variorum.core.ingest import load_file
from variorum.core.stories import StoryInput
from variorum.core.stories.nway import ReadingKind, compare_many
from variorum.core.stories.scan import words_of


def test_every_change_lands_on_the_base(samples: dict[str, StoryInput]) -> None:
    base = samples["original"].text
    versions = [samples["repost"].text, samples["rewrite"].text]
    nway = compare_many(base, versions)
    heat = nway.heat()
    assert heat[0][0] == 0 and heat[-1][1] == len(base)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(heat))  # no gap, no overlap
    for k, comparison in enumerate(nway.comparisons, start=1):
        for n, change in enumerate(comparison.changes):
            if change.a_start == change.a_end:
                continue
            inside = [
                p
                for p in nway.passages
                if change.a_start <= p.start < change.a_end and not p.is_insertion
            ]
            assert inside and all(p.readings[k - 1].change == n for p in inside)
    for p in nway.passages:
        for r in p.readings:
            if r.kind is ReadingKind.SAME and not p.is_insertion:
                assert (
                    words_of(versions[r.version - 1][r.start : r.end])
                    == words_of(base[p.start : p.end])
                )


def test_lookups(samples: dict[str, StoryInput]) -> None:
    base = samples["original"].text
    repost = samples["repost"].text
    nway = compare_many(base, [repost, repost])  # the same version twice: always both or none
    assert {p.changed for p in nway.passages} == {0, 2}
    where = base.index("one of the most important")  # the re-post sharpened this quote
    passage = nway.passage_at(where)
    assert passage is not None and passage.changed == 2
    assert passage.readings[0].kind is ReadingKind.DELETED
    moved = nway.passage_at(base.index("Reservoirs serving the city"))
    assert moved is not None and moved.readings[1].kind is ReadingKind.MOVED
    (added,) = [p for p in nway.passages if p.is_insertion]
    assert nway.insertions_at(added.start) == [added]
    assert added.readings[0].text.startswith("Copyright Coastal Wire Service")
    before = [c for s, e, c in nway.heat() if e == added.start]
    assert before == [2]  # the addition shades the base word before it
    assert nway.passage_at(len(base)) is None


@pytest.mark.corpus
def test_darwin_editions_heat(corpus_dir: Path) -> None:
    texts = [load_file(p).text for p in sorted((corpus_dir / "darwin").glob("*.txt"))]
    nway = compare_many(texts[0], texts[1:])
    counts = {c for _, _, c in nway.heat()}
    assert counts == {0, 1, 2, 3, 4, 5}
    title = nway.passage_at(texts[0].index("1859"))
    assert title is not None
    assert [r.text for r in title.readings] == ["1860", "1861", "1866", "1869", "1872"]
