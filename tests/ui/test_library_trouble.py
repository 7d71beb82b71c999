"""The window over a library in trouble: bad rows, a newer schema, a full disk, a busy lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_main_window import drop, settle, titles
from variorum.core import library as library_module
from variorum.core.migrations import LATEST

pytestmark = pytest.mark.gui


def _notice(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "startupNotice") is not None)
    return str(window.findChild(QMessageBox, "startupNotice").text())


def test_bad_rows_are_listed_once_and_the_rest_opens(qtbot, make_window, texts, tmp_path):
    base = tmp_path / "base"
    window = make_window(base)
    drop(window, texts["a.txt"], texts["b.txt"], texts["c.txt"])
    settle(qtbot, window)
    window.close()
    db = sqlite3.connect(base / "data" / "library.sqlite3")
    with db:
        db.execute("UPDATE articles SET payload = '{broken' WHERE position = 1")
    db.close()
    again = make_window(base)
    assert "1 article could not be read from the library" in _notice(qtbot, again)
    assert titles(again) == ["Harbour council approves new ferry", "Fishing quotas cut"]
    assert list((base / "data").glob("library-recovered-*.sqlite3"))


def test_a_newer_library_opens_read_only_and_says_so(qtbot, make_window, texts, tmp_path):
    base = tmp_path / "base"
    window = make_window(base)
    drop(window, texts["a.txt"])
    settle(qtbot, window)
    window.close()
    db = sqlite3.connect(base / "data" / "library.sqlite3")
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    again = make_window(base)
    text = _notice(qtbot, again)
    assert "newer Variorum" in text and "read-only" in text and "not saved" in text
    assert len(titles(again)) == 1


def test_a_full_disk_fails_only_what_it_could_not_store(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\n" + f"word{i} " * 900, encoding="utf-8")
    window = make_window()
    real_add = window.library.add
    stored: list[Any] = []

    def add(article, **kw):  # type: ignore[no-untyped-def]
        if len(stored) == 2:
            raise library_module.LibraryFullError("the disk is full")
        stored.append(article)
        return real_add(article, **kw)

    monkeypatch.setattr(window.library, "add", add)
    drop(window, folder)
    settle(qtbot, window)
    assert len(titles(window)) == 2
    message = window.statusBar().currentMessage()
    assert message.startswith("Loaded 2 articles; skipped 2.txt: not stored: the disk is full")
    assert len(window.library) == 2


def test_remove_on_a_busy_library_keeps_the_articles(qtbot, make_window, texts) -> None:
    window = make_window()
    drop(window, texts["a.txt"], texts["c.txt"])
    settle(qtbot, window)
    window.library.write_retry = 0.1
    window.library._db.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(window.library.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        window.article_list.select_ids([window.model.entries()[0].article.id])
        qtbot.keyClick(window.article_list.view, Qt.Key.Key_Delete)
        assert "not removed: the library is in use by another program" in (
            window.statusBar().currentMessage()
        )
        assert len(titles(window)) == 2
        assert not window.undo_stack.canUndo()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.keyClick(window.article_list.view, Qt.Key.Key_Delete)
    assert len(titles(window)) == 1 and len(window.library) == 1


def test_the_window_opens_on_a_locked_library(qtbot, make_window, texts, tmp_path, monkeypatch):
    base = tmp_path / "base"
    window = make_window(base)
    drop(window, texts["a.txt"])
    settle(qtbot, window)
    window.close()
    window.library.close()  # as when the process ends
    monkeypatch.setattr("variorum.core.library_open.BUSY_TIMEOUT", 0.2)
    monkeypatch.setattr("variorum.core.library.BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(base / "data" / "library.sqlite3", isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE articles SET loaded_at = loaded_at")
    try:
        again = make_window(base)
        assert "in use by another program" in _notice(qtbot, again)
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert Path(base / "data" / "library.sqlite3").exists()
    assert not list((base / "data").glob("library.sqlite3.*-*"))
