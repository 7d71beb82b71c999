"""The one way the GUI runs work off its thread: a callable on a QThreadPool whose result, error
and progress reports come back as queued signals, so callbacks always run on the GUI thread and
no worker ever touches a widget.

Two habits make it safe for selection-driven work:

* Every task can be given a *channel*. Submitting on a channel makes the previous task on it
  stale: it is asked to stop (its :class:`TaskToken` reports cancelled) and whatever it returns
  is dropped, so a slow diff of an old selection never overwrites a newer one. (A user's
  Cancel, by contrast, still delivers the partial result.)
* :class:`Debouncer` coalesces bursts (arrowing through the list) into one call after a short
  quiet time, so only the selection the user stops on is ever computed.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
MIN_THREADS = 4


class TaskToken:
    """Handed to the worker: poll :meth:`cancelled` (also usable as a ``cancel=`` callable for
    core functions) and send :meth:`report` values that reach ``on_progress`` on the GUI
    thread."""

    def __init__(self, task_id: int, signals: _TaskSignals) -> None:
        self.task_id = task_id
        self._event = threading.Event()
        self._signals = signals
        self.stale = False
        """Set by the runner when a newer task replaced this one: its result is dropped. A
        plain :meth:`cancel` (the user's Cancel button) still delivers the partial result."""

    def cancel(self) -> None:
        self._event.set()

    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def report(self, value: object) -> None:
        if not self._event.is_set():
            self._signals.progress.emit(self.task_id, value)


class _TaskSignals(QObject):
    """Lives on the GUI thread; emitting from a worker queues the delivery there."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskToken], Any], token: TaskToken, signals: _TaskSignals):
        super().__init__()
        self._fn = fn
        self._token = token
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._token)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            log.debug("task %d failed", self._token.task_id, exc_info=True)
            self._signals.failed.emit(self._token.task_id, exc)
        else:
            self._signals.finished.emit(self._token.task_id, result)


@dataclass
class _Pending(Generic[T]):
    token: TaskToken
    channel: str | None
    on_result: Callable[[T], None]
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[object], None] | None


class TaskRunner(QObject):
    """Submit callables; get their outcome back on the GUI thread."""

    all_done = Signal()
    """Emitted when no task is pending any more (tests and the screenshot mode wait on it)."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            # Our own pool, a little wider than the cores: a long background job (a big load,
            # the sidebar's batch analysis) must not make the diff of the selection wait.
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max(MIN_THREADS, QThread.idealThreadCount()))
        self._pool = pool
        self._signals = _TaskSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending[Any]] = {}
        self._latest: dict[str, int] = {}

    def submit(
        self,
        fn: Callable[[TaskToken], T],
        on_result: Callable[[T], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[object], None] | None = None,
        channel: str | None = None,
    ) -> TaskToken:
        """Run ``fn(token)`` in the pool. A newer task on the same channel cancels this one and
        its result is dropped."""
        task_id = next(self._ids)
        token = TaskToken(task_id, self._signals)
        if channel is not None:
            self.cancel_channel(channel)
            self._latest[channel] = task_id
        self._pending[task_id] = _Pending(token, channel, on_result, on_error, on_progress)
        self._pool.start(_Runnable(fn, token, self._signals))
        return token

    def cancel_channel(self, channel: str) -> None:
        previous = self._latest.pop(channel, None)
        if previous is not None and previous in self._pending:
            self._drop(self._pending[previous].token)

    def cancel_all(self) -> None:
        """Stop everything and drop every outcome (the window is closing)."""
        for pending in self._pending.values():
            self._drop(pending.token)
        self._latest.clear()

    @staticmethod
    def _drop(token: TaskToken) -> None:
        token.stale = True
        token.cancel()

    def busy(self, channel: str | None = None) -> bool:
        """A task is pending (on ``channel``, when given)."""
        if channel is None:
            return bool(self._pending)
        return channel in self._latest

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool's threads are idle (used on close, after :meth:`cancel_all`)."""
        return bool(self._pool.waitForDone(msecs))

    def _take(self, task_id: int) -> _Pending[Any] | None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return None
        if pending.channel is not None and self._latest.get(pending.channel) == task_id:
            del self._latest[pending.channel]
        if pending.token.stale:
            return None  # replaced by a newer task: nobody wants this any more
        return pending

    def _settle(self) -> None:
        if not self._pending:
            self.all_done.emit()

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: object) -> None:
        pending = self._take(task_id)
        try:
            if pending is not None:
                pending.on_result(result)
        finally:
            self._settle()

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        pending = self._take(task_id)
        try:
            if pending is None:
                return
            assert isinstance(error, BaseException)
            if pending.on_error is not None:
                pending.on_error(error)
            else:
                log.error("background task failed", exc_info=error)
        finally:
            self._settle()

    @Slot(int, object)
    def _on_progress(self, task_id: int, value: object) -> None:
        pending = self._pending.get(task_id)
        if pending is not None and pending.on_progress is not None and not pending.token.stale:
            pending.on_progress(value)


class Debouncer(QObject):
    """Call the most recently given function once, ``delay_ms`` after the last :meth:`call`."""

    def __init__(self, delay_ms: int = 75, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self._fn: Callable[[], None] | None = None

    def call(self, fn: Callable[[], None]) -> None:
        self._fn = fn
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self._fn = None

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Run the waiting call now (screenshot mode and tests do not want to wait)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    @Slot()
    def _fire(self) -> None:
        fn, self._fn = self._fn, None
        if fn is not None:
            fn()
