"""OpenDocument text (.odt): content.xml read directly with defusedxml.

No small, maintained library earned a dependency here (odfpy is large and barely maintained);
the text of an .odt is plain XML in a zip, so the same bounded unzip and DTD-refusing parser
as .docx do the job safely.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.errors import EncryptedError
from variorum.core.ingest.limits import check_budget, current_budget
from variorum.core.ingest.safezip import open_container, parse_xml, read_member
from variorum.core.ingest.textmeta import parse_date

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_SKIP = {f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}tracked-changes",
         f"{_TEXT}bookmark", f"{_TEXT}bookmark-start", f"{_TEXT}bookmark-end"}


def load_odt(data: bytes) -> ArticleDraft:
    limits = current_budget().limits
    archive, names = open_container(data, ".odt", "content.xml")
    if "META-INF/manifest.xml" in names:
        manifest = parse_xml(read_member(archive, "META-INF/manifest.xml", limits), "manifest")
        if manifest.find(f".//{_MANIFEST}encryption-data") is not None:
            raise EncryptedError()
    content = parse_xml(read_member(archive, "content.xml", limits), "content.xml")
    draft = ArticleDraft(format="odt")
    # ElementTree has no parent pointers: map them once per document
    parents = {child: parent for parent in content.iter() for child in parent}
    body = content.find(f"{_OFFICE}body")
    for node in (body if body is not None else content).iter():
        check_budget()
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h") and not _nested(node, parents):
            text = _text(node)
            if text.strip():
                if node.tag == f"{_TEXT}h":
                    draft.headings.add(len(draft.paragraphs))
                draft.paragraphs.append(text)
    if "meta.xml" in names:
        _metadata(parse_xml(read_member(archive, "meta.xml", limits), "meta.xml"), draft)
    return finish_draft(draft)


def _nested(node: Element, parents: dict[Element, Element]) -> bool:
    """Paragraphs inside notes, annotations or another paragraph are read with their parent
    (or not at all), never on their own."""
    parent = parents.get(node)
    while parent is not None:
        if parent.tag in _SKIP or parent.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            return True
        parent = parents.get(parent)
    return False


def _text(node: Element) -> str:
    parts: list[str] = []

    def walk(el: Element) -> None:
        if el.tag in _SKIP:
            parts.append(el.tail or "")
            return
        if el.tag == f"{_TEXT}s":
            count = el.get(f"{_TEXT}c", "1")
            parts.append(" " * (min(int(count), 100) if count.isdigit() else 1))
        elif el.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif el.tag == f"{_TEXT}line-break":
            parts.append("\n")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        if el is not node:
            parts.append(el.tail or "")

    walk(node)
    return "".join(parts)


def _metadata(meta: Any, draft: ArticleDraft) -> None:
    title = meta.find(f".//{_DC}title")
    creator = meta.find(f".//{_DC}creator")
    if creator is None:
        creator = meta.find(f".//{_META}initial-creator")
    created = meta.find(f".//{_META}creation-date")
    if title is not None and (title.text or "").strip():
        draft.title = (title.text or "").strip()
    if creator is not None and (creator.text or "").strip():
        draft.byline = (creator.text or "").strip()
    if created is not None and created.text:
        draft.published = parse_date(created.text)
