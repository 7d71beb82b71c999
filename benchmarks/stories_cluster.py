"""Story grouping on a local Dask cluster beside the same archive grouped in one process.

The cluster path (``variorum group --scheduler``) is what a newsroom runs on an archive of
millions; this measures it on this machine: wall time and the peak memory of the client
process and of the whole process tree (scheduler, workers), and whether it finds the same
stories as one process does.

    .venv/bin/python benchmarks/stories_cluster.py --articles 30000 [--workers 2]
        [--partition 5000] [--shards 6] [--no-reference]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT), str(ROOT / "benchmarks")]

from benchmarks.stories import LENGTH, pair_scores  # noqa: E402
from benchmarks.story_archive import build  # noqa: E402

from process_memory import TreeSampler  # noqa: E402
from variorum.core.stories import group  # noqa: E402
from variorum.core.stories.scale import client_for, group_on_cluster  # noqa: E402


def _stories(grouping) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(v.id for v in s.versions) for s in grouping.stories}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition", type=int, default=5_000)
    parser.add_argument("--shards", type=int, default=None)
    parser.add_argument("--no-reference", action="store_true", help="skip the one-process run")
    args = parser.parse_args()

    archive = build(args.articles, seed=11, length=LENGTH)
    ids = [d.id for d in archive.docs]
    client = client_for(f"local:{args.workers}")
    try:
        with TreeSampler() as sampler:
            started = time.perf_counter()
            result = group_on_cluster(
                client,
                archive.docs,
                partition=args.partition,
                shards=args.shards,
                keep_articles=False,
                progress=lambda step: print(f"  {time.perf_counter() - started:7.1f} s  {step}"),
            )
            seconds = time.perf_counter() - started
    finally:
        client.close()
    scores = pair_scores(result.grouping, ids, archive.story, archive.kind)
    print(
        f"{args.articles:,} articles on {args.workers} local workers, partitions of "
        f"{args.partition:,}: {seconds:.1f} s; peak {sampler.peak.mb()}; re-post F1 "
        f"{scores['repost_f1']:.3f}, rewrite P/R {scores['rewrite_p']:.3f}/"
        f"{scores['rewrite_r']:.3f}"
    )
    if args.no_reference:
        return
    started = time.perf_counter()
    expected = group(archive.docs, workers=1)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    same = _stories(expected) == _stories(result.grouping)
    print(
        f"one process: {seconds:.1f} s, peak {peak:.0f} MB (this process, the archive "
        f"included); the same stories: {'yes' if same else 'NO'}"
    )


if __name__ == "__main__":
    main()
