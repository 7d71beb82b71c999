"""The safety net around every loader: time limit, internal errors, the log file."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from variorum.core.article import ArticleDraft
from variorum.core.ingest import load_bytes, load_many
from variorum.core.ingest.errors import InternalError, MemoryLimitError, TimeLimitError
from variorum.core.ingest.limits import (
    Budget,
    Limits,
    check_budget,
    resident_bytes,
    run_guarded,
)
from variorum.core.ingest.loader import LOADERS
from variorum.core.ingest.logsetup import LOG_NAME, configure_file_logging


@pytest.fixture
def loaders() -> Iterator[dict[str, object]]:
    saved = dict(LOADERS)
    yield LOADERS  # type: ignore[misc]
    LOADERS.clear()
    LOADERS.update(saved)


def test_hanging_loader_hits_the_time_limit(loaders: dict[str, object]) -> None:
    def hang(data: bytes) -> ArticleDraft:
        while True:  # a pathological parse that cooperates with the budget
            check_budget()
            time.sleep(0.01)

    LOADERS["text"] = hang
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match=r"took too long to read \(limit 0.5 s\)"):
        load_bytes(b"some text", "x.txt", limits=Limits(timeout=0.5))
    assert time.monotonic() - started < 2


def test_uncooperative_loader_is_abandoned_in_time(loaders: dict[str, object]) -> None:
    def stuck(data: bytes) -> ArticleDraft:
        time.sleep(3)
        return ArticleDraft(format="text", paragraphs=["late"])

    LOADERS["text"] = stuck
    started = time.monotonic()
    with pytest.raises(TimeLimitError):
        load_bytes(b"some text", "x.txt", limits=Limits(timeout=0.3))
    assert time.monotonic() - started < 1.5


def test_internal_error_is_reported_and_logged(
    loaders: dict[str, object], tmp_path: Path
) -> None:
    def buggy(data: bytes) -> ArticleDraft:
        raise KeyError("surprise")

    log_path = configure_file_logging(tmp_path / "log")
    assert log_path == tmp_path / "log" / LOG_NAME
    assert configure_file_logging(tmp_path / "log") == log_path  # no second handler
    LOADERS["text"] = buggy
    good = tmp_path / "good.md"
    good.write_text("# A title\n\nThe body of the article.")
    bad = tmp_path / "bad.txt"
    bad.write_text("anything")
    report = load_many([bad, good])
    assert len(report.articles) == 1
    assert report.failures[0].reason == "internal error: KeyError: 'surprise'"
    root = logging.getLogger("variorum")
    for handler in list(root.handlers):
        handler.flush()
        if getattr(handler, "baseFilename", "") == str(log_path):
            root.removeHandler(handler)
            handler.close()
    logged = log_path.read_text(encoding="utf-8")
    assert "loader text failed on" in logged and "bad.txt" in logged
    assert "Traceback" in logged and "KeyError: 'surprise'" in logged
    with pytest.raises(InternalError, match=r"^internal error: "):
        load_bytes(b"x", "x.txt")


def test_memory_error_becomes_a_message(loaders: dict[str, object]) -> None:
    def greedy(data: bytes) -> ArticleDraft:
        raise MemoryError()

    LOADERS["text"] = greedy
    with pytest.raises(InternalError, match="out of memory"):
        load_bytes(b"x", "x.txt")


def test_run_guarded_returns_and_reraises() -> None:
    assert run_guarded(lambda: 42, Budget()) == 42
    with pytest.raises(ZeroDivisionError):
        run_guarded(lambda: 1 // 0, Budget())


@pytest.mark.skipif(resident_bytes() is None, reason="resident size not readable here")
def test_memory_growth_stops_a_load(loaders: dict[str, object]) -> None:
    def balloon(data: bytes) -> ArticleDraft:
        hoard = []
        for _ in range(40):  # up to 400 MB, touched so it is resident
            hoard.append(bytearray(b"x" * (10 * 1024 * 1024)))
            check_budget()
            time.sleep(0.06)  # the RSS check runs at most 20 times a second
        return ArticleDraft(format="text", paragraphs=[str(len(hoard))])

    LOADERS["text"] = balloon
    with pytest.raises(MemoryLimitError, match=r"needs too much memory to read \(limit 50 MB\)"):
        load_bytes(b"x", "x.txt", limits=Limits(max_memory_growth=50 * 1024 * 1024))
