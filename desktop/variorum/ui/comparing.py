"""What the comparison pane shows for the current selection.

One article: read it. Two: compare them in the worker (debounced, so arrowing through the list
computes only where the user stops; a newer selection makes the older diff stale) with the
earlier one in the list as the base, unless the user swapped that pair. Results are kept in a
small in-memory cache, so swapping back or re-selecting a pair is instant.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.ui.tasks import Debouncer, TaskRunner, TaskToken

log = logging.getLogger(__name__)

CACHE_SIZE = 16
PENDING_DELAY_MS = 250
"""The pane says "Comparing…" only for work that takes longer than this: arrowing through the
list must not make the text flash between every pair."""
DEBOUNCE_MS = 75

EMPTY_LIBRARY_MESSAGE = (
    "No articles yet.\n\n"
    "Drop text files or folders on this window, use File › Open… (Ctrl+O), "
    "or paste an article with Edit › Paste as New Article (Ctrl+Shift+V)."
)
NOTHING_SELECTED_MESSAGE = (
    "Select an article in the list to read it, or two (Ctrl+click) to compare them."
)



class PaneLike(Protocol):
    """The part of ComparePane this controller drives (tests use a fake with these methods)."""

    def show_article(self, article: Article, *, show_boilerplate: bool = False) -> None: ...
    def show_pending(self, a: Article, b: Article) -> None: ...
    def show_comparison(self, a: Article, b: Article, comparison: Comparison) -> None: ...
    def show_message(self, text: str) -> None: ...


def run_compare(a: Article, b: Article, options: CompareOptions, token: TaskToken) -> Comparison:
    """The worker's job. The engine polls ``token`` and stops when a newer selection made this
    comparison stale. It is imported here, in the worker, so it does not delay the first
    window."""
    from variorum.core.diff import compare_texts

    return compare_texts(a.text, b.text, options, cancel=token)


class CompareController(QObject):
    comparison_shown = Signal(object, object, object)
    """(a, b, Comparison) once the pane shows a finished comparison."""
    comparison_failed = Signal(str)
    article_shown = Signal(object)
    """The Article shown alone for reading."""
    pair_selected = Signal(object, object)
    """(a, b) as soon as a pair is chosen (base first), before its diff is done."""
    cleared = Signal()
    """Nothing (or too much) is selected: views that follow the selection should empty."""

    def __init__(self, pane: PaneLike, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pane = pane
        self._tasks = tasks
        self._debounce = Debouncer(DEBOUNCE_MS, self)
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(self._show_pending)
        self._options = CompareOptions()
        self._show_boilerplate = False
        self._swapped: set[tuple[str, str]] = set()
        self._cache: OrderedDict[tuple[str, str, CompareOptions], Comparison] = OrderedDict()
        self._selection: list[Article] = []
        self._library_empty = True
        self._current: tuple[Article, Article] | None = None

    # --- inputs --------------------------------------------------------------------------
    def set_options(self, options: CompareOptions) -> None:
        if options != self._options:
            self._options = options
            self.refresh()

    def set_show_boilerplate(self, show: bool) -> None:
        if show != self._show_boilerplate:
            self._show_boilerplate = show
            if len(self._selection) == 1:
                self.refresh()

    def set_library_empty(self, empty: bool) -> None:
        if empty != self._library_empty:
            self._library_empty = empty
            if not self._selection:
                self.refresh()

    def set_selection(self, articles: list[Article]) -> None:
        """Articles in list order."""
        self._selection = list(articles)
        self.refresh()

    def swap(self) -> None:
        """Swap base and compared version of the current pair; remembered for that pair."""
        if self._current is None:
            return
        a, b = self._current
        key = _pair_key(a, b)
        self._swapped.symmetric_difference_update({key})
        self.refresh()

    def current_pair(self) -> tuple[Article, Article] | None:
        return self._current

    def busy(self) -> bool:
        return self._debounce.pending() or self._tasks.busy("compare")

    def flush(self) -> None:
        """Start a debounced comparison now instead of after the quiet time."""
        self._debounce.flush()

    # --- the decision ----------------------------------------------------------------------
    def refresh(self) -> None:
        self._pending_timer.stop()
        self._debounce.cancel()
        self._tasks.cancel_channel("compare")
        selection = self._selection
        self._current = None
        if not selection:
            self._pane.show_message(
                EMPTY_LIBRARY_MESSAGE if self._library_empty else NOTHING_SELECTED_MESSAGE
            )
            self.cleared.emit()
        elif len(selection) == 1:
            self._pane.show_article(selection[0], show_boilerplate=self._show_boilerplate)
            self.article_shown.emit(selection[0])
        elif len(selection) == 2:
            a, b = selection
            if _pair_key(a, b) in self._swapped:
                a, b = b, a
            self._current = (a, b)
            self.pair_selected.emit(a, b)
            self._compare(a, b)
        else:
            self._pane.show_message(
                f"{len(selection)} articles selected. Select one to read it or two to compare."
            )
            self.cleared.emit()

    def _compare(self, a: Article, b: Article) -> None:
        options = self._options
        key = (a.id, b.id, options)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self._show(a, b, cached)
            return
        self._pending_timer.start()

        def start() -> None:
            self._tasks.submit(
                lambda token: run_compare(a, b, options, token),
                lambda result: self._on_result(key, a, b, result),
                on_error=self._on_error,
                channel="compare",
            )

        self._debounce.call(start)

    def _on_result(
        self, key: tuple[str, str, CompareOptions], a: Article, b: Article, result: Comparison
    ) -> None:
        self._cache[key] = result
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        if self._current is not None and (a.id, b.id) == (self._current[0].id, self._current[1].id):
            self._show(a, b, result)

    def _show_pending(self) -> None:
        if self._current is not None:
            self._pane.show_pending(*self._current)

    def _show(self, a: Article, b: Article, comparison: Comparison) -> None:
        self._pending_timer.stop()
        self._pane.show_comparison(a, b, comparison)
        self.comparison_shown.emit(a, b, comparison)

    def _on_error(self, exc: BaseException) -> None:
        from variorum.core.changes import Cancelled

        if isinstance(exc, Cancelled):
            return  # dropped on purpose (a newer selection or a clear): nothing to report
        self._pending_timer.stop()
        log.error("comparison failed", exc_info=exc)
        text = f"The comparison failed: {type(exc).__name__}: {exc}"
        self._pane.show_message(text)
        self.comparison_failed.emit(text)


def _pair_key(a: Article, b: Article) -> tuple[str, str]:
    """Order-independent key of a pair (which of the two is the base is the swap state)."""
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)
