"""``variorum group``: the JSON contract, the readable listing, the library it writes, the
cluster path and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from variorum.cli.main import main
from variorum.core.library import Library
from variorum.core.stories.store import load_grouping

STORY_KEYS = {"id", "title", "base", "members"}
MEMBER_KEYS = {"path", "role", "similarity_to_base", "containment_in_base", "closest"}


def _group(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["group", "--json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_json_contract(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = _group(capsys, str(samples_dir))
    assert code == 0 and set(data) == {"stories", "related"}
    main_story, fishing = data["stories"]
    assert set(main_story) >= STORY_KEYS and all(
        set(m) >= MEMBER_KEYS for m in main_story["members"]
    )
    names = [(Path(m["path"]).name, m["role"]) for m in main_story["members"]]
    assert names == [
        ("01-wire-original.txt", "base"),
        ("02-repost-edited.txt", "re-post"),
        ("03-rewritten-summary.txt", "rewrite"),
    ]
    assert Path(main_story["base"]).name == "01-wire-original.txt"
    assert Path(main_story["members"][1]["closest"]).name == "01-wire-original.txt"
    assert [set(r) for r in data["related"]] == [{"a", "b", "score"}]
    assert {data["related"][0]["a"], data["related"][0]["b"]} == {main_story["id"], fishing["id"]}


def test_threshold_and_listing(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, data = _group(capsys, str(samples_dir))
    top = max(m["similarity_to_base"] for m in data["stories"][0]["members"][1:])
    _, data = _group(capsys, "--threshold", str(round(top + 0.001, 4)), str(samples_dir))
    assert [len(s["members"]) for s in data["stories"]] == [1, 1, 1, 1]
    assert main(["group", str(samples_dir)]) == 0
    out = capsys.readouterr().out
    assert "Story 1: Port Calder Approves Desalination Plant" in out and "(3 versions)" in out
    assert "rewrite  " in out and "related to story 2" in out
    assert main(["group", "--threshold", "2", str(samples_dir)]) == 2


def test_bad_files_are_named_and_the_rest_grouped(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code = main(["group", "--json", str(samples_dir), str(tmp_path / "photo.txt")])
    captured = capsys.readouterr()
    assert code == 2 and "photo.txt" in captured.err
    assert len(json.loads(captured.out)["stories"]) == 2


def test_writes_a_library_the_window_opens(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--basedir", str(tmp_path), "group", "--save", str(samples_dir)]) == 0
    assert "stored 4 articles" in capsys.readouterr().err
    library = Library(tmp_path / "data" / "library.sqlite3")
    try:
        ids = [e.article.id for e in library.entries()]
        stored = load_grouping(library, ids)
        assert [len(s.versions) for s in stored.stories] == [3, 1]
        assert set(stored.stories[0].ids) <= set(ids)
    finally:
        library.close()


@pytest.mark.slow
def test_local_cluster_gives_the_same_stories(
    samples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    _, here = _group(capsys, str(samples_dir))
    code, there = _group(capsys, "--scheduler", "local:1", str(samples_dir))
    assert code == 0 and there == here


def test_unreachable_scheduler(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["group", "--scheduler", "nowhere", str(samples_dir)]) == 2
    assert "scheduler" in capsys.readouterr().err
