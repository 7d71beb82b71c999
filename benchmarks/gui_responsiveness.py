"""How responsive the window stays while it loads a folder of N articles and then finds the
speakers of all of them in the background (the ingest and extraction issues' targets).

A 10 ms QTimer runs on the GUI thread throughout; its lateness is how long the window could not
react to the user. Prints the time to list every article, the time until the background
extraction has finished, and the longest and 99th-percentile stalls of the event loop in each
phase. Runs offscreen; needs nothing but the project and its samples.

    python benchmarks/gui_responsiveness.py [--articles 2000] [--extract 1000] [--mixed]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "desktop" / "variorum" / "resources" / "samples").glob("*.txt"))


def make_mixed_folder(folder: Path, count: int) -> None:
    """The ingest benchmark's generator: .txt, .md, .html, .eml and .docx in turn."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import _write_article  # benchmarks/ingest.py

    rng = random.Random(7)
    for i in range(count):
        _write_article(folder, i, rng)


def make_folder(folder: Path, count: int) -> None:
    """Variants of the demo articles: shuffled paragraphs and a numbered headline, so every
    file is distinct content (no dedupe shortcut) of realistic length."""
    rng = random.Random(7)
    bodies = [p.read_text(encoding="utf-8").split("\n\n") for p in SAMPLES]
    for i in range(count):
        paras = list(rng.choice(bodies))
        head, rest = paras[0], paras[1:]
        rng.shuffle(rest)
        text = f"{head} (version {i})\n\n" + "\n\n".join(rest)
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


class StallMeter:
    """A repeating 10 ms timer; records how late each tick came."""

    def __init__(self) -> None:
        self.lateness: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lateness.append(max(0.0, now - self._last - 0.010))
        if now - self._last > 0.2:
            print(f"  stall {(now - self._last) * 1e3:.0f} ms at {now:.2f}", flush=True)
        self._last = now

    def take(self) -> list[float]:
        values, self.lateness = self.lateness, []
        return values


def describe(values: list[float]) -> str:
    if not values:
        return "no ticks"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"longest stall {max(values) * 1e3:.0f} ms, 99th percentile {p99 * 1e3:.0f} ms, "
        f"median {statistics.median(values) * 1e3:.1f} ms over {len(values)} ticks"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--extract", type=int, default=1000, help="articles to analyse (0: skip)")
    parser.add_argument(
        "--mixed", action="store_true", help="txt, md, html, eml and docx instead of demo texts"
    )
    args = parser.parse_args()

    from variorum.core.paths import app_paths
    from variorum.ui.app import create_window, make_application, wait_until

    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        (make_mixed_folder if args.mixed else make_folder)(folder, args.articles)
        window = create_window(app_paths(Path(tmp) / "base"), interactive=False)
        slot = window.sidebar_slot
        if slot is not None and args.extract == 0:
            slot.controller.prefetch = lambda _articles: None  # measure loading alone
        window.resize(1280, 800)
        window.show()
        meter = StallMeter()
        started = time.perf_counter()
        print(f"  load starts at {time.perf_counter():.2f}", flush=True)
        window.open_paths([str(folder)])
        wait_until(lambda: window.article_list.proxy.rowCount() >= args.articles, 900)
        listed = time.perf_counter() - started
        load_stalls = meter.take()
        print(f"{args.articles} articles listed in {listed:.1f} s; {describe(load_stalls)}")

        if slot is not None and args.extract:
            controller = slot.controller
            todo = [e.article for e in window.library.entries()][: args.extract]
            wait_until(lambda: not controller._backlog, 0.2)  # let the automatic batch start
            controller._backlog.clear()
            window.tasks.cancel_channel("sidebar-batch")
            meter.take()
            started = time.perf_counter()
            controller.prefetch(todo)
            wait_until(lambda: not controller._backlog, 1800)
            took = time.perf_counter() - started
            words = sum(a.words for a in todo)
            print(
                f"speakers of {len(todo)} articles ({words} words) found in the background in "
                f"{took:.1f} s ({words / took:.0f} words/s); {describe(meter.take())}"
            )
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
