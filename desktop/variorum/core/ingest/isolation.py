"""Loading a file in a worker process (:mod:`variorum.core.sandbox`): the format loader, the
text clean-up and the content hash all run there under a CPU-time and a memory limit, so a
pathological file is killed and reported ("took too long to read", "needs too much memory to
read") while the window, and the other files of the batch, carry on.

The entry points (the window, each batch command) choose isolation once, with
:func:`set_default_pool`; ``load_file``/``load_bytes``/``load_many`` then use that pool for
every file that is not small plain text. Library callers that set nothing (tests, scripts)
keep loading in-process under the cooperative time limit.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (~3 ms): every command imports this
if TYPE_CHECKING:
    from collections.abc import Callable

    from variorum.core.article import Article
    from variorum.core.ingest.limits import Limits, PageProgress
    from variorum.core.sandbox import WorkerPool

_default: WorkerPool | None = None
_factory: Callable[[], WorkerPool] | None = None

NO_TIME_LIMIT = 10.0**6


def set_default_pool(pool: WorkerPool | Callable[[], WorkerPool] | None) -> None:
    """Make ``pool`` the one loads use when their caller names none (None: load in-process).
    A function instead of a pool is called on the first load that needs it, so a command
    that reads only small text never imports multiprocessing (~20 ms)."""
    global _default, _factory
    if pool is None or not callable(pool):
        _default, _factory = pool, None
    else:
        _default, _factory = None, pool


def default_pool() -> WorkerPool | None:
    global _default, _factory
    if _default is None and _factory is not None:
        _default, _factory = _factory(), None
    return _default


class isolated_loading:
    """``with isolated_loading(): ...``: loads in the block use a worker process (started on
    the first load that needs one, ended when the block ends). For the batch commands; a
    default pool set before (the window's, a test's) is used as it is and left open."""

    def __init__(self) -> None:
        self._owner = False

    def __enter__(self) -> None:
        if _default is None and _factory is None:
            self._owner = True
            set_default_pool(loading_pool)

    def __exit__(self, *_exc: object) -> None:
        if not self._owner:
            return
        pool = _default
        set_default_pool(None)
        if pool is not None:
            pool.close()


def loading_pool(*, warm: bool = False) -> WorkerPool:
    """A pool for loading files; ``warm``: its workers import every format on start (the
    window starts one in the background, so the first dropped web page does not wait)."""
    from variorum.core.sandbox import WorkerPool

    return WorkerPool(size=1, warmup=import_formats if warm else None)


def import_formats() -> None:
    """Import every format module (~0.4 s) and load the language model, once per worker when
    it starts."""
    import importlib

    from variorum.runtime_imports import FORMAT_LOADERS

    for module in FORMAT_LOADERS:
        importlib.import_module(module)
    from variorum.core.ingest.language import _identifier

    _identifier()  # the language model (~1 s to load), needed for any text not plainly English


def load_in_pool(
    pool: WorkerPool,
    data: bytes,
    name: str,
    *,
    source_path: str | None,
    size_limit: int,
    limits: Limits | None,
    page_progress: PageProgress | None,
    cancelled: Callable[[], bool] | None,
    password: str | None = None,
) -> Article:
    """``load_bytes`` in a worker of ``pool``; raises the IngestError that says why not."""
    from variorum.core.article import Article
    from variorum.core.ingest.errors import (
        CancelledError,
        IngestError,
        InternalError,
        MemoryLimitError,
        TimeLimitError,
    )
    from variorum.core.ingest.lazylog import get_logger
    from variorum.core.ingest.limits import DEFAULT_LIMITS
    from variorum.core.sandbox import Limits as ProcessLimits

    limits = limits or DEFAULT_LIMITS
    seconds = limits.timeout if limits.timeout is not None else NO_TIME_LIMIT
    bounds = ProcessLimits(cpu_seconds=seconds, memory_bytes=limits.max_memory_growth)

    def on_report(value: object) -> bool:
        if page_progress is not None and isinstance(value, tuple) and value[0] == "pages":
            return page_progress(int(value[1]), int(value[2])) is not False
        return True

    outcome = pool.run(
        load_here,
        data,
        name,
        source_path,
        size_limit,
        limits,
        page_progress is not None,
        password,
        limits=bounds,
        on_report=on_report,
        cancelled=cancelled,
    )
    if outcome.ok and isinstance(outcome.value, Article):
        return outcome.value
    log = get_logger(__name__)
    where = source_path or name
    if outcome.failure == "error":
        if isinstance(outcome.error, IngestError):
            raise outcome.error
        log.error("loader failed on %s in the worker:\n%s", where, outcome.traceback)
        raise InternalError(outcome.detail)
    if outcome.failure == "time":
        log.warning("loading %s stopped: %s", where, outcome.detail)
        raise TimeLimitError(seconds)
    if outcome.failure == "memory":
        log.warning("loading %s stopped: out of memory", where)
        raise MemoryLimitError(limits.max_memory_growth)
    if outcome.failure == "cancelled":
        raise CancelledError()
    log.error("loading %s: %s", where, outcome.detail)
    raise InternalError(f"the reader stopped unexpectedly ({outcome.detail})")


def load_here(
    data: bytes,
    name: str,
    source_path: str | None,
    size_limit: int,
    limits: Limits,
    report_pages: bool,
    password: str | None = None,
) -> Article:
    """What runs in the worker: the format loader under ``limits`` (in this thread: the
    process itself is the guard), the clean-up and the content hash."""
    from variorum.core.article import settle
    from variorum.core.ingest.errors import CorruptFileError
    from variorum.core.ingest.limits import Budget, run_budgeted
    from variorum.core.ingest.loader import _format_loader, finish_article
    from variorum.core.sandbox import report

    _fmt, loader = _format_loader(data, name, size_limit, password)

    def pages(done: int, total: int) -> bool:
        report(("pages", done, total))
        return True

    budget = Budget(limits=limits, page_progress=pages if report_pages else None)
    try:
        draft = run_budgeted(lambda: loader(data), budget)
    except RecursionError as exc:
        raise CorruptFileError("damaged file (nested too deeply to read)") from exc
    return settle(finish_article(draft, source_path))
