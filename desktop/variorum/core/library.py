"""The article library: every loaded article in SQLite in the user data dir, deduplicated by
content hash, with an analysis cache keyed by that hash.

Articles are stored as JSON of the dataclass (not pickles) so a newer Variorum can still read
them. One connection guarded by a lock: the GUI thread adds and removes, workers may read and
fill the analysis cache.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from variorum.core.article import Article, Paragraph

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    source_path TEXT,
    loaded_at REAL NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis (
    article_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    version TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, version)
);
PRAGMA user_version = 1;
"""


@dataclass(frozen=True)
class LibraryEntry:
    article: Article
    source_path: str | None
    loaded_at: float
    position: int


@dataclass(frozen=True)
class AddResult:
    entry: LibraryEntry
    added: bool
    """False when the same content was already in the library."""


def article_to_json(article: Article) -> str:
    data = asdict(article)
    data["paragraphs"] = [[p.start, p.end, p.kind] for p in article.paragraphs]
    return json.dumps(data, ensure_ascii=False)


def article_from_json(payload: str) -> Article:
    data: dict[str, Any] = json.loads(payload)
    data["paragraphs"] = tuple(Paragraph(int(s), int(e), str(k)) for s, e, k in data["paragraphs"])
    data["boilerplate"] = tuple(data.get("boilerplate", ()))
    data["warnings"] = tuple(data.get("warnings", ()))
    return Article(**data)


class Library:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(self, article: Article, *, loaded_at: float | None = None) -> AddResult:
        with self._transaction() as db:
            row = db.execute(
                "SELECT payload, source_path, loaded_at, position FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
            if row is not None:
                return AddResult(self._entry(row), added=False)
            (top,) = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM articles").fetchone()
            when = time.time() if loaded_at is None else loaded_at
            db.execute(
                "INSERT INTO articles (id, payload, source_path, loaded_at, position)"
                " VALUES (?, ?, ?, ?, ?)",
                (article.id, article_to_json(article), article.source_path, when, top),
            )
            return AddResult(LibraryEntry(article, article.source_path, when, int(top)), True)

    def entries(self) -> list[LibraryEntry]:
        with self._lock:
            rows = self._db.execute(
                "SELECT payload, source_path, loaded_at, position FROM articles ORDER BY position"
            ).fetchall()
        return [self._entry(row) for row in rows]

    def get(self, article_id: str) -> LibraryEntry | None:
        with self._lock:
            row = self._db.execute(
                "SELECT payload, source_path, loaded_at, position FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        return None if row is None else self._entry(row)

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()
        return int(count)

    def remove(self, article_ids: Iterable[str]) -> list[LibraryEntry]:
        """Remove articles and return them as they were, so Undo can put them back in place.
        The analysis cache is kept: it is keyed by content and costs nothing to keep."""
        removed: list[LibraryEntry] = []
        with self._transaction() as db:
            for article_id in article_ids:
                row = db.execute(
                    "SELECT payload, source_path, loaded_at, position FROM articles WHERE id = ?",
                    (article_id,),
                ).fetchone()
                if row is not None:
                    removed.append(self._entry(row))
                    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return removed

    def restore(self, entries: Iterable[LibraryEntry]) -> None:
        """Put removed articles back where they were; articles added since then at the same
        place move down one, so the order stays total (and survives a restart)."""
        with self._transaction() as db:
            for entry in sorted(entries, key=lambda e: e.position):
                taken = db.execute(
                    "SELECT 1 FROM articles WHERE position = ?", (entry.position,)
                ).fetchone()
                if taken is not None:
                    db.execute(
                        "UPDATE articles SET position = position + 1 WHERE position >= ?",
                        (entry.position,),
                    )
                db.execute(
                    "INSERT OR IGNORE INTO articles (id, payload, source_path, loaded_at, position)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        entry.article.id,
                        article_to_json(entry.article),
                        entry.source_path,
                        entry.loaded_at,
                        entry.position,
                    ),
                )

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT payload FROM analysis WHERE article_id = ? AND kind = ? AND version = ?",
                (article_id, kind, version),
            ).fetchone()
        return None if row is None else str(row[0])

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO analysis (article_id, kind, version, payload)"
                " VALUES (?, ?, ?, ?)",
                (article_id, kind, version, payload_json),
            )

    @staticmethod
    def _entry(row: tuple[Any, ...]) -> LibraryEntry:
        payload, source_path, loaded_at, position = row
        return LibraryEntry(
            article_from_json(payload), source_path, float(loaded_at), int(position)
        )
