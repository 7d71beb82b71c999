"""Grouping on a Dask cluster gives exactly what grouping in this process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from variorum.core.stories import Grouping, StoryInput, group
from variorum.core.stories.scale import group_on_cluster, parse_scheduler

distributed = pytest.importorskip("distributed")


def _same(a: Grouping, b: Grouping) -> None:
    assert [s.versions for s in a.stories] == [s.versions for s in b.stories]
    assert [(s.id, s.title) for s in a.stories] == [(s.id, s.title) for s in b.stories]
    assert a.related == b.related


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_scheduler_specs() -> None:
    assert parse_scheduler("local:4") == ("local", 4)
    assert parse_scheduler("tcp://10.0.0.5:8786") == ("address", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "somewhere"):
        with pytest.raises(ValueError):
            parse_scheduler(bad)


def test_paths_are_loaded_on_the_workers(client, samples_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = [str(p) for p in sorted(samples_dir.glob("*.txt"))]
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(paths[0]).read_text(encoding="utf-8"), encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    result = group_on_cluster(client, [*paths, str(copy), missing], partition=2)
    assert result.failures == [(missing, "cannot read: file not found")]
    assert [a.source_path for a in result.articles] == [*paths, str(copy)]
    docs = [
        StoryInput(a.source_path or "", a.text, a.title, a.published, a.source_path)
        for a in result.articles
    ]
    _same(result.grouping, group(docs, workers=1))
    assert str(copy) in result.grouping.stories[0].ids  # a copy of the original is a version


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.timeout(900)
def test_ten_thousand_articles(client, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Short originals (2-5 paragraphs) keep this about a minute on two idle cores."""
    from benchmarks.story_archive import build

    archive = build(10_000, seed=7, length=(2, 5))
    expected = group(archive.docs, workers=1)
    result = group_on_cluster(client, archive.docs, partition=2500, shards=4)
    _same(result.grouping, expected)
    assert sum(len(s.versions) > 1 for s in expected.stories) > 1000
