"""Story grouping: speed, memory and quality on a synthetic archive with known stories.

The archive (``benchmarks/story_archive.py``) is made from real paragraphs of polnear-train:
originals, re-posts (cuts, insertions, reordering, quote styles, spacing, boilerplate, new
headlines) and shortened rewrites that keep quotes and names but rephrase the rest. For each
size it prints the grouping time and peak memory beside the issue's target, pair precision and
recall for re-posts and for rewrites separately, and how often the base is the original;
on 1,000 articles it also runs the naive way (every pair scored exactly) and prints the ratio.
It ends with the corpus checks of the issue (seeds + Darwin + BBC, and polnear-train).

    .venv/bin/python benchmarks/stories.py                  # 1,000, 10,000 and 100,000
    .venv/bin/python benchmarks/stories.py --sizes 1000 --workers 1

Each size runs in its own process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT)]

from benchmarks.story_archive import CORPUS, ORIGINAL, REWRITE, build  # noqa: E402

from variorum.core.stories import Grouping, GroupingParams, StoryIndex, group  # noqa: E402
from variorum.core.stories.assemble import ArticleMeta, assemble  # noqa: E402
from variorum.core.stories.choices import Choices  # noqa: E402
from variorum.core.stories.index import sketch_all  # noqa: E402
from variorum.core.stories.model import PairKind  # noqa: E402
from variorum.core.stories.verify import score_pair  # noqa: E402

LENGTH = (6, 14)
"""Paragraphs per original (news-length articles). The corpus has about 19,000 usable
paragraphs, enough for about 2,000 originals: larger archives are made of real sentences
recombined, so unrelated stories there share sentences (the "reuse" column), which real
archives rarely do."""
TARGET_SECONDS_10K = 15.0
TARGET_REPOST_F1 = 0.98
TARGET_REWRITE = (0.95, 0.9)  # precision, recall


def _c2(n: int) -> int:
    return n * (n - 1) // 2


def pair_scores(
    grouping: Grouping,
    ids: list[str],
    story: list[int],
    kind: list[str],
    left_out: list[bool] | None = None,
) -> dict[str, float]:
    """Pair precision and recall, re-post pairs (no rewrite in the pair) and rewrite pairs
    (a rewrite in the pair) counted apart; also how often a story's base is its original.
    With ``left_out``, pairs of two left-out articles are not counted (a kept article put
    with a left-out one still counts as a false pair), nor are left-out stories' own pairs."""
    out = left_out or [False] * len(ids)
    index = {i: n for n, i in enumerate(ids)}
    truth = Counter(s for s, o in zip(story, out, strict=True) if not o)
    truth_rw = Counter(
        s for s, k, o in zip(story, kind, out, strict=True) if k == REWRITE and not o
    )
    total_rp = sum(_c2(n - truth_rw[s]) for s, n in truth.items())
    total_rw = sum(_c2(n) - _c2(n - truth_rw[s]) for s, n in truth.items())
    pred_rp = pred_rw = ok_rp = ok_rw = 0
    bases_right = bases = 0
    for s in grouping.stories:
        members = [index[v.id] for v in s.versions]
        q = sum(kind[m] != REWRITE for m in members)
        gone = [m for m in members if out[m]]
        q_gone = sum(kind[m] != REWRITE for m in gone)
        pred_rp += _c2(q) - _c2(q_gone)
        pred_rw += _c2(len(members)) - _c2(q) - (_c2(len(gone)) - _c2(q_gone))
        cells = Counter((story[m], kind[m] == REWRITE) for m in members if not out[m])
        for true_story in {story[m] for m in members if not out[m]}:
            n_rw = cells[(true_story, True)]
            n_rp = cells[(true_story, False)]
            ok_rp += _c2(n_rp)
            ok_rw += _c2(n_rp + n_rw) - _c2(n_rp)
        if len(members) > 1:
            bases += 1
            bases_right += kind[index[s.base.id]] == ORIGINAL
    p_rp, r_rp = ok_rp / max(1, pred_rp), ok_rp / max(1, total_rp)
    p_rw, r_rw = ok_rw / max(1, pred_rw), ok_rw / max(1, total_rw)
    return {
        "repost_p": p_rp,
        "repost_r": r_rp,
        "repost_f1": 2 * p_rp * r_rp / max(1e-9, p_rp + r_rp),
        "rewrite_p": p_rw,
        "rewrite_r": r_rw,
        "base_is_original": bases_right / max(1, bases),
    }


def naive(docs: list, params: GroupingParams) -> Grouping:  # type: ignore[type-arg]
    """Every pair scored exactly: no signatures, no buckets."""
    sketches = sketch_all(docs, params)
    pairs = {}
    for a, b in itertools.combinations(sketches, 2):
        score = score_pair(a, b, params)
        if score.kind is not PairKind.NONE:
            pairs[(score.a, score.b)] = score
    by_id = {s.id: s for s in sketches}
    metas = [
        ArticleMeta(s.id, s.title, s.published, s.path, s.words, n) for n, s in enumerate(sketches)
    ]

    def compute(wanted):  # type: ignore[no-untyped-def]
        return [score_pair(by_id[x], by_id[y], params) for x, y in wanted]

    return assemble(metas, pairs, params, Choices(), compute)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: less sensitive than the
    wall clock to the other work on a shared machine (printed beside it)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_size(
    n: int, workers: int | None, with_naive: bool, rare_share: float | None = None
) -> dict[str, float]:
    archive = build(n, seed=11, length=LENGTH)
    before = _rss_mb()
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    start = time.perf_counter()
    params = GroupingParams() if rare_share is None else GroupingParams(rare_share=rare_share)
    grouping = group(archive.docs, params, workers=workers)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
    ids = [d.id for d in archive.docs]
    out = {
        "n": n,
        "seconds": seconds,
        "cpu": cpu,
        "load": (load + os.getloadavg()[0]) / 2,
        "rss_before": before,
        "peak": peak,
        "children": children,
        "reuse": archive.reuse,
        "stories": len(grouping.stories),
    }
    out |= pair_scores(grouping, ids, archive.story, archive.kind)
    out["recombined"] = sum(archive.recombined) / n
    if any(archive.recombined):
        out |= {
            f"unshared_{k}": v
            for k, v in pair_scores(
                grouping, ids, archive.story, archive.kind, archive.recombined
            ).items()
        }
    if with_naive:
        start = time.perf_counter()
        baseline = naive(archive.docs, GroupingParams())
        out["naive_seconds"] = time.perf_counter() - start
        out |= {
            f"naive_{k}": v
            for k, v in pair_scores(baseline, ids, archive.story, archive.kind).items()
        }
    return out


def corpus_checks() -> None:
    from variorum.core.ingest import load_many
    from variorum.core.stories import StoryInput

    corpus = CORPUS.parents[1]
    report = load_many([corpus / "seeds", corpus / "darwin", corpus / "bbc"])
    docs = [StoryInput(a.source_path or "", a.text, a.title, a.published) for a in report.articles]
    g = group(docs, workers=1)
    print("seeds + Darwin + BBC:")
    for s in g.stories:
        names = ", ".join(f"{Path(v.id).name} ({v.role})" for v in s.versions)
        print(f"  {names}")
    for link in g.related:
        print(f"  related: {link.a} ~ {link.b} ({link.score:.2f})")
    texts = sorted(CORPUS.glob("*.txt"))
    start = time.perf_counter()
    index = StoryIndex()
    index.add([StoryInput(p.name, p.read_text(encoding="utf-8"), p.name) for p in texts], workers=1)
    pol = index.grouping()
    merged = [s for s in pol.stories if len(s.versions) > 1]
    print(
        f"polnear-train: {len(texts)} articles -> {len(pol.stories)} stories in "
        f"{time.perf_counter() - start:.1f} s; stories of several versions:"
    )
    for s in merged:
        print("  " + " + ".join(v.id[:48] for v in s.versions))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument(
        "--workers", type=int, help="worker processes for sketching (default: as the app)"
    )
    parser.add_argument(
        "--no-naive", action="store_true", help="skip the naive all-pairs run on 1,000 (~3 min)"
    )
    parser.add_argument(
        "--no-corpus", action="store_true", help="skip the seeds/Darwin/BBC/polnear checks"
    )
    parser.add_argument(
        "--rare-share",
        type=float,
        help="share of the articles under which a name or quoted phrase is rare (default: "
        "GroupingParams' own); for measuring the rewrite pass's recall against its cost",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit("needs ../shared/corpus (polnear-train)")
    if args.one:
        naive_too = args.one <= 1000 and not args.no_naive
        print(json.dumps(run_size(args.one, args.workers, naive_too, args.rare_share)))
        return
    print(
        f"{'articles':>9} {'time s':>8} {'peak MB':>8} {'workers':>8} {'re-post P/R/F1':>18} "
        f"{'rewrite P/R':>12} {'base ok':>8} {'reuse':>6} {'cpu s':>6} {'load':>5}"
    )
    for n in args.sizes:
        line = (
            subprocess.run(
                [sys.executable, __file__, "--one", str(n)]
                + (["--workers", str(args.workers)] if args.workers else [])
                + (["--no-naive"] if args.no_naive else [])
                + (["--rare-share", str(args.rare_share)] if args.rare_share is not None else []),
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        r = json.loads(line)
        print(
            f"{n:>9,} {r['seconds']:>8.1f} {r['peak']:>8.0f} {r['children']:>8.0f} "
            f"{r['repost_p']:.3f}/{r['repost_r']:.3f}/{r['repost_f1']:.3f} "
            f"{r['rewrite_p']:.3f}/{r['rewrite_r']:.3f} {r['base_is_original']:>8.2f} "
            f"{r['reuse']:>6.1f} {r['cpu']:>6.1f} {r['load']:>5.1f}"
        )
        if "unshared_repost_p" in r:
            print(
                f"{'':>9} stories of unshared corpus paragraphs only "
                f"({1 - r['recombined']:.0%} of the articles): "
                f"re-post {r['unshared_repost_p']:.3f}/{r['unshared_repost_r']:.3f}/"
                f"{r['unshared_repost_f1']:.3f}, rewrite {r['unshared_rewrite_p']:.3f}/"
                f"{r['unshared_rewrite_r']:.3f}"
            )
        if n == 10_000:
            print(
                f"{'':>9} target: under {TARGET_SECONDS_10K:.0f} s on 2 cores "
                f"(ratio {r['seconds'] / TARGET_SECONDS_10K:.2f})"
            )
        if "naive_seconds" in r:
            print(
                f"{'':>9} naive all-pairs: {r['naive_seconds']:.1f} s "
                f"({r['naive_seconds'] / r['seconds']:.1f}x ours), "
                f"re-post F1 {r['naive_repost_f1']:.3f}, "
                f"rewrite P/R {r['naive_rewrite_p']:.3f}/{r['naive_rewrite_r']:.3f}"
            )
    print(
        f"targets: re-post F1 >= {TARGET_REPOST_F1}; rewrite recall >= {TARGET_REWRITE[1]} "
        f"at precision >= {TARGET_REWRITE[0]}"
    )
    if not args.no_corpus:
        corpus_checks()


if __name__ == "__main__":
    main()
