"""The window's actions and menus, built in one place so shortcuts are easy to review and the
window module only wires them to behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


@dataclass
class Actions:
    open_files: QAction
    open_folder: QAction
    export_report: QAction
    print_report: QAction
    export_speakers: QAction
    quit: QAction
    remove: QAction
    undo: QAction
    redo: QAction
    paste: QAction
    show_boilerplate: QAction
    focus_list: QAction
    focus_pane: QAction
    focus_sidebar: QAction
    problems: QAction
    preferences: QAction
    about: QAction


def _action(
    parent: QObject,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    name: str = "",
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    return action


def create_actions(window: QWidget, undo: QAction, redo: QAction) -> Actions:
    """``undo``/``redo`` come from the window's QUndoStack (they track its state)."""
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setObjectName("actionUndo")
    redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    redo.setObjectName("actionRedo")
    remove = _action(
        window, "&Remove from Library", QKeySequence.StandardKey.Delete, "actionRemove"
    )
    # Only while the list has focus: Delete in the filter box or the text must not remove.
    remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    boilerplate = _action(window, "Show &Boilerplate", None, "actionShowBoilerplate")
    boilerplate.setCheckable(True)
    boilerplate.setToolTip("Show the site chrome the loader set aside (navigation, banners)")
    # StandardKey.Quit is empty on some Linux desktops; Ctrl+Q is what everyone expects.
    quit_action = _action(window, "&Quit", "Ctrl+Q", "actionQuit")
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    preferences = _action(
        window, "&Preferences…", QKeySequence.StandardKey.Preferences, "actionPreferences"
    )
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    if preferences.shortcut().isEmpty():  # most Linux desktops define no standard key for it
        preferences.setShortcut(QKeySequence("Ctrl+,"))
    print_report = _action(window, "&Print…", QKeySequence.StandardKey.Print, "actionPrint")
    if print_report.shortcut().isEmpty():
        print_report.setShortcut(QKeySequence("Ctrl+P"))
    about = _action(window, "&About Variorum", None, "actionAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return Actions(
        open_files=_action(window, "&Open…", QKeySequence.StandardKey.Open, "actionOpen"),
        open_folder=_action(window, "Open &Folder…", "Ctrl+Shift+O", "actionOpenFolder"),
        export_report=_action(window, "&Export Report…", "Ctrl+E", "actionExportReport"),
        print_report=print_report,
        export_speakers=_action(
            window, "Export &Speakers…", "Ctrl+Shift+E", "actionExportSpeakers"
        ),
        quit=quit_action,
        remove=remove,
        undo=undo,
        redo=redo,
        paste=_action(window, "&Paste as New Article", "Ctrl+Shift+V", "actionPaste"),
        show_boilerplate=boilerplate,
        focus_list=_action(window, "Focus &List", "Ctrl+1", "actionFocusList"),
        focus_pane=_action(window, "Focus &Comparison", "Ctrl+2", "actionFocusPane"),
        focus_sidebar=_action(window, "Focus &Sidebar", "Ctrl+3", "actionFocusSidebar"),
        problems=_action(window, "Loading &Problems…", None, "actionProblems"),
        preferences=preferences,
        about=about,
    )


class RecentMenu(QMenu):
    """File › Recent: the last opened files and folders, most recent first."""

    path_chosen = Signal(str)
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("menuRecent")
        self.set_paths(())

    def set_paths(self, paths: tuple[str, ...] | list[str]) -> None:
        self.clear()
        for number, path in enumerate(paths, start=1):
            label = Path(path).name or path
            prefix = f"&{number} " if number < 10 else "1&0 " if number == 10 else ""
            action = self.addAction(f"{prefix}{label}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.path_chosen.emit(p))
        if paths:
            self.addSeparator()
        clear = self.addAction("Clear Recent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_requested.emit)
        self.setToolTipsVisible(True)
        self.setEnabled(True)

    def paths(self) -> list[str]:
        return [str(a.data()) for a in self.actions() if a.data()]


def populate_menus(
    menubar: QMenuBar,
    actions: Actions,
    recent: RecentMenu,
    view_actions: list[QAction],
    navigation_actions: list[QAction],
    find_actions: list[QAction] | None = None,
) -> None:
    file_menu = menubar.addMenu("&File")
    file_menu.setObjectName("menuFile")
    file_menu.addAction(actions.open_files)
    file_menu.addAction(actions.open_folder)
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addAction(actions.export_report)
    file_menu.addAction(actions.export_speakers)
    file_menu.addAction(actions.print_report)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = menubar.addMenu("&Edit")
    edit_menu.setObjectName("menuEdit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.remove)
    edit_menu.addAction(actions.paste)
    if find_actions:
        edit_menu.addSeparator()
        for action in find_actions:
            edit_menu.addAction(action)

    view_menu = menubar.addMenu("&View")
    view_menu.setObjectName("menuView")
    for action in view_actions:
        view_menu.addAction(action)
    if view_actions:
        view_menu.addSeparator()
    for action in navigation_actions:
        view_menu.addAction(action)
    if navigation_actions:
        view_menu.addSeparator()
    view_menu.addAction(actions.show_boilerplate)
    view_menu.addSeparator()
    view_menu.addAction(actions.focus_list)
    view_menu.addAction(actions.focus_pane)
    view_menu.addAction(actions.focus_sidebar)
    view_menu.addSeparator()
    view_menu.addAction(actions.problems)
    view_menu.addAction(actions.preferences)

    help_menu = menubar.addMenu("&Help")
    help_menu.setObjectName("menuHelp")
    help_menu.addAction(actions.about)
