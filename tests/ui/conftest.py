"""GUI test set-up: every window gets a fresh --basedir under tmp_path, never a real user's
folders, and is closed (settings saved) at the end of the test."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.fakes import FakePane, fake_sidebar
from tests.ui.guards import restore_event_loops
from variorum.core.paths import app_paths
from variorum.ui.app import create_window, make_application
from variorum.ui.main_window import MainWindow

ORIGINAL = (
    "Harbour council approves new ferry\n\n"
    "The harbour council voted on Tuesday to buy a new electric ferry for the island route.\n\n"
    "The ferry will carry 200 passengers and enter service next spring.\n\n"
    "\u201cIt is a good day for the island,\u201d said the mayor, Ann Holt."
)
EDITED = (
    "Harbour council approves new ferry\n\n"
    "The harbour council voted on Tuesday to buy a new electric ferry for the northern route.\n\n"
    "The ferry will carry 250 passengers and enter service next spring.\n\n"
    '"It is a good day for the island," said the mayor, Ann Holt.\n\n'
    "The vote was unanimous."
)
RELATED = "Fishing quotas cut\n\nThe ministry cut the cod quota by a tenth this year."


@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    """Three small articles written here, so the tests do not depend on the demo texts."""
    folder = tmp_path / "articles"
    folder.mkdir()
    files = {}
    for name, text in (("a.txt", ORIGINAL), ("b.txt", EDITED), ("c.txt", RELATED)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files[name] = path
    return files


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[WindowFactory]:
    """``make_window(basedir=None, pane_factory=FakePane, sidebar=False)`` builds a shown
    window; call it again with the same basedir after closing to simulate a restart. Without
    ``sidebar=True`` the sidebar is a stand-in (``tests.ui.fakes``), so window tests do not
    wait for spaCy."""
    make_application()
    windows: list[MainWindow] = []

    def factory(
        basedir: Path | None = None, pane_factory=FakePane, sidebar: bool = False
    ) -> MainWindow:
        paths = app_paths(basedir or tmp_path / "base")
        window = create_window(
            paths,
            interactive=True,
            pane_factory=pane_factory,
            sidebar_factory=None if sidebar else fake_sidebar,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.isVisible():
            window.close()
        window.tasks.wait(5000)


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test() -> Iterator[None]:
    """Data a test put on the clipboard is cleared while Qt is still up: with the offscreen
    platform, QClipboard holding a QMimeData at interpreter exit segfaults (PySide6 6.11),
    which would fail the run after every test passed."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def pane(qtbot):  # type: ignore[no-untyped-def]
    """A comparison pane on screen (offscreen), as the compare tests drive it."""
    from variorum.ui.widgets.compare import ComparePane

    widget = ComparePane()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete what the test's windows scheduled for deletion once the test is torn down.

    Outside ``app.exec()`` Qt runs a ``deleteLater`` only when the event loop it was called
    from returns to a lower level, which never happens under pytest (every wait is a nested
    loop), so the widgets and models of every earlier test piled up until the first test
    that ran the real event loop (``run_gui``) deleted them all at once; after that, the
    window tests further on lost their tasks' queued results."""
    result = yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    # after the test's fixtures are finalised, so one test's quit never reaches the next
    if restore_event_loops():
        warnings.warn(f"{item.nodeid} left Qt's quit flag set; cleared", stacklevel=1)
    return result

