"""Test helpers for tests that run the application's own event loop (``run_gui``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from variorum.ui.main_window import MainWindow


@contextmanager
def quit_guard(msecs: int) -> Iterator[None]:
    """Quit a test's ``app.exec()`` (run_gui) after ``msecs`` so a stuck window never hangs
    the suite, disarm it when the block ends, and fail the test when it had to fire: a
    ``run_gui`` that only the guard ended did not do what the test drove it to do.

    A bare ``QTimer.singleShot(ms, QApplication.quit)`` outlives its test: firing later,
    outside ``exec()``, it sets Qt's quit flag for the thread (see ``restore_event_loops``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    fired: list[bool] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: (fired.append(True), QApplication.quit()))
    timer.start(msecs)
    try:
        yield
    finally:
        timer.stop()
    if fired:
        raise AssertionError(f"the window was still open after {msecs} ms; the guard quit it")


def windows_before() -> list[MainWindow]:
    """The main windows that exist now (held, so none is deleted and its address reused), for
    a test that runs ``run_gui`` to tell its window from earlier tests' (closed, not deleted)."""
    return _main_windows()


def new_main_window(before: list[MainWindow]) -> MainWindow | None:
    """The shown main window that ``run_gui`` opened, never an earlier test's: driving and
    closing a stale one had left the real window open until the guard quit it."""
    fresh = [
        w for w in _main_windows() if w.isVisible() and not any(w is old for old in before)
    ]
    return fresh[0] if fresh else None


def _main_windows() -> list[MainWindow]:
    from PySide6.QtWidgets import QApplication

    from variorum.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def restore_event_loops() -> bool:
    """Undo a quit that landed outside ``app.exec()``; True when one had (the flag was set).

    ``QCoreApplication.exit()`` outside ``exec()`` sets the thread's quit flag, and from then
    on every nested event loop returns at once: ``qtbot.wait`` and ``waitSignal`` process
    nothing, so no timer, queued signal, task result or socket answer reaches any later test
    (CI saw one such quit end a run with 27 failures in 32 minutes). A Quit event still queued
    when ``run_gui``'s ``exec()`` returned does exactly that when a later wait delivers it, so
    queued Quit events are dropped first. A set flag is cleared the only way Qt offers: a
    short ``app.exec()``, which clears it on entry and on return."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    app = QCoreApplication.instance()
    if app is None:
        return False
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit.value)
    probe = QEventLoop()
    QTimer.singleShot(0, probe, lambda: probe.exit(1))
    if probe.exec() == 1:
        return False
    QTimer.singleShot(0, app, app.quit)
    app.exec()
    return True
