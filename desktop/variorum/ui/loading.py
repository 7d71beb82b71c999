"""Loading files into the library off the GUI thread, with progress and Cancel for big batches.

The worker expands folders, loads each file (a bad file is a failure entry, never an abort)
and adds the articles to the library (which is thread-safe); the GUI thread only receives a
:class:`LoadOutcome` and turns it into list rows and one status-bar sentence.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from variorum.core.article import Article
from variorum.core.library import Library, LibraryEntry, LibraryError
from variorum.ui.tasks import TaskRunner, TaskToken

# The ingest package pulls in every format (HTML extraction, PDF, e-mail); it is imported where
# files are loaded, in the worker, so the window appears without waiting for it.
if TYPE_CHECKING:
    from variorum.core.ingest import LoadFailure
    from variorum.core.sandbox import WorkerPool

log = logging.getLogger(__name__)

PROGRESS_THRESHOLD = 5
"""More files than this in one batch get a progress dialog with Cancel."""
PAGE_PROGRESS_THRESHOLD = 50
"""A document with more pages than this gets the progress dialog even when it is alone."""
MAX_NAMED_FAILURES = 3
PRESTART_DELAY = 1.0
"""Seconds after start-up before the loading worker is started and warmed up in the
background (a file loaded sooner starts it itself)."""


@dataclass
class LoadOutcome:
    added: list[LibraryEntry] = field(default_factory=list)
    duplicates: list[LibraryEntry] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)
    cancelled: bool = False
    duplicate_sources: list[str | None] = field(default_factory=list)
    """Where each duplicate was just read from (its entry keeps the first file's path)."""
    entries: list[LibraryEntry] = field(default_factory=list)
    """Everything the batch resolved to, new or already there, in the order of the files (the
    screenshot mode selects the first two)."""


def _display_name(path: str) -> str:
    return Path(path).name or path


def summarize(outcome: LoadOutcome) -> str:
    """One sentence for the status bar: what was loaded, what was already there, what was
    skipped and why."""
    parts: list[str] = []
    n = len(outcome.added)
    if n or not (outcome.duplicates or outcome.failures):
        parts.append(f"Loaded {n} article{'s' if n != 1 else ''}")
    dups = outcome.duplicates
    if len(dups) == 1:
        parts.append(_duplicate_text(outcome.duplicate_sources[0], dups[0]))
    elif dups:
        parts.append(f"{len(dups)} articles already in the library")
    fails = outcome.failures
    if 0 < len(fails) <= MAX_NAMED_FAILURES:
        parts.extend(f"skipped {_display_name(f.path)}: {f.reason}" for f in fails)
    elif fails:
        parts.append(f"skipped {len(fails)} files (see Problems)")
    text = "; ".join(parts)
    if text.startswith("skipped"):  # never capitalise a file name, only our own word
        text = "S" + text[1:]
    if outcome.cancelled:
        text += " (cancelled)"
    return text


def _entry_name(entry: LibraryEntry) -> str:
    if entry.source_path:
        return _display_name(entry.source_path)
    return f"“{entry.article.title[:60]}”"


def _duplicate_text(source: str | None, existing: LibraryEntry) -> str:
    """Name the file just read; say under which name the library has it when that differs."""
    old = _entry_name(existing)
    new = _display_name(source) if source else "the clipboard"
    if new == old or (source and source == existing.source_path):
        return f"{new} already in the library"
    return f"{new} already in the library (as {old})"


def load_into_library(
    paths: Sequence[str | os.PathLike[str]],
    library: Library,
    *,
    size_limit: int,
    token: TaskToken | None = None,
    passwords: Mapping[str, str] | None = None,
) -> LoadOutcome:
    """The worker's job (also run directly by the screenshot mode): expand, load, add.
    ``passwords`` open encrypted PDFs, per path as given."""
    from variorum.core.ingest import LoadFailure, expand_paths, load_many

    folder_failures: list[LoadFailure] = []
    files = list(expand_paths(paths, lambda p, r: folder_failures.append(LoadFailure(p, r))))
    if token is not None:
        token.report(("total", len(files)))

    def progress(done: int, path: str) -> bool:
        if token is None:
            return True
        token.report(("done", done, path))
        return not token.cancelled()

    def page_progress(done: int, total: int) -> bool:
        """Pages inside one long PDF: progress for the dialog, and Cancel stops mid-file."""
        if token is None:
            return True
        token.report(("pages", done, total))
        return not token.cancelled()

    report = load_many(
        files,
        size_limit=size_limit,
        progress=progress,
        page_progress=page_progress,
        cancelled=token.cancelled if token is not None else None,
        passwords=passwords,
    )
    outcome = LoadOutcome(failures=[*folder_failures, *report.failures])
    outcome.cancelled = token is not None and token.cancelled()
    _add_all(report.articles, library, outcome)
    return outcome


def _add_all(articles: list[Article], library: Library, outcome: LoadOutcome) -> None:
    """Store each article on its own: a busy or full library fails the articles it could not
    store (named, with the reason), never the ones before or after."""
    from variorum.core.ingest import LoadFailure

    for article in articles:
        try:
            result = library.add(article)
        except LibraryError as err:
            log.error("could not store %s: %s", article.source_path, err.reason)
            where = article.source_path or "clipboard"
            outcome.failures.append(LoadFailure(where, f"not stored: {err.reason}"))
            continue
        if result.added:
            outcome.added.append(result.entry)
        else:
            outcome.duplicates.append(result.entry)
            outcome.duplicate_sources.append(article.source_path)
        outcome.entries.append(result.entry)


def start_loading_workers() -> WorkerPool:
    """The worker process that reads every file but small plain text (see
    :mod:`variorum.core.ingest.isolation`): made the default for this process and started in
    the background now, with every format imported, so the first dropped file does not wait
    for it. The caller closes it when the application ends."""
    import threading
    import time

    from variorum.core.ingest.isolation import loading_pool, set_default_pool

    pool = loading_pool(warm=True)
    set_default_pool(pool)

    def prestart() -> None:
        time.sleep(PRESTART_DELAY)  # let the window paint first: the warm-up takes a core
        pool.prestart()

    threading.Thread(target=prestart, name="variorum-prestart", daemon=True).start()
    return pool


def stop_loading_workers(pool: WorkerPool) -> None:
    """End the workers; loads made after this run in-process again."""
    from variorum.core.ingest.isolation import default_pool, set_default_pool

    if default_pool() is pool:
        set_default_pool(None)
    pool.close()


def local_paths(mime: QMimeData | None) -> list[str]:
    """The local files and folders in a drag (remote URLs are not ours to fetch)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def clipboard_payload(mime: QMimeData | None) -> tuple[bytes, str] | None:
    """What Paste as New Article loads: HTML when the clipboard has it (a copied web page keeps
    its structure), else plain text; the name tells the loader which."""
    if mime is None:
        return None
    if mime.hasHtml() and mime.html().strip():
        return mime.html().encode("utf-8"), "clipboard.html"
    if mime.hasText() and mime.text().strip():
        return mime.text().encode("utf-8"), "clipboard.txt"
    return None


class LoadController(QObject):
    """Starts loads, shows progress for big batches, emits the outcome on the GUI thread."""

    finished = Signal(object)
    """LoadOutcome of a batch."""

    def __init__(
        self,
        library: Library,
        tasks: TaskRunner,
        size_limit: Callable[[], int],
        dialog_parent: QWidget | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self._library = library
        self._tasks = tasks
        self._size_limit = size_limit
        self._dialog_parent = dialog_parent
        self._running = 0

    def busy(self) -> bool:
        return self._running > 0

    def load_paths(
        self, paths: Sequence[str], passwords: Mapping[str, str] | None = None
    ) -> None:
        if not paths:
            return
        limit = self._size_limit()
        library = self._library
        self._running += 1

        def job(token: TaskToken) -> LoadOutcome:
            return load_into_library(
                paths, library, size_limit=limit, token=token, passwords=passwords
            )

        state: dict[str, Any] = {"dialog": None}

        def on_progress(value: object) -> None:
            if not isinstance(value, tuple):
                return
            if value[0] == "total" and value[1] > PROGRESS_THRESHOLD:
                state["dialog"] = self._open_progress(int(value[1]), token)
            elif value[0] == "done" and state["dialog"] is not None:
                dialog = state["dialog"]
                dialog.setValue(int(value[1]))
                dialog.setLabelText(f"Loading {_display_name(str(value[2]))}…")
            elif value[0] == "pages":
                done, total = int(value[1]), int(value[2])
                if state["dialog"] is None and total > PAGE_PROGRESS_THRESHOLD:
                    state["dialog"] = self._open_progress(total, token)
                    state["pages"] = True
                dialog = state["dialog"]
                if dialog is not None:
                    if state.get("pages"):
                        dialog.setValue(done)
                    dialog.setLabelText(f"Reading page {done} of {total}…")

        def close_dialog() -> None:
            dialog = state["dialog"]
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
                state["dialog"] = None
            self._running -= 1

        def on_result(outcome: LoadOutcome) -> None:
            close_dialog()
            self.finished.emit(outcome)

        def on_error(exc: BaseException) -> None:
            close_dialog()
            log.error("loading failed", exc_info=exc)
            from variorum.core.ingest import LoadFailure

            failures = [LoadFailure(str(p), f"internal error: {exc}") for p in paths]
            self.finished.emit(LoadOutcome(failures=failures))

        token = self._tasks.submit(job, on_result, on_error=on_error, on_progress=on_progress)

    def load_data(self, data: bytes, name: str) -> None:
        """Clipboard content: loaded in the worker too (HTML extraction can take a moment)."""
        library = self._library
        limit = self._size_limit()
        self._running += 1

        def job(_token: TaskToken) -> LoadOutcome:
            from variorum.core.ingest import IngestError, LoadFailure, load_bytes

            outcome = LoadOutcome()
            try:
                article = load_bytes(data, name, size_limit=limit)
            except IngestError as err:
                outcome.failures.append(LoadFailure("clipboard", err.reason))
            else:
                _add_all([article], library, outcome)
            return outcome

        def on_result(outcome: LoadOutcome) -> None:
            self._running -= 1
            self.finished.emit(outcome)

        def on_error(exc: BaseException) -> None:
            from variorum.core.ingest import LoadFailure

            self._running -= 1
            self.finished.emit(LoadOutcome(failures=[LoadFailure("clipboard", str(exc))]))

        self._tasks.submit(job, on_result, on_error=on_error)

    def load_paths_now(self, paths: Sequence[str]) -> LoadOutcome:
        """Synchronous variant for the screenshot mode (no event loop needed)."""
        outcome = load_into_library(paths, self._library, size_limit=self._size_limit())
        self.finished.emit(outcome)
        return outcome

    def _open_progress(self, total: int, token: TaskToken) -> QProgressDialog:
        dialog = QProgressDialog("Loading…", "Cancel", 0, total, self._dialog_parent)
        dialog.setObjectName("loadProgress")
        dialog.setWindowTitle("Loading articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(token.cancel)
        dialog.setValue(0)
        return dialog
