"""Asking for the password of an encrypted document, one file at a time.

A PDF that its empty password does not open is reported as a failure that
``needs_password``; the window hands those here. Each prompt is a window-modal dialog opened
with ``open()`` (the event loop keeps running: loading, comparing and the sidebar go on), and
the file is read again with what the user typed. A wrong password asks again, saying so;
Cancel leaves the file in Loading Problems. Passwords are never stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from variorum.core.ingest.report import LoadFailure


class PasswordPrompter(QObject):
    password_given = Signal(str, str)
    """(path to read again, password)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._queue: list[LoadFailure] = []
        self.dialog: QInputDialog | None = None
        """The prompt on screen, if any (tests type into it)."""

    def ask(self, failures: Iterable[LoadFailure]) -> None:
        """Queue the files that need a password; the first is asked at once."""
        waiting = {f.source or f.path for f in self._queue}
        for failure in failures:
            if failure.needs_password and (failure.source or failure.path) not in waiting:
                self._queue.append(failure)
        self._next()

    def _next(self) -> None:
        if self.dialog is not None or not self._queue:
            return
        failure = self._queue.pop(0)
        path = failure.source or failure.path
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("passwordDialog")
        dialog.setWindowTitle("Password required")
        wrong = "wrong password" in failure.reason
        intro = "The password was wrong. " if wrong else ""
        dialog.setLabelText(f"{intro}{Path(failure.path).name} is encrypted. Its password:")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText("Open")
        dialog.textValueSelected.connect(lambda text: self._answered(path, text))
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _answered(self, path: str, text: str) -> None:
        if text:
            self.password_given.emit(path, text)

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._next()
