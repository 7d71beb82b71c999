"""Word (.docx) via python-docx, after the container has passed the zip and XML checks.

The text is the document as accepted: tracked insertions kept, tracked deletions, field codes,
comments and bookmarks left out, so what the analyst compares is what a reader would see.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import datetime
from typing import Any

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.errors import CorruptFileError, EncryptedError
from variorum.core.ingest.limits import check_budget, current_budget
from variorum.core.ingest.safezip import check_xml, open_container, read_member

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP_TEXT_INSIDE = {f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


def load_docx(data: bytes) -> ArticleDraft:
    if data.startswith(_OLE_MAGIC):
        raise EncryptedError()  # Word wraps password-protected .docx in an OLE container
    limits = current_budget().limits
    archive, names = open_container(data, ".docx", "word/document.xml")
    for name in sorted(names):
        if name.endswith((".xml", ".rels")):
            check_budget()
            check_xml(read_member(archive, name, limits), name)  # refuses DTDs and entities
    try:
        return _read_document(_open_document(data))
    except _ZIP_ERRORS as exc:  # python-docx reads more parts lazily, past our checks
        raise CorruptFileError(f"damaged .docx ({type(exc).__name__})") from exc


def _read_document(document: Any) -> ArticleDraft:
    draft = ArticleDraft(format="docx")
    headings = _heading_style_ids(document)
    for paragraph in _body_paragraphs(document):
        check_budget()
        text = _paragraph_text(paragraph._p)
        if not text.strip():
            continue
        if paragraph._p.style in headings:
            draft.headings.add(len(draft.paragraphs))
        draft.paragraphs.append(text)
    _core_properties(document, draft)
    return finish_draft(draft)


def _open_document(data: bytes) -> Any:
    from docx import Document  # imported late: python-docx is slow to import
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, *_ZIP_ERRORS) as exc:
        raise CorruptFileError(f"damaged .docx ({type(exc).__name__})") from exc


def _body_paragraphs(document: Any) -> list[Any]:
    """Every paragraph in reading order: body, table cells and content controls, skipping the
    duplicate copies Word keeps in mc:Fallback for old readers."""
    from docx.text.paragraph import Paragraph

    body = document.element.body
    out = []
    for p in body.iter(f"{_W}p"):
        if any(anc.tag == _MC_FALLBACK for anc in p.iterancestors()):
            continue
        if any(anc.tag == f"{_W}p" for anc in p.iterancestors()):
            continue  # a text box inside a paragraph: its text is read with the outer one
        out.append(Paragraph(p, document))
    return out


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == f"{_W}t" and not _inside_skipped(node, p):
            parts.append(node.text or "")
        elif tag == f"{_W}tab" and not _inside_skipped(node, p):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr") and not _inside_skipped(node, p):
            parts.append("\n")
    return "".join(parts)


def _inside_skipped(node: Any, stop: Any) -> bool:
    for anc in node.iterancestors():
        if anc is stop:
            return False
        if anc.tag in _SKIP_TEXT_INSIDE or anc.tag == _MC_FALLBACK:
            return True
    return False


def _heading_style_ids(document: Any) -> set[str]:
    """Style ids whose name marks a heading ("Heading 1", "Title"...), read once per document:
    asking python-docx for each paragraph's style rescans styles.xml every time."""
    ids: set[str] = set()
    try:
        for style in document.styles:
            name = getattr(style, "name", None) or ""
            if name.startswith(("Heading", "Title", "Subtitle")) and style.style_id:
                ids.add(style.style_id)
    except (KeyError, ValueError, AttributeError):
        pass
    return ids


def _core_properties(document: Any, draft: ArticleDraft) -> None:
    try:
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except Exception:  # a damaged core.xml must not cost us the text
        draft.warnings.append("document properties could not be read")
        return
    draft.title = (title or "").strip() or None
    draft.byline = (author or "").strip() or None
    if isinstance(created, datetime):
        draft.published = created.isoformat()
