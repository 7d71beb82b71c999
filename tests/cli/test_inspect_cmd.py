from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.cli.main import main

INSPECT_KEYS = {
    "path",
    "format",
    "title",
    "site",
    "byline",
    "published",
    "language",
    "words",
    "text",
    "paragraphs",
    "boilerplate",
    "warnings",
}


def test_inspect_json_contract(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = samples_dir / "01-wire-original.txt"
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code = main(["inspect", "--json", str(sample), str(bad)])
    out = json.loads(capsys.readouterr().out)
    assert code == 2
    ok, failed = out
    assert set(ok) == INSPECT_KEYS
    assert ok["title"].startswith("Port Calder Approves")
    assert ok["words"] > 200
    for para in ok["paragraphs"]:
        assert ok["text"][para["start"] : para["end"]].strip()
    assert failed == {"path": str(bad), "error": "not a text file"}


def test_inspect_exit_zero_and_summary(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["inspect", str(samples_dir / "03-rewritten-summary.txt")])
    out = capsys.readouterr().out
    assert code == 0
    assert "Desalination plant approved" in out and "words:" in out


def test_module_entry_point_version_without_qt() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    probe = (
        "import sys, runpy; sys.argv=['variorum','--version'];\n"
        "try:\n runpy.run_module('variorum', run_name='__main__')\n"
        "except SystemExit as e:\n"
        " assert not any(m.startswith('PySide6') for m in sys.modules); raise\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("variorum ")


def test_batch_commands_do_not_import_qt(samples_dir: Path) -> None:
    probe = (
        "import sys\nfrom variorum.cli.main import main\n"
        f"code = main(['inspect', '--json', {str(samples_dir / '01-wire-original.txt')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\nsys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_basedir_before_command_is_accepted(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--basedir", str(tmp_path), "inspect", str(samples_dir / "04-related-fishing.txt")]
    )
    assert code == 0
    assert "Calder Bay Fishers" in capsys.readouterr().out


def test_batch_command_logs_internal_errors_under_basedir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unforeseen loader failure (in the worker process that reads the file) is reported as
    an internal error and its traceback lands in <basedir>/log/variorum.log."""
    from tests.cli.worker_hooks import break_text_loader
    from variorum.core.ingest import isolation
    from variorum.core.sandbox import WorkerPool

    victim = tmp_path / "story.txt"
    # Over the size read in-process: it goes to the worker, whose text loader is broken.
    victim.write_text("A story that a broken loader cannot read. " * 8000, encoding="utf-8")
    with WorkerPool(warmup=break_text_loader) as pool:
        isolation.set_default_pool(pool)
        try:
            code = main(["--basedir", str(tmp_path / "base"), "inspect", "--json", str(victim)])
        finally:
            isolation.set_default_pool(None)
    (result,) = json.loads(capsys.readouterr().out)
    assert code == 2
    assert result["error"].startswith("internal error: RuntimeError: boom in a loader")
    log_text = (tmp_path / "base" / "log" / "variorum.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "boom in a loader" in log_text


def test_reader_closing_the_pipe_is_not_a_traceback(samples_dir: Path) -> None:
    """`variorum inspect --json ... | head -1` must end quietly."""
    files = [str(p) for p in sorted(samples_dir.glob("*.txt"))] * 20
    proc = subprocess.Popen(
        [sys.executable, "-m", "variorum", "inspect", "--json", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_output_to_a_file_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """On Windows stdout defaults to a code page that cannot encode an emoji or CJK text;
    JSON written to a file or a pipe must still come out whole, as UTF-8."""
    story = tmp_path / "story.txt"
    story.write_text("Headline 😀\n\n北京 “curly” text.", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "variorum",
            "--basedir",
            str(tmp_path / "b"),
            "inspect",
            "--json",
            str(story),
        ],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    (item,) = json.loads(result.stdout.decode("utf-8"))
    assert item["title"] == "Headline 😀" and "北京" in item["text"]


def test_plain_inspect_prints_what_its_help_promises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.md"
    article.write_text(
        "# Harbour vote\n\nThe council voted on Tuesday.\n\nThe ferry will  carry 200 people.\n",
        encoding="utf-8",
    )
    assert main(["inspect", str(article)]) == 0
    out = capsys.readouterr().out
    assert "title:     Harbour vote" in out
    assert "words:" in out and "text:" in out
    # the text, one paragraph per line, its spacing collapsed; headings marked
    assert "    [heading] Harbour vote\n" in out
    assert "    The council voted on Tuesday.\n" in out
    assert "    The ferry will carry 200 people.\n" in out
    with pytest.raises(SystemExit):
        main(["inspect", "--help"])
    assert "the text" in capsys.readouterr().out


def test_global_help_lists_one_command_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    for command in ("inspect", "compare", "extract"):
        assert sum(1 for line in lines if line.lstrip().startswith(command + " ")) == 1
