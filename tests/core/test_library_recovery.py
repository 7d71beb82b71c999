"""A library that one bad row, a damaged page, a busy lock or a full disk cannot lock."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from variorum.core import library as library_module
from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.library import (
    Library,
    LibraryBusyError,
    LibraryFullError,
    LibraryReadOnlyError,
    article_to_json,
)
from variorum.core.library_open import open_library


def _article(text: str, path: str | None = "/tmp/a.txt") -> Article:
    return build_article(ArticleDraft(format="text", paragraphs=text.split("\n\n")), path)


def _filled(path: Path, n: int, words: int = 5) -> list[Article]:
    lib = Library(path)
    articles = [_article(f"Story {i}\n\n" + f"word{i} " * words, f"/s{i}.txt") for i in range(n)]
    for article in articles:
        lib.add(article)
    lib.close()
    return articles


def _raw(path: Path, sql: str, params: tuple[Any, ...] = ()) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute(sql, params)
    db.close()


def _limit_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A "full disk" for the library: SQLite may not grow the file by one page."""
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(*args, **kwargs)
        if args[0] == ":memory:":  # a read-only copy lives in memory, not on the full disk
            return db
        (pages,) = db.execute("PRAGMA page_count").fetchone()
        db.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")
        return db

    monkeypatch.setattr(library_module.sqlite3, "connect", connect)


# -- one bad row ---------------------------------------------------------------------------


def test_a_row_with_damaged_json_is_moved_to_a_side_file(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 4)
    _raw(path, "UPDATE articles SET payload = '{\"title\": \"tru' WHERE id = ?", (articles[1].id,))
    _raw(path, "UPDATE articles SET payload = '[1, 2]' WHERE id = ?", (articles[2].id,))
    opened = open_library(path)
    assert [e.article for e in opened.library.entries()] == [articles[0], articles[3]]
    (notice,) = opened.notices
    assert notice.startswith("2 articles could not be read from the library; they are kept in ")
    side = tmp_path / notice.rsplit(" ", 1)[1].rstrip(".")
    assert side.name.startswith("library-recovered-") and side.suffix == ".sqlite3"
    with sqlite3.connect(side) as db:
        kept = db.execute("SELECT id, payload FROM articles ORDER BY id").fetchall()
    assert {row[0] for row in kept} == {articles[1].id, articles[2].id}
    assert '{"title": "tru' in {row[1] for row in kept}
    opened.library.close()
    again = open_library(path)  # told once: the rows have moved
    assert again.notices == [] and len(again.library.entries()) == 2


def test_keys_from_a_newer_version_are_ignored_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    (article,) = _filled(path, 1)
    data = json.loads(article_to_json(article))
    data["stance"] = {"added": "by Variorum 9"}
    _raw(path, "UPDATE articles SET payload = ? WHERE id = ?", (json.dumps(data), article.id))
    opened = open_library(path)
    assert opened.notices == []
    lib = opened.library
    assert [e.article for e in lib.entries()] == [article]
    lib.restore(lib.remove([article.id]))  # Undo of a removal writes the row back...
    lib.close()
    with sqlite3.connect(path) as db:
        (payload,) = db.execute("SELECT payload FROM articles").fetchone()
    assert json.loads(payload)["stance"] == {"added": "by Variorum 9"}  # ...with the new key


def test_a_position_that_is_not_a_number_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 3)
    _raw(path, "UPDATE articles SET position = 'first' WHERE id = ?", (articles[0].id,))
    opened = open_library(path)
    entries = opened.library.entries()
    assert [e.article for e in entries] == [articles[1], articles[2], articles[0]]
    assert [e.position for e in entries] == [1, 2, 3]
    assert opened.notices == []


def test_a_library_from_another_program_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _raw(path, "CREATE TABLE articles (id TEXT, body TEXT)")
    _raw(path, "INSERT INTO articles VALUES ('x', 'their data')")
    opened = open_library(path)
    assert opened.library.entries() == []
    assert "not a Variorum library" in opened.notices[0]
    (aside,) = tmp_path.glob("library.sqlite3.foreign-*[0-9]")
    with sqlite3.connect(aside) as db:
        assert db.execute("SELECT body FROM articles").fetchall() == [("their data",)]
    opened.library.add(_article("Mine\n\nNew library works."))
    assert len(opened.library) == 1


# -- damage ---------------------------------------------------------------------------------


def test_a_damaged_page_is_salvaged_and_the_original_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 300, words=60)
    size = path.stat().st_size
    page = 4096
    pages = size // page
    assert pages > 20
    original = path.read_bytes()
    with open(path, "r+b") as handle:  # scribble over one page in the middle of the table
        handle.seek((pages // 2) * page)
        handle.write(b"\xa5" * page)
    opened = open_library(path)
    entries = opened.library.entries()
    (notice,) = opened.notices
    assert notice.startswith("The library was damaged; ") and "recovered" in notice
    assert 250 <= len(entries) < 300
    assert {e.article.id for e in entries} <= {a.id for a in articles}
    (aside,) = tmp_path.glob("library.sqlite3.damaged-*[0-9]")
    assert aside.name in notice
    assert aside.read_bytes() != original and len(aside.read_bytes()) == size  # kept as it was
    opened.library.add(_article("After\n\nthe repair the library takes new articles."))
    opened.library.close()
    assert open_library(path).notices == []


def test_a_file_that_is_not_a_database_is_kept_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not SQLite at all\n" * 200)
    opened = open_library(path)
    assert opened.library.entries() == []
    assert "damaged" in opened.notices[0]
    (aside,) = tmp_path.glob("library.sqlite3.damaged-*[0-9]")
    assert aside.read_bytes().startswith(b"this is not SQLite")


# -- busy, full, read-only ------------------------------------------------------------------


def _lock_exclusively(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE articles SET loaded_at = loaded_at")
    return holder


def test_a_busy_library_is_never_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 3)
    holder = _lock_exclusively(path)
    opened = open_library(path, busy_timeout=0.2, write_retry=0.2)
    assert opened.library.read_only
    assert "in use by another program" in opened.notices[0]
    assert "Nothing in the file was changed" in opened.notices[0]
    assert list(tmp_path.glob("library.sqlite3.*-*")) == []
    holder.execute("COMMIT")
    holder.close()
    reopened = open_library(path)
    assert [e.article for e in reopened.library.entries()] == articles
    assert reopened.notices == [] and not reopened.library.read_only


def test_a_write_while_another_process_holds_the_lock_waits_then_says_busy(
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite3"
    _filled(path, 1)
    lib = Library(path, busy_timeout=0.1, write_retry=0.3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(LibraryBusyError, match="in use by another program"):
        lib.add(_article("Second\n\nWaits for the lock."))
    holder.execute("COMMIT")
    assert lib.add(_article("Second\n\nWaits for the lock.")).added


def test_a_full_disk_keeps_the_library_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 2)
    _raw(path, "PRAGMA user_version = 0")  # the next open must write (migrate)
    with monkeypatch.context() as patch:
        _limit_pages(patch)
        lib = Library(path)  # the migration fits (nothing to create)...
        with pytest.raises(LibraryFullError, match="the disk is full"):
            for i in range(50):
                lib.add(_article(f"Big {i}\n\n" + "filler " * 400))
        lib.close()
    reopened = open_library(path)  # space freed: everything that was stored is there
    assert reopened.notices == []
    assert [e.article for e in reopened.library.entries()][:2] == articles


def test_full_disk_at_open_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 2)
    # An older schema with no free page left: the upgrade needs room it cannot get.
    _raw(path, "DROP TABLE analysis")
    _raw(path, "PRAGMA user_version = 0")
    _raw(path, "VACUUM")
    with monkeypatch.context() as patch:
        _limit_pages(patch)
        opened = open_library(path)
        assert opened.library.read_only
        assert "the disk is full" in opened.notices[0]
        assert [e.article for e in opened.library.entries()] == articles
        opened.library.close()
    assert list(tmp_path.glob("library.sqlite3.*-*")) == []
    assert [e.article for e in open_library(path).library.entries()] == articles


def test_a_read_only_library_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    articles = _filled(path, 2)
    _raw(path, "PRAGMA user_version = 0")
    real = sqlite3.connect

    def read_only_connect(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if target == str(path):  # what a read-only file or folder does to every write
            kwargs["uri"] = True
            return real(f"{path.as_uri()}?mode=ro", *args, **kwargs)
        return real(target, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(library_module.sqlite3, "connect", read_only_connect)
        with pytest.raises(LibraryReadOnlyError):
            Library(path)
        opened = open_library(path)
    assert opened.library.read_only
    assert "cannot be changed" in opened.notices[0]
    assert [e.article for e in opened.library.entries()] == articles


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_library_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "library.sqlite3"
    articles = _filled(path, 1)
    _raw(path, "PRAGMA user_version = 0")
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        opened = open_library(path)
        assert opened.library.read_only
        assert [e.article for e in opened.library.entries()] == articles
    finally:
        path.parent.chmod(0o755)


# -- two writers ----------------------------------------------------------------------------

_WRITER = """
import sys
from variorum.core.article import ArticleDraft, build_article
from variorum.core.library import Library
lib = Library(sys.argv[1])
for i in range(int(sys.argv[2])):
    draft = ArticleDraft(format="text", paragraphs=[f"{sys.argv[3]} {i}", "x"])
    lib.add(build_article(draft, None))
lib.close()
"""


def test_two_processes_adding_to_one_library_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    n = 150
    others = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(n), "other"])
    lib = Library(path)
    for i in range(n):
        lib.add(_article(f"mine {i}\n\nx", None))
    assert others.wait(timeout=120) == 0
    assert len(lib) == 2 * n
    positions = [e.position for e in lib.entries()]
    assert sorted(positions) == list(range(2 * n))  # one total order, no duplicate place


def test_errors_leave_no_transaction_open(tmp_path: Path) -> None:
    lib = Library(tmp_path / "library.sqlite3")
    bad: Callable[[], None] = lambda: lib.add(  # noqa: E731
        _article("Surrogate \ud800 in the text\n\nbody")
    )
    with pytest.raises(library_module.LibraryError, match="cannot be stored"):
        bad()
    assert not lib._db.in_transaction
    assert lib.add(_article("Fine\n\nafterwards")).added
