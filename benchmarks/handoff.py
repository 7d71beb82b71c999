"""Hand-off time: a second ``variorum FILE`` while a window runs on the same library, from the
second process's start to the article listed in the running window, median of 5; beside it
the reference, what the same launch costs without a running window (a new process that opens
its own window and lists the article).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/handoff.py
    ... benchmarks/handoff.py --exe dist/variorum/variorum   # the frozen build's launcher

The running window lives in this process, wired as ``run_gui`` wires it; each launch gets a
new article (its own text), so the window really loads something.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import variorum.ui.main_window as mw

_start = mw.MainWindow.start
def start(self, files):
    _start(self, files)
    def poll():
        if self.model.rowCount() >= 1:
            print(f"LISTED {time.time():.6f}", flush=True)
            QApplication.instance().quit()
        else:
            QTimer.singleShot(5, poll)
    poll()
mw.MainWindow.start = start
from variorum.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def article(folder: Path, n: int) -> Path:
    path = folder / f"launch-{n}.txt"
    path.write_text(
        f"Launch {n} of the hand-off benchmark\n\n"
        f"The council met for the {n}th time and approved budget line {n * 7}.\n",
        encoding="utf-8",
    )
    return path


def new_window_run(basedir: str, file: Path) -> float:
    """The reference: no window runs on this library, so the launch opens its own."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "--basedir", basedir, str(file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith("LISTED "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"the article was never listed: {result.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="launch this executable (a frozen build) as the second")
    args = parser.parse_args()
    launcher = [args.exe] if args.exe else [sys.executable, "-m", "variorum"]

    from PySide6.QtWidgets import QApplication

    from variorum.core.paths import app_paths
    from variorum.ui.app import create_window, make_application, receive_files, wait_until
    from variorum.ui.single_instance import InstanceServer

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(prefix="vr-") as rt:
        os.environ["XDG_RUNTIME_DIR"] = rt  # the second process inherits it
        folder = Path(tmp)
        paths = app_paths(folder / "base")
        window = create_window(paths, interactive=False)
        server = InstanceServer(paths, app)
        if not server.listen():
            raise SystemExit("could not take the library")
        server.open_requested.connect(lambda files: receive_files(window, files))
        window.show()
        wait_until(lambda: False, 0.5)

        handoffs: list[float] = []
        exits: list[float] = []
        for n in range(RUNS + 1):  # the first warms the file cache and is not counted
            file = article(folder, n)
            before = window.model.rowCount()
            started = time.perf_counter()
            process = subprocess.Popen(
                [*launcher, "--basedir", str(folder / "base"), str(file)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            exited: list[float] = []

            def listed(
                b: int = before, p: subprocess.Popen[bytes] = process, e: list[float] = exited
            ) -> bool:
                if not e and p.poll() is not None:
                    e.append(time.perf_counter())
                return window.model.rowCount() > b

            if not wait_until(listed, 60):
                raise SystemExit(f"not listed: {process.stderr.read().decode()[-2000:]}")
            done = time.perf_counter()
            process.wait(30)
            if process.returncode != 0:
                raise SystemExit(f"second process exit {process.returncode}")
            if n:
                handoffs.append(done - started)
                exits.append((exited[0] if exited else time.perf_counter()) - started)
        window.close()
        server.close()

        reference = (
            [new_window_run(str(folder / "other"), article(folder, 100 + i)) for i in range(RUNS)]
            if not args.exe
            else []
        )
    QApplication.processEvents()

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1e3:.0f} ms (runs: "
            + ", ".join(f"{v * 1e3:.0f}" for v in values)
            + ")"
        )

    print(
        f"second launch: {' '.join(launcher[:1] + launcher[1:])}; platform "
        f"{os.environ.get('QT_QPA_PLATFORM') or 'xcb'}"
    )
    print(f"hand-off, second process start to article listed: {ms(handoffs)}")
    print(f"second process start to its exit (code 0):        {ms(exits)}")
    if reference:
        print(f"reference, a new window instead (start to listed): {ms(reference)}")
        ratio = statistics.median(handoffs) / statistics.median(reference)
        print(f"ratio hand-off / new window: {ratio:.2f}")


if __name__ == "__main__":
    main()
