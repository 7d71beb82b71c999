"""Starting the GUI: QApplication, per-user (or ``--basedir``) paths, logging, settings,
library and the main window; plus the ``--screenshot`` mode used by docs and smoke tests."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from variorum import __version__
from variorum.core.ingest.logsetup import configure_file_logging
from variorum.core.library_open import open_library
from variorum.core.paths import AppPaths, app_paths
from variorum.core.settings import SettingsStore
from variorum.resources import APP_ID
from variorum.ui.file_open import FileOpenEvents
from variorum.ui.file_open import wanted as wants_file_open_events
from variorum.ui.handoff import HandOff, hand_off
from variorum.ui.headless import choose_offscreen_platform, qt_messages_to_log
from variorum.ui.loading import start_loading_workers, stop_loading_workers
from variorum.ui.main_window import MainWindow
from variorum.ui.module_sources import stop_keeping_module_sources
from variorum.ui.resources import app_icon
from variorum.ui.sidebar_slot import SidebarFactory
from variorum.ui.single_instance import InstanceServer

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_TIMEOUT_S = 120.0




def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """An exception in a slot must reach the log file, not only a terminal nobody sees."""
    log.critical("uncaught exception", exc_info=(kind, value, tb))
    sys.__excepthook__(kind, value, tb)


def make_application() -> QApplication:
    stop_keeping_module_sources()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Variorum")
    app.setOrganizationName("Variorum")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the .desktop file's name; the Wayland app_id
    app.setWindowIcon(app_icon())
    return app


def create_window(
    paths: AppPaths,
    *,
    interactive: bool = True,
    pane_factory: Callable[[], QWidget] | None = None,
    sidebar_factory: SidebarFactory | None = None,
) -> MainWindow:
    """Settings, library and window for one base directory (tests call this too)."""
    paths.ensure()
    store = SettingsStore(paths.settings_file)
    settings = store.load()
    if store.notice:
        log.warning("%s", store.notice)
    opened = open_library(paths.library_file)
    library = opened.library
    window = MainWindow(
        paths,
        store,
        settings,
        library,
        icon=app_icon(),
        interactive=interactive,
        pane_factory=pane_factory,
        sidebar_factory=sidebar_factory,
        notices=opened.notices or None,
    )
    window.destroyed.connect(library.close)
    return window


def run_gui(
    files: list[str],
    *,
    basedir: str | None = None,
    screenshot: str | None = None,
    view: str | None = None,
    story: bool = False,
) -> int:
    started = time.perf_counter()
    paths = app_paths(basedir).ensure()
    configure_file_logging(paths.log_dir)
    sys.excepthook = _log_uncaught
    if screenshot is not None:
        choose_offscreen_platform()
        qt_messages_to_log()
    app = make_application()
    if screenshot is not None:
        workers = start_loading_workers()
        window = create_window(paths, interactive=False)
        code = take_screenshot(window, files, Path(screenshot), view=view, story=story)
        window.close()
        window.library.close()
        stop_loading_workers(workers)
        return code
    server = InstanceServer(paths, app)
    if not server.listen():
        # Another process on this library started in the meantime: it takes the files.
        if hand_off(files, paths) is HandOff.DELIVERED:
            return 0
        log.warning("the window holding %s did not take the files; opening another", paths)
    workers = start_loading_workers()
    window = create_window(paths, interactive=True)
    server.open_requested.connect(lambda paths_: receive_files(window, paths_))
    if wants_file_open_events():
        FileOpenEvents(app).open_requested.connect(lambda paths_: receive_files(window, paths_))
    window.show()
    log.info("window shown %.0f ms after start of run_gui", (time.perf_counter() - started) * 1e3)
    QTimer.singleShot(0, lambda: window.start(list(files)))
    code = app.exec()
    server.close()
    window.library.close()
    stop_loading_workers(workers)
    return int(code)


def receive_files(window: MainWindow, files: list[str]) -> None:
    """Files from another launch or from the system: loaded as if dropped, and the window comes
    to the front (where the desktop's focus rules let it; otherwise it asks for attention)."""
    if files:
        window.open_paths(list(files))
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition()`` holds (polled every 20 ms) or time runs out."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


def take_screenshot(
    window: MainWindow,
    files: list[str],
    out: Path,
    *,
    view: str | None = None,
    story: bool = False,
) -> int:
    """Load FILES synchronously, select the first two (with ``story``: the largest story, once
    grouped, and the passage most versions changed), wait for the comparison and the
    sidebar, save the window at 1280x800 and print what it shows on stdout (the titles and the
    sidebar's tab titles with their counts). ``view`` ("inline" or "side_by_side") shows the
    comparison in that view for this shot only: the saved choice is left as it was. Returns
    the exit code; failures, the sidebar's included, are one line on stderr."""
    if not files:
        print("variorum: --screenshot needs at least one FILE", file=sys.stderr)
        return 2
    outcome = window.loader.load_paths_now(
        [str(Path(f).expanduser().absolute()) for f in files]
    )
    for failure in outcome.failures:
        print(f"variorum: skipped {failure.path}: {failure.reason}", file=sys.stderr)
    ids = list(dict.fromkeys(e.article.id for e in outcome.entries))[:2]
    if not ids:
        print("variorum: none of the files could be loaded", file=sys.stderr)
        return 2
    failures: list[str] = []
    window.compare.comparison_failed.connect(failures.append)
    sidebar_failed = getattr(window.sidebar_slot.controller, "failed", None)
    if sidebar_failed is not None:
        sidebar_failed.connect(failures.append)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if view is not None:
        blocked = window.pane.blockSignals(True)  # not a reader's choice: not saved
        window.pane.set_view_mode(view)
        window.pane.blockSignals(blocked)
    if story:
        wait_until(lambda: not window.busy(), SCREENSHOT_TIMEOUT_S)
        stories = window.stories.grouper.grouping().stories
        if not stories or len(stories[0].versions) < 2:
            print("variorum: the files make no story of several versions", file=sys.stderr)
            return 2
        window.article_list.select_story(stories[0].id)
    else:
        window.article_list.select_ids(ids)
    window.compare.flush()
    if not wait_until(lambda: not window.busy(), SCREENSHOT_TIMEOUT_S):
        print("variorum: the comparison did not finish in time", file=sys.stderr)
        return 1
    if failures:
        print(f"variorum: {failures[-1]}", file=sys.stderr)
        return 1
    window.resize(*SCREENSHOT_SIZE)
    if story:
        window.stories.view.heat.show_most_changed()
    wait_until(lambda: True, 0)
    QApplication.processEvents()
    image = window.grab()
    if image.width() != SCREENSHOT_SIZE[0] or image.height() != SCREENSHOT_SIZE[1]:
        image = image.scaled(*SCREENSHOT_SIZE)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        print(f"variorum: could not write {out}", file=sys.stderr)
        return 1
    print(screenshot_summary(window, out))
    return 0


def screenshot_summary(window: MainWindow, out: Path) -> str:
    """One line for release scripts: ``OUT: "A" -> "B"; sidebar: Speakers (3), Orgs (4), ...``
    (what the tabs read on screen)."""
    shown = window.stories.view.shown
    if window.centre.showing_story() and shown is not None:
        return f"{out}: story “{shown.title}”: {', '.join(shown.labels)}"
    titles = " -> ".join(f'"{a.title}"' for a in window.selected_articles())
    tabs = window.sidebar.findChild(QTabWidget)
    shown = [tabs.tabText(i) for i in range(tabs.count())] if tabs is not None else []
    return f"{out}: {titles}; sidebar: {', '.join(shown) or 'no tabs'}"
