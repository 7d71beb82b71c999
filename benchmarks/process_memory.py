"""Peak memory of a process and every process it started (Linux, /proc), sampled every 50 ms.

Extraction runs in worker processes, so the memory a user pays is the window's (or the
command's) plus its workers'. Two sums are kept: RSS (what `top` shows per process, which
counts shared library pages once per process) and PSS (each shared page divided between the
processes that map it: the honest total). Used by the speed benchmarks; not part of the app.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid``."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    found: list[int] = []
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == current]
        found += kids
        frontier += kids
    return found


def _rollup(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) when it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return rss, pss


@dataclass
class Peak:
    own_rss: int = 0
    """The process itself (the window, the command), without its workers."""
    tree_rss: int = 0
    tree_pss: int = 0
    processes: int = 1

    def mb(self) -> str:
        return (
            f"{self.tree_pss / 2**20:.0f} MB PSS / {self.tree_rss / 2**20:.0f} MB RSS over "
            f"{self.processes} processes ({self.own_rss / 2**20:.0f} MB in the main one)"
        )


class TreeSampler:
    """``with TreeSampler(pid) as s: ...`` then ``s.peak``."""

    def __init__(self, pid: int | None = None, every: float = 0.05) -> None:
        self.pid = pid or os.getpid()
        self.every = every
        self.peak = Peak()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        own = _rollup(self.pid)
        pids = [self.pid, *_children(self.pid)]
        rolls = [own, *(_rollup(p) for p in pids[1:])]
        peak = self.peak
        peak.own_rss = max(peak.own_rss, own[0])
        peak.tree_rss = max(peak.tree_rss, sum(r for r, _ in rolls))
        peak.tree_pss = max(peak.tree_pss, sum(p for _, p in rolls))
        peak.processes = max(peak.processes, len([r for r in rolls if r[0]]))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.every)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
