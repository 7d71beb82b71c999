"""Opening the user's library whatever state it is in, and saying once what was done.

The policy, in one place: only real damage (SQLite says the file is corrupt, or is not a
database, and an integrity check agrees) replaces a library, and then only after a copy of it
was kept; rows this version cannot read are moved to a side file; every other trouble (busy,
full disk, read-only, written by a newer Variorum) leaves the file untouched and opens a
read-only copy (or, when it cannot be read at all, an empty session) with a notice saying that
this session's changes are not saved.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from variorum.core.library import (
    BUSY_TIMEOUT,
    ForeignDatabaseError,
    Library,
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryTooNewError,
)
from variorum.core.library_recovery import move_aside, quarantine_rows, salvage

log = logging.getLogger(__name__)

NOT_SAVED = "articles you add in this session are not saved"


@dataclass
class OpenedLibrary:
    library: Library
    notices: list[str] = field(default_factory=list)
    """What the user must be told once (empty when all was well)."""


def open_library(
    path: Path, *, busy_timeout: float | None = None, write_retry: float | None = None
) -> OpenedLibrary:
    """Open (creating, migrating, recovering as needed) the library at ``path``; a lock held
    by another program is waited for ``busy_timeout`` (then ``write_retry`` more) seconds."""
    busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
    write_retry = busy_timeout if write_retry is None else write_retry
    notices: list[str] = []
    try:
        library = Library(path, busy_timeout=busy_timeout, write_retry=write_retry)
    except LibraryCorruptError as exc:
        if not _damaged(path):  # not damage after all: never replace a library on a guess
            return _read_only(path, exc, busy_timeout)
        library = _recover(path, exc, notices)
    except ForeignDatabaseError as exc:
        aside = move_aside(path, "foreign")
        log.error("library %s is %s; moved to %s", path, exc.reason, aside.name)
        notices.append(
            f"The file at the library's place is {exc.reason}; it was kept as {aside.name} and "
            "a new library was started."
        )
        library = Library(path, busy_timeout=busy_timeout)
    except LibraryError as exc:
        return _read_only(path, exc, busy_timeout)
    library.write_retry = max(library.write_retry, 3 * busy_timeout)
    try:
        _check_rows(library, notices)
    except LibraryCorruptError as exc:
        library.close()
        if not _damaged(path):
            return _read_only(path, exc, busy_timeout)
        library = _recover(path, exc, notices)
    except LibraryError as exc:  # busy or full while tidying: leave it for next time
        notices.append(f"The library could not be tidied ({exc.reason}).")
    return OpenedLibrary(library, notices)


def _read_only(path: Path, exc: LibraryError, busy_timeout: float) -> OpenedLibrary:
    """Open a copy that is never written back; say why and what it means."""
    log.warning("library %s not writable: %s", path, exc.reason)
    if isinstance(exc, LibraryTooNewError):
        why = f"The library was {exc.reason}"
    elif isinstance(exc, LibraryBusyError):
        why = f"The library is in use by another program (still locked after {busy_timeout:g} s)"
    else:
        why = f"The library cannot be changed: {exc.reason}"
    try:
        library = Library.read_only_copy(path, busy_timeout=busy_timeout)
        what = f"it was opened read-only and {NOT_SAVED}"
    except LibraryError as second:
        log.warning("library %s not readable either: %s", path, second.reason)
        library = Library.session_only()
        what = (
            f"it could not be read either ({second.reason}): the list starts empty and "
            f"{NOT_SAVED}"
        )
    notices = [f"{why}; {what}. Nothing in the file was changed."]
    bad = library.unreadable_rows()
    if bad:
        notices.append(f"{_articles(len(bad))} in the library could not be read and are not shown.")
    return OpenedLibrary(library, notices)


def _check_rows(library: Library, notices: list[str]) -> None:
    """Move unreadable rows to a side file and give misplaced rows a position."""
    bad = library.unreadable_rows()
    if bad:
        side = quarantine_rows(library, bad)
        for row in bad:
            log.error("library row %s (%s) unreadable: %s", row.rowid, row.article_id, row.reason)
        notices.append(
            f"{_articles(len(bad))} could not be read from the library; "
            f"{'it is' if len(bad) == 1 else 'they are'} kept in {side.name}."
        )
    library.repair_positions()


def _recover(path: Path, exc: LibraryError, notices: list[str]) -> Library:
    """Damage SQLite reported and an integrity check confirmed: salvage what reads."""
    result = salvage(path)
    log.error(
        "library %s damaged (%s): %d articles recovered, %d lost; copy kept as %s",
        path,
        exc.reason,
        result.articles,
        result.lost,
        result.aside.name,
    )
    if result.articles == 0 and result.lost == 0:
        notices.append(
            f"The library could not be read ({exc.reason}); a new one was started and the old "
            f"file was kept as {result.aside.name}."
        )
    else:
        lost = f", {result.lost} could not be read" if result.lost else ""
        notices.append(
            f"The library was damaged; {_articles(result.articles)} recovered{lost}. The "
            f"damaged file was kept as {result.aside.name}."
        )
    return Library(path)


def _damaged(path: Path) -> bool:
    """SQLite's own verdict: the file is not a database, or ``quick_check`` finds damage."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return True
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
        return [tuple(r) for r in rows] != [("ok",)]
    except sqlite3.Error as exc:
        name = str(getattr(exc, "sqlite_errorname", ""))
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    finally:
        db.close()


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"
