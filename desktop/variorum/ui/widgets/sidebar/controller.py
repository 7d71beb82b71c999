"""Feeds the sidebar: extraction runs in worker processes (an :class:`AnalysisService`), the
tasks that wait for it in the app's task runner, results come back on the GUI thread, and the
newest selection always wins.

The widget stays free of threads; this controller owns the work. Each article is analysed
once however many times it is asked for (the selection and the background batch share one
job), a result in the library's analysis cache is shown without loading the model, and the
selection is served before the batch. Results are kept in memory per article id as well, so
going back to an article shows it at once. The analyst's corrections are applied to every
result before it is shown or compared.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from variorum.core.article import Article
from variorum.core.corrections_store import CorrectionStore
from variorum.core.ingest.language import english_only_warning
from variorum.core.library import Library
from variorum.ui.widgets.sidebar.correct_command import CorrectionCommand
from variorum.ui.widgets.sidebar.correcting import CorrectionRequest

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from variorum.core.extract import Drift, Extraction
    from variorum.core.extract.cache import AnalysisStore
    from variorum.core.extract.service import AnalysisService
    from variorum.core.extract.workers import AnalysisFailure, ExtractionPool
    from variorum.ui.tasks import TaskRunner, TaskToken
    from variorum.ui.widgets.sidebar.widget import Sidebar

# The analysis modules (the service, the worker pool, the rules behind the cache) are imported
# by the first task that needs them, in its thread: the window does not pay for them at start.

CHANNEL = "sidebar-extract"
BATCH_CHANNEL = "sidebar-batch"
MEMORY_ITEMS = 64

Result = Any  # Extraction | AnalysisFailure, as the worker side returns them
PoolFactory = Callable[[str | None], "ExtractionPool"]


def extract_articles(
    articles: list[Article], model_name: str, store: AnalysisStore | None, token: TaskToken
) -> list[Extraction | None]:
    """For work done outside the sidebar (the exports), in a task: the articles'
    extractions, cached ones without the model and the rest in worker processes of a service
    of its own (closed after); None for each when cancelled. Raises ModelUnavailableError, or
    :class:`AnalysisFailedError` naming an article that could not be analysed."""
    from variorum.core.extract.service import FOREGROUND, AnalysisService
    from variorum.core.extract.workers import AnalysisFailure

    service = AnalysisService(store, model_name or None)
    try:
        futures = [service.request(a.id, a.text, FOREGROUND, token.cancelled) for a in articles]
        results = service.wait(futures, token.cancelled)
    finally:
        service.close()
    if results is None:
        return [None] * len(articles)
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, AnalysisFailure):
            raise AnalysisFailedError(f"“{article.title or 'untitled'}”: {result.reason}")
    return list(results)


class AnalysisFailedError(RuntimeError):
    """An article could not be analysed (over the time or memory limit, a crash)."""


class SidebarController(QObject):
    failed = Signal(str)
    """A readable reason when extraction could not run (no spaCy pipeline installed, an
    article over the analysis time limit)."""
    status = Signal(str)
    """What a correction did (or why it was not saved), for the status bar."""

    def __init__(
        self,
        sidebar: Sidebar,
        tasks: TaskRunner,
        store: AnalysisStore | None = None,
        model_name: str = "",
        parent: QObject | None = None,
        pool_factory: PoolFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.sidebar = sidebar
        self.tasks = tasks
        self.store = store
        self.model_name = model_name
        self._pool_factory = pool_factory
        self._service: AnalysisService | None = None
        self._service_lock = threading.Lock()
        self._memory: OrderedDict[str, Extraction] = OrderedDict()
        self._backlog: dict[str, Article] = {}
        """Articles of background batches not analysed yet."""
        self._last_request: Callable[[], None] | None = None
        """The selection now shown, to find again when the model changes."""
        self._shown: tuple[Article, ...] = ()
        """The article(s) of the selection, in the order shown (A, B)."""
        self.corrections = CorrectionStore(store) if isinstance(store, Library) else None
        """The analyst's corrections, applied to every result before it is shown."""
        self.undo_stack: QUndoStack | None = None
        """The window's: set by the window so corrections undo with Edit › Undo."""
        sidebar.correction_requested.connect(self._on_correction)

    def set_model(self, name: str) -> None:
        """Preferences chose another pipeline: results of the old one are not reused, a batch
        still running with the old one is dropped, and what is on screen is found again."""
        if name != self.model_name:
            self.model_name = name
            self._memory.clear()
            self.tasks.cancel_channel(BATCH_CHANNEL)
            self.tasks.cancel_channel(CHANNEL)
            self._backlog.clear()
            self._close_service()
            if self._last_request is not None:
                self._last_request()

    def shutdown(self) -> None:
        """The window closes: queued analysis is dropped and the worker processes end."""
        self.tasks.cancel_channel(BATCH_CHANNEL)
        self.tasks.cancel_channel(CHANNEL)
        self._close_service()

    @property
    def service(self) -> AnalysisService:
        """The analysis service for the current model, made by the first task that asks
        (from any thread)."""
        with self._service_lock:
            if self._service is None:
                from variorum.core.extract.service import AnalysisService

                self._service = AnalysisService(
                    self.store, self.model_name or None, self._pool_factory
                )
            return self._service

    def _close_service(self) -> None:
        with self._service_lock:
            service, self._service = self._service, None
        if service is not None:
            service.close()

    def busy(self) -> bool:
        """The selection's own analysis is still running (the background batch is not
        counted: a screenshot or a test waits for what is shown, not for the rest)."""
        return self.tasks.busy(CHANNEL)

    # --- slots for the window's selection signals ------------------------------------------
    def clear(self) -> None:
        self._last_request = None
        self._shown = ()
        self.tasks.cancel_channel(CHANNEL)
        self.sidebar.clear()

    def show_article(self, article: Article) -> None:
        self._last_request = lambda: self.show_article(article)
        self._shown = (article,)
        self.sidebar.set_language_warning(english_only_warning({"This article": article.warnings}))

        def done(results: list[Extraction]) -> None:
            if results:
                self.sidebar.show_single(article.text, self._corrected(article, results[0]))

        self._run([article], done)

    def show_comparison(self, a: Article, b: Article, comparison: Any = None) -> None:
        del comparison  # the word diff of the whole texts is not needed here
        self._last_request = lambda: self.show_comparison(a, b)
        self._shown = (a, b)
        self.sidebar.set_language_warning(
            english_only_warning({"A": a.warnings, "B": b.warnings})
        )

        def done(results: list[Extraction]) -> None:
            if len(results) != 2:
                return
            from variorum.core.extract import compare_extractions

            xa, xb = self._corrected(a, results[0]), self._corrected(b, results[1])
            drift: Drift = compare_extractions(xa, xb, a.text, b.text)
            self.sidebar.show_pair(a.text, xa, b.text, xb, drift)

        self._run([a, b], done)

    def prefetch(self, articles: list[Article]) -> None:
        """Analyse a batch in the background (e.g. after loading 1,000 files), reporting
        progress in the sidebar; later selections are then instant."""
        for article in articles:
            if article.id not in self._memory:
                self._backlog[article.id] = article
        todo = list(self._backlog.values())
        if not todo:
            return
        self.sidebar.show_progress(0, len(todo))

        def work(token: TaskToken) -> list[Result | None]:
            from variorum.core.extract.service import BACKGROUND

            service = self.service
            futures = [service.request(a.id, a.text, BACKGROUND, token.cancelled) for a in todo]
            results: list[Result | None] = []
            for future in futures:
                found = service.wait([future], token.cancelled)
                if found is None:
                    break
                results.append(found[0])
                token.report((len(results), len(todo)))
            return results + [None] * (len(todo) - len(results))

        def finished(results: list[Result | None]) -> None:
            from variorum.core.extract.workers import AnalysisFailure

            for article, result in zip(todo, results, strict=True):
                if result is not None:
                    self._backlog.pop(article.id, None)
            self._remember(todo, results)
            failures = [
                (a, r) for a, r in zip(todo, results, strict=True) if isinstance(r, AnalysisFailure)
            ]
            if failures:
                shown = "; ".join(f"“{a.title or 'untitled'}”: {f.reason}" for a, f in failures[:3])
                more = f" and {len(failures) - 3} more" if len(failures) > 3 else ""
                self.failed.emit(f"Speakers and names not found for {shown}{more}.")

        # A newer batch replaces this one (same channel) and takes over what is left of it.
        self.tasks.submit(
            work,
            finished,
            on_error=self._on_error,
            on_progress=self._on_batch_progress,
            channel=BATCH_CHANNEL,
        )

    # --- corrections -----------------------------------------------------------------------
    def _corrected(self, article: Article, extraction: Extraction) -> Extraction:
        if self.corrections is None:
            return extraction
        return self.corrections.apply(article.id, extraction)

    def _on_correction(self, request: CorrectionRequest) -> None:
        """The analyst corrected a name or a quote: stored per article (both versions for a
        name in both), undoable, and shown at once."""
        if self.corrections is None or not self._shown:
            return
        tags = {"a": 0, "b": 1}
        ids = [self._shown[tags[s]].id for s in request.sides if tags[s] < len(self._shown)]
        command = CorrectionCommand(
            self.corrections, ids, request.correction, self._redraw, self.status.emit
        )
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _redraw(self) -> None:
        """Show the selection again with the corrections as stored now (from memory: the
        extraction itself does not change)."""
        if self._last_request is not None:
            self._last_request()

    # --- internals -------------------------------------------------------------------------
    def _run(self, articles: list[Article], done: Callable[[list[Extraction]], None]) -> None:
        known = [self._memory.get(a.id) for a in articles]
        if all(k is not None for k in known):
            self.tasks.cancel_channel(CHANNEL)
            done([k for k in known if k is not None])
            return
        self.sidebar.show_pending("Finding speakers, quotes and names…", pair=len(articles) == 2)

        def work(token: TaskToken) -> list[Result] | None:
            from variorum.core.extract.service import FOREGROUND

            service = self.service
            futures = [service.request(a.id, a.text, FOREGROUND, token.cancelled) for a in articles]
            return service.wait(futures, token.cancelled)

        def finished(results: list[Result] | None) -> None:
            from variorum.core.extract.workers import AnalysisFailure

            if results is None:
                return
            self._remember(articles, results)
            failures = [
                (a, r)
                for a, r in zip(articles, results, strict=True)
                if isinstance(r, AnalysisFailure)
            ]
            if failures:
                self._say_failed(failures)
            else:
                done(list(results))

        self.tasks.submit(work, finished, on_error=self._on_error, channel=CHANNEL)

    def _remember(self, articles: list[Article], results: list[Result | None]) -> None:
        from variorum.core.extract.data import Extraction

        for article, result in zip(articles, results, strict=True):
            if not isinstance(result, Extraction):
                continue
            self._memory[article.id] = result
            self._memory.move_to_end(article.id)
        while len(self._memory) > MEMORY_ITEMS:
            self._memory.popitem(last=False)
        if not self.tasks.busy(BATCH_CHANNEL):
            self.sidebar.show_progress(1, 1)

    def _say_failed(self, failures: list[tuple[Article, AnalysisFailure]]) -> None:
        """Which article, and why (the time or memory limit, a crash), in the sidebar and the
        status bar; the rest of the window carries on."""
        parts = [f"“{a.title or 'untitled'}”: {f.reason}" for a, f in failures]
        message = f"Speakers and names not found for {'; '.join(parts)}."
        self.sidebar.show_pending(message)
        self.failed.emit(message)

    def _on_batch_progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            self.sidebar.show_progress(int(value[0]), int(value[1]))

    def _on_error(self, error: BaseException) -> None:
        message = f"Could not find speakers: {error}"
        self.sidebar.show_pending(message)
        self.failed.emit(message)
