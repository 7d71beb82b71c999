"""Word and OpenDocument: text as a reader sees it, and containers that try to hurt us."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.ingest.builders import docx_bytes, odt_bytes, rezip
from tests.ingest.conftest import word_similarity
from variorum.core.ingest import load_bytes
from variorum.core.ingest.errors import (
    CorruptFileError,
    EncryptedError,
    UnsafeFileError,
    UnsupportedFormatError,
)

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document_xml(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}>'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def test_docx_from_seed_000_matches_text(seed000: Path) -> None:
    raw = seed000.read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip()]
    data = docx_bytes(lines[1:], heading=lines[0], title=lines[0], author="Karen Hao")
    article = load_bytes(data, "seed.docx")
    assert article.format == "docx"
    assert article.title == lines[0]
    assert article.byline == "Karen Hao"
    assert article.paragraphs[0].kind == "heading"
    assert word_similarity(raw, article.text) >= 0.98


def test_docx_tracked_changes_comments_bookmarks_do_not_leak() -> None:
    base = docx_bytes(["placeholder"])
    body = (
        "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>"
        "<w:r><w:t xml:space=\"preserve\">The council </w:t></w:r>"
        "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>rejected</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>approved</w:t></w:r></w:ins>"
        "<w:commentRangeStart w:id=\"3\"/><w:r><w:t xml:space=\"preserve\"> the plan.</w:t></w:r>"
        "<w:commentRangeEnd w:id=\"3\"/><w:r><w:commentReference w:id=\"3\"/></w:r>"
        "<w:bookmarkEnd w:id=\"0\"/></w:p>"
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> HYPERLINK \"http://x\" </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Link text</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
    )
    data = rezip(base, {"word/document.xml": _document_xml(body)})
    article = load_bytes(data, "tracked.docx")
    assert article.paragraph_texts() == ["The council approved the plan.", "Link text"]
    assert "bookmark" not in article.text.lower()


def test_docx_that_is_not_a_zip() -> None:
    with pytest.raises(CorruptFileError, match=r"not a valid \.docx"):
        load_bytes(b"This is plain text saved with the wrong extension." * 3, "report.docx")
    with pytest.raises(CorruptFileError):
        load_bytes(b"PK\x03\x04" + b"\x00" * 100, "truncated.docx")


def test_docx_zip_bomb_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"A" * (300 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(UnsafeFileError, match="zip bomb"):
        load_bytes(data, "bomb.docx")


def test_docx_ratio_limit_even_below_size_limit() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    with pytest.raises(UnsafeFileError, match="100:1"):
        load_bytes(out.getvalue(), "ratio.docx")


def test_docx_lying_sizes_are_caught_while_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (8 * 1024 * 1024))
    data = bytearray(out.getvalue())
    # patch the declared uncompressed size in the central directory down to 1 KB
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1024).to_bytes(4, "little")
    with pytest.raises((UnsafeFileError, CorruptFileError)):
        load_bytes(bytes(data), "liar.docx")


@pytest.mark.parametrize("kind", ["laughs", "external"])
def test_docx_xml_entities_are_refused(kind: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    if kind == "laughs":
        dtd = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        text = "&b;"
    else:
        dtd = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        text = "&xxe;"
    xml = (
        f'<?xml version="1.0"?>{dtd}<w:document {W_NS}><w:body><w:p><w:r><w:t>{text}</w:t>'
        "</w:r></w:p></w:body></w:document>"
    ).encode()
    data = rezip(docx_bytes(["placeholder"]), {"word/document.xml": xml})
    with pytest.raises(UnsafeFileError, match="entities or a DTD"):
        load_bytes(data, "entities.docx")


def test_encrypted_docx_ole_container() -> None:
    with pytest.raises(EncryptedError, match="encrypted"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "locked.docx")


def test_old_doc_is_unsupported_with_advice() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"save it as \.docx"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc")


def test_odt_text_headings_and_metadata(seed000: Path) -> None:
    raw = seed000.read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip()]
    article = load_bytes(odt_bytes(lines[1:], heading=lines[0], title=lines[0]), "seed.odt")
    assert article.format == "odt"
    assert article.title == lines[0]
    assert article.published == "2023-06-10T08:00"
    assert article.paragraphs[0].kind == "heading"
    assert word_similarity(raw, article.text) >= 0.98


def test_odt_detected_without_extension() -> None:
    article = load_bytes(odt_bytes(["A short paragraph of text."]), "noext")
    assert article.format == "odt"


def test_odt_entities_are_refused() -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        b"<office:text><text:p>&b;</text:p></office:text></office:body>"
        b"</office:document-content>"
    )
    with pytest.raises(UnsafeFileError):
        load_bytes(odt_bytes([], content_xml=xml), "evil.odt")


def test_odt_notes_are_left_out() -> None:
    xml = (
        b'<?xml version="1.0"?>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        b"<text:p>Main text<text:note><text:note-body><text:p>FOOTNOTE</text:p></text:note-body>"
        b"</text:note> continues<text:s text:c=\"2\"/>here.</text:p>"
        b"</office:text></office:body></office:document-content>"
    )
    article = load_bytes(odt_bytes([], content_xml=xml), "notes.odt")
    assert article.text == "Main text continues  here."


def test_encrypted_odt() -> None:
    manifest = (
        b'<?xml version="1.0"?><manifest:manifest '
        b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>'
        b"</manifest:file-entry></manifest:manifest>"
    )
    data = odt_bytes(["Secret text."])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
            archive.writestr(info, zipfile.ZipFile(io.BytesIO(data)).read(info))
        archive.writestr("META-INF/manifest.xml", manifest)
    with pytest.raises(EncryptedError):
        load_bytes(out.getvalue(), "locked.odt")


def test_docx_saved_as_txt_is_read_as_docx() -> None:
    article = load_bytes(docx_bytes(["A paragraph in Word."]), "misnamed.txt")
    assert article.format == "docx"
    assert article.text == "A paragraph in Word."
