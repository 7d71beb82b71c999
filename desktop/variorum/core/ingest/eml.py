"""E-mail (.eml) with the standard library: the article is the body (plain part preferred,
else the HTML part through the HTML extractors); subject, sender and date are the metadata.

A forwarded newsletter often has only an HTML part, so that path matters as much as text.
Web pages saved as a single file (.mht/.mhtml, "multipart/related") are MIME too: there the
HTML part *is* the article and the page's own metadata wins over the MIME headers.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
from email.message import Message
from email.utils import parsedate_to_datetime

from variorum.core.article import ArticleDraft
from variorum.core.ingest.errors import CorruptFileError, EmptyFileError
from variorum.core.ingest.html import load_html
from variorum.core.ingest.limits import check_budget
from variorum.core.ingest.text import load_text

_MAX_PARTS = 200
MAX_HEADER_BYTES = 4096
"""A header longer than this is cut before parsing: the parser turns every RFC 2047 encoded
word into objects, and a 2 MB subject of them grew the process to gigabytes. No real subject,
sender or date is longer."""


def load_eml(data: bytes) -> ArticleDraft:
    data = trim_headers(data)
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except (ValueError, TypeError, IndexError, LookupError) as exc:
        raise CorruptFileError("damaged e-mail (headers unreadable)") from exc
    plain, html = _bodies(message)
    if message.get_content_type() == "multipart/related" and html is not None:
        return _saved_page(message, html)
    if plain is not None and plain.strip():
        draft = load_text(plain)
    elif html is not None and html.strip():
        draft = load_html(html)
    else:
        raise EmptyFileError("e-mail has no text or HTML body")
    draft.format = "eml"
    subject = _header(message, "subject")
    if subject:
        draft.title = subject
    sender = _header(message, "from")
    if sender:
        draft.byline = sender
    date_value = _header(message, "date")
    if date_value:
        try:
            draft.published = parsedate_to_datetime(date_value).isoformat()
        except (TypeError, ValueError, IndexError):
            draft.warnings.append(f"unreadable date header: {date_value[:60]}")
    return draft


def _saved_page(message: Message, html: bytes) -> ArticleDraft:
    """A single-file saved web page: the HTML part through the extractors; the MIME subject
    (the page title) and date only fill gaps; "From: <Saved by Blink>" is not an author."""
    draft = load_html(html)
    draft.format = "mhtml"
    draft.title = draft.title or _header(message, "subject")
    if draft.published is None and (date_value := _header(message, "date")):
        with contextlib.suppress(TypeError, ValueError, IndexError):
            draft.published = parsedate_to_datetime(date_value).isoformat()
    return draft


def _bodies(message: Message) -> tuple[bytes | None, bytes | None]:
    """The first text/plain and text/html parts that are not attachments, as UTF-8 bytes
    (decoded with the part's charset, replacement characters for bad bytes)."""
    plain: bytes | None = None
    html: bytes | None = None
    for count, part in enumerate(message.walk()):
        check_budget()
        if count > _MAX_PARTS:
            break
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        text = _part_text(part)
        if text is None:
            continue
        if ctype == "text/plain" and plain is None:
            plain = text.encode("utf-8")
        elif ctype == "text/html" and html is None:
            html = _with_charset(text).encode("utf-8")
    return plain, html


def _part_text(part: Message) -> str | None:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError, AssertionError):
        return None
    if not isinstance(payload, bytes):
        return None
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def _with_charset(markup: str) -> str:
    """Re-encoded as UTF-8, so the page's own (now wrong) meta charset must not win."""
    return '<meta charset="utf-8">' + markup


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, AttributeError):
        return None
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def trim_headers(data: bytes) -> bytes:
    """``data`` with each header (its folded continuation lines included) cut to
    :data:`MAX_HEADER_BYTES`; the body untouched. Linear: one pass over the header lines."""
    end = len(data)
    for blank in (b"\r\n\r\n", b"\n\n"):
        found = data.find(blank)
        if found >= 0:
            end = min(end, found)
    head, body = data[:end], data[end:]
    if len(head) <= MAX_HEADER_BYTES:
        return data
    out: list[bytes] = []
    size = 0  # of the header being copied
    for line in head.splitlines(keepends=True):
        if line[:1] not in (b" ", b"\t"):
            size = 0
        if size + len(line) > MAX_HEADER_BYTES:
            room = MAX_HEADER_BYTES - size
            if room > 0 and line[:1] not in (b" ", b"\t"):
                out.append(line[:room].rstrip(b"\r\n") + b"\n")
            size = MAX_HEADER_BYTES
            continue
        size += len(line)
        out.append(line)
    return b"".join(out) + body
