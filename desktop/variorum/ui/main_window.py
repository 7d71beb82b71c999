"""The main window: composition and wiring only.

Left the article list, centre the comparison pane, right the speakers/organizations
sidebar. Loading, comparing, removing with undo and the dialogs live in
their own modules; this one connects them and keeps the settings in step with the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QWidget,
)

from variorum.core.article import Article
from variorum.core.library import Library
from variorum.core.options import CompareOptions
from variorum.core.paths import AppPaths
from variorum.core.settings import DISPLAY_SETTINGS, VIEW_MODES, Settings, SettingsStore
from variorum.ui.comparing import CompareController, PaneLike
from variorum.ui.dialogs.about import AboutDialog
from variorum.ui.dialogs.preferences import PreferencesDialog
from variorum.ui.dialogs.problems import ProblemsDialog
from variorum.ui.export_jobs import SpeakerSource
from variorum.ui.exporting import Context, ExportController
from variorum.ui.loading import (
    LoadController,
    LoadOutcome,
    clipboard_payload,
    local_paths,
    summarize,
)
from variorum.ui.menus import RecentMenu, create_actions, populate_menus
from variorum.ui.models.article_list import ArticleListModel
from variorum.ui.passwords import PasswordPrompter
from variorum.ui.sidebar_slot import SidebarFactory, focus_inside, make_sidebar, wire_sidebar
from variorum.ui.stories.slot import attach_stories, make_centre
from variorum.ui.tasks import TaskRunner
from variorum.ui.undo import RemoveArticlesCommand
from variorum.ui.widgets.article_list import ArticleListWidget
from variorum.ui.window_state import restore_window, show_notice_box, snapshot_window

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 0
"""Loading summaries stay until the next message: the user may look away while it loads."""
DEFAULT_SIZES = [340, 660, 280]
"""List, comparison, sidebar at the 1280x800 default: the comparison keeps room for two columns
of about 300 px side by side (the text is what is read); the list shows a story's title beside
site, date, words and role, cut at the end; the sidebar its three tab titles with counts."""


def _default_pane() -> QWidget:
    from variorum.ui.widgets.compare import ComparePane  # type: ignore[attr-defined,unused-ignore]

    pane: QWidget = ComparePane()
    return pane


class MainWindow(QMainWindow):
    def __init__(
        self,
        paths: AppPaths,
        store: SettingsStore,
        settings: Settings,
        library: Library,
        *,
        pane_factory: Callable[[], QWidget] | None = None,
        sidebar_factory: SidebarFactory | None = None,
        icon: QIcon | None = None,
        interactive: bool = True,
        notices: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Variorum")
        self.setAcceptDrops(True)
        self.paths = paths
        self.store = store
        self.settings = settings
        self.library = library
        self._icon = icon
        self._interactive = interactive
        self._notices = list(notices or [])
        self._pending_sizes: list[int] | None = None

        self.tasks = TaskRunner(self)
        self.model = ArticleListModel(self)
        self.model.set_entries(library.entries())
        self.article_list = ArticleListWidget(self.model, self)
        self.pane: Any = (pane_factory or _default_pane)()
        self.pane.setObjectName("comparePane")
        self.centre = make_centre(self.pane)
        self.sidebar_slot = make_sidebar(
            self.tasks, library, settings.spacy_model, sidebar_factory
        )
        self.sidebar: QWidget = self.sidebar_slot.widget

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.compare = CompareController(cast(PaneLike, self.pane), self.tasks, self)
        self.loader = LoadController(library, self.tasks, self._size_limit, self)
        self.undo_stack = QUndoStack(self)
        self.problems = ProblemsDialog(self)
        self.passwords = PasswordPrompter(self)
        self.passwords.password_given.connect(
            lambda path, password: self.loader.load_paths([path], {path: password})
        )
        self._build_menus()
        self._build_status_bar()
        self.stories = attach_stories(self)
        a = self.menu_actions
        self.exports = ExportController(
            self,
            self.tasks,
            (a.export_report, a.print_report, a.export_speakers),
            self._export_context,
            self._remember_export_folder,
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS),
        )
        self._wire()
        self._apply_settings(settings, first=True)
        self.compare.set_library_empty(self.model.rowCount() == 0)
        self.compare.refresh()
        if store.notice or self._notices:
            QTimer.singleShot(0, self._show_startup_notices)

    # --- construction ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.menu_actions = create_actions(self, undo, redo)
        self.recent_menu = RecentMenu(self)
        self.article_list.addAction(self.menu_actions.remove)
        for action in (self.menu_actions.undo, self.menu_actions.redo):
            self.addAction(action)
        populate_menus(
            self.menuBar(),
            self.menu_actions,
            self.recent_menu,
            list(self.pane.view_actions()),
            list(self.pane.navigation_actions()),
            list(self.pane.find_actions()),
        )

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self.problems_button = QToolButton(self)
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolTip("Files that could not be loaded, and why")
        self.problems_button.setAccessibleName("Loading problems")
        self.problems_button.hide()
        bar.addPermanentWidget(self.problems_button)
        bar.addPermanentWidget(self.count_label)
        self._update_count()

    def _wire(self) -> None:
        a = self.menu_actions
        a.open_files.triggered.connect(self.open_files_dialog)
        a.open_folder.triggered.connect(self.open_folder_dialog)
        a.quit.triggered.connect(self.close)
        a.remove.triggered.connect(self.remove_selected)
        a.paste.triggered.connect(self.paste_article)
        a.show_boilerplate.toggled.connect(self._set_show_boilerplate)
        a.focus_list.triggered.connect(lambda: self.article_list.view.setFocus())
        a.focus_pane.triggered.connect(lambda: focus_inside(self.centre.currentWidget()))
        a.focus_sidebar.triggered.connect(lambda: focus_inside(self.sidebar))
        a.problems.triggered.connect(self.problems.show_now)
        a.preferences.triggered.connect(self.open_preferences)
        a.about.triggered.connect(self.open_about)
        self.problems_button.clicked.connect(self.problems.show_now)
        self.problems.cleared.connect(self.problems_button.hide)
        self.recent_menu.path_chosen.connect(lambda p: self.open_paths([p]))
        self.recent_menu.clear_requested.connect(self._clear_recent)

        self.compare.comparison_shown.connect(self.exports.comparison_shown)
        self.compare.pair_selected.connect(self.exports.pair_selected)
        self.compare.article_shown.connect(self.exports.article_shown)
        self.compare.cleared.connect(self.exports.cleared)
        self.article_list.selection_changed.connect(self.compare.set_selection)
        self.article_list.selection_changed.connect(
            lambda articles: a.remove.setEnabled(bool(articles))
        )
        a.remove.setEnabled(False)
        self.article_list.remove_requested.connect(self.remove_articles)
        self.loader.finished.connect(self._on_loaded)
        self.pane.swap_requested.connect(self.compare.swap)
        self.pane.options_changed.connect(self._on_pane_options)
        self.pane.view_mode_changed.connect(self._on_pane_view_mode)
        self.pane.display_changed.connect(self._on_pane_display)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)
        wire_sidebar(
            self.sidebar_slot,
            self.compare,
            self.pane,
            lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS),
            self.undo_stack,
        )

    def _apply_settings(self, settings: Settings, *, first: bool = False) -> None:
        self.settings = settings
        if first:
            restore_window(self, settings)
            self._pending_sizes = list(settings.splitter_sizes)
        self.recent_menu.set_paths(settings.recent_files)
        self.pane.set_view_mode(settings.view_mode)
        self.pane.set_options(settings.compare)
        self.pane.apply_display(
            changes_only=settings.changes_only,
            change_list_views=settings.change_list_views,
            text_size=settings.text_size,
        )
        self.menu_actions.show_boilerplate.setChecked(settings.show_boilerplate)
        self.compare.set_show_boilerplate(settings.show_boilerplate)
        self.compare.set_options(settings.compare)
        self.sidebar_slot.controller.set_model(settings.spacy_model)
        self.stories.set_threshold(settings.story_threshold)

    def showEvent(self, event: QShowEvent) -> None:
        """Splitter sizes are applied once the window has its real size; set earlier, Qt
        rescales them to the provisional size and the list comes back at the wrong width."""
        super().showEvent(event)
        sizes = self._pending_sizes
        if sizes is None:
            return
        self._pending_sizes = None
        if len(sizes) != self.splitter.count() or not any(sizes):
            sizes = DEFAULT_SIZES[: self.splitter.count()]
        self.splitter.setSizes(sizes)

    # --- settings ------------------------------------------------------------------------
    def update_settings(self, settings: Settings) -> None:
        """Apply and save at once, so a crash later does not lose the change."""
        self._apply_settings(settings)
        self._save()

    def _save(self) -> None:
        try:
            self.store.save(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(f"Settings could not be saved: {exc}")
            log.warning("settings not saved: %s", exc)

    def _show_startup_notices(self) -> None:
        """What had to be reset at start (corrupt settings, an unreadable library): said once,
        in the status bar and a non-modal box, never blocking the window."""
        notices = [n for n in (self.store.notice, *self._notices) if n]
        self.store.notice = None  # once
        self._notices = []
        if not notices:
            return
        self.statusBar().showMessage(" ".join(notices), STATUS_TIMEOUT_MS)
        if not self._interactive:
            return
        show_notice_box(self, notices)

    @Slot(object)
    def _on_pane_options(self, options: CompareOptions) -> None:
        self.update_settings(replace(self.settings, compare=options))

    @Slot(str)
    def _on_pane_view_mode(self, mode: str) -> None:
        if mode in VIEW_MODES and mode != self.settings.view_mode:
            self.settings = replace(self.settings, view_mode=mode)
            self._save()

    @Slot(str, object)
    def _on_pane_display(self, name: str, value: object) -> None:
        """The reader changed how the text is shown (changes only, the change list, zoom):
        remembered for the next start."""
        if name in DISPLAY_SETTINGS and getattr(self.settings, name) != value:
            self.settings = replace(self.settings, **{name: value})
            self._save()

    @Slot(bool)
    def _set_show_boilerplate(self, show: bool) -> None:
        if show != self.settings.show_boilerplate:
            self.update_settings(replace(self.settings, show_boilerplate=show))

    def _clear_recent(self) -> None:
        self.update_settings(replace(self.settings, recent_files=()))

    def _export_context(self) -> Context:
        settings = self.settings
        source = SpeakerSource(settings.spacy_model, self.library, self.sidebar_slot is not None)
        return Context(settings.compare, settings.view_mode, source, settings.export_folder)

    def _remember_export_folder(self, folder: str) -> None:
        if folder != self.settings.export_folder:
            self.update_settings(replace(self.settings, export_folder=folder))

    def _size_limit(self) -> int:
        return self.settings.size_limit_mb * 1024 * 1024

    # --- opening -------------------------------------------------------------------------
    def open_paths(self, paths: list[str], *, remember: bool = True) -> None:
        """Files and folders from a dialog, a drop, the command line or Recent."""
        paths = [str(Path(p).expanduser().absolute()) for p in paths if p]
        if not paths:
            return
        if remember:
            settings = self.settings
            for path in reversed(paths):
                settings = settings.with_recent(path)
            self.update_settings(settings)
        self.statusBar().showMessage("Loading…")
        self.loader.load_paths(paths)

    def open_files_dialog(self) -> None:
        from variorum.core.ingest.detect import EXTENSION_FORMATS

        patterns = " ".join(f"*{ext}" for ext in sorted(EXTENSION_FORMATS))
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", "", f"Articles ({patterns});;All files (*)"
        )
        self.open_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.open_paths([folder])

    def paste_article(self) -> None:
        """Edit › Paste as New Article: HTML when the clipboard has it, else plain text."""
        payload = clipboard_payload(QGuiApplication.clipboard().mimeData())
        if payload is None:
            self.statusBar().showMessage("The clipboard holds no text to paste.")
            return
        data, name = payload
        self.statusBar().showMessage("Loading the clipboard…")
        self.loader.load_data(data, name)

    @Slot(object)
    def _on_loaded(self, outcome: LoadOutcome) -> None:
        self.model.add_entries(outcome.added)
        self.model.update_entries(outcome.duplicates)  # another file may now be a copy
        self.compare.set_library_empty(self.model.rowCount() == 0)
        self.statusBar().showMessage(summarize(outcome), STATUS_TIMEOUT_MS)
        if outcome.failures:
            self.problems.add(outcome.failures)
            count = len(self.problems.rows())
            self.problems_button.setText(f"⚠ {count} problem{'s' if count != 1 else ''}")
            self.problems_button.show()
            if self._interactive:
                self.passwords.ask(outcome.failures)
        selected: set[str] = set()
        if not self.article_list.selected_articles():
            ids = list(dict.fromkeys(e.article.id for e in outcome.entries))[:2]
            if ids:
                self.article_list.select_ids(ids)
                selected = set(ids)
        rest = [e.article for e in outcome.added if e.article.id not in selected]
        if rest:
            # Speakers and names of the rest of a new batch are found in the background, so
            # selecting any of them later is instant; the selection's own are found first.
            self.sidebar_slot.controller.prefetch(rest)

    # --- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            what = Path(paths[0]).name if len(paths) == 1 else f"{len(paths)} items"
            self.statusBar().showMessage(f"Drop to load {what}", 5000)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.statusBar().clearMessage()
        super().dragLeaveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_paths(paths)

    # --- removing ------------------------------------------------------------------------
    def remove_selected(self) -> None:
        self.remove_articles([a.id for a in self.article_list.selected_articles()])

    @Slot(list)
    def remove_articles(self, article_ids: list[str]) -> None:
        if not article_ids:
            return
        command = RemoveArticlesCommand(
            self.library,
            self.model,
            article_ids,
            self.article_list.select_ids,
            selected_before=[a.id for a in self.article_list.selected_articles()],
            report=lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS),
            on_error=lambda text: (
                refused.append(text),
                self.statusBar().showMessage(text, STATUS_TIMEOUT_MS),
            ),
        )
        refused: list[str] = []
        self.undo_stack.push(command)
        if refused:  # the library could not be written: the message says why
            return
        self.compare.set_library_empty(self.model.rowCount() == 0)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count} article{'s' if count != 1 else ''}")
        self.compare.set_library_empty(count == 0)

    # --- dialogs -------------------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog:
        from variorum.core.extract.model import installed_pipelines

        dialog = PreferencesDialog(self.settings, self, pipelines=installed_pipelines())
        dialog.settings_accepted.connect(self.update_settings)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self._icon, self)
        dialog.show()
        return dialog

    # --- queries for tests and the screenshot mode ----------------------------------------
    def selected_articles(self) -> list[Article]:
        return self.article_list.selected_articles()

    def busy(self) -> bool:
        debounce = self.sidebar_slot.debounce
        sidebar_busy = getattr(self.sidebar_slot.controller, "busy", None)
        sidebar_waiting = (debounce is not None and debounce.pending()) or bool(
            sidebar_busy is not None and sidebar_busy()
        )
        stories = self.stories.busy()
        return self.loader.busy() or self.compare.busy() or sidebar_waiting or stories

    # --- closing -------------------------------------------------------------------------
    def start(self, files: list[str]) -> None:
        """Once shown: open the files of the command line (they are what the user asked to
        see), or else select what was selected when the window last closed, so a restart
        continues where the reader left off."""
        if files:
            self.open_paths(files)
            return
        ids = [i for i in self.settings.last_selection if self.model.row_of(i) >= 0]
        if ids and not self.article_list.selected_articles():
            self.article_list.select_ids(ids)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings = snapshot_window(self, self.splitter, self.settings)
        selected = tuple(a.id for a in self.article_list.selected_articles())
        self.settings = replace(self.settings, last_selection=selected[:2])
        self._save()
        self.tasks.cancel_all()
        shutdown = getattr(self.sidebar_slot.controller, "shutdown", None)
        if shutdown is not None:
            shutdown()  # analysis workers end with the window
        self.tasks.wait(5000)
        self.problems.close()
        event.accept()
