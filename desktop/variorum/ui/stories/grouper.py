"""Story grouping in the background, incrementally, with the user's choices kept.

One :class:`~variorum.core.stories.StoryIndex` lives as long as the window. It is not
thread-safe, so it is only ever touched by one task at a time: work that arrives while a task
runs (a new load, a removal, a choice, another threshold) is queued and handed to the next
task in order. Each task applies the queued work, assembles the grouping with the current
choices, stores it as the library's snapshot and hands it to the GUI thread.

At start the window shows the stored snapshot at once (the stories as they were when it
closed) and the index is filled again in the background; articles added since are lone rows
until it is done.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from variorum.core.article import Article
from variorum.core.changes import Cancelled
from variorum.core.library import Library, LibraryError
from variorum.core.stories.choices import Choices
from variorum.core.stories.model import Grouping, StoryInput
from variorum.ui.tasks import TaskRunner, TaskToken

if TYPE_CHECKING:
    from variorum.core.stories.index import StoryIndex

log = logging.getLogger(__name__)

SLICE = 50
"""Articles sketched between two looks at the cancel flag and two progress reports."""


@dataclass(frozen=True)
class _Op:
    kind: str
    """add, remove, threshold or regroup (only assemble again: the choices changed)."""
    value: Any = None


def _run(
    index: StoryIndex | None,
    threshold: float,
    ops: Sequence[_Op],
    choices: Choices,
    library: Library,
    token: TaskToken,
) -> tuple[StoryIndex, Grouping]:
    """The worker: apply the queued work to the index, then group."""
    from variorum.core.stories.index import StoryIndex
    from variorum.core.stories.params import GroupingParams
    from variorum.core.stories.sketch import sketch_batch
    from variorum.core.stories.store import save_grouping

    if index is None:
        index = StoryIndex(GroupingParams(threshold=threshold))
    adding = [d for op in ops if op.kind == "add" for d in op.value if d.id not in index]
    done = 0
    for op in ops:
        if op.kind == "add":
            fresh = list({d.id: d for d in op.value if d.id not in index}.values())
            sketches = []
            for start in range(0, len(fresh), SLICE):
                if token.cancelled():
                    raise Cancelled()
                sketches += sketch_batch(fresh[start : start + SLICE], index.params)
                done += len(fresh[start : start + SLICE])
                token.report((done, len(adding)))
            index.add_sketches(sketches)
        elif op.kind == "remove":
            index.remove(op.value)
        elif op.kind == "threshold":
            index.set_threshold(float(op.value))
    grouping = index.grouping(choices)
    # The views get only the pairs inside stories (the similarity matrix): the index goes on
    # changing its own dict in later tasks, while the GUI thread reads this one.
    owner = {i: s.id for s in grouping.stories for i in s.ids}
    pairs = {k: p for k, p in grouping.pairs.items() if owner.get(p.a) == owner.get(p.b)}
    grouping = Grouping(grouping.stories, grouping.related, pairs)
    try:
        save_grouping(library, grouping)
    except (LibraryError, sqlite3.Error) as exc:  # shown as before; saved another time
        log.warning("stories not saved: %s", exc)
    return index, grouping


class StoryGrouper(QObject):
    changed = Signal(object)
    """A new Grouping (on the GUI thread)."""
    progress = Signal(int, int)
    """(done, total) articles sketched; (0, 0) when a task ended."""
    failed = Signal(str)

    def __init__(
        self, tasks: TaskRunner, library: Library, threshold: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._library = library
        self._threshold = threshold
        self._index: StoryIndex | None = None
        self._queue: list[_Op] = []
        self._running = False
        self._grouping = Grouping((), ())
        self._choices = Choices()

    # --- state -----------------------------------------------------------------------------
    def grouping(self) -> Grouping:
        return self._grouping

    def choices(self) -> Choices:
        return self._choices

    def busy(self) -> bool:
        return self._running or bool(self._queue)

    # --- inputs ----------------------------------------------------------------------------
    def restore(self, articles: Sequence[Article]) -> None:
        """At start: the stored choices and the last grouping shown at once, then every
        article grouped again in the background."""
        from variorum.core.stories.store import load_choices, load_grouping

        try:
            self._choices = load_choices(self._library)
            self._grouping = load_grouping(self._library, [a.id for a in articles])
        except (LibraryError, sqlite3.Error) as exc:
            log.warning("stories not read from the library: %s", exc)
        if self._grouping.stories:
            self.changed.emit(self._grouping)
        self.add(articles)

    def add(self, articles: Sequence[Article]) -> None:
        if articles:
            self._push(_Op("add", [StoryInput.from_article(a) for a in articles]))

    def remove(self, article_ids: Sequence[str]) -> None:
        if article_ids:
            self._push(_Op("remove", list(article_ids)))

    def set_threshold(self, threshold: float) -> None:
        if threshold != self._threshold:
            self._threshold = threshold
            self._push(_Op("threshold", threshold))

    def set_choices(self, choices: Choices) -> str | None:
        """Apply the user's choices (regrouping in the background) and store them; returns
        why they could not be stored, or None."""
        from variorum.core.stories.store import save_choices

        self._choices = choices
        self._push(_Op("regroup"))
        try:
            save_choices(self._library, choices)
        except LibraryError as exc:
            return exc.reason
        except sqlite3.Error as exc:
            return str(exc)
        return None

    # --- the one task ----------------------------------------------------------------------
    def _push(self, op: _Op) -> None:
        self._queue.append(op)
        self._start()

    def _start(self) -> None:
        if self._running or not self._queue:
            return
        ops, self._queue = self._queue, []
        index, threshold, choices, library = (
            self._index,
            self._threshold,
            self._choices,
            self._library,
        )
        self._running = True
        self._tasks.submit(
            lambda token: _run(index, threshold, ops, choices, library, token),
            self._on_result,
            on_error=self._on_error,
            on_progress=self._on_progress,
        )

    def _on_result(self, result: tuple[StoryIndex, Grouping]) -> None:
        self._running = False
        self._index, self._grouping = result
        self.progress.emit(0, 0)
        self.changed.emit(self._grouping)
        self._start()

    def _on_error(self, error: BaseException) -> None:
        self._running = False
        self.progress.emit(0, 0)
        if not isinstance(error, Cancelled):
            log.error("grouping failed", exc_info=error)
            self.failed.emit(f"Stories could not be grouped: {type(error).__name__}: {error}")
        self._start()

    def _on_progress(self, value: object) -> None:
        if isinstance(value, tuple) and len(value) == 2:
            self.progress.emit(int(value[0]), int(value[1]))
