"""The suite's guard against a quit that arrives outside ``app.exec()``: without it one late
quit silently stops every later wait from processing events (``tests/ui/guards.py``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from tests.ui.guards import restore_event_loops

pytestmark = pytest.mark.gui


def test_a_quit_outside_exec_is_cleared_so_waits_run_again(qapp, qtbot) -> None:
    QCoreApplication.exit(0)  # what a Quit delivered after run_gui's exec() returned does
    fired: list[int] = []
    QTimer.singleShot(10, lambda: fired.append(1))
    qtbot.wait(200)
    assert fired == []  # the broken state: a wait processed nothing
    assert restore_event_loops() is True
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
    assert restore_event_loops() is False


def test_a_quit_left_in_the_queue_is_dropped_before_a_wait_delivers_it(qapp, qtbot) -> None:
    QCoreApplication.postEvent(qapp, QEvent(QEvent.Type.Quit))
    assert restore_event_loops() is False  # dropped, so the flag was never set
    fired: list[int] = []
    QTimer.singleShot(10, lambda: fired.append(1))
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
