"""A second ``variorum FILE...`` on the same library hands its files to the running window and
exits; batch commands and --screenshot never do; a crashed process's socket is no obstacle;
macOS's file-open events reach the window too."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication

from tests.ui.fakes import fake_sidebar
from tests.ui.guards import new_main_window, quit_guard, windows_before
from variorum.core.paths import app_paths
from variorum.ui.app import receive_files, run_gui
from variorum.ui.file_open import FileOpenEvents
from variorum.ui.handoff import PROTOCOL, HandOff, hand_off, instance_name, parse_request
from variorum.ui.single_instance import LOCK_NAME, InstanceServer

pytestmark = pytest.mark.gui


@pytest.fixture
def runtime_dir(monkeypatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR, short enough for a Unix socket path (108 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="vr-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def second_launch(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """``variorum ARGS`` as a file manager starts it: another process, no display needed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "variorum", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], qtbot) -> tuple[int, str, str]:
    """Keep the event loop running (the window answers from it) until the process ends. One
    that has not ended by then (it opened a window of its own) is killed, never left behind."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=60000)
    except Exception:
        process.kill()
        out, err = process.communicate(timeout=30)
        raise AssertionError(f"the second launch did not end; it printed {out!r} {err!r}") from None
    out, err = process.communicate(timeout=30)
    return process.returncode, out, err


def test_name_depends_on_library_and_user(tmp_path, monkeypatch) -> None:
    one, two = app_paths(tmp_path / "one"), app_paths(tmp_path / "two")
    monkeypatch.setenv("USER", "ann")
    monkeypatch.setenv("LOGNAME", "ann")
    shared = {"TMPDIR": str(tmp_path)}
    assert instance_name(one, shared) == instance_name(app_paths(tmp_path / "x/../one"), shared)
    assert instance_name(one, shared) != instance_name(two, shared)
    in_tmp = Path(instance_name(one, shared))
    assert in_tmp.parent == tmp_path and in_tmp.name.startswith("variorum-ann-")
    private = Path(instance_name(one, {"XDG_RUNTIME_DIR": str(tmp_path)}))
    assert private.parent == tmp_path and private.name.endswith(".sock")
    pipe = instance_name(one, {}, "win32")
    assert pipe.startswith("variorum-ann-") and "/" not in pipe and "\\" not in pipe


@pytest.mark.parametrize(
    ("message", "error"),
    [
        (b"{", "not JSON"),
        (b"[1]", "not a JSON object"),
        (json.dumps({"protocol": 99, "action": "open", "files": []}).encode(), "protocol 99"),
        (json.dumps({"protocol": PROTOCOL, "action": "quit", "files": []}).encode(), "action"),
        (json.dumps({"protocol": PROTOCOL, "action": "open", "files": "a"}).encode(), "list"),
        (
            json.dumps({"protocol": PROTOCOL, "action": "open", "files": ["a.txt"]}).encode(),
            "absolute",
        ),
    ],
)
def test_bad_requests_are_refused_with_a_reason(message: bytes, error: str) -> None:
    files, reason = parse_request(message)
    assert files == [] and reason is not None and error in reason


def test_second_launch_adds_its_files_to_the_running_window(
    qapp, qtbot, texts, tmp_path, runtime_dir, monkeypatch
) -> None:
    """The real start-up (run_gui), a real second process started with a relative path."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr("variorum.ui.sidebar_slot.real_sidebar", fake_sidebar)
    base = tmp_path / "base"
    seen: dict[str, object] = {}

    before = windows_before()

    def launch_second() -> None:
        shown = new_main_window(before)
        if shown is None or shown.model.rowCount() < 1 or shown.busy():
            QTimer.singleShot(50, launch_second)
            return
        seen["started"] = time.monotonic()
        process = second_launch("--basedir", str(base), "b.txt", cwd=texts["b.txt"].parent)
        seen["code"] = finish(process, qtbot)
        qtbot.waitUntil(lambda: shown.model.rowCount() == 2, timeout=20000)
        seen["titles"] = sorted(shown.model.index(r, 0).data() for r in range(2))
        shown.close()

    QTimer.singleShot(0, launch_second)
    with quit_guard(90000):
        assert run_gui([str(texts["a.txt"])], basedir=str(base)) == 0
    code, out, err = seen["code"]
    assert (code, out, err) == (0, "", "")
    assert len(seen["titles"]) == 2
    saved = json.loads((base / "config" / "settings.json").read_text())
    assert str(texts["b.txt"]) in saved["recent_files"]  # as if the user had opened it


@pytest.fixture
def running(qtbot, make_window, tmp_path, runtime_dir):
    """A window with its instance server, as run_gui wires them."""
    base = tmp_path / "base"
    window = make_window(base)
    server = InstanceServer(app_paths(base), window)
    assert server.listen()
    server.open_requested.connect(lambda files: receive_files(window, files))
    return base, window, server


def test_the_socket_is_the_users_alone(running) -> None:
    _base, _window, server = running
    if sys.platform == "win32":
        pytest.skip("a named pipe has no file mode")
    mode = os.stat(server.full_name()).st_mode
    assert stat.S_ISSOCK(mode)
    assert mode & 0o077 == 0


def test_batch_commands_and_screenshots_never_hand_off(running, qtbot, texts, tmp_path) -> None:
    base, window, _server = running
    inspect = second_launch(
        "--basedir", str(base), "inspect", "--json", str(texts["a.txt"]), cwd=tmp_path
    )
    code, out, _err = finish(inspect, qtbot)
    assert code == 0 and json.loads(out)[0]["title"] == "Harbour council approves new ferry"
    shot = tmp_path / "shot.png"
    screenshot = second_launch(
        "--basedir", str(base), "--screenshot", str(shot), str(texts["a.txt"]), cwd=tmp_path
    )
    code, _out, err = finish(screenshot, qtbot)
    assert (code, err) == (0, "") and shot.is_file()
    qtbot.wait(300)
    assert window.model.rowCount() == 0  # the running window was left alone


def test_another_library_opens_its_own_window(running, tmp_path) -> None:
    """Nothing listens for another base directory: the launch starts its own window."""
    assert hand_off([], app_paths(tmp_path / "other")) is HandOff.ABSENT


CRASH = """
import os, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
os._exit(9)  # killed: the lock file stays, naming a process that is gone
"""


def test_a_crashed_windows_socket_and_lock_are_replaced(qtbot, make_window, tmp_path, runtime_dir):
    if sys.platform == "win32":
        pytest.skip("named pipes vanish with their process")
    base = tmp_path / "base"
    paths = app_paths(base).ensure()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(instance_name(paths))  # what a killed process leaves: a file nobody serves
    stale.close()
    lock = paths.data_dir / LOCK_NAME
    subprocess.run([sys.executable, "-c", CRASH, str(lock)], check=False, timeout=60)
    assert lock.is_file()
    assert hand_off([], paths) is HandOff.ABSENT
    window = make_window(base)
    server = InstanceServer(paths, window)
    assert server.listen()
    received: list[list[str]] = []
    server.open_requested.connect(received.append)
    (tmp_path / "x.txt").write_text("An article", encoding="utf-8")
    process = second_launch("--basedir", str(base), str(tmp_path / "x.txt"), cwd=tmp_path)
    assert finish(process, qtbot)[0] == 0
    assert received == [[str(tmp_path / "x.txt")]]


def test_a_window_of_another_version_is_named_not_doubled(qtbot, tmp_path, runtime_dir):
    base = tmp_path / "base"
    name = instance_name(app_paths(base))
    other = QLocalServer()
    assert other.listen(name)

    def answer() -> None:
        client = other.nextPendingConnection()
        client.readyRead.connect(
            lambda: (
                client.write(b'{"protocol": 2, "ok": false, "error": "protocol 1"}\n'),
                client.flush(),
            )
        )

    other.newConnection.connect(answer)
    (tmp_path / "a.txt").write_text("An article", encoding="utf-8")
    process = second_launch("--basedir", str(base), "a.txt", cwd=tmp_path)
    code, _out, err = finish(process, qtbot)
    other.close()
    assert code == 1
    assert "another version" in err and "close it" in err


def test_a_second_start_that_lost_the_race_does_not_take_the_library(running) -> None:
    """Two launches at once: the one that cannot take the name does not open a second
    window on the library."""
    base, _window, _server = running
    late = InstanceServer(app_paths(base))
    assert late.listen() is False


def test_macos_file_open_events_reach_the_window(qapp, qtbot, make_window, texts) -> None:
    window = make_window()
    events = FileOpenEvents(qapp)
    try:
        events.open_requested.connect(lambda files: receive_files(window, files))
        bursts: list[list[str]] = []
        events.open_requested.connect(bursts.append)
        QApplication.sendEvent(qapp, QFileOpenEvent(str(texts["a.txt"])))
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile(str(texts["b.txt"]))))
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=20000)
        assert bursts == [[str(texts["a.txt"]), str(texts["b.txt"])]]  # one batch, not two
    finally:
        events.close()  # an application-wide filter would slow every later test


def test_file_open_events_are_only_watched_on_macos(monkeypatch) -> None:
    from variorum.ui import file_open

    monkeypatch.setattr(file_open.sys, "platform", "linux")
    assert not file_open.wanted()
    monkeypatch.setattr(file_open.sys, "platform", "darwin")
    assert file_open.wanted()


SECOND_WITHOUT_QT = """
import sys
from variorum.cli.main import main
code = main(sys.argv[1:])
print(code, sorted({m.split('.')[0] for m in sys.modules if m.startswith('PySide6')}))
"""


def test_the_second_process_imports_no_qt(running, qtbot, texts, tmp_path) -> None:
    base, window, _server = running
    process = subprocess.Popen(
        [sys.executable, "-c", SECOND_WITHOUT_QT, "--basedir", str(base), str(texts["a.txt"])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert finish(process, qtbot) == (0, "0 []\n", "")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=20000)


PIPE_CLIENT = """
import sys
from variorum.ui.handoff import _exchange_pipe, encode
print(_exchange_pipe(sys.argv[1], encode({"action": "open", "files": [sys.argv[2]]})))
"""


def test_the_windows_client_speaks_the_same_protocol(running, qtbot, tmp_path) -> None:
    """Windows hands off through QLocalSocket; the same code runs here against the server."""
    _base, _window, server = running
    received: list[list[str]] = []
    server.open_requested.connect(received.append)
    target = str(tmp_path / "x.txt")
    process = subprocess.Popen(
        [sys.executable, "-c", PIPE_CLIENT, server.name, target],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    code, out, _err = finish(process, qtbot)
    assert code == 0 and '"ok": true' in out
    assert received == [[target]]
