"""Getting a user's articles out of a library that is damaged, or that holds rows this version
cannot read, without ever destroying the original.

* :func:`quarantine_rows` moves unreadable rows (damaged JSON, wrong types) into a side file
  ``library-recovered-<date>.sqlite3`` beside the library, so the rest opens and nothing is
  lost; the user is told once.
* :func:`salvage` rebuilds a library from a damaged one the way SQLite's ``.recover`` does:
  walk each table by rowid and keep every row that can still be read, stepping over the
  damaged pages instead of stopping at the first error. The damaged file itself is kept as
  ``library.sqlite3.damaged-<date>``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from variorum.core.library import Library, UnreadableRow, classify

MAX_FAILED_PROBES = 2000
"""Rowids probed one by one past a damaged page before a table is given up."""
BATCH = 64


def stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, stem: str, suffix: str = "") -> Path:
    """``folder/stem+suffix``, or with ``-2``, ``-3``... when that name is taken."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def companions(path: Path) -> list[Path]:
    """The library file and SQLite's write-ahead log and shared-memory files beside it."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def move_aside(path: Path, tag: str) -> Path:
    """Rename the library (and its -wal/-shm) to ``<name>.<tag>-<date>``; returns the new
    name of the main file."""
    aside = free_name(path.parent, f"{path.name}.{tag}-{stamp()}")
    for part, suffix in zip(companions(path), ("", "-wal", "-shm"), strict=True):
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    return aside


def copy_aside(path: Path, tag: str) -> Path:
    """Copy the library (and its -wal/-shm) to ``<name>.<tag>-<date>``, leaving it in place."""
    aside = free_name(path.parent, f"{path.name}.{tag}-{stamp()}")
    for part, suffix in zip(companions(path), ("", "-wal", "-shm"), strict=True):
        if part.exists():
            shutil.copy2(part, aside.with_name(aside.name + suffix))
    return aside


_SIDE_SCHEMA = """CREATE TABLE IF NOT EXISTS articles (
    id TEXT, payload, source_path, loaded_at, position, reason TEXT
)"""


def quarantine_rows(library: Library, rows: list[UnreadableRow]) -> Path:
    """Copy ``rows`` as they are stored into ``library-recovered-<date>.sqlite3`` beside the
    library, then delete them from it. The side file is complete and closed before anything
    is deleted, so a failure in between loses nothing (the rows are then in both)."""
    assert library.path is not None
    side = free_name(library.path.parent, f"library-recovered-{stamp()}", ".sqlite3")
    reasons = {row.rowid: row.reason for row in rows}
    marks = ",".join("?" * len(reasons))
    raw = library.read(
        "SELECT rowid, id, payload, source_path, loaded_at, position FROM articles"
        f" WHERE rowid IN ({marks})",
        list(reasons),
    )
    try:
        out = sqlite3.connect(side)
        try:
            with out:
                out.execute(_SIDE_SCHEMA)
                out.executemany(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                    [(*row[1:], reasons[int(row[0])]) for row in raw],
                )
        finally:
            out.close()
    except (sqlite3.Error, OSError) as exc:
        side.unlink(missing_ok=True)
        raise classify(exc) from exc
    with library.transaction() as db:
        db.executemany("DELETE FROM articles WHERE rowid = ?", [(r,) for r in reasons])
    return side


@dataclass(frozen=True)
class Salvage:
    articles: int
    """Article rows copied into the new library."""
    lost: int
    """Article rows (or stretches of rowids) that could not be read."""
    aside: Path
    """Where the damaged file was kept."""


def salvage(path: Path) -> Salvage:
    """Replace the damaged library at ``path`` by a new one holding every row that can still
    be read; the damaged file is first copied aside and never changed."""
    aside = copy_aside(path, "damaged")
    rebuilt = free_name(path.parent, f".{path.name}.rebuilding-{stamp()}")
    copied = lost = 0
    target = Library(rebuilt)
    try:
        source = _open_damaged(aside)
        try:
            with target.transaction() as db:
                for ok, row in _readable_rows(source, "articles", _ARTICLE_COLUMNS):
                    if not ok:
                        lost += 1
                        continue
                    db.execute(
                        "INSERT OR IGNORE INTO articles (id, payload, source_path, loaded_at,"
                        " position) VALUES (?, ?, ?, ?, ?)",
                        row,
                    )
                    copied += 1
                for ok, row in _readable_rows(source, "analysis", _ANALYSIS_COLUMNS):
                    if ok:
                        db.execute("INSERT OR IGNORE INTO analysis VALUES (?, ?, ?, ?)", row)
        finally:
            if source is not None:
                source.close()
    finally:
        target.close()
    for part in companions(path)[1:]:  # the log belongs to the damaged file: never replay it
        part.unlink(missing_ok=True)
    os.replace(rebuilt, path)
    for part in companions(rebuilt)[1:]:
        part.unlink(missing_ok=True)
    return Salvage(copied, lost, aside)


_ARTICLE_COLUMNS = "id, payload, source_path, loaded_at, position"
_ANALYSIS_COLUMNS = "article_id, kind, version, payload"


def _open_damaged(path: Path) -> sqlite3.Connection | None:
    """The copy, read-only: with its write-ahead log when that can be read (the last changes
    may only be there), else the main file alone."""
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{path.absolute().as_uri()}{query}", uri=True, timeout=1.0)
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.Error:
            continue
    return None


def _readable_rows(
    db: sqlite3.Connection | None, table: str, columns: str
) -> Iterator[tuple[bool, tuple[Any, ...]]]:
    """``(True, row)`` for each row that reads, ``(False, ())`` for each rowid lost, in rowid
    order: batches while they read, then single rowids past a damaged stretch."""
    if db is None:
        return
    try:
        (top,) = db.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()
    except sqlite3.Error:
        top = None
    last = -(2**63)
    failures = 0
    while failures < MAX_FAILED_PROBES:
        try:
            rows = db.execute(
                f"SELECT rowid, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, BATCH),
            ).fetchall()
        except sqlite3.Error:
            if last == -(2**63):
                last = 0
            last += 1
            failures += 1
            if top is not None and last > top:
                return
            try:
                single = db.execute(
                    f"SELECT rowid, {columns} FROM {table} WHERE rowid = ?", (last,)
                ).fetchall()
            except sqlite3.Error:
                yield False, ()
                continue
            for row in single:
                yield True, tuple(row[1:])
            continue
        if not rows:
            return
        for row in rows:
            yield True, tuple(row[1:])
        last = int(rows[-1][0])
