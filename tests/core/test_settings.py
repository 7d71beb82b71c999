from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from variorum.core.options import CompareOptions
from variorum.core.paths import app_paths
from variorum.core.settings import MAX_RECENT, SCHEMA_VERSION, Settings, SettingsStore


def test_defaults_when_no_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == Settings()
    assert store.notice is None


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "cfg" / "settings.json")
    settings = Settings(
        window_geometry="AAEC",
        splitter_sizes=(200, 700, 300),
        compare=CompareOptions(ignore_case=True, fold_quotes=False),
        view_mode="side_by_side",
        size_limit_mb=20,
        export_folder="/x/reports",
    ).with_recent("/x/a.txt")
    store.save(settings)
    assert SettingsStore(store.path).load() == settings
    assert not list(store.path.parent.glob(".settings-*.tmp")), "temp file left behind"


def test_recent_files_capped_and_most_recent_first() -> None:
    settings = Settings()
    for i in range(15):
        settings = settings.with_recent(f"/f{i}.txt")
    settings = settings.with_recent("/f3.txt")
    assert len(settings.recent_files) == MAX_RECENT
    assert settings.recent_files[0] == "/f3.txt"
    assert settings.recent_files.count("/f3.txt") == 1


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", '{"schema_version": 2, "splitter_sizes": ["x"]}', "\x00\x01"],
)
def test_corrupt_file_moved_aside_and_defaults_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None and "defaults are used" in store.notice
    aside = list(tmp_path.glob("settings.json.bad-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content
    assert not path.exists()
    # the next start is quiet: nothing left to recover
    again = SettingsStore(path)
    again.load()
    assert again.notice is None


def test_upgrade_from_schema_1(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {
        "schema_version": 1,
        "ignore_case": True,
        "fold_quotes": False,
        "side_by_side": True,
        "recent_files": ["/a.txt"],
        "unknown_key_from_old_version": 5,
    }
    path.write_text(json.dumps(old), encoding="utf-8")
    settings = SettingsStore(path).load()
    assert settings.schema_version == SCHEMA_VERSION
    assert settings.compare.ignore_case is True
    assert settings.compare.fold_quotes is False
    assert settings.view_mode == "side_by_side"
    assert settings.recent_files == ("/a.txt",)


def test_newer_schema_is_not_silently_misread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1}), encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None and "newer" in store.notice


def test_basedir_keeps_everything_under_it(tmp_path: Path) -> None:
    paths = app_paths(tmp_path).ensure()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert tmp_path in folder.parents
    assert paths.settings_file.parent == paths.config_dir
    assert paths.library_file.parent == paths.data_dir


@pytest.mark.parametrize(
    "content",
    [
        '{"schema_version": 2, "window_geometry": "\\u00e9"}',
        '{"schema_version": 2, "window_state": "not base64!"}',
        '{"schema_version": 2, "size_limit_mb": 1e400}',
        '{"schema_version": 2, "splitter_sizes": [1e999, 3]}',
        '{"schema_version": 2, "export_folder": ["/x"]}',
    ],
)
def test_values_the_window_cannot_use_are_recovered_like_corruption(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None


def test_out_of_range_numbers_are_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {"schema_version": 2, "size_limit_mb": 10**9, "splitter_sizes": [10**10, -5, 300]}
        ),
        encoding="utf-8",
    )
    settings = SettingsStore(path).load()
    assert settings.size_limit_mb == 2048
    assert settings.splitter_sizes == (100_000, 0, 300)


def test_a_deeply_nested_file_is_treated_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"compare": ' + "[" * 10_000 + "]" * 10_000 + "}", encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None and "nested too deeply" in store.notice
    assert list(tmp_path.glob("settings.json.bad-*"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.timeout(20)
def test_a_fifo_in_place_of_the_file_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)  # nobody will ever write to it: reading it would block for ever
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None and "not a regular file" in store.notice
    assert not path.exists()


def test_an_oversized_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"view_mode": "inline", "x": "' + "y" * (2 * 1024 * 1024) + '"}')
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notice is not None and "larger than" in store.notice


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_saving_replaces_a_symlink_and_never_writes_through_it(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("precious", encoding="utf-8")
    path = tmp_path / "cfg" / "settings.json"
    path.parent.mkdir()
    path.symlink_to(target)
    store = SettingsStore(path)
    store.load()
    store.save(Settings(view_mode="side_by_side"))
    assert target.read_text(encoding="utf-8") == "precious"
    assert not path.is_symlink()
    assert SettingsStore(path).load().view_mode == "side_by_side"
