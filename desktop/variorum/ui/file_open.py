"""Files that macOS hands to the app (Finder's "Open With", a drop on the Dock icon,
``open -a Variorum FILE``): they arrive as ``QFileOpenEvent`` on the application, never in argv,
also when the app is already running."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent


def wanted() -> bool:
    """Only macOS sends file-open events. A filter on the application sees every event of every
    object, each one a call into Python, so elsewhere none is installed."""
    return sys.platform == "darwin"


class FileOpenEvents(QObject):
    """Installed on the QApplication; emits the paths of file-open events, one list per burst
    (Finder sends one event per selected file, the window should load them as one batch).
    :meth:`close` takes the filter off again."""

    open_requested = Signal(list)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._watched = parent
        parent.installEventFilter(self)

    def close(self) -> None:
        self._watched.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if path:
            if not self._pending:
                QTimer.singleShot(0, self._flush)
            self._pending.append(path)
        return True

    def _flush(self) -> None:
        paths, self._pending = self._pending, []
        if paths:
            self.open_requested.emit(paths)
