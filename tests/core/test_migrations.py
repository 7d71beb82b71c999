"""Library schema migrations: every older schema migrates to the latest, in one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from variorum.core.article import ArticleDraft, build_article
from variorum.core.library import Library, LibraryTooNewError, article_to_json
from variorum.core.library_open import open_library
from variorum.core.migrations import (
    LATEST,
    MIGRATIONS,
    Migration,
    SchemaTooNewError,
    migrate,
    schema_version,
)

# The schema written before migrations existed (Variorum 0.x, "PRAGMA user_version = 1"), kept
# verbatim: real libraries out there look like this.
_PRE_MIGRATIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, payload TEXT NOT NULL, source_path TEXT, loaded_at REAL NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis (
    article_id TEXT NOT NULL, kind TEXT NOT NULL, version TEXT NOT NULL, payload TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, version)
);
PRAGMA user_version = 1;
"""


def _article(text: str, path: str = "/tmp/a.txt"):  # type: ignore[no-untyped-def]
    return build_article(ArticleDraft(format="text", paragraphs=text.split("\n\n")), path)


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_a_new_library_gets_every_migration(tmp_path: Path) -> None:
    db = _connect(tmp_path / "new.sqlite3")
    result = migrate(db)
    assert (result.before, result.after, result.applied) == (0, LATEST, LATEST)
    assert schema_version(db) == LATEST
    assert migrate(db).applied == 0  # nothing to do the second time


@pytest.mark.parametrize("version", range(LATEST))
def test_every_older_schema_migrates_keeping_its_articles(tmp_path: Path, version: int) -> None:
    """A library at each older version, with an article in it (every version has the articles
    table), opens at the latest version with the article intact."""
    path = tmp_path / "lib.sqlite3"
    db = _connect(path)
    migrate(db, MIGRATIONS[: max(version, 1)])
    article = _article("Kept\n\nAcross every migration.")
    db.execute(
        "INSERT INTO articles (id, payload, source_path, loaded_at, position) VALUES (?,?,?,?,?)",
        (article.id, article_to_json(article), "/k.txt", 1.0, 0),
    )
    db.execute(f"PRAGMA user_version = {version}")
    db.close()
    lib = Library(path)
    assert schema_version(lib._db) == LATEST
    assert [e.article for e in lib.entries()] == [article]


def test_a_library_from_before_migrations_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = _connect(path)
    db.executescript(_PRE_MIGRATIONS_SCHEMA)
    article = _article("Old\n\nStored by the first version.")
    db.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
        (article.id, article_to_json(article), "/o.txt", 5.0, 0),
    )
    db.close()
    lib = Library(path)
    assert lib.entries()[0].article == article
    assert schema_version(lib._db) == LATEST


def test_a_failing_migration_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    db = _connect(tmp_path / "lib.sqlite3")
    migrate(db)
    broken = (
        *MIGRATIONS,
        Migration("adds a table", ("CREATE TABLE stories (id TEXT PRIMARY KEY)",)),
        Migration("fails", ("INSERT INTO no_such_table VALUES (1)",)),
    )
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, broken)
    assert schema_version(db) == LATEST
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "stories" not in tables  # the first new migration was rolled back with the second


def test_appended_migrations_run_in_order_with_their_data_step(tmp_path: Path) -> None:
    db = _connect(tmp_path / "lib.sqlite3")
    migrate(db)
    calls: list[int] = []

    def fill(conn: sqlite3.Connection) -> None:
        calls.append(conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
        conn.execute("INSERT INTO stories VALUES ('s1')")

    extended = (
        *MIGRATIONS,
        Migration("stories", ("CREATE TABLE stories (id TEXT PRIMARY KEY)",), run=fill),
    )
    assert migrate(db, extended).after == LATEST + 1
    assert calls == [0]
    assert db.execute("SELECT id FROM stories").fetchall() == [("s1",)]


def test_a_newer_schema_is_refused_by_migrate(tmp_path: Path) -> None:
    db = _connect(tmp_path / "lib.sqlite3")
    migrate(db)
    db.execute(f"PRAGMA user_version = {LATEST + 3}")
    with pytest.raises(SchemaTooNewError, match=rf"schema {LATEST + 3}; this version knows"):
        migrate(db)


def test_a_newer_library_opens_read_only_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    lib = Library(path)
    lib.add(_article("Newer\n\nWritten by a later version."))
    lib._db.execute("CREATE TABLE annotations (id TEXT)")  # what a newer version might add
    lib._db.execute(f"PRAGMA user_version = {LATEST + 1}")
    lib.close()
    before = path.read_bytes()
    with pytest.raises(LibraryTooNewError):
        Library(path)
    opened = open_library(path)
    assert opened.library.read_only
    assert len(opened.library.entries()) == 1
    assert "newer Variorum" in opened.notices[0] and "read-only" in opened.notices[0]
    opened.library.add(_article("Session\n\nOnly for now."))  # works, on the copy
    assert len(opened.library) == 2
    opened.library.close()
    assert path.read_bytes() == before
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
