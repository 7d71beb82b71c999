"""The one way the GUI runs work off its thread: a callable on a QThreadPool whose result, error
and progress reports come back to the GUI thread, so callbacks always run there and no worker
ever touches a widget.

Outcomes travel in a thread-safe queue that only the GUI thread drains; a queued signal wakes
it, and while tasks are pending a slow timer drains the queue too. A wake-up that never
arrives (the test suite saw Qt drop such a queued delivery under load, cause unknown) then
delays an outcome by at most :data:`POLL_MS` instead of leaving the window busy for ever.

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
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
MIN_THREADS = 4
POLL_MS = 250
"""How often the queue of outcomes is drained while tasks are pending, wake-up or not."""

LOST_AFTER_S = 2.0
"""An outcome the timer finds this long after it was sent lost its wake-up (one merely on
its way is not counted)."""

_FINISHED, _FAILED, _PROGRESS = "finished", "failed", "progress"


class TaskToken:
    """Handed to the worker: poll :meth:`cancelled` (also usable as a ``cancel=`` callable for
    core functions) and send :meth:`report` values that reach ``on_progress`` on the GUI
    thread."""

    def __init__(self, task_id: int, outbox: _Outbox) -> None:
        self.task_id = task_id
        self._event = threading.Event()
        self._outbox = outbox
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
            self._outbox.put(_PROGRESS, self.task_id, value)


class _Outbox(QObject):
    """Lives on the GUI thread: workers put outcomes in its queue and wake it."""

    wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: queue.SimpleQueue[tuple[str, int, object, float]] = queue.SimpleQueue()

    def put(self, kind: str, task_id: int, value: object) -> None:
        self.items.put((kind, task_id, value, time.monotonic()))
        self.wake.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskToken], Any], token: TaskToken, outbox: _Outbox):
        super().__init__()
        self._fn = fn
        self._token = token
        self._outbox = outbox

    def run(self) -> None:
        try:
            result = self._fn(self._token)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            log.debug("task %d failed", self._token.task_id, exc_info=True)
            self._outbox.put(_FAILED, self._token.task_id, exc)
        else:
            self._outbox.put(_FINISHED, self._token.task_id, result)


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
        self._outbox = _Outbox(self)
        self._outbox.wake.connect(self._drain)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain_late)
        self.missed_wakeups = 0
        """Outcomes found by the timer rather than by their wake-up (logged: a lost delivery)."""
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
        token = TaskToken(task_id, self._outbox)
        if channel is not None:
            self.cancel_channel(channel)
            self._latest[channel] = task_id
        self._pending[task_id] = _Pending(token, channel, on_result, on_error, on_progress)
        self._pool.start(_Runnable(fn, token, self._outbox))
        if not self._poll.isActive():
            self._poll.start()
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
            self._poll.stop()
            self.all_done.emit()

    @Slot()
    def _drain_late(self) -> None:
        self._drain(by_timer=True)

    @Slot()
    def _drain(self, by_timer: bool = False) -> None:
        """Deliver every outcome waiting, in the order the workers sent them; ``by_timer``
        counts and logs those whose wake-up is overdue."""
        handlers = {_FINISHED: self._on_finished, _FAILED: self._on_failed}
        while True:
            try:
                kind, task_id, value, sent = self._outbox.items.get_nowait()
            except queue.Empty:
                return
            late = time.monotonic() - sent > LOST_AFTER_S
            if by_timer and kind != _PROGRESS and late:
                self.missed_wakeups += 1
                log.warning("task %d's outcome arrived without its wake-up signal", task_id)
            handlers.get(kind, self._on_progress)(task_id, value)

    def _on_finished(self, task_id: int, result: object) -> None:
        pending = self._take(task_id)
        try:
            if pending is not None:
                pending.on_result(result)
        finally:
            self._settle()

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
