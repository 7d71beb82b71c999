"""Test helpers for tests that run the application's own event loop (``run_gui``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quit_guard(msecs: int) -> Iterator[None]:
    """Quit a test's ``app.exec()`` (run_gui) after ``msecs`` so a stuck window never hangs
    the suite, and disarm it when the block ends. A bare ``QTimer.singleShot(ms,
    QApplication.quit)`` outlives its test: firing later, outside ``exec()``, it sets Qt's
    quit flag for the thread, after which every nested event loop (``qtbot.wait``) returns at
    once and later tests see no queued signal, task result or socket answer again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(QApplication.quit)
    timer.start(msecs)
    try:
        yield
    finally:
        timer.stop()
