"""Load one file or a batch: size check before reading, format detection, typed errors.

Every failure becomes an :class:`IngestError`; anything unforeseen is wrapped in
:class:`InternalError` and logged with its traceback, so one bad file never stops a batch.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.ingest.detect import EXTENSION_FORMATS, sniff_format
from variorum.core.ingest.errors import (
    EmptyFileError,
    IngestError,
    InternalError,
    NotTextError,
    TooLargeError,
    UnreadableError,
    UnsupportedFormatError,
)
from variorum.core.ingest.text import load_text

log = logging.getLogger(__name__)

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024
SNIFF_BYTES = 8192

FormatLoader = Callable[[bytes], ArticleDraft]
"""Turns the file's bytes into a draft; raises IngestError subclasses for bad content."""

LOADERS: dict[str, FormatLoader] = {
    "text": load_text,
    "markdown": lambda data: load_text(data, markdown=True),
}


def register_loader(fmt: str, loader: FormatLoader) -> None:
    """Format modules register here, so adding a format never touches this module's logic."""
    LOADERS[fmt] = loader


@dataclass(frozen=True)
class LoadFailure:
    path: str
    reason: str


@dataclass
class LoadReport:
    articles: list[Article] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)


def load_file(path: str | os.PathLike[str], *, size_limit: int = DEFAULT_SIZE_LIMIT) -> Article:
    """Load one file into an Article or raise an IngestError with a readable reason."""
    p = Path(path)
    data = _read_bounded(p, size_limit)
    return load_bytes(data, p.name, source_path=str(p.absolute()), size_limit=size_limit)


def load_bytes(
    data: bytes,
    name: str,
    *,
    source_path: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
) -> Article:
    """Load already-read content (a file, the clipboard); ``name`` supplies the extension."""
    if len(data) > size_limit:
        raise TooLargeError(size_limit)
    if not data.strip():
        raise EmptyFileError()
    fmt = sniff_format(data[:SNIFF_BYTES], name)
    if fmt == "binary":
        raise NotTextError()
    loader = LOADERS.get(fmt)
    if loader is None:
        raise UnsupportedFormatError(fmt)
    try:
        draft = loader(data)
    except IngestError:
        raise
    except MemoryError as exc:
        raise InternalError("out of memory") from exc
    except Exception as exc:  # a loader bug must not take the batch down
        log.exception("loader %s failed on %s", fmt, source_path or name)
        raise InternalError(f"{type(exc).__name__}: {exc}") from exc
    article = build_article(draft, source_path)
    if not article.text.strip():
        raise EmptyFileError("no text found")
    return article


def _read_bounded(path: Path, size_limit: int) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        reason = "broken link" if path.is_symlink() else "file not found"
        raise UnreadableError(f"cannot read: {reason}") from exc
    except OSError as exc:
        raise UnreadableError(f"cannot read: {_os_reason(exc)}") from exc
    if path.is_dir():
        raise UnreadableError("cannot read: is a folder")
    if st.st_size > size_limit:
        raise TooLargeError(size_limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(size_limit + 1)
    except OSError as exc:
        raise UnreadableError(f"cannot read: {_os_reason(exc)}") from exc
    if len(data) > size_limit:  # grew while we were reading
        raise TooLargeError(size_limit)
    return data


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "file not found"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or type(exc).__name__


def is_candidate(path: Path) -> bool:
    """Files inside a dropped folder worth trying: known extensions; hidden files skipped."""
    return not path.name.startswith(".") and path.suffix.lower() in EXTENSION_FORMATS


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
    on_error: Callable[[str, str], None] | None = None,
) -> Iterator[Path]:
    """Files named directly, and candidate files inside folders (recursively, sorted, each real
    file once: symlink loops and repeats are skipped)."""
    seen: set[tuple[int, int]] = set()

    def once(p: Path) -> bool:
        try:
            st = p.stat()
        except OSError:
            return True  # let the loader report why
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p, once, on_error)
        elif once(p):
            yield p


def _walk(
    root: Path,
    once: Callable[[Path], bool],
    on_error: Callable[[str, str], None] | None,
) -> Iterator[Path]:
    if not once(root):
        return
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        if on_error:
            on_error(str(root), f"cannot read folder: {_os_reason(exc)}")
        return
    for entry in entries:
        p = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(p, once, on_error)
                continue
        except OSError:
            pass
        if is_candidate(p):
            if entry.is_symlink() and not p.exists():
                if on_error:
                    on_error(str(p), "cannot read: broken link")
                continue
            if once(p):
                yield p


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    progress: Callable[[int, str], bool] | None = None,
) -> LoadReport:
    """Load every file; ``progress(done, path)`` returning False cancels the rest."""
    report = LoadReport()

    def failed(path: str, reason: str) -> None:
        report.failures.append(LoadFailure(path, reason))

    for done, path in enumerate(expand_paths(paths, failed)):
        if progress is not None and not progress(done, str(path)):
            break
        try:
            report.articles.append(load_file(path, size_limit=size_limit))
        except IngestError as err:
            failed(str(path), err.reason)
    return report
