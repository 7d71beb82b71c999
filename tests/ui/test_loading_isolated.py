"""A pathological file dropped with good ones: the window keeps answering, the good files are
stored, the bad one is named with the reason, and nothing keeps running after."""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.ui.test_main_window import drop, settle, titles
from tests.ui.worker_hooks import hang_html_loader
from variorum.core.ingest import isolation, limits
from variorum.core.sandbox import WorkerPool

pytestmark = pytest.mark.gui


@pytest.fixture
def hanging_html_worker(monkeypatch: pytest.MonkeyPatch) -> Iterator[WorkerPool]:
    monkeypatch.setattr(limits, "DEFAULT_LIMITS", limits.Limits(timeout=2.0))
    with WorkerPool(warmup=hang_html_loader) as pool:
        isolation.set_default_pool(pool)
        try:
            yield pool
        finally:
            isolation.set_default_pool(None)


def test_a_freezing_file_does_not_freeze_the_window(
    qtbot, make_window, tmp_path: Path, hanging_html_worker: WorkerPool
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a-good.txt").write_text("First story\n\nThe council met.", encoding="utf-8")
    (folder / "b-bad.html").write_text("<html><body><p>Anything</p></body></html>")
    big = "Third story\n\n" + "A long report about the harbour and its ferry. " * 8000
    (folder / "c-big.txt").write_text(big, encoding="utf-8")  # read in the worker too
    window = make_window()
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    drop(window, folder)
    settle(qtbot, window)
    timer.stop()
    elapsed = time.monotonic() - started
    assert elapsed < 2 + 5 + 15  # the limit, the grace, the rest of the batch on a busy machine
    message = window.statusBar().currentMessage()
    assert message == "Loaded 2 articles; skipped b-bad.html: took too long to read (limit 2 s)"
    assert sorted(titles(window)) == ["First story", "Third story"]
    # The event loop ran all along: no gap between timer ticks near the limit's length.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert ticks and max(gaps) < 1.0
    assert hanging_html_worker.started == 2  # the overrunning worker was replaced...
    assert len(window.library) == 2


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names holding any bytes")
def test_a_badly_encoded_name_is_listed_with_the_rest(qtbot, make_window, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("First story\n\nThe council met.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Second story\n\nThe ferry sailed.")
    window = make_window()
    drop(window, folder)
    settle(qtbot, window)
    assert sorted(titles(window)) == ["First story", "Second story"]
    assert window.statusBar().currentMessage() == "Loaded 2 articles"
