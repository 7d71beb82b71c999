"""Corrections in the library: per article, in order, kept across reopening (a restart), and
removed and put back in their old place (what Undo and Redo do)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from variorum.core.corrections_store import CorrectionStore
from variorum.core.extract.corrections import Merge, NotEntity, Reassign, Rename
from variorum.core.library import Library, LibraryError


def test_corrections_are_kept_per_article_in_order_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    store = CorrectionStore(library)
    store.add("a", Rename("Clarke", "Ken Clarke"))
    store.add("b", NotEntity("MPs", "PERSON"))
    store.add("a", Reassign(10, 20, "Ann Lee", "quoted words"))
    library.close()

    reopened = CorrectionStore(Library(path))
    assert reopened.for_article("a") == [
        Rename("Clarke", "Ken Clarke"),
        Reassign(10, 20, "Ann Lee", "quoted words"),
    ]
    assert reopened.for_article("b") == [NotEntity("MPs", "PERSON")]
    assert reopened.for_article("c") == []


def test_removed_corrections_come_back_in_their_old_place(tmp_path: Path) -> None:
    store = CorrectionStore(Library(tmp_path / "library.sqlite3"))
    first = store.add("a", Rename("A", "B"))
    second = store.add("a", Merge("C", "B"))
    third = store.add("a", Rename("B", "D"))
    store.remove([second])
    assert store.for_article("a") == [first.correction, third.correction]
    store.restore([second])
    assert store.for_article("a") == [first.correction, second.correction, third.correction]


def test_a_correction_from_a_newer_version_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    store = CorrectionStore(Library(path))
    store.add("a", Rename("A", "B"))
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO corrections (article_id, payload, made_at) VALUES ('a', ?, 0)",
        ('{"kind": "split", "name": "A B"}',),
    )
    db.commit()
    db.close()
    assert store.for_article("a") == [Rename("A", "B")]


def test_a_write_that_fails_says_why_and_changes_nothing(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3", busy_timeout=0.1, write_retry=0.2)
    store = CorrectionStore(library)
    store.add("a", Rename("A", "B"))
    other = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(LibraryError):
            store.add("a", Rename("B", "C"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.for_article("a") == [Rename("A", "B")]
