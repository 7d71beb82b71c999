"""``variorum --basedir DIR --screenshot OUT.png A B`` renders the real window at 1280x800."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ui.conftest import EDITED, ORIGINAL


def _pane_exists() -> bool:
    return importlib.util.find_spec("variorum.ui.widgets.compare") is not None and hasattr(
        importlib.import_module("variorum.ui.widgets.compare"), "ComparePane"
    )


pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(not _pane_exists(), reason="the comparison pane is not in the tree yet"),
]


def run_variorum(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """As a release script or CI job runs it: no display and no Qt platform chosen."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    return subprocess.run(
        [sys.executable, "-m", "variorum", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_screenshot_is_1280x800(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(EDITED, encoding="utf-8")
    out = tmp_path / "shot.png"
    result = run_variorum("--basedir", str(tmp_path / "base"), "--screenshot", str(out),
                          str(a), str(b), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no xcb abort, no "propagateSizeHints" lines
    assert re.search(r"sidebar: Speakers \([1-9]\d*\), Orgs \(\d+\), People", result.stdout)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20, "the window rendered (text, highlights), not a blank image"
    # The real user folders were not touched: everything is under the base dir.
    assert (tmp_path / "base" / "data" / "library.sqlite3").is_file()


def test_screenshot_fails_with_a_message_when_nothing_loads(tmp_path: Path) -> None:
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    out = tmp_path / "shot.png"
    result = run_variorum("--basedir", str(tmp_path / "base"), "--screenshot", str(out),
                          str(bad), cwd=tmp_path)
    assert result.returncode != 0
    assert "photo.png" in result.stderr and "not a text file" in result.stderr
    assert not out.exists()


def test_screenshot_fails_when_the_sidebar_cannot_find_speakers(tmp_path: Path) -> None:
    """A window whose sidebar failed (a broken model, a broken library under it) is not a
    successful screenshot, even though the comparison rendered."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(EDITED, encoding="utf-8")
    (tmp_path / "base" / "config").mkdir(parents=True)
    (tmp_path / "base" / "config" / "settings.json").write_text(
        json.dumps({"spacy_model": "no_such_pipeline"}), encoding="utf-8"
    )
    out = tmp_path / "shot.png"
    result = run_variorum("--basedir", str(tmp_path / "base"), "--screenshot", str(out),
                          str(a), str(b), cwd=tmp_path)
    assert result.returncode == 1
    assert "Could not find speakers" in result.stderr and "no_such_pipeline" in result.stderr
    assert not out.exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names holding any bytes")
def test_screenshot_of_files_with_a_bad_name_and_a_surrogate(tmp_path: Path) -> None:
    """A Latin-1 file name and an RTF escape to a lone surrogate: loaded, shown, no crash."""
    folder = os.fsencode(tmp_path)
    a = os.path.join(folder, b"caf\xe9.txt")
    with open(a, "wb") as handle:
        handle.write(ORIGINAL.encode())
    b = tmp_path / "b.rtf"
    b.write_bytes(rb"{\rtf1\ansi Harbour council \u-10240? approves new ferry\par The vote.}")
    out = tmp_path / "shot.png"
    result = run_variorum("--basedir", str(tmp_path / "base"), "--screenshot", str(out),
                          os.fsdecode(a), str(b), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert QImage(str(out)).width() == 1280
