"""The article library: every loaded article in SQLite in the user data dir, deduplicated by
content hash, with an analysis cache keyed by that hash.

Articles are stored as JSON of the dataclass (not pickles) so a newer Variorum can still read
them, and keys a newer Variorum added are kept in the row and ignored here. One connection
guarded by a lock: the GUI thread adds and removes, workers may read and fill the analysis
cache. The schema comes from :mod:`variorum.core.migrations`; tables a migration adds are used
through :meth:`Library.transaction` (writes) and :meth:`Library.read`.

Two processes may write the same library (WAL, a busy timeout, and write transactions that
take the write lock up front and are retried while another writer holds it). Every SQLite
failure reaches callers as a :class:`LibraryError` whose ``reason`` a user understands; what to
do about it at open time (recover, open read-only, ...) is :mod:`variorum.core.library_open`'s.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from variorum.core.article import Article, Paragraph
from variorum.core.library_copies import ALL_COPIES, COPIES_OF, by_article
from variorum.core.migrations import LATEST, SchemaTooNewError, migrate, schema_version

T = TypeVar("T")

BUSY_TIMEOUT = 5.0
"""Seconds SQLite itself waits for another writer before saying "busy"."""
WRITE_RETRY_SECONDS = 15.0
"""How long a write keeps retrying (after SQLite's own wait) while another process writes."""

REQUIRED_COLUMNS = {
    "articles": {"id", "payload", "source_path", "loaded_at", "position"},
    "analysis": {"article_id", "kind", "version", "payload"},
}
_ROW_COLUMNS = "rowid, id, payload, source_path, loaded_at, position"


class LibraryError(Exception):
    """A library operation failed; ``reason`` is a sentence fragment a user understands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LibraryBusyError(LibraryError):
    """Another program holds the library's lock for longer than we wait."""


class LibraryFullError(LibraryError):
    """The disk (or the file system's quota) is full; nothing was changed."""


class LibraryReadOnlyError(LibraryError):
    """The file or its folder cannot be written (or the library was opened read-only)."""


class LibraryCorruptError(LibraryError):
    """SQLite reports damage, or the file is not a database at all."""


class ForeignDatabaseError(LibraryError):
    """An SQLite database, but not a Variorum library (another program's file)."""


class LibraryTooNewError(LibraryError):
    def __init__(self, exc: SchemaTooNewError) -> None:
        super().__init__(str(exc))
        self.found = exc.found
        self.known = exc.known


_BUSY_CODES = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_FULL_CODES = {"SQLITE_FULL"}
_READONLY_CODES = {"SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH"}
_CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def _primary_code(exc: sqlite3.Error) -> str:
    """``SQLITE_BUSY`` for ``SQLITE_BUSY_SNAPSHOT`` and the like; "" when SQLite gave none."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    for known in (*_BUSY_CODES, *_FULL_CODES, *_READONLY_CODES, *_CORRUPT_CODES):
        if name == known or name.startswith(known + "_"):
            return known
    return name


def classify(exc: BaseException) -> LibraryError:
    """The :class:`LibraryError` a raw SQLite (or file system) failure stands for."""
    if isinstance(exc, LibraryError):
        return exc
    if isinstance(exc, SchemaTooNewError):
        return LibraryTooNewError(exc)
    if isinstance(exc, sqlite3.Error):
        code = _primary_code(exc)
        text = str(exc)
        if code in _BUSY_CODES or "locked" in text:
            return LibraryBusyError("the library is in use by another program (locked)")
        if code in _FULL_CODES or "full" in text:
            return LibraryFullError("the disk is full")
        if code in _READONLY_CODES or "readonly" in text or "read-only" in text:
            return LibraryReadOnlyError(f"the library cannot be written ({text})")
        if code in _CORRUPT_CODES or "malformed" in text or "not a database" in text:
            return LibraryCorruptError(f"the library file is damaged ({text})")
        return LibraryError(f"library error: {text}")
    if isinstance(exc, OSError):
        import errno

        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return LibraryFullError("the disk is full")
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return LibraryReadOnlyError(f"the library cannot be written ({exc.strerror})")
        return LibraryError(f"library error: {exc.strerror or exc}")
    if isinstance(exc, UnicodeError | ValueError | TypeError):
        return LibraryError(f"text that cannot be stored ({exc})")
    return LibraryError(f"library error: {type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class LibraryEntry:
    article: Article
    source_path: str | None
    loaded_at: float
    position: int
    payload: str | None = field(default=None, compare=False, repr=False)
    """The stored JSON as it was read, so putting a removed entry back keeps the keys a newer
    Variorum wrote (and this one ignores)."""
    copies: tuple[str, ...] = field(default=(), compare=False)
    """Other files this content was loaded from (the library stores it once): a page saved
    twice, or a re-post that changed nothing."""


@dataclass(frozen=True)
class AddResult:
    entry: LibraryEntry
    added: bool
    """False when the same content was already in the library."""


@dataclass(frozen=True)
class UnreadableRow:
    """A stored article this Variorum cannot turn back into an Article, and why."""

    rowid: int
    article_id: str
    reason: str


def article_to_json(article: Article) -> str:
    data = asdict(article)
    data["paragraphs"] = [[p.start, p.end, p.kind] for p in article.paragraphs]
    return json.dumps(data, ensure_ascii=False)


_ARTICLE_FIELDS = frozenset(f.name for f in fields(Article))


def article_from_json(payload: str) -> Article:
    """The Article in ``payload``; keys this version does not know (written by a newer one) are
    ignored. Raises ValueError, TypeError or KeyError for a payload that is not an article."""
    raw: Any = json.loads(payload)
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    data: dict[str, Any] = {k: v for k, v in raw.items() if k in _ARTICLE_FIELDS}
    data["paragraphs"] = tuple(Paragraph(int(s), int(e), str(k)) for s, e, k in data["paragraphs"])
    data["boilerplate"] = tuple(str(x) for x in data.get("boilerplate", ()))
    data["warnings"] = tuple(str(x) for x in data.get("warnings", ()))
    if not isinstance(data.get("text"), str):
        raise ValueError("no text")
    return Article(**data)


class Library:
    """One library file (or ``":memory:"``). Opening migrates it to the latest schema and
    checks it is ours; raises a :class:`LibraryError` subclass when it cannot."""

    def __init__(
        self,
        path: Path | str,
        *,
        busy_timeout: float = BUSY_TIMEOUT,
        write_retry: float = WRITE_RETRY_SECONDS,
    ) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        self.read_only = False
        """True for a copy opened read-only: writes work on the copy and are not saved."""
        self.write_retry = write_retry
        self._lock = threading.RLock()
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(path), check_same_thread=False, isolation_level=None, timeout=busy_timeout
            )
        except (sqlite3.Error, OSError) as exc:
            raise classify(exc) from exc
        try:
            self._retrying(lambda: self._db.execute("PRAGMA journal_mode=WAL").fetchone())
            self._retrying(lambda: migrate(self._db))
            self._check_ours()
        except BaseException as exc:
            self._db.close()
            raise classify(exc) from exc

    @classmethod
    def read_only_copy(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> Library:
        """An in-memory copy of the library at ``path``, never written back: for a library
        that is read-only, on a full disk, or written by a newer Variorum. The session works
        as usual (articles can be added and removed) but nothing of it is saved."""
        try:
            source = _open_read_only(path, busy_timeout)
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        self = cls.__new__(cls)
        self.path = path
        self.read_only = True
        self.write_retry = 0.0
        self._lock = threading.RLock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        try:
            source.backup(self._db)
            if schema_version(self._db) <= LATEST:
                migrate(self._db)
            self._check_ours()
        except BaseException as exc:
            self._db.close()
            raise classify(exc) from exc
        finally:
            source.close()
        return self

    @classmethod
    def session_only(cls) -> Library:
        """An empty library kept in memory, when the real one cannot be opened at all."""
        self = cls(":memory:")
        self.read_only = True
        return self

    def _check_ours(self) -> None:
        for table, needed in REQUIRED_COLUMNS.items():
            have = {str(row[1]) for row in self._db.execute(f"PRAGMA table_info({table})")}
            missing = needed - have
            if missing:
                raise ForeignDatabaseError(
                    f"not a Variorum library (table {table!r} lacks {', '.join(sorted(missing))})"
                )

    # -- transactions -------------------------------------------------------------------

    def _retrying(self, action: Callable[[], T]) -> T:
        """Run ``action``, retrying while another process holds the lock (SQLite has already
        waited ``busy_timeout`` each time), for up to :attr:`write_retry` seconds."""
        deadline = time.monotonic() + self.write_retry
        delay = 0.05
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if _primary_code(exc) not in _BUSY_CODES or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``: the write lock is taken first, so two
        processes never deadlock halfway); everything in it is committed or nothing. Raises a
        :class:`LibraryError` (busy, full, read-only...) on failure, the library unchanged."""
        with self._lock:
            try:
                self._retrying(lambda: self._db.execute("BEGIN IMMEDIATE"))
            except sqlite3.Error as exc:
                raise classify(exc) from exc
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error | UnicodeError | OSError):
                    raise classify(exc) from exc
                raise

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of one query (a consistent snapshot). Raises a :class:`LibraryError`."""
        with self._lock:
            try:
                return self._retrying(lambda: self._db.execute(sql, tuple(params)).fetchall())
            except sqlite3.Error as exc:
                raise classify(exc) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- articles -----------------------------------------------------------------------

    def add(self, article: Article, *, loaded_at: float | None = None) -> AddResult:
        try:
            payload = article_to_json(article)
            payload.encode("utf-8")  # what SQLite will be given: fail here, not mid-transaction
        except (UnicodeError, ValueError, TypeError) as exc:
            raise classify(exc) from exc
        with self.transaction() as db:
            row = db.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article.id,)
            ).fetchone()
            if row is not None:
                existing = self._entry(row)
                if existing is not None:
                    path = article.source_path
                    if path and path != existing.source_path:
                        db.execute(
                            "INSERT OR IGNORE INTO copies (article_id, source_path, loaded_at)"
                            " VALUES (?, ?, ?)",
                            (article.id, path, time.time() if loaded_at is None else loaded_at),
                        )
                    copies = by_article(db.execute(COPIES_OF, (article.id,))).get(article.id, ())
                    return AddResult(replace(existing, copies=copies), added=False)
                db.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # unreadable copy
            # A new article: files recorded for an earlier one of this content that was
            # removed for good are not its copies.
            db.execute("DELETE FROM copies WHERE article_id = ?", (article.id,))
            (top,) = db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM articles WHERE typeof(position) ="
                " 'integer'"
            ).fetchone()
            when = time.time() if loaded_at is None else loaded_at
            db.execute(
                "INSERT INTO articles (id, payload, source_path, loaded_at, position)"
                " VALUES (?, ?, ?, ?, ?)",
                (article.id, payload, article.source_path, when, top),
            )
            entry = LibraryEntry(article, article.source_path, when, int(top), payload)
            return AddResult(entry, True)

    def entries(self) -> list[LibraryEntry]:
        """Every readable article in order; rows that cannot be read are left out (see
        :meth:`unreadable_rows`)."""
        rows = self.read(f"SELECT {_ROW_COLUMNS} FROM articles ORDER BY position, rowid")
        entries = [entry for entry in map(self._entry, rows) if entry is not None]
        copies = by_article(self.read(ALL_COPIES))
        for i, entry in enumerate(entries):
            if entry.article.id in copies:
                entries[i] = replace(entry, copies=copies[entry.article.id])
        return entries

    def unreadable_rows(self) -> list[UnreadableRow]:
        """Stored articles this version cannot read (damaged JSON, a wrong type...)."""
        bad: list[UnreadableRow] = []
        for row in self.read(f"SELECT {_ROW_COLUMNS} FROM articles"):
            reason = _row_problem(row)
            if reason is not None:
                bad.append(UnreadableRow(int(row[0]), str(row[1]), reason))
        return bad

    def repair_positions(self) -> int:
        """Give rows whose position is not an integer a place at the end (in the order they
        were stored); returns how many were repaired."""
        with self.transaction() as db:
            odd = db.execute(
                "SELECT rowid FROM articles WHERE typeof(position) != 'integer' ORDER BY rowid"
            ).fetchall()
            for (rowid,) in odd:
                db.execute(
                    "UPDATE articles SET position = (SELECT COALESCE(MAX(position), -1) + 1 FROM"
                    " articles WHERE typeof(position) = 'integer') WHERE rowid = ?",
                    (rowid,),
                )
        return len(odd)

    def get(self, article_id: str) -> LibraryEntry | None:
        rows = self.read(f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return self._entry(rows[0]) if rows else None

    def __len__(self) -> int:
        ((count,),) = self.read("SELECT COUNT(*) FROM articles")
        return int(count)

    def remove(self, article_ids: Iterable[str]) -> list[LibraryEntry]:
        """Remove articles and return them as they were, so Undo can put them back in place.
        The analysis cache is kept: it is keyed by content and costs nothing to keep."""
        removed: list[LibraryEntry] = []
        with self.transaction() as db:
            for article_id in article_ids:
                row = db.execute(
                    f"SELECT {_ROW_COLUMNS} FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is not None:
                    entry = self._entry(row)
                    if entry is not None:
                        removed.append(entry)
                    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return removed

    def restore(self, entries: Iterable[LibraryEntry]) -> None:
        """Put removed articles back where they were; articles added since then at the same
        place move down one, so the order stays total (and survives a restart)."""
        with self.transaction() as db:
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
                        entry.payload or article_to_json(entry.article),
                        entry.source_path,
                        entry.loaded_at,
                        entry.position,
                    ),
                )

    # -- analysis cache -----------------------------------------------------------------

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None:
        rows = self.read(
            "SELECT payload FROM analysis WHERE article_id = ? AND kind = ? AND version = ?",
            (article_id, kind, version),
        )
        return str(rows[0][0]) if rows else None

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO analysis (article_id, kind, version, payload)"
                " VALUES (?, ?, ?, ?)",
                (article_id, kind, version, payload_json),
            )

    @staticmethod
    def _entry(row: tuple[Any, ...]) -> LibraryEntry | None:
        _rowid, _id, payload, source_path, loaded_at, position = row
        try:
            article = article_from_json(payload)
            when = float(loaded_at)
        except (ValueError, TypeError, KeyError, RecursionError):
            return None
        place = position if isinstance(position, int) else -1
        return LibraryEntry(article, source_path, when, place, payload)


def _row_problem(row: tuple[Any, ...]) -> str | None:
    _rowid, _id, payload, _source, loaded_at, _position = row
    try:
        if not isinstance(payload, str):
            raise TypeError("payload is not text")
        article_from_json(payload)
        float(loaded_at)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        return f"{type(exc).__name__}: {exc}"[:200]
    return None


def _open_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection that never creates or changes a file; ``immutable`` as a last
    resort for a WAL library in a folder we cannot write (SQLite then cannot share memory)."""
    uri = path.absolute().as_uri()
    last: sqlite3.Error | None = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(
                uri + query, uri=True, check_same_thread=False, timeout=busy_timeout
            )
            db.execute("PRAGMA user_version").fetchone()
            return db
        except sqlite3.Error as exc:
            last = exc
            if _primary_code(exc) in _BUSY_CODES:
                raise
    assert last is not None
    raise last
