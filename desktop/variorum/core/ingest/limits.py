"""Time and resource budgets for one load, enforced from outside and checked from inside.

A loader runs in a worker thread with a deadline (:func:`run_guarded`). Python cannot kill a
thread, so the budget is also *cooperative*: loaders that loop over pages, zip members or XML
elements call :func:`check_budget`, which raises once the deadline has passed or the user
cancelled, and the abandoned worker stops at its next check instead of running on.
Memory is guarded by bounding every input that can grow (size limit before reading, bounded
decompression for zip containers, a page cap for PDF, no DTD entities) and, where the system
tells us the process's resident size cheaply (Linux ``/proc/self/statm``), by the same budget
checks: a load whose process grows by more than ``max_memory_growth`` is stopped. A
``MemoryError`` that still happens is reported, not raised.
"""

from __future__ import annotations

import contextvars
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from variorum.core.ingest.errors import CancelledError, MemoryLimitError, TimeLimitError

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0
"""Seconds one file may take; generous for a 1,000-page PDF on a slow laptop."""


@dataclass(frozen=True)
class Limits:
    """Bounds for one load; the defaults are what the app uses."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_unzipped: int = 200 * 1024 * 1024
    """Total uncompressed size of a .docx/.odt container."""
    max_ratio: float = 100.0
    """Uncompressed : compressed size, for the whole container and for each member."""
    max_pdf_pages: int = 2000
    """Pages read from a PDF; the rest are skipped with a warning."""
    max_memory_growth: int = 1024 * 1024 * 1024
    """How much the process may grow while one file loads (checked where RSS is cheap to read)."""


DEFAULT_LIMITS = Limits()

PageProgress = Callable[[int, int], bool]
"""``(pages_done, pages_total) -> keep_going``; lets the UI show progress inside one big PDF."""


@dataclass
class Budget:
    """The live state of one load: when it must stop and who may cancel it."""

    limits: Limits = DEFAULT_LIMITS
    deadline: float | None = None
    page_progress: PageProgress | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _cancelled: bool = False
    _baseline_rss: int | None = None
    _next_memory_check: float = 0.0

    def start(self) -> None:
        """Arm the deadline and note the memory in use now."""
        if self.limits.timeout is not None:
            self.deadline = time.monotonic() + self.limits.timeout
        self._baseline_rss = resident_bytes()

    def expire(self) -> None:
        self._stop.set()

    def check(self) -> None:
        if self._cancelled:
            raise CancelledError()
        now = time.monotonic()
        if self._stop.is_set() or (self.deadline is not None and now > self.deadline):
            self._stop.set()
            raise TimeLimitError(self.limits.timeout or 0.0)
        if self._baseline_rss is not None and now >= self._next_memory_check:
            self._next_memory_check = now + 0.05  # reading RSS costs ~10 µs; 20 times a second
            rss = resident_bytes()
            if rss is not None and rss - self._baseline_rss > self.limits.max_memory_growth:
                self._stop.set()
                raise MemoryLimitError(self.limits.max_memory_growth)

    def remaining(self) -> float | None:
        """Seconds left before the deadline (None when unlimited)."""
        if self.deadline is None:
            return None
        return self.deadline - time.monotonic()

    def pages(self, done: int, total: int) -> None:
        """Report progress inside one file; a callback returning False cancels the load."""
        self.check()
        if self.page_progress is not None and not self.page_progress(done, total):
            self._cancelled = True
            raise CancelledError()


_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "variorum_ingest_budget", default=None
)


def current_budget() -> Budget:
    """The budget of the load running in this context (an unlimited one outside a load)."""
    budget = _CURRENT.get()
    return budget if budget is not None else Budget()


def check_budget() -> None:
    """Raise TimeLimitError / CancelledError if the current load must stop now."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.check()


def resident_bytes() -> int | None:
    """Resident size of this process, or None where it is not cheap to know (non-Linux)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def run_budgeted(func: Callable[[], T], budget: Budget) -> T:
    """Run ``func`` in this thread with ``budget`` as the current one (inside a worker process,
    where the process itself is limited and killed from outside)."""
    budget.start()
    ctx = contextvars.copy_context()
    ctx.run(_CURRENT.set, budget)
    return ctx.run(func)


def run_guarded(func: Callable[[], T], budget: Budget) -> T:
    """Run ``func`` in a daemon worker thread under ``budget``; raise TimeLimitError if it does
    not finish in time (the worker is told to stop at its next budget check)."""
    timeout = budget.limits.timeout
    budget.start()
    ctx = contextvars.copy_context()
    ctx.run(_CURRENT.set, budget)
    outcome: list[T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(ctx.run(func))
        except BaseException as exc:  # handed back to the caller's thread as it is
            failure.append(exc)

    worker = threading.Thread(target=work, name="variorum-ingest", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        budget.expire()
        raise TimeLimitError(timeout or 0.0)
    if failure:
        raise failure[0]
    return outcome[0]
