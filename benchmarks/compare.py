"""Speed of the comparison engine beside `git diff --no-index --word-diff=porcelain`.

    .venv/bin/python benchmarks/compare.py [--runs 5] [--no-process] [--no-big]

For each pair (Darwin 1859 vs 1872 and vs 1860, seeds 000 vs 001 and 000 vs 002, and a
1 MB vs 1 MB pair made of the Darwin chapter repeated, 1859 text against 1872 text) it prints
the median time of loading both files (``load_file``, for reference: not part of the engine),
of ``compare_texts`` in this process, of a whole ``variorum compare --json`` process, and of
git on the same two files, with the ratios to git, and whether every unit got word-level
detail. The whole process runs as an installed app does: with its modules' bytecode
cached (in a temporary PYTHONPYCACHEPREFIX, warmed by one untimed run), not compiled from source
on every start as happens when PYTHONDONTWRITEBYTECODE is set. Targets (from the comparison
issue): Darwin in-process <= 2x git, whole process <= 6x git; articles up to 2,000 words
< 50 ms; 1 MB vs 1 MB < 2 s.

Then it prints the floor for the Darwin 1859/1872 pair: the parts of that work done in C by
the libraries alone (the tokenising regex, the C++ word diffs replayed) and the start of an
interpreter importing only what a compare must, each beside git (``--no-floor`` skips it).

Needs ../shared/corpus beside the checkout (it is never copied into the repository).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO / "desktop"))

from variorum.core.diff import compare_texts  # noqa: E402
from variorum.core.ingest import load_file  # noqa: E402


@dataclass
class Row:
    name: str
    words: tuple[int, int]
    load: float
    ours: float
    process: float | None
    git: float | None
    detail: bool
    changes: int


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_quiet(cmd: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)


def installed_env(cache: Path) -> dict[str, str]:
    """The environment of a process that finds its bytecode compiled, as after an install:
    compiling ~40 modules from source would add tens of milliseconds that no user pays."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def seed(number: str) -> Path:
    return sorted((CORPUS / "seeds").glob(f"{number}_*.txt"))[0]


def darwin(year: str) -> Path:
    return CORPUS / "darwin" / f"darwin-origin-ch1-{year}.txt"


def make_big(tmp: Path) -> tuple[Path, Path]:
    """~1 MB each: the 1859 chapter repeated, against the 1872 chapter repeated."""
    old = darwin("1859").read_text(encoding="utf-8")
    new = darwin("1872").read_text(encoding="utf-8")
    times = -(-1_000_000 // len(old.encode("utf-8")))
    a, b = tmp / "big-1859.txt", tmp / "big-1872.txt"
    a.write_text("\n\n".join([old] * times), encoding="utf-8")
    b.write_text("\n\n".join([new] * times), encoding="utf-8")
    return a, b


def measure(name: str, a: Path, b: Path, runs: int, process: dict[str, str] | None) -> Row:
    art_a, art_b = load_file(a), load_file(b)
    load = median_time(lambda: (load_file(a), load_file(b)), runs)
    result = compare_texts(art_a.text, art_b.text)
    ours = median_time(lambda: compare_texts(art_a.text, art_b.text), runs)
    proc = None
    if process is not None:
        cmd = [sys.executable, "-m", "variorum", "compare", "--json", str(a), str(b)]
        run_quiet(cmd, process)  # fills the bytecode cache
        proc = median_time(lambda: run_quiet(cmd, process), runs)
    git_time = None
    git = shutil.which("git")
    if git:
        cmd = [git, "diff", "--no-index", "--word-diff=porcelain", str(a), str(b)]
        git_time = median_time(lambda: run_quiet(cmd), runs)
    detail = not result.notices and not any(u.coarse for u in result.units)
    return Row(
        name, (art_a.words, art_b.words), load, ours, proc, git_time, detail, len(result.changes)
    )


def ratio(x: float | None, git: float | None) -> str:
    return f"{x / git:5.1f}x" if x is not None and git else "   - "


def ms(x: float | None) -> str:
    return f"{x * 1000:8.1f}" if x is not None else "       -"


def floor(runs: int, env: dict[str, str] | None) -> None:
    """What the Darwin 1859/1872 pair costs a Python implementation before any logic of ours:
    the C regex that cuts both texts into tokens (nothing else of tokenising), the C++ word
    diffs the engine asks diff-match-patch for (replayed alone), and an interpreter that starts
    and imports only the stdlib and the two libraries the engine needs. Beside git's time these
    show how much of the 2x / 6x targets is spent before the engine does anything itself."""
    import fast_diff_match_patch

    from variorum.core.normalize import normalize_text
    from variorum.core.options import CompareOptions
    from variorum.core.tokens import _SPACED_TOKEN_RE

    a, b = darwin("1859"), darwin("1872")
    texts = [load_file(p).text for p in (a, b)]
    folded = [normalize_text(t, CompareOptions()).text for t in texts]
    regex = median_time(lambda: [_SPACED_TOKEN_RE.findall(f) for f in folded], runs)
    calls: list[tuple[str, str]] = []
    real_diff = fast_diff_match_patch.diff

    def recording(x: str, y: str, **kw: object) -> object:
        calls.append((x, y))
        return real_diff(x, y, **kw)

    fast_diff_match_patch.diff = recording  # worddiff calls it through the module
    try:
        compare_texts(texts[0], texts[1])
    finally:
        fast_diff_match_patch.diff = real_diff
    diffs = median_time(
        lambda: [
            real_diff(x, y, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)
            for x, y in calls
        ],
        runs,
    )
    git = shutil.which("git")
    git_time = None
    if git:
        cmd = [git, "diff", "--no-index", "--word-diff=porcelain", str(a), str(b)]
        git_time = median_time(lambda: run_quiet(cmd), runs)

    def line(label: str, t: float | None) -> None:
        print(f"  {label:58} {ms(t)} {ratio(t, git_time)}")

    print(f"\nfloor, darwin 1859 vs 1872: no Variorum logic at all {'ms':>14}    x git")
    line("tokenising regex only (re.findall, both texts)", regex)
    line(f"C++ word diffs only ({len(calls)} calls, replayed)", diffs)
    line("the two together (in-process target: 2x git)", regex + diffs)
    if env is not None:
        least = "import re, json, fast_diff_match_patch"
        today = least + ", argparse, rapidfuzz.distance"
        times: dict[str, float] = {}
        for code in ("pass", least, today):
            cmd = [sys.executable, "-c", code]
            run_quiet(cmd, env)
            times[code] = median_time(partial(run_quiet, cmd, env), runs)
        line("process: python -c pass", times["pass"])
        line("process: python importing re, json, diff-match-patch only", times[least])
        line("process: ... and argparse, rapidfuzz (what compare uses)", times[today])
        line(
            "least process + regex + word diffs (process target: 6x git)",
            times[least] + regex + diffs,
        )
    line("git diff --word-diff=porcelain, whole process", git_time)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-process", action="store_true", help="skip whole-process timing")
    parser.add_argument("--no-big", action="store_true", help="skip the 1 MB pair")
    parser.add_argument("--no-floor", action="store_true", help="skip the floor figures")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    pairs = [
        ("darwin 1859 vs 1872", darwin("1859"), darwin("1872")),
        ("darwin 1859 vs 1860", darwin("1859"), darwin("1860")),
        ("seeds 000 vs 001", seed("000"), seed("001")),
        ("seeds 000 vs 002", seed("000"), seed("002")),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_big:
            big_a, big_b = make_big(Path(tmp))
            pairs.append(("1 MB vs 1 MB (darwin x16)", big_a, big_b))
        heads = ("load ms", "ours ms", "process", "git ms", "ours/git", "proc/git")
        print(
            f"{'pair':28} {'words':>13} " + " ".join(f"{h:>8}" for h in heads) + "  detail changes"
        )
        for name, a, b in pairs:
            runs = max(1, args.runs if "MB" not in name else min(args.runs, 3))
            env = None if args.no_process else installed_env(Path(tmp) / "pycache")
            row = measure(name, a, b, runs, env)
            words = f"{row.words[0]}/{row.words[1]}"
            print(
                f"{row.name:28} {words:>13} {ms(row.load)} {ms(row.ours)} {ms(row.process)} "
                f"{ms(row.git)} "
                f"{ratio(row.ours, row.git):>8} {ratio(row.process, row.git):>8}  "
                f"{'words' if row.detail else 'COARSE':6} {row.changes:7}",
                flush=True,
            )
        if not args.no_floor:
            floor(
                max(args.runs, 5), None if args.no_process else installed_env(Path(tmp) / "pycache")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
