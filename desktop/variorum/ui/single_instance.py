"""The running window's side of "one window per library" (the second process's side is
``handoff``): it takes the library, listens for later launches and emits the files they send.

The socket is readable by the user only. Who is the window is decided by a lock file beside
the library (``QLockFile``: it recognises a crashed owner by its process id), not by the
socket: Qt replaces an existing socket file when it listens, so two processes starting at
once would both succeed there. A socket left by a crash is removed by the next window.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from variorum.core.paths import AppPaths
from variorum.ui.handoff import (
    ANSWER_TIMEOUT_S,
    MAX_MESSAGE_BYTES,
    encode,
    instance_name,
    parse_request,
)

log = logging.getLogger(__name__)

LOCK_NAME = "window.lock"
"""In the library's folder: held by the process whose window serves that library."""


@dataclass
class _Connection:
    socket: QLocalSocket
    buffer: bytearray = field(default_factory=bytearray)


class InstanceServer(QObject):
    """Makes this process the library's window and listens for later launches on it."""

    open_requested = Signal(list)
    """Absolute paths from a later ``variorum FILE...`` (empty: it only wants the window)."""

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(paths)
        self._lock = QLockFile(str(paths.data_dir / LOCK_NAME))
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._connections: list[_Connection] = []

    def listen(self) -> bool:
        """True when this process is now the library's window (listening, unless the system
        refused the socket: then it is alone and says so in the log); False when another live
        process already is."""
        Path(self._lock.fileName()).parent.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.name)  # a crashed window's socket, if any
        if not self._server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        return True

    def full_name(self) -> str:
        return self._server.fullServerName()

    def close(self) -> None:
        self._server.close()
        self._lock.unlock()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            connection = _Connection(socket)
            self._connections.append(connection)
            socket.readyRead.connect(lambda c=connection: self._read(c))
            socket.disconnected.connect(lambda c=connection: self._drop(c))
            # A client that connects and never finishes its line is dropped.
            QTimer.singleShot(int(ANSWER_TIMEOUT_S * 1000), lambda c=connection: self._drop(c))

    def _read(self, connection: _Connection) -> None:
        connection.buffer += bytes(connection.socket.readAll().data())
        if len(connection.buffer) > MAX_MESSAGE_BYTES:
            self._answer(connection, {"ok": False, "error": "message too long"})
            return
        if b"\n" not in connection.buffer:
            return
        line = bytes(connection.buffer.split(b"\n", 1)[0])
        files, error = parse_request(line)
        if error is not None:
            log.warning("single-instance request refused: %s", error)
            self._answer(connection, {"ok": False, "error": error})
            return
        self._answer(connection, {"ok": True})
        self.open_requested.emit(files)

    def _answer(self, connection: _Connection, reply: dict[str, Any]) -> None:
        socket = connection.socket
        socket.write(encode(reply))
        socket.flush()
        socket.disconnectFromServer()

    def _drop(self, connection: _Connection) -> None:
        if connection in self._connections:
            self._connections.remove(connection)
            # the server deletes its sockets when it closes; a disconnect or a timeout
            # queued before that arrives after it
            if shiboken6.isValid(connection.socket):
                connection.socket.abort()
                connection.socket.deleteLater()
