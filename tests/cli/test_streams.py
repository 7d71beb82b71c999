"""The command line under closed and failing streams, mistyped commands and a bad --basedir."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from variorum.cli.main import main

POSIX = os.name == "posix"


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "variorum", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("A headline\n\nThe council met on Tuesday and voted.", encoding="utf-8")
    return path


@pytest.mark.skipif(not POSIX, reason="shell redirections")
def test_closed_stdout_is_one_line_and_exit_2(story: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m variorum inspect {story} >&-",
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr == "variorum: cannot write the output: standard output is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_a_full_disk_is_one_line_and_exit_2(story: Path, json_flag: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "variorum", "inspect", *json_flag, str(story)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert result.stderr == "variorum: cannot write the output: No space left on device\n"


def test_a_reader_leaving_stops_the_command_at_once(tmp_path: Path) -> None:
    """`variorum inspect --json MANY | head -c 10`: quiet, and no reading of the other files."""
    files = []
    for i in range(300):
        path = tmp_path / f"s{i}.txt"
        path.write_text(f"Story {i}\n\n" + "words of the story " * 2000, encoding="utf-8")
        files.append(str(path))
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "variorum", "inspect", "--json", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    stopped = time.monotonic() - started
    assert err == ""
    assert code == 1
    started = time.monotonic()
    whole = subprocess.run(
        [sys.executable, "-m", "variorum", "inspect", "--json", *files],
        capture_output=True,
        timeout=300,
    )
    assert whole.returncode == 0
    # Stopping at the first failed write costs a few files, not the whole list.
    assert stopped < 0.5 * (time.monotonic() - started)


def test_an_unknown_command_is_named_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "PySide6", None)  # it must not get as far as Qt
    assert main(["inspetc"]) == 2
    assert capsys.readouterr().err == (
        "variorum: no such file or command: inspetc (did you mean 'inspect'?)\n"
    )
    assert main(["foo"]) == 2
    assert capsys.readouterr().err == "variorum: no such file or command: foo\n"


def test_basedir_that_is_a_file_is_a_clear_message(
    tmp_path: Path, story: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6", None)
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    assert main(["--basedir", str(not_a_folder), str(story)]) == 2
    assert capsys.readouterr().err == f"variorum: --basedir {not_a_folder}: not a folder\n"
    assert main(["--basedir", str(not_a_folder), "inspect", str(story)]) == 2
    assert "not a folder" in capsys.readouterr().err
