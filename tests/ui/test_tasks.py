"""The background-task helper: results come back on the GUI thread, errors are delivered, a
newer task on a channel makes the older one's result vanish, bursts are coalesced."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from variorum.ui.tasks import Debouncer, TaskRunner, TaskToken

pytestmark = pytest.mark.gui


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def job(_token: TaskToken) -> str:
        seen["worker"] = threading.get_ident()
        return "done"

    def on_result(value: str) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is runner.thread()

    with qtbot.waitSignal(runner.all_done, timeout=5000):
        runner.submit(job, on_result)
    assert seen["value"] == "done"
    assert seen["gui"] is True
    assert seen["worker"] != threading.get_ident()


def test_error_is_delivered_not_lost(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(_token: TaskToken) -> None:
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.all_done, timeout=5000):
        runner.submit(job, lambda _v: None, on_error=errors.append)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_newer_task_on_a_channel_drops_the_older_result(qtbot) -> None:
    runner = TaskRunner()
    results: list[str] = []
    release = threading.Event()
    observed_cancel: list[bool] = []

    def slow(token: TaskToken) -> str:
        release.wait(5)
        observed_cancel.append(token.cancelled())
        return "old"

    runner.submit(slow, results.append, channel="c")
    runner.submit(lambda _t: "new", results.append, channel="c")
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert results == ["new"]
    assert observed_cancel == [True]


def test_user_cancel_still_delivers_partial_result(qtbot) -> None:
    runner = TaskRunner()
    results: list[int] = []
    started = threading.Event()

    def counting(token: TaskToken) -> int:
        started.set()
        done = 0
        while not token.cancelled() and done < 1000:
            time.sleep(0.005)
            done += 1
        return done

    token = runner.submit(counting, results.append)
    started.wait(5)
    token.cancel()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert len(results) == 1 and results[0] < 1000


def test_progress_reports_reach_the_gui(qtbot) -> None:
    runner = TaskRunner()
    reports: list[object] = []

    def job(token: TaskToken) -> None:
        for i in range(3):
            token.report(i)

    with qtbot.waitSignal(runner.all_done, timeout=5000):
        runner.submit(job, lambda _v: None, on_progress=reports.append)
    assert reports == [0, 1, 2]


def test_debouncer_runs_only_the_last_call(qtbot) -> None:
    debouncer = Debouncer(30)
    calls: list[int] = []
    for i in range(10):
        debouncer.call(lambda i=i: calls.append(i))
    assert calls == []
    qtbot.waitUntil(lambda: calls == [9], timeout=2000)
    qtbot.wait(60)
    assert calls == [9]


def test_a_long_job_does_not_starve_the_next(qtbot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    quick: list[str] = []
    for _ in range(2):  # as many long jobs as a two-core machine has threads
        runner.submit(lambda _t: release.wait(10), lambda _v: None)
    runner.submit(lambda _t: "diff", quick.append)
    qtbot.waitUntil(lambda: quick == ["diff"], timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)


def test_an_outcome_whose_wake_up_is_lost_still_arrives(qtbot, monkeypatch) -> None:
    """The queued wake-up is only a shortcut: with it lost, the pending-task timer delivers
    the result and the error (in order) and counts the lost wake-ups."""
    monkeypatch.setattr("variorum.ui.tasks.LOST_AFTER_S", 0.0)
    runner = TaskRunner()
    runner._outbox.blockSignals(True)  # every wake-up from the workers is dropped
    results: list[str] = []
    errors: list[str] = []

    def fail(_token: TaskToken) -> None:
        raise ValueError("bad file")

    runner.submit(lambda _token: "done", results.append)
    runner.submit(fail, lambda _value: None, on_error=lambda exc: errors.append(str(exc)))
    qtbot.waitUntil(lambda: results == ["done"] and errors == ["bad file"], timeout=5000)
    assert not runner.busy()
    assert runner.missed_wakeups == 2
