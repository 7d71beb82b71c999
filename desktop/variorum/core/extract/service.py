"""Analysis on demand for an interactive program: each article parsed once, a cached result
never loads the model, what the user looks at before the background batch.

The window asks for articles from several places at once (the selection, the batch after a
load, the selection again after the user moved on and back); every request for an article
shares one job, so no text goes to the model twice. A job runs in an :class:`ExtractionPool`
worker; there are as many job threads as workers, so a new selection waits at most for one
piece of batch work to end (a batch job holds at most :data:`GROUP_CHARS` of short articles,
or one article). Results go to the analysis cache; failures (a text over the time limit) are
remembered for the session, so selecting the article again says why at once instead of
burning another minute of CPU.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from variorum.core.extract.data import Extraction
from variorum.core.extract.model import installed_label
from variorum.core.extract.workers import GROUP_CHARS, AnalysisFailure, ExtractionPool

if TYPE_CHECKING:  # the cache module imports the rules: not before a result is looked up
    from variorum.core.extract.cache import AnalysisStore

log = logging.getLogger(__name__)

FOREGROUND = 0
"""The selection: served first, one article per job (a pair uses two workers at once)."""
BACKGROUND = 1
"""A batch: after every foreground job, short articles grouped into one model call."""

STOP_RUNNING_CHARS = 100_000
"""A job nobody wants any more is stopped while it runs only when its text is this long:
killing a worker costs a new one (a second or two and a model load); a shorter text is let
finish, and its result is cached for later."""

Result = Extraction | AnalysisFailure
Cancelled = Callable[[], bool]


@dataclass(eq=False)
class _Job:
    article_id: str
    text: str
    priority: int
    future: Future[Result] = field(default_factory=Future)
    askers: list[Cancelled] = field(default_factory=list)
    started: bool = False

    def unwanted(self) -> bool:
        return bool(self.askers) and all(asked() for asked in self.askers)


class AnalysisService:
    """Extractions for articles, by id. ``store`` is the library's analysis cache (or None);
    ``pool_factory`` makes the worker pool the first time a text must be analysed; a pool
    from a factory given here is the caller's to close (tests share one), the default one is
    closed with the service."""

    def __init__(
        self,
        store: AnalysisStore | None,
        model: str | None = None,
        pool_factory: Callable[[str | None], ExtractionPool] | None = None,
    ) -> None:
        self.store = store
        self.model = model or None
        self._pool_factory = pool_factory or ExtractionPool
        self._owns_pool = pool_factory is None
        self._pool: ExtractionPool | None = None
        self._label: str | None = None
        self._label_read = False
        self._lock = threading.Condition()
        self._jobs: dict[str, _Job] = {}
        self._queue: list[tuple[int, int, _Job]] = []
        self._order = itertools.count()
        self._threads: list[threading.Thread] = []
        self._failures: dict[str, AnalysisFailure] = {}
        self._closed = False

    # --- asking ----------------------------------------------------------------------------
    def cached(self, article_id: str) -> Result | None:
        """A result known without the model: a failure of this session, or the cache's."""
        failure = self._failures.get(article_id)
        if failure is not None:
            return failure
        if not self._label_read:  # read once, by the first asker (a worker thread)
            self._label = self._label or installed_label(self.model)
            self._label_read = True
        if self.store is None or self._label is None:
            return None
        from variorum.core.extract.cache import load_cached

        return load_cached(self.store, article_id, self._label)

    def request(
        self, article_id: str, text: str, priority: int, cancelled: Cancelled | None = None
    ) -> Future[Result]:
        """A future for the article's extraction (done at once when cached). ``cancelled``
        says when this asker no longer wants it; a job no asker wants is dropped before it
        starts."""
        known = self.cached(article_id)
        if known is not None:
            done: Future[Result] = Future()
            done.set_result(known)
            return done
        with self._lock:
            if self._closed:
                raise RuntimeError("analysis service closed")
            job = self._jobs.get(article_id)
            if job is None:
                job = self._jobs[article_id] = _Job(article_id, text, priority)
                self._push(job)
            elif priority < job.priority and not job.started:
                job.priority = priority  # the selection now wants what the batch queued
                self._push(job)
            job.askers.append(cancelled or (lambda: False))
            self._start_threads()
            self._lock.notify_all()
            return job.future

    def wait(
        self, futures: list[Future[Result]], cancelled: Cancelled, poll: float = 0.05
    ) -> list[Result] | None:
        """Block until every future is done (None when ``cancelled`` first)."""
        results: list[Result] = []
        for future in futures:
            while True:
                if cancelled():
                    return None
                try:
                    results.append(future.result(timeout=poll))
                    break
                except TimeoutError:
                    continue
                except CancelledError:
                    return None
        return results

    def close(self) -> None:
        """Drop what is queued, stop the threads and the workers."""
        with self._lock:
            self._closed = True
            for job in self._jobs.values():
                if not job.started:
                    job.future.cancel()
            self._jobs.clear()
            self._queue.clear()
            self._lock.notify_all()
        for thread in self._threads:
            thread.join(timeout=5)
        if self._pool is not None and self._owns_pool:
            self._pool.close()

    @property
    def pool(self) -> ExtractionPool | None:
        """The worker pool, once a text has needed it."""
        return self._pool

    # --- the job threads -------------------------------------------------------------------
    def _push(self, job: _Job) -> None:
        heapq.heappush(self._queue, (job.priority, next(self._order), job))

    def _start_threads(self) -> None:
        if self._threads:
            return
        if self._pool is None:
            self._pool = self._pool_factory(self.model)
        for number in range(self._pool.size):
            thread = threading.Thread(target=self._serve, name=f"analysis-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _take(self) -> list[_Job] | None:
        """The next job(s) to run, waiting for one; None when closed. Background jobs of
        short articles are taken together, up to :data:`GROUP_CHARS`."""
        with self._lock:
            while True:
                if self._closed:
                    return None
                taken: list[_Job] = []
                size = 0
                while self._queue:
                    priority, _, job = self._queue[0]
                    if job.started or priority != job.priority or job.future.done():
                        heapq.heappop(self._queue)  # a stale entry (taken, moved up, dropped)
                        continue
                    if job.unwanted():
                        heapq.heappop(self._queue)
                        self._jobs.pop(job.article_id, None)
                        job.future.cancel()
                        continue
                    if taken and (
                        priority == FOREGROUND
                        or taken[0].priority == FOREGROUND
                        or size + len(job.text) > GROUP_CHARS
                    ):
                        break
                    heapq.heappop(self._queue)
                    job.started = True
                    taken.append(job)
                    size += len(job.text)
                if taken:
                    return taken
                self._lock.wait()

    def _serve(self) -> None:
        while True:
            jobs = self._take()
            if jobs is None:
                return
            pool = self._pool
            assert pool is not None
            long_text = sum(len(j.text) for j in jobs) >= STOP_RUNNING_CHARS

            def unwanted(jobs: list[_Job] = jobs, long_text: bool = long_text) -> bool:
                return self._closed or (long_text and all(j.unwanted() for j in jobs))

            try:
                results = pool.run([j.text for j in jobs], unwanted)
            except Exception as exc:  # no pipeline at all: every asker hears why
                for job in jobs:
                    self._finish(job, exc)
                continue
            for job, result in zip(jobs, results, strict=True):
                self._finish(job, result)

    def _finish(self, job: _Job, result: Result | Exception) -> None:
        if isinstance(result, Extraction) and self.store is not None:
            from variorum.core.extract.cache import store_result

            try:
                store_result(self.store, job.article_id, result)
                self._label = self._label or result.model
            except Exception as exc:  # the library is busy or full: shown, not kept
                log.warning("extraction of %s not cached: %s", job.article_id, exc)
        elif isinstance(result, AnalysisFailure) and result.reason != "cancelled":
            self._failures[job.article_id] = result
        with self._lock:
            if self._jobs.get(job.article_id) is job:
                del self._jobs[job.article_id]
        if isinstance(result, Exception):
            job.future.set_exception(result)
        elif isinstance(result, AnalysisFailure) and result.reason == "cancelled":
            job.future.cancel()
        else:
            job.future.set_result(result)
