"""How the window runs the analysis behind the sidebar: every text goes to the model once,
however the selection and the background batch ask for it, and a screenshot waits for what it
shows, not for the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from variorum.ui.app import take_screenshot, wait_until
from variorum.ui.widgets.sidebar.controller import BATCH_CHANNEL

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _speakers(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.sidebar.speakers.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_each_text_goes_to_the_model_once(qtbot, make_window, texts) -> None:  # type: ignore[no-untyped-def]
    window = make_window(sidebar=True)
    controller = window.sidebar_slot.controller
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    qtbot.waitUntil(lambda: not window.busy() and not window.tasks.busy(), timeout=120000)
    for rows in ([0], [1], [2], [0, 1], [1, 2], [0]):
        window.article_list.select_rows(rows)
        qtbot.waitUntil(lambda: not window.busy(), timeout=60000)
    assert any("Holt" in name for name in _speakers(window))
    pool = controller.service.pool
    assert pool is not None
    assert pool.texts == 3  # the pair and the third article, each once


def test_a_screenshot_does_not_wait_for_the_background_batch(
    qtbot, make_window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        (folder / f"story-{i:03}.txt").write_text(
            f"Harbour story {i}\n\n“We will open berth {i} in the spring,” said Ann Holt, the "
            f"harbour master, on day {i}. The Harbour Council approved {i} new moorings and "
            f"the ferry company said it would add a sailing on day {i}.",
            encoding="utf-8",
        )
    window = make_window(sidebar=True)
    code = take_screenshot(window, [str(folder)], tmp_path / "shot.png")
    assert code == 0 and (tmp_path / "shot.png").is_file()
    assert _speakers(window) == ["Ann Holt"]  # what it shows is complete...
    assert window.tasks.busy(BATCH_CHANNEL)  # ...while the batch is still running
    window.sidebar_slot.controller.shutdown()
    wait_until(lambda: not window.tasks.busy(), 30)


def test_a_text_over_the_analysis_limit_is_named_and_the_window_carries_on(
    qtbot, make_window, texts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """A text that needs more CPU time than its limit (here 1 s): its worker is stopped, the
    sidebar and the status bar name the article and the reason, the event loop never stalls,
    and the next article is analysed as usual."""
    import itertools
    import time

    from PySide6.QtCore import QTimer

    from variorum.core.extract import workers

    monkeypatch.setattr(workers, "BASE_CPU_SECONDS", 1.0)
    monkeypatch.setattr(workers, "CPU_SECONDS_PER_MB", 0.0)
    stuck = tmp_path / "bylines.txt"
    stuck.write_text("Bylines\n\n" + "By " * 40_000, encoding="utf-8")
    window = make_window(sidebar=True)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    window.open_paths([str(stuck)])
    qtbot.waitUntil(lambda: "took too long" in window.sidebar.status.text(), timeout=120000)
    timer.stop()
    message = window.sidebar.status.text()
    assert "“Bylines”" in message and "took too long to analyse (stopped after" in message
    assert "took too long to analyse" in window.statusBar().currentMessage()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0

    window.open_paths([str(texts["a.txt"])])
    window.article_list.select_rows([1])
    qtbot.waitUntil(lambda: any("Holt" in n for n in _speakers(window)), timeout=120000)
