"""PDF via pypdf: text in reading order, hyphenation joined, running headers/footers and page
numbers removed, metadata; bounded in pages and time, with per-page progress and cancel.

pypdf (pure Python, already a dependency) was chosen over pdfminer.six: see
docs/ingest-html.md ("PDF") for what was compared. A PDF whose pages yield no text is a scan:
that is said plainly instead of producing an empty article.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter
from datetime import datetime
from typing import Any

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.errors import (
    CorruptFileError,
    EncryptedError,
    IngestError,
    NoTextLayerError,
    PasswordRequiredError,
)
from variorum.core.ingest.limits import current_budget

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:page\s*|p\.\s*|seite\s*)?\d{1,5}(?:\s*(?:of|/|von)\s*\d{1,5})?[\s\-–—]*$", re.I
)
_DIGITS_RE = re.compile(r"\d+")
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’", "'", ")", "»")


def load_pdf(data: bytes, password: str = "") -> ArticleDraft:
    """``password``: for an encrypted PDF (the empty password, which many "protected" PDFs
    use, is always tried first)."""
    budget = current_budget()
    limits = budget.limits
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns loudly about odd files
    reader = _open(data, password)
    try:
        total = len(reader.pages)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on a broken page tree
        raise CorruptFileError("damaged PDF (page list unreadable)") from exc
    draft = ArticleDraft(format="pdf")
    count = min(total, limits.max_pdf_pages)
    if total > count:
        draft.warnings.append(f"only the first {count} of {total} pages were read")
    pages: list[list[str]] = []
    for index in range(count):
        budget.pages(index, count)
        left = budget.remaining()
        if left is not None and limits.timeout and left < 0.1 * limits.timeout and pages:
            draft.warnings.append(f"stopped after page {index} of {total} (time limit)")
            break
        pages.append(_page_lines(reader, index, draft))
    budget.pages(len(pages), count)
    if not any(any(line.strip() for line in page) for page in pages):
        raise NoTextLayerError()
    pages = strip_running_lines(pages)
    for paragraph in join_lines([line for page in pages for line in page], pages):
        draft.paragraphs.append(paragraph)
    _metadata(reader, draft)
    return finish_draft(draft)


def _open(data: bytes, password: str = "") -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, RecursionError, zlib.error) as exc:
        raise CorruptFileError(f"damaged PDF ({type(exc).__name__})") from exc
    if reader.is_encrypted:
        refused = (
            PasswordRequiredError("encrypted PDF (wrong password)")
            if password
            else PasswordRequiredError()
        )
        try:
            ok = reader.decrypt("") or (bool(password) and reader.decrypt(password))
        except (DependencyError, NotImplementedError) as exc:
            raise EncryptedError("encrypted PDF (this encryption is not supported)") from exc
        except (PdfReadError, FileNotDecryptedError, ValueError, KeyError) as exc:
            raise refused from exc
        if not ok:
            raise refused
    return reader


def _page_lines(reader: Any, index: int, draft: ArticleDraft) -> list[str]:
    try:
        text = reader.pages[index].extract_text() or ""
    except RecursionError:
        draft.warnings.append(f"page {index + 1} could not be read")
        return []
    except (IngestError, MemoryError):
        raise
    except Exception:  # one damaged page must not cost the other pages
        draft.warnings.append(f"page {index + 1} could not be read")
        return []
    text = text.translate(_LIGATURES).replace("\t", " ").replace("\u00ad", "")
    return [" ".join(line.split()) for line in text.splitlines()]


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or at the bottom of most pages (digits
    folded, so "Page 3 of 9" and "Annual report 2023 — 4" count as the same running line).
    Repeats are only believed while they stay a minority of all lines."""
    pages = [[line for line in page if line] for page in pages]
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for page in pages:
        depth = 2 if len(page) >= 6 else 1
        tops.update({_DIGITS_RE.sub("#", line) for line in page[:depth]})
        bottoms.update({_DIGITS_RE.sub("#", line) for line in page[-depth:]})
    threshold = max(3, int(0.6 * len(pages) + 0.5))
    running_top = {key for key, n in tops.items() if n >= threshold}
    running_bottom = {key for key, n in bottoms.items() if n >= threshold}
    total = sum(len(page) for page in pages)
    out: list[list[str]] = []
    for page in pages:
        depth = 2 if len(page) >= 6 else 1
        keep = []
        for i, line in enumerate(page):
            key = _DIGITS_RE.sub("#", line)
            top, bottom = i < depth, i >= len(page) - depth
            if (top or bottom) and _PAGE_NUMBER_RE.match(line):
                continue
            if (top and key in running_top) or (bottom and key in running_bottom):
                continue
            keep.append(line)
        out.append(keep)
    if sum(len(page) for page in out) < total / 2:
        return [[line for line in page if not _PAGE_NUMBER_RE.match(line)] for page in pages]
    return out


def join_lines(lines: list[str], pages: list[list[str]]) -> list[str]:
    """Rebuild paragraphs: a line well short of the full line width ends a paragraph; a word
    split by an end-of-line hyphen is joined."""
    widths = sorted(len(line) for page in pages for line in page if line)
    full = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            continue
        current = _append(current, line) if current else line
        if line.endswith("-"):
            continue  # a hyphen at the end of a line never ends a paragraph
        if len(line) < 0.75 * full or (len(line) < 0.9 * full and line.endswith(_SENTENCE_END)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _append(current: str, line: str) -> str:
    if current.endswith("-") and len(current) > 1:
        before = current[-2]
        if before.isalpha() and line[:1].islower():
            return current[:-1] + line  # "inter-\nnational" -> "international"
        if not before.isspace():
            return current + line  # "U.S.-\nblacklisted" keeps its hyphen
    return f"{current} {line}"


def _metadata(reader: Any, draft: ArticleDraft) -> None:
    try:
        info = reader.metadata
        if info is None:
            return
        title, author = info.title, info.author
        created = info.creation_date
    except Exception:  # broken /Info dictionaries are common and never worth failing for
        draft.warnings.append("document properties could not be read")
        return
    draft.title = (str(title).strip() if title else "") or None
    draft.byline = (str(author).strip() if author else "") or None
    if isinstance(created, datetime):
        draft.published = created.isoformat()
