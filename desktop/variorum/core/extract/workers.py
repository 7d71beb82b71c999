"""Extraction in worker processes (:mod:`variorum.core.sandbox`): both cores for a batch, and
a limit no text can pass.

Why processes: spaCy's pipeline cannot be shared by two threads (its string store is not
thread-safe), so one process uses one core; and some texts make the rules run for minutes (a
300 KB run of "By By By", of dashes or quote marks), which a thread cannot stop. Each worker
loads the pipeline once when it starts (``warm``) and then analyses texts as they come, under a
CPU-time limit that grows with the text and an address-space limit; a worker that overruns is
killed, the article is reported with the reason, and a fresh worker takes its place.

The process that asks (the window, ``variorum extract``) never imports spaCy.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from variorum.core.extract.data import Extraction
from variorum.core.extract.model import ModelUnavailableError
from variorum.core.sandbox import Limits, Outcome, WorkerPool

WORKERS = max(1, min(2, os.cpu_count() or 1))
"""One worker per core, at most two: each holds its own copy of the model (~150 MB)."""

GROUP_CHARS = 20_000
"""Short articles of a batch travel to a worker together, up to this many characters: one
model call for several of them (spaCy batches them) without one call holding a worker long
enough to keep the selection waiting."""

BATCH_CHARS = 10_000
"""What one model call holds: two pieces of a long text rather than one cost about 6 % less
CPU (the network's matrix products are larger) for 16 MB more at a worker's peak (measured on
three Darwin editions: 189 MB with one piece, 205 with two, 226 with four for 1-2 % more)."""

BASE_CPU_SECONDS = 30.0
CPU_SECONDS_PER_MB = 120.0
"""CPU time allowed for one call: a base plus so much per megabyte of text. Text is analysed at
about 25 KB per second of CPU (4,000 words), so an article of a few KB gets a hundred times what
it needs and a 1 MB text (40 s) nearly four times; a text that takes longer is pathological,
and waiting longer would not help."""

MEMORY_GROWTH = 1024 * 1024 * 1024
"""How much a worker may grow during one call (texts are parsed in pieces of a few thousand
characters: an ordinary article needs well under 100 MB)."""


def limits_for(chars: int) -> Limits:
    return Limits(
        cpu_seconds=BASE_CPU_SECONDS + CPU_SECONDS_PER_MB * chars / 1_000_000,
        memory_bytes=MEMORY_GROWTH,
    )


@dataclass(frozen=True)
class AnalysisFailure:
    """Why an article has no extraction, in words a user reads as they stand."""

    reason: str

    def __str__(self) -> str:
        return self.reason


def _failure(outcome: Outcome[Any], limits: Limits) -> AnalysisFailure:
    if outcome.failure == "time":
        return AnalysisFailure(
            f"took too long to analyse (stopped after {limits.cpu_seconds:.0f} s)"
        )
    if outcome.failure == "memory":
        limit = (limits.memory_bytes or 0) // (1024 * 1024)
        return AnalysisFailure(f"needs too much memory to analyse (limit {limit} MB)")
    if outcome.failure == "cancelled":
        return AnalysisFailure("cancelled")
    if outcome.failure == "crashed":
        return AnalysisFailure(f"the analysis stopped unexpectedly ({outcome.detail})")
    return AnalysisFailure(f"internal error: {outcome.detail}")


# -- inside a worker ----------------------------------------------------------------------------


def warm(model: str | None) -> None:
    """A worker's start: the pipeline loaded before the first text arrives (spaCy imported
    without its command line, see :func:`import_spacy_without_cli`)."""
    from variorum.core.extract.model import import_spacy_without_cli, load_pipeline

    import_spacy_without_cli()
    load_pipeline(model)
    release_memory()  # what loading freed (the configuration, staging copies): ~12 MB


def extract_texts(texts: list[str], model: str | None) -> list[Extraction]:
    """Run in a worker: the extractions of ``texts``. The model gets its pieces (a long text
    is parsed in pieces of :data:`CHUNK_CHARS`) about :data:`BATCH_CHARS` at a time."""
    from variorum.core.extract.engine import CHUNK_CHARS, extract_many
    from variorum.core.extract.model import load_pipeline

    nlp = load_pipeline(model)
    longest = min(CHUNK_CHARS, max((len(t) for t in texts), default=1))
    try:
        return list(extract_many(texts, nlp, batch_size=max(1, BATCH_CHARS // max(1, longest))))
    finally:
        release_memory()


def release_memory() -> None:
    """Give the C heap's free pages back to the system once a call is done: glibc keeps
    what a parse freed for reuse, so an idle worker would go on holding its largest call's
    memory. (A full garbage collection first would cost 30 ms a call, for nothing measured.)"""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, looked up once; None on another system or C library."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


# -- the caller's side ------------------------------------------------------------------------


class ExtractionPool:
    """``size`` warm workers with the pipeline ``model`` (None: the preferred installed one).
    Thread-safe: each thread that calls :meth:`run` gets a worker of its own, or waits for
    one. Started lazily: no process runs until the first text needs one."""

    def __init__(self, model: str | None = None, size: int | None = None) -> None:
        self.model = model or None
        self.size = max(1, size or WORKERS)
        self._pool = WorkerPool(size=self.size, warmup=functools.partial(warm, self.model))
        self.calls = 0
        """Model calls so far (each text is meant to be parsed once: tests count them)."""
        self.texts = 0

    def prestart(self, texts: int | None = None) -> None:
        """Start the workers ``texts`` texts will use (all: None) now, in the background:
        the model loads (two seconds) while the caller still reads its files."""
        for number in range(min(self.size, self.size if texts is None else texts)):
            threading.Thread(
                target=self._pool.prestart, name=f"extract-prestart-{number}", daemon=True
            ).start()

    @property
    def workers_started(self) -> int:
        return self._pool.started

    def run(
        self, texts: list[str], cancelled: Callable[[], bool] | None = None
    ) -> list[Extraction | AnalysisFailure]:
        """The extractions of ``texts`` from one worker call. When a call of several texts
        overruns, each is tried again alone, so only the text at fault fails. Raises
        :class:`ModelUnavailableError` when no pipeline can be loaded (no text is at fault)."""
        if not texts:
            return []
        limits = limits_for(sum(len(t) for t in texts))
        self.calls += 1
        self.texts += len(texts)
        outcome = self._pool.run(
            extract_texts, list(texts), self.model, limits=limits, cancelled=cancelled
        )
        if outcome.ok and outcome.value is not None:
            return list(outcome.value)
        if isinstance(outcome.error, ModelUnavailableError):
            raise outcome.error
        if len(texts) > 1 and outcome.failure in ("time", "memory", "crashed"):
            return [r for t in texts for r in self.run([t], cancelled)]
        failure = _failure(outcome, limits)
        return [failure] * len(texts)

    def map(
        self, texts: Sequence[str], cancelled: Callable[[], bool] | None = None
    ) -> Iterator[Extraction | AnalysisFailure]:
        """Every text's extraction, in order, yielded as soon as it and those before it are
        ready; ``size`` workers busy at once (a batch uses every core the pool has)."""
        groups = list(_groups(texts, GROUP_CHARS))
        with ThreadPoolExecutor(self.size, thread_name_prefix="extract") as threads:
            pending: deque[Future[list[Extraction | AnalysisFailure]]] = deque()
            upcoming = iter(groups)
            for group in upcoming:
                pending.append(threads.submit(self.run, group, cancelled))
                if len(pending) >= 2 * self.size:
                    break
            while pending:
                results = pending.popleft().result()
                following = next(upcoming, None)
                if following is not None:
                    pending.append(threads.submit(self.run, following, cancelled))
                yield from results

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _groups(texts: Sequence[str], limit: int) -> Iterator[list[str]]:
    """Consecutive texts, together while they stay under ``limit`` characters."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limit:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group
