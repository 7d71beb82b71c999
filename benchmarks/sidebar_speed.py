"""The window's sidebar on the Darwin 1859/1872 pair, beside `variorum extract` on the same two
files in the same run (the speed issue's figures: complete in under 5 s in a fresh library and
under 400 MB; with both analyses cached, no model loaded at all), and `--screenshot` on a
folder of 2,000 articles beside a screenshot of the same first two articles alone (it must wait
only for what it shows).

    .venv/bin/python benchmarks/sidebar_speed.py [--articles 2000]

The window runs in this process, offscreen; its memory is sampled with its worker processes
(see process_memory.py). "Complete" is the moment the sidebar shows the pair with its quote
drift; the clock starts when the two files are opened, as a drop would.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from process_memory import TreeSampler  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PAIR = [CORPUS / "darwin" / f"darwin-origin-ch1-{year}.txt" for year in (1859, 1872)]
VARIORUM = [sys.executable, "-m", "variorum"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))


def timed(cmd: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    return time.perf_counter() - started, done.returncode, done.stderr.strip()[-300:]


def sidebar_run(basedir: Path, *, fresh: bool) -> float:
    from variorum.core.paths import app_paths
    from variorum.ui.app import create_window, wait_until

    window = create_window(app_paths(basedir), interactive=False)
    window.resize(1280, 800)
    window.show()
    controller = window.sidebar_slot.controller
    shown: list[float] = []
    real_show = window.sidebar.show_pair

    def show_pair(*args, **kwargs):  # type: ignore[no-untyped-def]
        real_show(*args, **kwargs)
        shown.append(time.perf_counter())

    window.sidebar.show_pair = show_pair  # type: ignore[method-assign]
    with TreeSampler() as sampler:
        started = time.perf_counter()
        if fresh:
            window.open_paths([str(p) for p in PAIR])
        else:
            window.article_list.select_rows([0, 1])
        complete = wait_until(lambda: bool(shown), 300)
    took = shown[0] - started if complete else float("nan")
    pool = controller.service.pool
    label = "fresh library" if fresh else "both cached  "
    print(
        f"sidebar, {label}: complete in {took:5.1f} s; peak {sampler.peak.mb()}; "
        f"model loaded: {'yes' if pool is not None and pool.workers_started else 'no'}"
        f" (spaCy in the window process: {'yes' if 'spacy' in sys.modules else 'no'})"
    )
    window.close()
    return took


def screenshot_figures(count: int, tmp: Path) -> None:
    from variorum.core.ingest import load_file

    texts = sorted((CORPUS / "polnear-train" / "text").glob("*.txt"))
    folder = tmp / "many"
    folder.mkdir()
    # The folder's first two files (what the screenshot shows) are the Darwin pair.
    for i, path in enumerate(PAIR):
        (folder / f"0000-{i}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bodies = [load_file(p).text for p in texts]
    for i in range(count - 2):
        body = bodies[i % len(bodies)]
        (folder / f"article-{i:05d}.txt").write_text(f"Copy {i}\n\n{body}", encoding="utf-8")
    two = tmp / "two"
    two.mkdir()
    for path in sorted(folder.iterdir())[:2]:
        (two / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    figures = []
    for name, source in ((f"{count} articles", folder), ("the same 2 alone", two)):
        seconds, code, err = timed(
            [
                *VARIORUM,
                "--basedir",
                str(tmp / f"base-{source.name}"),
                "--screenshot",
                str(tmp / f"{source.name}.png"),
                str(source),
            ]
        )
        figures.append(seconds)
        print(
            f"--screenshot on {name:17}: {seconds:5.1f} s, exit {code}"
            + (f" ({err})" if code else "")
        )
    print(
        f"  ratio {figures[0] / figures[1]:.2f} (the rest is reading and storing the other "
        f"{count - 2} files; the analysis of the background batch is not waited for)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="analysis processes in the window (default: the app's)",
    )
    args = parser.parse_args()
    if args.workers:
        from variorum.core.extract import workers

        workers.WORKERS = args.workers
    if not all(p.is_file() for p in PAIR):
        print("needs ../shared/corpus/darwin")
        return 1
    from variorum.ui.app import make_application

    make_application()
    from variorum.core.extract.workers import WORKERS

    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, {WORKERS} analysis "
        "worker(s) in the window"
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        reference, _, _ = timed([*VARIORUM, "extract", "--json", *map(str, PAIR)])
        one_core, _, _ = timed([*VARIORUM, "extract", "--json", "--workers", "1", *map(str, PAIR)])
        print(
            f"reference: variorum extract on the pair {reference:5.1f} s "
            f"(--workers 1: {one_core:.1f} s)"
        )
        took = sidebar_run(tmp / "base", fresh=True)
        print(f"  ratio sidebar / variorum extract: {took / reference:.2f} (target: under 5 s)")
        sidebar_run(tmp / "base", fresh=False)
        if args.articles:
            screenshot_figures(args.articles, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
