"""Load one file or a batch: size check before reading, format detection, typed errors.

Every failure becomes an :class:`IngestError`; anything unforeseen is wrapped in
:class:`InternalError` and logged with its traceback, so one bad file never stops a batch.
"""

from __future__ import annotations

import errno
import functools
import importlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, BinaryIO

from variorum.core.article import Article, ArticleDraft, build_article, settle
from variorum.core.ingest.detect import EXTENSION_FORMATS, sniff_format
from variorum.core.ingest.errors import (
    CorruptFileError,
    EmptyFileError,
    IngestError,
    InternalError,
    NotTextError,
    PasswordRequiredError,
    TooLargeError,
    UnreadableError,
    UnsupportedFormatError,
)
from variorum.core.ingest.lazylog import get_logger
from variorum.core.ingest.pathnames import absolute_path, file_name, normal_path
from variorum.core.ingest.sanitize import display_path

if TYPE_CHECKING:
    from pathlib import Path

    from variorum.core.ingest.limits import Limits, PageProgress
    from variorum.core.ingest.report import LoadReport
    from variorum.core.sandbox import WorkerPool

DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024
SNIFF_BYTES = 8192
INLINE_BYTES = 256 * 1024
"""Plain text up to this size is read in the calling thread, without a worker process or the
limits: its loader is linear in the size (~50 ms per MB; every regular expression it uses has a
time-bounded test on pathological input) and calls nothing that can hang. Larger text, and
every other format, runs under the limits."""

FormatLoader = Callable[..., ArticleDraft]
"""Turns the file's bytes into a draft (``loader(data)``; a PDF's also takes ``password=``);
raises IngestError subclasses for bad content."""


def _on_first_use(module: str, function: str, **options: bool) -> FormatLoader:
    """A loader that imports its format module when first called. The format modules pull in
    lxml, trafilatura, pypdf, python-docx, the email package...: importing them all up front
    cost a plain-text command line ~100 ms before it read a byte."""

    def load(data: bytes, **extra: str) -> ArticleDraft:
        real: Callable[..., ArticleDraft] = getattr(
            importlib.import_module(f"variorum.core.ingest.{module}"), function
        )
        return real(data, **options, **extra)

    load.__name__ = load.__qualname__ = function
    return load


LOADERS: dict[str, FormatLoader] = {
    "text": _on_first_use("text", "load_text"),
    "markdown": _on_first_use("text", "load_text", markdown=True),
    "html": _on_first_use("html", "load_html"),
    "docx": _on_first_use("docx", "load_docx"),
    "odt": _on_first_use("odt", "load_odt"),
    "rtf": _on_first_use("rtf", "load_rtf"),
    "doc": _on_first_use("unsupported", "load_doc"),
    "pdf": _on_first_use("pdf", "load_pdf"),
    "eml": _on_first_use("eml", "load_eml"),
}
"""Format -> loader. The built-in ones import their module on first use (see
:func:`_on_first_use`); :func:`register_loader` adds or replaces one."""

_LINEAR_TIME = frozenset({LOADERS["text"], LOADERS["markdown"]})
"""The built-in loaders that may run without the worker (see :data:`INLINE_BYTES`); a loader
registered in their place runs under the limits like any other."""


def register_loader(fmt: str, loader: FormatLoader) -> None:
    """Format modules register here, so adding a format never touches this module's logic."""
    LOADERS[fmt] = loader


def load_file(
    path: str | os.PathLike[str],
    *,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    limits: Limits | None = None,
    page_progress: PageProgress | None = None,
    pool: WorkerPool | None = None,
    cancelled: Callable[[], bool] | None = None,
    password: str | None = None,
) -> Article:
    """Load one file into an Article or raise an IngestError with a readable reason.
    ``limits`` bound the format loader (None: :data:`DEFAULT_LIMITS`), see :func:`load_bytes`."""
    p = normal_path(path)
    data = _read_bounded(p, size_limit)
    return load_bytes(
        data,
        file_name(p),
        source_path=display_path(absolute_path(p)),
        size_limit=size_limit,
        limits=limits,
        page_progress=page_progress,
        pool=pool,
        cancelled=cancelled,
        password=password,
    )


def load_bytes(
    data: bytes,
    name: str,
    *,
    source_path: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    limits: Limits | None = None,
    page_progress: PageProgress | None = None,
    pool: WorkerPool | None = None,
    cancelled: Callable[[], bool] | None = None,
    password: str | None = None,
) -> Article:
    """Load already-read content (a file, the clipboard: "clipboard.html" / "clipboard.txt");
    ``name`` supplies the extension. Unless it is small plain text (see :data:`INLINE_BYTES`),
    the format loader runs under ``limits`` (CPU time, memory, bounded unpacking, PDF page cap;
    None: :data:`DEFAULT_LIMITS`): in a worker process of ``pool`` (or of the process's
    default pool, :func:`variorum.core.ingest.isolation.set_default_pool`) when there is one,
    killed if it overruns; else in a thread with a cooperative deadline. ``page_progress(done,
    total)`` reports pages of a long PDF and cancels it by returning False; ``cancelled()``
    returning True stops a load running in a worker. ``password`` opens an encrypted PDF
    (:class:`PasswordRequiredError` says when one is needed or was wrong)."""
    fmt, loader = _format_loader(data, name, size_limit, password)
    inline = loader in _LINEAR_TIME and len(data) <= INLINE_BYTES
    if not inline:
        from variorum.core.ingest import isolation

        pool = pool if pool is not None else isolation.default_pool()
        if pool is not None:
            return isolation.load_in_pool(
                pool,
                data,
                name,
                source_path=source_path,
                size_limit=size_limit,
                limits=limits,
                page_progress=page_progress,
                cancelled=cancelled,
                password=password,
            )
    try:
        if inline:
            draft = loader(data)
        else:
            # Imported here: the worker and its budget (threading, ~3 ms) are not needed above.
            from variorum.core.ingest.limits import DEFAULT_LIMITS, Budget, run_guarded

            budget = Budget(limits=limits or DEFAULT_LIMITS, page_progress=page_progress)
            draft = run_guarded(lambda: loader(data), budget)
    except IngestError:
        raise
    except MemoryError as exc:
        get_logger(__name__).error("out of memory reading %s as %s", source_path or name, fmt)
        raise InternalError("out of memory") from exc
    except RecursionError as exc:
        raise CorruptFileError("damaged file (nested too deeply to read)") from exc
    except Exception as exc:  # a loader bug must not take the batch down
        get_logger(__name__).exception("loader %s failed on %s", fmt, source_path or name)
        raise InternalError(f"{type(exc).__name__}: {exc}") from exc
    return finish_article(draft, source_path)


def _format_loader(
    data: bytes, name: str, size_limit: int, password: str | None = None
) -> tuple[str, FormatLoader]:
    """The format of ``data`` and its loader (given the password when it is a PDF), or the
    IngestError that refuses it at once."""
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
    if password and fmt == "pdf":
        return fmt, functools.partial(loader, password=password)
    return fmt, loader


def finish_article(draft: ArticleDraft, source_path: str | None) -> Article:
    """The draft's text cleaned at the edge (see :mod:`variorum.core.ingest.sanitize`), its
    language identified (:mod:`variorum.core.ingest.language`), built into an Article; a draft
    with no text left is refused."""
    from variorum.core.ingest.language import SAMPLE_CHARS, language_note
    from variorum.core.ingest.sanitize import sanitize_draft

    draft = sanitize_draft(draft)
    sample = "\n\n".join(draft.paragraphs)[: SAMPLE_CHARS]
    draft.language, note = language_note(sample, draft.language)
    if note:
        draft.warnings.append(note)
    article = build_article(draft, source_path)
    if not article.text.strip():
        raise EmptyFileError("no text found")
    if not any(c.isalnum() for c in article.text[:4096]) and not _has_word(article.text):
        raise EmptyFileError("no words found (only punctuation or symbols)")
    return article


def _has_word(text: str) -> bool:
    import re

    return re.search(r"[^\W_]", text) is not None


def _read_bounded(path: str, size_limit: int) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        reason = "broken link" if os.path.islink(path) else "file not found"
        raise UnreadableError(f"cannot read: {reason}") from exc
    except OSError as exc:
        raise UnreadableError(f"cannot read: {_os_reason(exc)}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableError("cannot read: is a folder")
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
        raise UnreadableError("cannot read: not a regular file")
    if st.st_size > size_limit:
        raise TooLargeError(size_limit)
    for _attempt in range(3):
        data, before, after = _read_once(path, size_limit)
        if len(data) > size_limit:  # grew while we were reading
            raise TooLargeError(size_limit)
        if before != after or (len(data) != after[0] and after[0] != 0):
            continue
        if not _changed_lately(after[1]):
            return data
        # Changed within the file system's timestamp resolution of our read ("racy", as git
        # calls it): a rewrite in the same clock tick would leave size and times as they
        # were. A second read a moment later (a writer halfway through gets to go on) that
        # agrees byte for byte settles it.
        import time

        time.sleep(RACY_PAUSE)
        again, before2, after2 = _read_once(path, size_limit)
        if again == data and before2 == after2 == after:
            return data
    raise UnreadableError("cannot read: the file changed while it was being read")


RACY_NS = 2_000_000_000
"""A file modified this recently (ns) is read twice: coarse timestamps (FAT keeps 2 s, many
file systems a clock tick) cannot tell a rewrite during our read from no change."""


RACY_PAUSE = 0.02
"""Seconds between the two reads of a file changed lately."""


def _changed_lately(mtime_ns: int) -> bool:
    import time

    return abs(time.time_ns() - mtime_ns) < RACY_NS


def _read_once(
    path: str, size_limit: int
) -> tuple[bytes, tuple[int, int, int], tuple[int, int, int]]:
    """Read up to the limit and return the (size, mtime, ctime) seen on the open handle before
    and after, so a file rewritten under us is noticed rather than loaded half old, half new."""
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            data = _read_up_to(handle, size_limit + 1)
            end = os.fstat(handle.fileno())
    except FileNotFoundError as exc:
        raise UnreadableError("cannot read: file not found (moved or deleted?)") from exc
    except OSError as exc:
        raise UnreadableError(f"cannot read: {_os_reason(exc)}") from exc
    return (
        data,
        (st.st_size, st.st_mtime_ns, st.st_ctime_ns),
        (end.st_size, end.st_mtime_ns, end.st_ctime_ns),
    )


READ_CHUNK = 1 << 20


def _read_up_to(handle: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks: ``read(limit)`` would allocate the whole limit
    (50 MB by default, up to 2 GB) for every file, however small, in every worker."""
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = handle.read(min(READ_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


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
    from pathlib import Path  # here: a command line naming its files never needs it

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
        p = root / entry.name
        try:
            if entry.is_dir(follow_symlinks=True):
                yield from _walk(p, once, on_error)
                continue
        except OSError:
            pass
        if is_candidate(p):
            if entry.is_symlink():
                problem = _link_problem(p)
                if problem is not None:
                    if on_error:
                        on_error(str(p), problem)
                    continue
            if once(p):
                yield p


def _link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be followed (dangling or looping), or None when it can."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "cannot read: symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "cannot read: broken link"
        return f"cannot read: {_os_reason(exc)}"
    return None


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    progress: Callable[[int, str], bool] | None = None,
    limits: Limits | None = None,
    page_progress: PageProgress | None = None,
    pool: WorkerPool | None = None,
    cancelled: Callable[[], bool] | None = None,
    passwords: Mapping[str, str] | None = None,
) -> LoadReport:
    """Load every file; ``progress(done, path)`` returning False cancels the rest, and
    ``page_progress`` (pages of a long PDF) returning False, or ``cancelled()`` returning True,
    cancels the file being read (see :func:`load_bytes` for ``pool``). ``passwords``: per
    path as given, for encrypted PDFs."""
    from variorum.core.ingest.report import LoadFailure, LoadReport

    report = LoadReport()

    def failed(path: str, reason: str, needs_password: bool = False) -> None:
        report.failures.append(
            LoadFailure(display_path(path), reason, needs_password, source=str(path))
        )

    for done, path in enumerate(expand_paths(paths, failed)):
        if progress is not None and not progress(done, display_path(str(path))):
            break
        try:
            article = load_file(
                path,
                size_limit=size_limit,
                limits=limits,
                page_progress=page_progress,
                pool=pool,
                cancelled=cancelled,
                password=(passwords or {}).get(str(path)),
            )
            # The hash and word count now, in this (worker) thread, not when the window asks.
            report.articles.append(settle(article))
        except PasswordRequiredError as err:
            failed(str(path), err.reason, needs_password=True)
        except IngestError as err:
            failed(str(path), err.reason)
        except MemoryError:  # one file too big for this machine must not end the batch
            get_logger(__name__).error("out of memory loading %s", path)
            failed(str(path), "internal error: out of memory")
    return report
