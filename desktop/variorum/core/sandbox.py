"""Run risky work (parsing a file, analysing a pathological text) in a separate process with a
CPU-time limit and a memory limit, killed when it overruns; its result comes back as data.

Why a process: Python cannot stop a thread, and a regular expression or ``unicodedata`` call
on a crafted input is one C call that holds the GIL, so a "time limit" on a thread freezes the
window instead of stopping the work. A process can be killed, and the operating system can
bound it: on Linux and macOS the worker sets ``RLIMIT_CPU`` (the kernel ends it when its CPU
time is used up) and, on Linux, ``RLIMIT_AS`` (an allocation past the limit fails with
MemoryError instead of growing to gigabytes). Everywhere a watchdog in the calling thread also
kills it after a wall-clock limit, which is all there is on Windows.

Workers are started with ``spawn`` (a fresh interpreter: what works on every platform and in a
PyInstaller build, whose entry point calls ``multiprocessing.freeze_support()``) and kept warm
in a :class:`WorkerPool`: a fresh worker costs ~50 ms plus the imports of whatever it runs
(~0.4 s for every file format), a warm one ~1 ms per call. A worker that overran, crashed or
ran out of memory is discarded and a new one started for the next call.

Use::

    pool = WorkerPool(warmup=preload_models)      # warmup: a picklable function, run once
    outcome = pool.run(parse, data, limits=Limits(cpu_seconds=30, memory_bytes=1 << 30))
    if outcome.ok: use(outcome.value)
    elif outcome.failure == "time": ...           # "memory", "crashed", "cancelled", "error"

Speaker extraction is meant to run the same way (not wired yet): a pool whose ``warmup`` loads
the spaCy pipeline into a module global of the worker, and ``pool.run(extract_one, text,
limits=...)`` returning the Extraction (plain dataclasses pickle), so a pathological text is
stopped at its limit and the window never waits for it.

``func`` and its arguments must be picklable (a module-level function). Inside it,
:func:`report` sends a progress value to the caller's ``on_report``, which may return False to
cancel (the worker is then killed).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

Failure = Literal["time", "memory", "crashed", "cancelled", "error"]

WALL_GRACE = 2.0
"""Seconds of wall-clock time allowed beyond the CPU limit (a busy machine, disk waits)."""


@dataclass(frozen=True)
class Limits:
    """Bounds for one call. ``memory_bytes``: how much the worker may grow during the call
    (address space, on Linux); None for no bound."""

    cpu_seconds: float = 30.0
    memory_bytes: int | None = 1024 * 1024 * 1024
    wall_seconds: float | None = None
    """None: ``cpu_seconds + WALL_GRACE``."""

    @property
    def wall(self) -> float:
        return self.wall_seconds if self.wall_seconds is not None else self.cpu_seconds + WALL_GRACE


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a call came to: ``value`` when ``ok``; otherwise ``failure`` says what kind, and
    for "error" ``error`` is the function's own exception (re-created here when it could be
    pickled) and ``traceback`` its text."""

    value: T | None = None
    failure: Failure | None = None
    error: BaseException | None = None
    detail: str = ""
    traceback: str = ""
    seconds: float = 0.0
    peak_rss: int | None = None
    """The worker's peak resident size in bytes, when the call finished normally."""

    @property
    def ok(self) -> bool:
        return self.failure is None


# -- inside the worker ------------------------------------------------------------------------

_CHANNEL: Connection | None = None


def report(value: object) -> bool:
    """From inside a sandboxed function: send ``value`` to the caller's ``on_report``. Returns
    False outside a worker (nobody listens), True otherwise."""
    if _CHANNEL is None:
        return False
    _CHANNEL.send(("report", value))
    return True


def in_worker() -> bool:
    return _CHANNEL is not None


def _address_space() -> int | None:
    """The process's current virtual size (Linux), the base the memory limit is added to."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _peak_rss() -> int | None:
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def _apply_limits(limits: Limits) -> None:
    """Set this worker's limits for the next call: CPU time counts from what it used so far;
    address space from what it has now."""
    try:
        import resource
    except ImportError:  # Windows: the parent's watchdog is the limit
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(used + limits.cpu_seconds)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    base = _address_space()
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    if limits.memory_bytes is None or base is None:
        as_soft = as_hard
    else:
        as_soft = base + limits.memory_bytes
        if as_hard != resource.RLIM_INFINITY:
            as_soft = min(as_soft, as_hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (as_soft, as_hard))


def _lift_memory_limit() -> None:
    """After a call, so the worker can receive the next call's (large) input."""
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _no_core_files() -> None:
    try:
        import resource
    except ImportError:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _worker_main(conn: Connection, warmup: Callable[[], None] | None) -> None:
    """The worker's loop: one call at a time, until the pipe closes."""
    global _CHANNEL
    _CHANNEL = conn
    _no_core_files()
    if warmup is not None:
        with contextlib.suppress(Exception):  # a failed warm-up only slows the first call
            warmup()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        func, args, limits = job
        _apply_limits(limits)
        try:
            value = func(*args)
        except MemoryError:
            _lift_memory_limit()
            conn.send(("memory", None))
            return  # a worker that ran out of memory may be left in a bad state: retire it
        except BaseException as exc:
            _lift_memory_limit()
            text = traceback.format_exc()
            try:
                conn.send(("error", exc, text))
            except Exception:  # the exception itself cannot be pickled: send its description
                conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}"), text))
            continue
        _lift_memory_limit()
        try:
            conn.send(("ok", value, _peak_rss()))
        except MemoryError:
            conn.send(("memory", None))
            return


# -- the caller's side ------------------------------------------------------------------------


class _Worker:
    def __init__(self, context: Any, warmup: Callable[[], None] | None) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, warmup), name="variorum-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if self.ready:
            return True
        if self.conn.poll(timeout):
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                return False
            self.ready = message[0] == "ready"
        return self.ready

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(2.0)
        with contextlib.suppress(Exception):
            self.conn.close()

    def alive(self) -> bool:
        return bool(self.process.is_alive())


START_TIMEOUT = 60.0
"""Seconds a new worker may take to start (and warm up) before it counts as crashed."""


class WorkerPool:
    """Up to ``size`` warm workers shared by the threads that call :meth:`run`; a thread that
    finds them all busy waits for one. Thread-safe. :meth:`close` ends them (also done at
    interpreter exit: they are daemon processes)."""

    def __init__(
        self,
        *,
        size: int = 1,
        warmup: Callable[[], None] | None = None,
        start_method: str = "spawn",
    ) -> None:
        self.size = max(1, size)
        self._warmup = warmup
        self._context = multiprocessing.get_context(start_method)
        self._idle: list[_Worker] = []
        self._count = 0
        self._cond = threading.Condition()
        self._closed = False
        self.started = 0
        """Workers started so far (a measure of how often one had to be replaced)."""

    def prestart(self) -> None:
        """Start one worker now (in the background) so the first call does not wait for it."""
        with self._cond:
            if self._closed or self._idle or self._count >= self.size:
                return
            self._count += 1
        worker = self._new_worker()
        worker.wait_ready(START_TIMEOUT)  # warm up now, not when the first call comes
        with self._cond:
            if self._closed:
                self._count -= 1
            else:
                self._idle.append(worker)
                self._cond.notify()
                return
        worker.kill()

    def _new_worker(self) -> _Worker:
        self.started += 1
        return _Worker(self._context, self._warmup)

    def _acquire(self) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("worker pool closed")
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        return worker
                    self._count -= 1
                    worker.kill()
                if self._count < self.size:
                    self._count += 1
                    break
                self._cond.wait()
        try:
            return self._new_worker()
        except BaseException:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise

    def _release(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.kill()
        with self._cond:
            if healthy and not self._closed:
                self._idle.append(worker)
            else:
                self._count -= 1
                if healthy:
                    worker.kill()
            self._cond.notify()

    def run(
        self,
        func: Callable[..., T],
        *args: Any,
        limits: Limits | None = None,
        on_report: Callable[[object], bool | None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Outcome[T]:
        """Call ``func(*args)`` in a worker under ``limits``. Never raises for what happens
        in the worker: every way it can end is an :class:`Outcome`."""
        limits = limits or Limits()
        started = time.monotonic()
        worker = self._acquire()
        if not worker.wait_ready(START_TIMEOUT):
            self._release(worker, healthy=False)
            return Outcome(failure="crashed", detail="the worker process did not start")
        healthy = False
        try:
            worker.conn.send((func, args, limits))
            outcome: Outcome[T] = self._wait(worker, limits, started, on_report, cancelled)
            healthy = outcome.failure in (None, "error")
            return outcome
        except (OSError, EOFError, ValueError) as exc:  # the pipe broke: the worker died
            return Outcome(failure="crashed", detail=f"worker lost ({exc})")
        finally:
            self._release(worker, healthy)

    def _wait(
        self,
        worker: _Worker,
        limits: Limits,
        started: float,
        on_report: Callable[[object], bool | None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> Outcome[T]:
        deadline = time.monotonic() + limits.wall
        while True:
            if cancelled is not None and cancelled():
                return Outcome(failure="cancelled", seconds=time.monotonic() - started)
            if worker.conn.poll(0.05):
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    return self._ended(worker, limits, started)
                kind = message[0]
                elapsed = time.monotonic() - started
                if kind == "report":
                    if on_report is not None and on_report(message[1]) is False:
                        return Outcome(failure="cancelled", seconds=elapsed)
                    continue
                if kind == "ok":
                    return Outcome(value=message[1], seconds=elapsed, peak_rss=message[2])
                if kind == "error":
                    error = message[1]
                    return Outcome(
                        failure="error",
                        error=error,
                        detail=f"{type(error).__name__}: {error}",
                        traceback=message[2],
                        seconds=elapsed,
                    )
                if kind == "memory":
                    return Outcome(failure="memory", detail="out of memory", seconds=elapsed)
                continue
            if not worker.alive():
                return self._ended(worker, limits, started)
            if time.monotonic() > deadline:
                return Outcome(
                    failure="time",
                    detail=f"still running after {limits.wall:g} s",
                    seconds=time.monotonic() - started,
                )

    @staticmethod
    def _ended(worker: _Worker, limits: Limits, started: float) -> Outcome[Any]:
        """The worker died in the middle of a call: why, from its exit status."""
        worker.process.join(1.0)
        code = worker.process.exitcode
        elapsed = time.monotonic() - started
        import signal

        xcpu = getattr(signal, "SIGXCPU", None)
        if code is not None and xcpu is not None and code == -int(xcpu):
            return Outcome(
                failure="time", detail=f"used {limits.cpu_seconds:g} s of CPU", seconds=elapsed
            )
        return Outcome(failure="crashed", detail=f"the worker ended (exit code {code})",
                       seconds=elapsed)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.kill()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
