"""The library's SQLite schema as a history of migrations, applied in order.

The database's ``PRAGMA user_version`` says how many of :data:`MIGRATIONS` it has had. Opening
a library runs the missing ones, in order, inside ONE transaction: a crash, a full disk or a
busy database leaves the file exactly as it was, never half-upgraded. A library whose version
is higher than ``len(MIGRATIONS)`` was written by a newer Variorum: :func:`migrate` refuses it
(:class:`SchemaTooNewError`) and the caller opens it read-only.

How to change the schema (the only way it changes):

1. Append a :class:`Migration` at the END of :data:`MIGRATIONS`. Its version is its position
   (the first is 1), so two branches that each append one merge by keeping both, in any order,
   as long as neither is released yet. Never edit, reorder or remove a released migration:
   libraries out there have already run it.
2. Prefer statements that only add (``CREATE TABLE``, ``CREATE INDEX``, ``ALTER TABLE ... ADD
   COLUMN``): an older Variorum opens a newer library read-only, and can still read it when
   nothing it knows was renamed or dropped. Write plain SQL in ``statements``; use ``run`` only
   to transform existing rows (it gets the connection, inside the transaction).
3. Do not ``COMMIT``, ``BEGIN`` or call ``executescript`` in a migration: :func:`migrate` owns the
   transaction (``executescript`` would commit it halfway).
4. ``tests/core/test_migrations.py`` builds a library at every older version, fills it, and
   migrates it to the latest; add a test there when your migration transforms existing data.

Tables a migration adds are read and written through ``Library.transaction()`` and
``Library.read()`` (see :mod:`variorum.core.library`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One step of the schema's history: ``statements`` run in order, then ``run`` if given."""

    name: str
    statements: tuple[str, ...] = ()
    run: Callable[[sqlite3.Connection], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "articles and their analysis cache",
        (
            # IF NOT EXISTS: libraries written before migrations existed already say version 1.
            """CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY,
                payload TEXT NOT NULL,
                source_path TEXT,
                loaded_at REAL NOT NULL,
                position INTEGER NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS analysis (
                article_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                version TEXT NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (article_id, kind, version)
            )""",
        ),
    ),
    Migration(
        "stories: the user's grouping choices and the last grouping",
        (
            # variorum.core.stories.store reads and writes these.
            """CREATE TABLE IF NOT EXISTS story_choices (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                a TEXT NOT NULL,
                b TEXT NOT NULL DEFAULT ''
            )""",
            """CREATE TABLE IF NOT EXISTS story_members (
                article_id TEXT PRIMARY KEY,
                story_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                payload TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id)",
            """CREATE TABLE IF NOT EXISTS story_related (
                a TEXT NOT NULL,
                b TEXT NOT NULL,
                score REAL NOT NULL,
                PRIMARY KEY (a, b)
            )""",
        ),
    ),
    Migration(
        "analyst corrections per article",
        (
            # Kept apart from the analysis cache: a correction is the analyst's work, never
            # stale, and refers to names and text offsets, not to a cached result.
            """CREATE TABLE IF NOT EXISTS corrections (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id TEXT NOT NULL,
                payload TEXT NOT NULL,
                made_at REAL NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS corrections_by_article ON corrections (article_id, id)",
        ),
    ),
    Migration(
        "other files found with an article's content",
        (
            # The library keeps one article per content; a second file with the same content
            # (a page saved twice, a verbatim re-post) is remembered here, not stored again.
            """CREATE TABLE IF NOT EXISTS copies (
                article_id TEXT NOT NULL,
                source_path TEXT NOT NULL,
                loaded_at REAL NOT NULL,
                PRIMARY KEY (article_id, source_path)
            )""",
        ),
    ),
    # Append new migrations here (see the module docstring).
)

LATEST = len(MIGRATIONS)
"""The schema version this Variorum writes."""


class SchemaTooNewError(Exception):
    """The library was written by a newer Variorum; it may be read, not upgraded or written."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"written by a newer Variorum (library schema {found}; this version knows {known})"
        )
        self.found = found
        self.known = known


@dataclass(frozen=True)
class MigrationResult:
    before: int
    after: int

    @property
    def applied(self) -> int:
        return self.after - self.before


def schema_version(db: sqlite3.Connection) -> int:
    (version,) = db.execute("PRAGMA user_version").fetchone()
    return int(version)


def migrate(
    db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS
) -> MigrationResult:
    """Bring ``db`` (a connection in autocommit mode, ``isolation_level=None``) up to
    ``len(migrations)``: all missing migrations in one ``BEGIN IMMEDIATE`` transaction, then
    the new ``user_version``. Nothing is written when the library is already current."""
    target = len(migrations)
    before = schema_version(db)
    if before > target:
        raise SchemaTooNewError(before, target)
    if before == target:
        return MigrationResult(before, before)
    db.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(db)  # another process may have migrated while we waited
        if current > target:
            raise SchemaTooNewError(current, target)
        for migration in migrations[current:]:
            for statement in migration.statements:
                db.execute(statement)
            if migration.run is not None:
                migration.run(db)
        db.execute(f"PRAGMA user_version = {int(target)}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return MigrationResult(before, target)
