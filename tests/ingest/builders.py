"""Small documents of every format, built in memory so no binary fixture lives in git."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from email.message import EmailMessage

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def docx_bytes(paragraphs: Sequence[str], *, heading: str | None = None, title: str = "",
               author: str = "") -> bytes:
    from docx import Document

    document = Document()
    if heading:
        document.add_heading(heading, level=1)
    for para in paragraphs:
        document.add_paragraph(para)
    document.core_properties.title = title
    document.core_properties.author = author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """Copy a zip, swapping the named members' content."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def odt_bytes(paragraphs: Sequence[str], *, heading: str | None = None, title: str = "",
              content_xml: bytes | None = None) -> bytes:
    body = "".join(f"<text:p>{_esc(p)}</text:p>" for p in paragraphs)
    if heading:
        body = f'<text:h text:outline-level="1">{_esc(heading)}</text:h>' + body
    content = content_xml or (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    ).encode()
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODT_NS}><office:meta>'
        f"<dc:title>{_esc(title)}</dc:title><meta:creation-date>2023-06-10T08:00:00"
        "</meta:creation-date></office:meta></office:document-meta>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def html_page(paragraphs: Sequence[str], *, title: str, charset: str = "utf-8",
              extra_head: str = "", chrome: bool = True) -> str:
    """A modern news page: nav, share bar, article with Open Graph / JSON-LD, comments,
    cookie banner, related links."""
    body = "\n".join(f"<p>{_esc(p)}</p>" for p in paragraphs)
    nav = (
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> '
        '<a href="/tech">Technology</a> <a href="/opinion">Opinion</a></nav></header>'
        if chrome else ""
    )
    tail = (
        '<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>'
        '<aside class="related"><h3>Related stories</h3><ul>'
        '<li><a href="/a">Markets slide as rates rise again this week</a></li>'
        '<li><a href="/b">Ten gadgets you should buy before the holidays</a></li></ul></aside>'
        '<section id="comments" class="comments"><h3>Comments</h3>'
        '<div class="comment">Great article, visit my site for cheap watches!</div></section>'
        '<div id="cookie-banner" class="cookie-consent">This website uses cookies to improve '
        "your experience. Accept</div>"
        "<footer><p>Copyright 2023 Example News. All rights reserved.</p></footer>"
        if chrome else ""
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">'
        f"<title>{_esc(title)} | Example News</title>"
        f'<meta property="og:title" content="{_esc(title)}">'
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Karen Hao">'
        '<meta property="article:published_time" content="2023-06-10T09:30:00Z">'
        f"{extra_head}</head><body>{nav}"
        f"<main><article><h1>{_esc(title)}</h1>"
        '<p class="byline">By Karen Hao</p>'
        f"{body}</article></main>{tail}</body></html>"
    )


def eml_bytes(body: str, *, subject: str, html: str | None = None,
              charset: str = "utf-8") -> bytes:
    message = EmailMessage()
    message["From"] = "Desk Editor <desk@example.com>"
    message["To"] = "analyst@example.com"
    message["Subject"] = subject
    message["Date"] = "Sat, 10 Jun 2023 09:30:00 +0000"
    if body:
        message.set_content(body, charset=charset)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    return message.as_bytes()


def pdf_blank_pages(count: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )


def pdf_with_text(lines: Sequence[str]) -> bytes:
    """A one-page PDF written by hand (Helvetica text operators), so tests without Qt get a
    PDF with a real text layer."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref
    )
    return bytes(out)


def pdf_with_tounicode(lines: Sequence[str], mapping: dict[str, str]) -> bytes:
    """Like :func:`pdf_with_text`, with a /ToUnicode map sending each character code (a key,
    one byte) to the UTF-16BE hex in its value ("D800": a lone surrogate, as a broken font
    map does)."""
    pairs = "\n".join(f"<{ord(k):02X}> <{v}>" for k, v in mapping.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("latin-1")
    plain = pdf_with_text(lines)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    assert font in plain
    body = plain.split(b"xref\n")[0]
    body = body.replace(font, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                              b"/ToUnicode 6 0 R >>")
    stream = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    body += b"6 0 obj\n" + stream + b"\nendobj\n"
    # Rebuild the cross-reference table for the shifted objects.
    out = bytearray()
    offsets = []
    for chunk in body.split(b"\nendobj\n")[:-1]:
        start = chunk.find(b"%d 0 obj" % (len(offsets) + 1))
        if not offsets:
            out += chunk[:start]
        offsets.append(len(out))
        out += chunk[start:] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1, xref
    )
    return bytes(out)
