"""``variorum compare --json A B C``: the N-way result; two files keep their contract."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from variorum.cli.main import main


def _samples(samples_dir: Path) -> list[str]:
    return [str(p) for p in sorted(samples_dir.glob("0[123]-*.txt"))]


def test_three_files_give_the_nway_result(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _samples(samples_dir)
    assert main(["compare", "--json", *paths]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["base"] == paths[0] and data["versions"] == paths[1:]
    assert [(c["a"], c["b"]) for c in data["comparisons"]] == [(paths[0], p) for p in paths[1:]]
    base = Path(paths[0]).read_text(encoding="utf-8")
    covered = [p for p in data["passages"] if p["start"] < p["end"]]
    assert covered[0]["start"] == 0
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(covered))
    sharpened = next(p for p in covered if "one of" in p["text"])
    assert sharpened["changed"] >= 1
    assert [r["version"] for r in sharpened["readings"]] == [1, 2]
    assert sharpened["readings"][0]["kind"] == "deleted"
    assert len(base) >= covered[-1]["end"]


def test_two_files_keep_the_pair_contract(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _samples(samples_dir)[:2]
    assert main(["compare", "--json", *paths]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"a", "b", "similarity", "stats", "changes"}


def test_three_files_as_text_and_a_missing_one(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _samples(samples_dir)
    assert main(["compare", *paths]) == 0
    out = capsys.readouterr().out
    assert out.count("=== ") == 2 and "[-one of-]" in out
    assert main(["compare", "--json", *paths, str(tmp_path / "gone.txt")]) == 2
    assert "gone.txt" in capsys.readouterr().err


def test_three_files_without_json_print_each_word_diff(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _samples(samples_dir)
    assert main(["compare", *paths]) == 0
    out = capsys.readouterr().out
    assert out.count("=== ") == 2 and f"=== {paths[0]} -> {paths[2]}" in out
    assert "[-one of-]" in out


def test_a_report_takes_two_files(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.html"
    assert main(["compare", "--html", str(out), *_samples(samples_dir)]) == 2
    assert "compares two files" in capsys.readouterr().err and not out.exists()
