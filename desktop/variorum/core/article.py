"""The Article: one loaded version of a story, immutable once built.

Paragraph offsets point into ``Article.text`` so every later stage (diff, extraction, the
views) can speak in positions of the text the user sees.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"
_WORD_RE = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Paragraph:
    """A span of ``Article.text``; ``kind`` is "body" or "heading"."""

    start: int
    end: int
    kind: str = "body"


@dataclass(frozen=True)
class Article:
    id: str
    source_path: str | None
    format: str
    title: str
    site: str | None
    byline: str | None
    published: str | None
    """ISO 8601 date (or date-time) when known."""
    language: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    words: int
    boilerplate: tuple[str, ...] = ()
    """Lines recognised as site chrome and set aside (kept so the reader can show them)."""
    warnings: tuple[str, ...] = ()

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def content_id(text: str) -> str:
    """Hash of the text with Unicode and whitespace folded, so a re-save with other line endings
    or a BOM is recognised as the same article."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


@dataclass
class ArticleDraft:
    """What a format loader produces; :func:`build_article` turns it into an Article."""

    format: str
    paragraphs: list[str] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    """Indexes into ``paragraphs`` that are headings."""
    title: str | None = None
    site: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build_article(draft: ArticleDraft, source_path: str | None) -> Article:
    """Join the paragraphs with blank lines and record their offsets."""
    pieces: list[str] = []
    spans: list[Paragraph] = []
    pos = 0
    for index, raw in enumerate(draft.paragraphs):
        para = raw.strip()
        if not para:
            continue
        if pieces:
            pos += len(PARAGRAPH_SEPARATOR)
        kind = "heading" if index in draft.headings else "body"
        spans.append(Paragraph(pos, pos + len(para), kind))
        pieces.append(para)
        pos += len(para)
    text = PARAGRAPH_SEPARATOR.join(pieces)
    title = (draft.title or "").strip() or (pieces[0][:200] if pieces else "")
    return Article(
        id=content_id(text),
        source_path=source_path,
        format=draft.format,
        title=title,
        site=draft.site,
        byline=draft.byline,
        published=draft.published,
        language=draft.language,
        text=text,
        paragraphs=tuple(spans),
        words=count_words(text),
        boilerplate=tuple(draft.boilerplate),
        warnings=tuple(draft.warnings),
    )
