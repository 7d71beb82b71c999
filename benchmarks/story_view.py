"""How long the N-way view of the six Darwin editions takes to show (the stories issue's target:
under 1 s), in the real window, offscreen.

The Darwin folder is loaded and grouped first; then, for each run, the story row is selected
with nothing cached (the view's N-way cache is emptied) and the clock runs until the overview
is on screen: the N-way comparison in the task runner, the heat map, matrix, timeline and
derivation built and painted. The N-way comparison alone (``compare_many``) is timed apart,
so the cost of the view itself can be read off. Prints the median beside the target, as a
ratio.

    .venv/bin/python benchmarks/story_view.py [--runs 5] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop")]

TARGET_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    darwin = args.corpus / "darwin"
    if not darwin.is_dir():
        print(f"no Darwin editions at {darwin}", file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication

    from variorum.core.options import CompareOptions
    from variorum.core.paths import app_paths
    from variorum.core.stories.nway import compare_many
    from variorum.ui.app import create_window, make_application, wait_until

    make_application()
    with tempfile.TemporaryDirectory() as base:
        window = create_window(app_paths(base), interactive=False)
        window.resize(1280, 800)
        window.show()
        window.loader.load_paths_now([str(darwin)])
        # Grouping done, and the sidebar's background search for speakers too: its worker
        # processes would otherwise share the two cores with what is measured.
        if not wait_until(
            lambda: not window.busy() and not window.tasks.busy("sidebar-batch"), 600
        ):
            print("grouping or the speakers' batch did not finish", file=sys.stderr)
            return 1
        stories = [s for s in window.stories.grouper.grouping().stories if len(s.versions) > 1]
        story = max(stories, key=lambda s: len(s.versions))
        print(f"story: {story.title} ({len(story.versions)} versions)")
        articles = [window.library.get(i).article for i in story.ids]  # type: ignore[union-attr]
        words = sum(a.words for a in articles)
        print(f"texts: {words:,} words in all")

        shown: list[float] = []
        core: list[float] = []
        for _ in range(args.runs):
            window.article_list.select_ids([])
            wait_until(lambda: not window.busy(), 30)
            window.stories.controller._cache.clear()  # a cold view each run
            started = time.perf_counter()
            window.article_list.select_story(story.id)
            wait_until(lambda: window.stories.view.shown is not None, 60)
            QApplication.processEvents()
            window.repaint()  # painted, not only built
            shown.append(time.perf_counter() - started)

            started = time.perf_counter()
            compare_many(articles[0].text, [a.text for a in articles[1:]], CompareOptions())
            core.append(time.perf_counter() - started)
        window.close()
        window.library.close()

    median = statistics.median(shown)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"N-way comparison alone (compare_many): median {statistics.median(core):.3f} s")
    print(
        f"N-way view of {len(articles)} Darwin editions shown: median {median:.3f} s "
        f"(runs: {', '.join(f'{t:.3f}' for t in shown)}); target {TARGET_S:.1f} s; "
        f"ratio {median / TARGET_S:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
