from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.cli.main import main
from variorum.core.ingest import load_file


def test_extract_json_contract(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = samples_dir / "01-wire-original.txt"
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code = main(["extract", "--json", str(sample), str(bad)])
    out = json.loads(capsys.readouterr().out)
    assert code == 2
    ok, failed = out
    assert failed == {"path": str(bad), "error": "not a text file"}
    assert set(ok) == {"path", "speakers", "organizations", "people"}
    text = load_file(sample).text  # what `inspect` reports as "text"
    assert ok["speakers"], "the sample has quotes"
    for speaker in ok["speakers"]:
        assert set(speaker) == {"name", "aliases", "description", "unresolved", "quotes"}
        assert isinstance(speaker["description"], bool)
        assert isinstance(speaker["unresolved"], bool)
        for q in speaker["quotes"]:
            assert set(q) == {"text", "start", "end", "verb", "mention"}
            assert text[q["start"] : q["end"]] == q["text"]
            m = q["mention"]
            assert set(m) == {"text", "start", "end"}
            assert text[m["start"] : m["end"]] == m["text"]
    for key in ("organizations", "people"):
        for entity in ok[key]:
            assert set(entity) == {"name", "aliases", "mentions"}
            assert isinstance(entity["mentions"], int) and entity["mentions"] >= 1


def test_extract_summary_and_exit_zero(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["extract", str(samples_dir / "04-related-fishing.txt")])
    out = capsys.readouterr().out
    assert code == 0
    assert "quote" in out and "Organizations:" in out and "People:" in out


def test_unknown_model_is_exit_one(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["extract", "--model", "no_such_pipeline", str(samples_dir / "01-wire-original.txt")]
    )
    assert code == 1
    assert "no_such_pipeline" in capsys.readouterr().err


def test_cli_module_does_not_import_spacy_or_qt() -> None:
    """The command module is imported for --help; spaCy loads only when run."""
    code = (
        "import sys, variorum.cli.extract_cmd as m; "
        "assert 'spacy' not in sys.modules and 'PySide6' not in sys.modules"
    )
    env = dict(os.environ)
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


@pytest.mark.slow
def test_a_text_over_the_analysis_limit_is_named_and_the_others_are_kept(
    samples_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text that needs more CPU time than its limit (here 1 s for a long run of "By By
    By") is stopped in its worker: its entry says so, the exit code is 2, every other file is
    analysed, and this process never loads the model."""
    from variorum.core.extract import model, workers

    loaded_before = dict(model._loaded)
    monkeypatch.setattr(workers, "BASE_CPU_SECONDS", 1.0)
    monkeypatch.setattr(workers, "CPU_SECONDS_PER_MB", 0.0)
    stuck = tmp_path / "byline.txt"
    stuck.write_text("By " * 40_000, encoding="utf-8")
    sample = samples_dir / "01-wire-original.txt"
    code = main(["extract", "--json", str(sample), str(stuck), str(sample)])
    first, failed, last = json.loads(capsys.readouterr().out)
    assert code == 2
    assert failed["path"] == str(stuck)
    assert failed["error"].startswith("took too long to analyse (stopped after")
    assert first["speakers"] and first["speakers"] == last["speakers"]
    assert model._loaded == loaded_before  # no pipeline loaded in this process
