"""HTML trees to paragraphs: block elements start a paragraph, inline ones flow, ``<br>``
breaks a line. Shared by the HTML extractors' output, e-mail HTML parts and pasted HTML.

Works on both lxml.html trees (readability's output) and trafilatura's XML body
(``p``/``head``/``list``/``item``/``quote``/``lb``), so one walker serves both extractors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr",
        "ul", "head", "item", "list", "quote", "row", "cell",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
_BREAKS = frozenset({"br", "lb"})
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
        "canvas", "button", "select", "option", "textarea", "input",
    }
)
_SPACE_RE = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


@dataclass
class Block:
    """One paragraph of extracted text; ``heading`` when it came from h1-h6 or ``<head>``."""

    text: str
    heading: bool = False
    in_table: bool = False


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    heading: bool = False
    table_depth: int = 0

    def flush(self) -> None:
        raw = "".join(self.parts)
        self.parts = []
        for line in raw.split("\n"):
            text = _SPACE_RE.sub(" ", line).strip()
            if text:
                self.blocks.append(Block(text, self.heading, self.table_depth > 0))

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value.replace("\n", " "))

    def walk(self, node: Any) -> None:
        tag = _local_tag(node)
        if tag is None or tag in _DROP:
            self.text(node.tail)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        was_heading = self.heading
        if tag in _HEADINGS:
            self.heading = True
        if tag in ("table", "row", "tr"):
            self.table_depth += 1
        if tag in _BREAKS:
            self.parts.append("\n")
        self.text(node.text)
        for child in node:
            self.walk(child)
        if block:
            self.flush()
        if tag in ("table", "row", "tr"):
            self.table_depth -= 1
        self.heading = was_heading
        self.text(node.tail)


def _local_tag(node: Any) -> str | None:
    tag = node.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return None
    return tag.rsplit("}", 1)[-1].lower()


def tree_blocks(root: Any) -> list[Block]:
    """All paragraphs under ``root`` in document order."""
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.blocks


def html_blocks(markup: str) -> list[Block]:
    """Paragraphs of an HTML string (no extraction: everything visible is kept)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup, parser=safe_html_parser())
    except Exception:  # lxml raises ParserError / ValueError on empty or odd input
        return []
    body = root.find("body")
    return tree_blocks(body if body is not None else root)


def safe_html_parser() -> Any:
    """An HTML parser that never touches the network or expands entities, and drops scripts."""
    import lxml.html

    return lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )
