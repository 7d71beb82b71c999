"""Files that macOS hands to the app (Finder's "Open With", a drop on the Dock icon,
``open -a Variorum FILE``): they arrive as ``QFileOpenEvent`` on the application, never in argv,
also when the app is already running."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent


class FileOpenEvents(QObject):
    """Installed on the QApplication; emits the paths of file-open events, one list per burst
    (Finder sends one event per selected file, the window should load them as one batch)."""

    open_requested = Signal(list)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        parent.installEventFilter(self)

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
