"""The second process's side of "one window per library": find the running window's socket,
hand it this launch's files, and say whether it took them.

A file manager's "Open with" starts a new process for every file. The first GUI process on a
library listens (``single_instance.InstanceServer``) on a local socket whose name is derived
from the user and the library folder; a later ``variorum FILE...`` sends its absolute paths
as one JSON line with a protocol version, waits for the answer and exits. On Linux and macOS
this side uses Python's own Unix socket, not Qt: importing Qt would make every hand-off about
half a second slower. On Windows (a named pipe) it uses ``QLocalSocket``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import sys
from enum import Enum
from pathlib import Path

from variorum.core.paths import AppPaths

PROTOCOL = 1
"""Bumped when a message changes incompatibly; a process speaking another version is told so
and says so to the user instead of guessing."""
CONNECT_TIMEOUT_S = 1.0
ANSWER_TIMEOUT_S = 20.0
"""The running window answers from its event loop, so a launch that comes while the first
window is still starting waits for it (a frozen build's cold start on a busy machine takes
several seconds); a window silent for longer than this is treated as hung."""
MAX_MESSAGE_BYTES = 1 << 20


class HandOff(Enum):
    DELIVERED = "delivered"
    """The running window took the files: this process exits 0."""
    ABSENT = "absent"
    """No window runs on this library (or only a crashed one's socket): this one starts."""
    SILENT = "silent"
    """A window holds the name but did not answer in time (frozen): this one starts anyway."""
    REFUSED = "refused"
    """A window of another protocol version (another Variorum version) runs: close it first."""


def instance_name(
    paths: AppPaths, environ: dict[str, str] | None = None, platform: str = sys.platform
) -> str:
    """The socket of the window serving this library for this user. On Linux and macOS a full
    path: in ``XDG_RUNTIME_DIR`` when there is one (a per-user folder only its owner can
    enter), else in the temporary folder with the user's name in it, because that folder is
    shared. On Windows a pipe name, also with the user's name."""
    env = os.environ if environ is None else environ
    library = str(paths.data_dir.expanduser().resolve())
    digest = hashlib.sha256(library.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if platform == "win32":
        return f"variorum-{_user()}-{digest}"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return str(Path(runtime) / f"variorum-{digest}.sock")
    return str(Path(env.get("TMPDIR") or "/tmp") / f"variorum-{_user()}-{digest}.sock")


def _user() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name and no passwd entry
        name = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:32] or "user"


def encode(message: dict[str, object]) -> bytes:
    return json.dumps({"protocol": PROTOCOL, **message}).encode("utf-8") + b"\n"


def parse_request(line: bytes) -> tuple[list[str], str | None]:
    """(files, None) for a valid request, else ([], the reason)."""
    try:
        request = json.loads(line)
    except ValueError:
        return [], "not JSON"
    if not isinstance(request, dict):
        return [], "not a JSON object"
    if request.get("protocol") != PROTOCOL:
        return [], f"protocol {request.get('protocol')!r}, this window speaks {PROTOCOL}"
    if request.get("action") != "open":
        return [], f"unknown action {request.get('action')!r}"
    files = request.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return [], "files must be a list of paths"
    if not all(os.path.isabs(f) for f in files):
        return [], "paths must be absolute"
    return list(files), None


def hand_off(files: list[str], paths: AppPaths, *, cwd: str | None = None) -> HandOff:
    """Give FILES (made absolute against ``cwd``) to the window running on ``paths``."""
    base = cwd or os.getcwd()
    absolute = [os.path.abspath(os.path.join(base, os.path.expanduser(f))) for f in files]
    request = encode({"action": "open", "files": absolute})
    name = instance_name(paths)
    exchange = _exchange_pipe if sys.platform == "win32" else _exchange_unix
    outcome = exchange(name, request)
    if isinstance(outcome, HandOff):
        return outcome
    try:
        reply = json.loads(outcome)
    except ValueError:
        return HandOff.REFUSED
    ok = isinstance(reply, dict) and reply.get("ok") is True
    return HandOff.DELIVERED if ok else HandOff.REFUSED


def _exchange_unix(name: str, request: bytes) -> bytes | HandOff:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_TIMEOUT_S)
        try:
            sock.connect(name)
        except OSError:  # no such socket, or one nobody serves (a crash)
            return HandOff.ABSENT
        sock.settimeout(ANSWER_TIMEOUT_S)
        answer = b""
        try:
            sock.sendall(request)
            while not answer.endswith(b"\n") and len(answer) <= MAX_MESSAGE_BYTES:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except OSError:  # timed out, or the window went away while answering
            return HandOff.SILENT
    return answer if answer.endswith(b"\n") else HandOff.SILENT


def _exchange_pipe(name: str, request: bytes) -> bytes | HandOff:
    """Windows: Python has no client for Qt's named pipes without extra packages."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(int(CONNECT_TIMEOUT_S * 1000)):
        return HandOff.ABSENT
    socket.write(request)
    socket.flush()
    answer = b""
    while not answer.endswith(b"\n") and len(answer) <= MAX_MESSAGE_BYTES:
        if not socket.waitForReadyRead(int(ANSWER_TIMEOUT_S * 1000)):
            break
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer if answer.endswith(b"\n") else HandOff.SILENT


def forward_to_running(files: list[str], basedir: str | None) -> int | None:
    """The GUI command's first step: the exit code when a running window took the files (0) or
    refused them (1, said on stderr), None when this process should open its own window."""
    from variorum.core.paths import app_paths

    outcome = hand_off(files, app_paths(basedir))
    if outcome is HandOff.DELIVERED:
        return 0
    if outcome is HandOff.REFUSED:
        print(
            "variorum: a Variorum window of another version is open on this library; "
            "close it and try again",
            file=sys.stderr,
        )
        return 1
    if outcome is HandOff.SILENT:
        print(
            "variorum: the open Variorum window does not answer; opening another one",
            file=sys.stderr,
        )
    return None
