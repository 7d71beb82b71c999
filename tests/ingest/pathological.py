"""Crafted files that once froze a loader or blew up its memory, built in memory on demand.

Each case says what a user must get: the article ("load"), or a refusal naming the reason
("refuse: <words of the reason>"). ``tests/ingest/test_pathological.py`` loads every case in a
worker process under a time limit; ``benchmarks/adversarial.py`` adds the large ones
(``big=True``: tens of megabytes, too slow for the test suite) to its catalogue.
"""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from tests.ingest.builders import ODT_MIMETYPE, ODT_NS, pdf_with_tounicode

PARAGRAPH = "The harbour council voted on Tuesday to buy a new electric ferry for the island."


@dataclass(frozen=True)
class Case:
    name: str
    """The file name it is loaded under (its extension picks the format)."""
    build: Callable[[], bytes]
    expect: str
    """ "load", or "refuse: <text the reason contains>"."""
    big: bool = False


def _odt_with_creation_date(date: str) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text><text:p>{PARAGRAPH}</text:p></office:text></office:body>"
        "</office:document-content>"
    ).encode()
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NS}><office:meta>'
        f"<meta:creation-date>{date}</meta:creation-date></office:meta></office:document-meta>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _page(doctype: str) -> bytes:
    body = "".join(f"<p>{PARAGRAPH} Paragraph {i}.</p>" for i in range(12))
    return f"{doctype}<html><head><title>Ferry</title></head><body>{body}</body></html>".encode()


def _combining_marks(count: int) -> bytes:
    # Marks of different combining classes: normalisation must reorder them (quadratic).
    return ("A story. a" + "\u0301\u0316\u0300\u0317" * (count // 4)).encode()


def _eml(subject: bytes, body: bytes, extra: bytes = b"") -> bytes:
    return (
        b"From: desk@example.com\nSubject: " + subject + b"\nMIME-Version: 1.0\n" + extra + b"\n"
        + body
    )


def _base64_eml(megabytes: int) -> bytes:
    text = (PARAGRAPH + "\n\n").encode() * (megabytes * 1024 * 1024 // 80)
    encoded = base64.encodebytes(text)
    return _eml(
        b"Big",
        encoded,
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
    )


CASES: tuple[Case, ...] = (
    Case("doctype-brackets.html", lambda: b"<!DOCTYPE html " + b"[]" * 40, "refuse: no text"),
    Case("doctype-unmatched.html", lambda: _page("<!DOCTYPE html [ "), "refuse: no text"),
    Case("doctype-subset.html", lambda: _page("<!DOCTYPE html [<!ENTITY x 'y'>]>"), "load"),
    Case("processing-open.html", lambda: _page("") + b"<?" * 30_000, "load"),
    Case("entity-open.html", lambda: _page("") + b"<!ENTITY " * 30_000, "load"),
    Case("hashes.md", lambda: b"#" * 300_000, "refuse: no words"),
    Case("heading-of-hashes.md", lambda: b"# " + b"#" * 300_000 + b" x\n\nBody.", "load"),
    Case("date-mon.odt", lambda: _odt_with_creation_date("mon" * 300_000), "load"),
    Case("combining-marks.txt", lambda: _combining_marks(800_000), "load"),
    Case("by-by-by.txt", lambda: b"By " * 300_000, "load"),
    Case("em-dashes.txt", lambda: "\u2014".encode() * 350_000, "refuse: no words"),
    Case("quotes.txt", lambda: b'"' * 300_000, "refuse: no words"),
    Case("one-line.txt", lambda: (PARAGRAPH + " ").encode() * 12_000, "load"),
    Case("line-repeated.txt", lambda: (PARAGRAPH + "\n").encode() * 100_000, "load"),
    Case("rfc2047-words.eml", lambda: _eml(b"=?utf-8?q?abc?= " * 100_000, b"Body."), "load"),
    Case(
        "doctype-entity.mht",
        lambda: _eml(b"Page", b'<!DOCTYPE html [<!ENTITY x "' + b"&x;" * 60 + b'">]><p>&x;</p>',
                     b"Content-Type: text/html\n"),
        "load",  # the declaration is stripped unread: what is left is the literal "&x;"
    ),
    Case("lone-surrogate.rtf", lambda: rb"{\rtf1\ansi A story \u-10240? about a ferry.}", "load"),
    Case(
        "surrogate-font-map.pdf",
        lambda: pdf_with_tounicode([PARAGRAPH + " ZZ"], {"Z": "D800"}),
        "load",
    ),
    Case("45-mb.txt", lambda: (PARAGRAPH + "\n").encode() * 560_000, "load", big=True),
    Case("base64-43-mb.eml", lambda: _base64_eml(31), "load", big=True),
)
