"""Start-up of the frozen build (PyInstaller one-folder): process start to the first window
mapped on the X server, cold and warm, beside the virtualenv's ``variorum`` measured the same
way (the foundation issue's start-up figure is that one).

    xvfb-run -a .venv/bin/python benchmarks/frozen_startup.py [--exe dist/variorum/variorum]

The window is seen from outside, as a user sees it: ``xdotool`` polls every 50 ms for a visible
top-level window named "Variorum" (faster polling filled the X server's connection backlog on a
busy machine, and the app could not connect). Cold: every file of the bundle is first dropped
from the page cache (``posix_fadvise(DONTNEED)``, what ``vmtouch -e`` does; dropping the whole
cache needs root on the host, which a container does not have), so the bundle is read from disk;
the system libraries it shares with the desktop stay cached, as on a running desktop.
Warm: the same launch again. Each run gets an empty library (a fresh ``--basedir``).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
COLD_RUNS = 3


def evict(folder: Path) -> int:
    """Drop the folder's files from the page cache; returns how many bytes they hold."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                total += os.fstat(fd).st_size
            finally:
                os.close(fd)
    return total


def window_shown() -> bool:
    run = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Variorum$"],
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(run.stdout.strip())


def one_start(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as base:
        started = time.perf_counter()
        errors = Path(base) / "stderr.txt"
        with errors.open("wb") as sink:
            process = subprocess.Popen(
                [*command, "--basedir", base], stdout=subprocess.DEVNULL, stderr=sink
            )
        try:
            while not window_shown():
                if process.poll() is not None:
                    raise SystemExit(
                        f"{command[0]} exited with {process.returncode}: "
                        + errors.read_text(errors="replace")[-2000:]
                    )
                if time.perf_counter() - started > 120:
                    raise SystemExit("no window after 120 s")
                time.sleep(0.05)
            return time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(30)


def ms(values: list[float]) -> str:
    runs = ", ".join(f"{v * 1e3:.0f}" for v in values)
    return f"median {statistics.median(values) * 1e3:.0f} ms (runs: {runs})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", default=str(ROOT / "dist" / "variorum" / "variorum"))
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        raise SystemExit(
            "needs an X display and xdotool: xvfb-run -a ... (apt-get install xdotool)"
        )
    exe = Path(args.exe).resolve()
    bundle = exe.parent
    frozen = [str(exe)]
    venv = [sys.executable, "-m", "variorum"]

    cold = []
    for _ in range(COLD_RUNS):
        size = evict(bundle)
        cold.append(one_start(frozen))
    warm = [one_start(frozen) for _ in range(RUNS)]
    one_start(venv)  # the virtualenv's files into the cache too
    reference = [one_start(venv) for _ in range(RUNS)]

    print(f"frozen: {exe} ({size / 1e6:.0f} MB of files); display {os.environ['DISPLAY']}")
    print(f"frozen, cold (bundle not in the page cache): {ms(cold)}")
    print(f"frozen, warm:                                {ms(warm)}")
    print(f"virtualenv (python -m variorum), warm:       {ms(reference)}")
    ratio = statistics.median(warm) / statistics.median(reference)
    print(f"ratio frozen warm / virtualenv warm: {ratio:.2f}")


if __name__ == "__main__":
    main()
