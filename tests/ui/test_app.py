"""``run_gui`` as the ``variorum FILE...`` command runs it: the window opens, the files named
on the command line are loaded as if dropped (and remembered as recent), the first two are
compared, and quitting saves the settings under --basedir."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.fakes import fake_sidebar
from tests.ui.guards import new_main_window, quit_guard, windows_before
from variorum.ui.app import run_gui

pytestmark = pytest.mark.gui


def test_run_gui_loads_command_line_files(qapp, texts, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr("variorum.ui.sidebar_slot.real_sidebar", fake_sidebar)  # no spaCy here
    seen: dict[str, object] = {}

    before = windows_before()

    def poll() -> None:
        window = new_main_window(before)
        ready = window is not None and window.model.rowCount() == 2 and not window.busy()
        if ready and window.compare.current_pair() is not None:
            seen["title"] = window.windowTitle()
            seen["pair"] = [a.source_path for a in window.compare.current_pair()]
            seen["icon"] = not QApplication.windowIcon().isNull()
            window.close()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    base = tmp_path / "base"
    with quit_guard(60000):
        code = run_gui([str(texts["a.txt"]), str(texts["b.txt"])], basedir=str(base))
    assert code == 0
    assert seen["title"] == "Variorum" and seen["icon"] is True
    # one story: its base (b.txt, which a.txt lies mostly in) is listed first and is A
    assert [p.rsplit("/", 1)[-1] for p in seen["pair"]] == ["b.txt", "a.txt"]
    assert QApplication.applicationName() == "Variorum"
    saved = json.loads((base / "config" / "settings.json").read_text())
    assert {p.rsplit("/", 1)[-1] for p in saved["recent_files"]} == {"a.txt", "b.txt"}
    assert saved["window_geometry"]
