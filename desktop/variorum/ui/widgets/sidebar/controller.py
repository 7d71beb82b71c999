"""Feeds the sidebar: extraction runs in the app's task runner, results come back on the GUI
thread, and the newest selection always wins.

The widget stays free of threads; this controller owns the work. Results are kept in memory
per article id and in the library's analysis cache (keyed by content hash, model and rules
version), so going back to an article, or reopening the app, shows it at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from variorum.core.article import Article
from variorum.core.corrections_store import CorrectionStore
from variorum.core.library import Library
from variorum.ui.widgets.sidebar.correct_command import CorrectionCommand
from variorum.ui.widgets.sidebar.correcting import CorrectionRequest

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from variorum.core.extract import Drift, Extraction
    from variorum.core.extract.cache import AnalysisStore
    from variorum.ui.tasks import TaskRunner, TaskToken
    from variorum.ui.widgets.sidebar.widget import Sidebar

CHANNEL = "sidebar-extract"
BATCH_CHANNEL = "sidebar-batch"
MEMORY_ITEMS = 64
BATCH_SIZE = 4
"""Articles per model call in the background batch: small, so a selection made meanwhile
waits for at most one short call (see :data:`_NLP_LOCK`)."""

_NLP_LOCK = threading.Lock()
"""One spaCy call at a time: the pipeline's string store is not safe for concurrent use, and
the machine has few cores anyway. The selection's extraction and the background batch take
turns between batches."""


def _extract_articles(
    articles: list[Article], model_name: str, store: AnalysisStore | None, token: TaskToken
) -> list[Extraction | None]:
    """Worker side: cached results where present, one batched model run for the rest. The
    cache is looked up under the installed pipeline's label, read from its package: a result
    found there never loads the model."""
    from variorum.core.extract.cache import load_cached, store_result
    from variorum.core.extract.model import installed_label

    def lookup(label: str | None) -> dict[int, Extraction]:
        if store is None or label is None:
            return {}
        found = ((i, load_cached(store, a.id, label)) for i, a in enumerate(articles))
        return {i: x for i, x in found if x is not None}

    results = lookup(installed_label(model_name or None))
    if len(results) < len(articles):
        from variorum.core.extract import extract_steps, load_pipeline, pipeline_label

        nlp = load_pipeline(model_name or None)
        results = results or lookup(pipeline_label(nlp))
    missing = [i for i in range(len(articles)) if i not in results]
    done = len(results)
    token.report((done, len(articles)))
    if not missing:
        return [results.get(i) for i in range(len(articles))]
    steps = extract_steps((articles[i].text for i in missing), nlp, batch_size=BATCH_SIZE)
    for i in missing:
        extraction: Extraction | None = None
        while extraction is None and not token.cancelled():
            with _NLP_LOCK:  # released between pieces of a long text, not only between texts
                extraction = next(steps)
        if extraction is None:
            break
        results[i] = extraction
        if store is not None:
            store_result(store, articles[i].id, extraction)
        done += 1
        token.report((done, len(articles)))
    return [results.get(i) for i in range(len(articles))]  # None: cancelled before it


class SidebarController(QObject):
    failed = Signal(str)
    """A readable reason when extraction could not run (e.g. no spaCy pipeline installed)."""
    status = Signal(str)
    """What a correction did (or why it was not saved), for the status bar."""

    def __init__(
        self,
        sidebar: Sidebar,
        tasks: TaskRunner,
        store: AnalysisStore | None = None,
        model_name: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sidebar = sidebar
        self.tasks = tasks
        self.store = store
        self.model_name = model_name
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
            self._backlog.clear()
            if self._last_request is not None:
                self._last_request()

    # --- slots for the window's selection signals ------------------------------------------
    def clear(self) -> None:
        self._last_request = None
        self._shown = ()
        self.tasks.cancel_channel(CHANNEL)
        self.sidebar.clear()

    def show_article(self, article: Article) -> None:
        self._last_request = lambda: self.show_article(article)
        self._shown = (article,)

        def done(results: list[Extraction]) -> None:
            if results:
                self.sidebar.show_single(article.text, self._corrected(article, results[0]))

        self._run([article], done)

    def show_comparison(self, a: Article, b: Article, comparison: Any = None) -> None:
        del comparison  # the word diff of the whole texts is not needed here
        self._last_request = lambda: self.show_comparison(a, b)
        self._shown = (a, b)

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

        def finished(results: list[Extraction | None]) -> None:
            for article, result in zip(todo, results, strict=True):
                if result is not None:
                    self._backlog.pop(article.id, None)
            self._remember(todo, results)

        # A newer batch replaces this one (same channel) and takes over what is left of it.
        self.tasks.submit(
            lambda token: _extract_articles(todo, self.model_name, self.store, token),
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

        def finished(results: list[Extraction | None]) -> None:
            self._remember(articles, results)
            if all(r is not None for r in results):
                done([r for r in results if r is not None])

        self.tasks.submit(
            lambda token: _extract_articles(articles, self.model_name, self.store, token),
            finished,
            on_error=self._on_error,
            channel=CHANNEL,
        )

    def _remember(self, articles: list[Article], results: list[Extraction | None]) -> None:
        for article, result in zip(articles, results, strict=True):
            if result is None:
                continue
            self._memory[article.id] = result
            self._memory.move_to_end(article.id)
        while len(self._memory) > MEMORY_ITEMS:
            self._memory.popitem(last=False)
        self.sidebar.show_progress(1, 1)

    def _on_batch_progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            self.sidebar.show_progress(int(value[0]), int(value[1]))

    def _on_error(self, error: BaseException) -> None:
        message = f"Could not find speakers: {error}"
        self.sidebar.show_pending(message)
        self.failed.emit(message)
