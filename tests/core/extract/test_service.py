"""The analysis service's promises, with a stand-in pool (no processes, no model): each
article is analysed once however often it is asked for, a cached result never starts the pool,
the selection goes before the batch, and work nobody wants any more is dropped."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from variorum.core.extract import Extraction, Speaker
from variorum.core.extract.cache import store_result
from variorum.core.extract.model import installed_label
from variorum.core.extract.service import BACKGROUND, FOREGROUND, AnalysisService
from variorum.core.extract.workers import AnalysisFailure


class Store:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], str] = {}

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None:
        return self.rows.get((article_id, kind, version))

    def put_analysis(self, article_id: str, kind: str, version: str, payload: str) -> None:
        self.rows[(article_id, kind, version)] = payload


LABEL = installed_label() or "en_test-1.0"


def result_for(text: str) -> Extraction:
    return Extraction((Speaker(text, "PERSON", (), ()),), model=LABEL)


class FakePool:
    """Records each call's texts; ``gate`` (when set) holds every call until released."""

    def __init__(self, size: int = 1) -> None:
        self.size = size
        self.calls: list[list[str]] = []
        self.gate: threading.Event | None = None
        self.started = threading.Event()
        self.saw_unwanted = False

    def run(
        self, texts: list[str], cancelled: Callable[[], bool] | None = None
    ) -> list[Extraction | AnalysisFailure]:
        self.calls.append(list(texts))
        self.started.set()
        if self.gate is not None:
            while not self.gate.wait(0.01):
                if cancelled is not None and cancelled():
                    self.saw_unwanted = True
                    return [AnalysisFailure("cancelled")] * len(texts)
        return [AnalysisFailure("took too long") if t == "BAD" else result_for(t) for t in texts]

    def close(self) -> None:
        pass


def make(store: Store | None = None, size: int = 1) -> tuple[AnalysisService, FakePool, list[int]]:
    pool = FakePool(size)
    made: list[int] = []

    def factory(model: str | None) -> FakePool:
        made.append(1)
        return pool

    return AnalysisService(store, None, factory), pool, made  # type: ignore[arg-type]


def never() -> bool:
    return False


def test_an_article_asked_for_twice_is_analysed_once_and_cached() -> None:
    store = Store()
    service, pool, _ = make(store)
    pool.gate = threading.Event()
    first = service.request("a", "Ann", BACKGROUND, never)
    pool.started.wait(5)
    second = service.request("a", "Ann", FOREGROUND, never)  # the selection, while it runs
    pool.gate.set()
    assert service.wait([first, second], never) == [result_for("Ann")] * 2
    assert pool.calls == [["Ann"]]
    assert len(store.rows) == 1
    again = service.request("a", "Ann", FOREGROUND, never)  # now from the cache
    assert again.done() and again.result() == result_for("Ann")
    assert pool.calls == [["Ann"]]
    service.close()


def test_a_cached_result_never_starts_the_pool() -> None:
    store = Store()
    store_result(store, "a", result_for("Ann"))
    service, pool, made = make(store)
    assert service.wait([service.request("a", "Ann", FOREGROUND, never)], never) == [
        result_for("Ann")
    ]
    assert made == [] and pool.calls == [] and service.pool is None
    service.close()


def test_the_selection_goes_before_the_batch_which_is_grouped() -> None:
    service, pool, _ = make()
    pool.gate = threading.Event()
    batch = [service.request(f"b{i}", f"batch {i}", BACKGROUND, never) for i in range(4)]
    pool.started.wait(5)  # the first batch group is running; the rest waits
    chosen = service.request("s", "selected", FOREGROUND, never)
    pool.gate.set()
    service.wait([*batch, chosen], never)
    first_batch = pool.calls[0]
    assert pool.calls[1] == ["selected"]
    assert [t for call in pool.calls[2:] for t in call] == [
        f"batch {i}" for i in range(len(first_batch), 4)
    ]
    service.close()


def test_queued_work_nobody_wants_is_dropped_and_running_long_work_is_told() -> None:
    service, pool, _ = make()
    pool.gate = threading.Event()
    running = service.request("long", "x" * 200_000, FOREGROUND, lambda: stop.is_set())
    stop = threading.Event()
    pool.started.wait(5)
    queued = service.request("q", "queued", BACKGROUND, lambda: stop.is_set())
    stop.set()  # the user moved on: both askers give up
    assert service.wait([running, queued], never) is None
    assert pool.saw_unwanted  # the long text's call was asked to stop
    assert pool.calls == [["x" * 200_000]]  # the queued one never ran
    pool.gate.set()
    service.close()


def test_a_failure_is_remembered_and_not_cached() -> None:
    store = Store()
    service, pool, _ = make(store)
    [failure] = service.wait([service.request("bad", "BAD", FOREGROUND, never)], never) or []
    assert failure == AnalysisFailure("took too long")
    assert store.rows == {}
    assert service.request("bad", "BAD", FOREGROUND, never).result() == failure
    assert pool.calls == [["BAD"]]
    service.close()


def test_no_model_at_all_reaches_every_asker() -> None:
    service, pool, _ = make()

    def broken(texts: list[str], cancelled: object = None) -> list[Extraction]:
        raise RuntimeError("No English spaCy pipeline is installed")

    pool.run = broken  # type: ignore[method-assign]
    future = service.request("a", "Ann", FOREGROUND, never)
    with pytest.raises(RuntimeError, match="No English spaCy pipeline"):
        future.result(timeout=5)
    service.close()
