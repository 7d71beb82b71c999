"""The worker process: results and errors as data, limits that hold, a warm worker reused."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest

from tests.core import sandbox_jobs as jobs
from variorum.core.sandbox import Limits, WorkerPool

LINUX = sys.platform.startswith("linux")


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(warmup=jobs.warm) as shared:
        yield shared


def test_a_result_comes_back_and_the_worker_stays_warm(pool: WorkerPool) -> None:
    first = pool.run(jobs.pid_and_warmups)
    second = pool.run(jobs.pid_and_warmups)
    assert first.ok and second.ok
    assert first.value is not None and first.value == second.value  # same process...
    assert first.value[1] == 1  # ...warmed up once
    assert pool.run(jobs.add, 2, 3).value == 5


def test_an_exception_is_data_with_its_traceback(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.fail, "bad input")
    assert outcome.failure == "error"
    assert isinstance(outcome.error, ValueError) and str(outcome.error) == "bad input"
    assert "in fail" in outcome.traceback
    unpicklable = pool.run(jobs.fail_unpicklably)
    assert unpicklable.failure == "error"
    assert "Unpicklable: cannot travel" in str(unpicklable.error)
    assert pool.run(jobs.add, 1, 1).value == 2  # the worker survives an exception


def test_a_gil_holding_call_is_stopped_by_the_cpu_limit(pool: WorkerPool) -> None:
    before = pool.run(jobs.pid_and_warmups).value
    started = time.monotonic()
    limits = Limits(cpu_seconds=1)
    outcome = pool.run(jobs.backtrack, 40, limits=limits)
    assert outcome.failure == "time"
    assert time.monotonic() - started < limits.wall + 5  # the watchdog, if CPU is scarce
    after = pool.run(jobs.pid_and_warmups)
    assert after.ok and after.value != before  # a new worker took the killed one's place


@pytest.mark.skipif(not LINUX, reason="the address-space limit is enforced on Linux")
def test_memory_past_the_limit_fails_as_memory(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.balloon, 2000, limits=Limits(memory_bytes=200 * 1024 * 1024))
    assert outcome.failure == "memory"
    fine = pool.run(jobs.balloon, 50, limits=Limits(memory_bytes=200 * 1024 * 1024))
    assert fine.value == 50 and fine.peak_rss is not None


def test_a_sleeping_worker_is_stopped_by_the_watchdog(pool: WorkerPool) -> None:
    started = time.monotonic()
    outcome = pool.run(jobs.sleep, 30, limits=Limits(cpu_seconds=1, wall_seconds=0.5))
    assert outcome.failure == "time"
    assert time.monotonic() - started < 5


def test_a_worker_that_dies_is_reported_and_replaced(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.die, 3)
    assert outcome.failure == "crashed" and "exit code 3" in outcome.detail
    assert pool.run(jobs.add, 4, 4).value == 8


def test_reports_reach_the_caller_who_may_cancel(pool: WorkerPool) -> None:
    seen: list[object] = []
    done = pool.run(jobs.count, 5, on_report=seen.append)
    assert done.value == 5 and seen == [0, 1, 2, 3, 4]
    seen.clear()
    started = time.monotonic()
    stopped = pool.run(jobs.count, 1000, on_report=lambda v: seen.append(v) or len(seen) < 3)
    assert stopped.failure == "cancelled" and len(seen) == 3
    assert time.monotonic() - started < 5
    flag = pool.run(jobs.sleep, 30, cancelled=lambda: True)
    assert flag.failure == "cancelled"


def test_callers_in_two_threads_share_the_pool() -> None:
    import threading

    results: list[object] = []
    with WorkerPool(size=2) as two:
        threads = [
            threading.Thread(target=lambda: results.append(two.run(jobs.sleep, 0.3).value))
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert results == ["woke"] * 4
        assert two.started == 2


def test_a_worker_whose_app_is_gone_ends_quietly(capfd) -> None:
    """The app quits (or is killed) while a worker still warms up: the worker's "ready" finds
    the pipe closed, and it ends with exit 0 and nothing on stderr, not a traceback."""
    import multiprocessing

    from variorum.core.sandbox import _worker_main

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=True)
    process = context.Process(target=_worker_main, args=(child, jobs.slow_warm))
    process.start()
    child.close()
    parent.close()  # the app is gone before the worker says it is ready
    process.join(60)
    assert process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
