"""Process start to first shown window, median of 5 (the foundation issue's start-up figure).

The parent notes the wall clock just before it starts a fresh interpreter; the child runs the
real ``variorum`` entry point with a hook that reports the wall clock once the main window has
been shown and the event loop has painted it, then quits. Run under Xvfb for a real X11
window (``xvfb-run python benchmarks/startup.py``) or offscreen (the default when no DISPLAY).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(
    str(p) for p in (ROOT / "desktop" / "variorum" / "resources" / "samples").glob("*.txt")
)

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import variorum.ui.main_window as mw

_show = mw.MainWindow.show
def show(self):
    _show(self)
    def report():
        print(f"SHOWN {time.time():.6f}", flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, report)
mw.MainWindow.show = show
from variorum.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def one_run(basedir: str, files: list[str]) -> float:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "--basedir", basedir, *files],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith("SHOWN "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"window never shown: {result.stderr[-2000:]}")


def main() -> None:
    platform = "xcb (" + os.environ["DISPLAY"] + ")" if os.environ.get("DISPLAY") else "offscreen"
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        one_run(full, SAMPLES)  # warm the OS file cache and fill this library once
        cold = [one_run(empty, []) for _ in range(5)]
        with_library = [one_run(full, []) for _ in range(5)]
    print(f"platform: {platform}; Python {sys.version.split()[0]}")
    print(
        "start to first shown window, empty library:   median "
        f"{statistics.median(cold) * 1e3:.0f} ms"
        f" (runs: {', '.join(f'{t * 1e3:.0f}' for t in cold)})"
    )
    print(
        f"start to first shown window, 4-article library: median "
        f"{statistics.median(with_library) * 1e3:.0f} ms"
        f" (runs: {', '.join(f'{t * 1e3:.0f}' for t in with_library)})"
    )


if __name__ == "__main__":
    main()
