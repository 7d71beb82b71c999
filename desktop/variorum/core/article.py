"""The Article: one loaded version of a story, immutable once built.

Paragraph offsets point into ``Article.text`` so every later stage (diff, extraction, the
views) can speak in positions of the text the user sees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar, overload

PARAGRAPH_SEPARATOR = "\n\n"
_WORD_RE = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)

T = TypeVar("T")


class _FromText(Generic[T]):
    """An Article field computed from the text on first read when it is left out (or None), as
    :func:`build_article` does: the word count and the content hash cost ~7 ms for a 60 kB
    chapter, which ``variorum compare`` never reads. Otherwise an ordinary field: the
    constructor takes it, ``asdict``, ``==``, ``hash`` and ``repr`` read it, it is frozen."""

    def __init__(self, compute: Callable[[str], T]) -> None:
        self._compute = compute
        self._slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}"

    @overload
    def __get__(self, article: None, owner: type | None = None) -> None: ...

    @overload
    def __get__(self, article: Article, owner: type | None = None) -> T: ...

    def __get__(self, article: Article | None, owner: type | None = None) -> T | None:
        if article is None:
            return None  # the field's default, as dataclasses reads it: "compute it"
        value: T | None = article.__dict__[self._slot]
        if value is None:
            value = self._compute(article.text)
            article.__dict__[self._slot] = value  # the same value whichever thread gets here
        return value

    def __set__(self, article: Article, value: T | None) -> None:
        article.__dict__[self._slot] = value


@dataclass(frozen=True)
class Paragraph:
    """A span of ``Article.text``; ``kind`` is "body" or "heading"."""

    start: int
    end: int
    kind: str = "body"


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def content_id(text: str) -> str:
    """Hash of the text with Unicode and whitespace folded, so a re-save with other line endings
    or a BOM is recognised as the same article."""
    import hashlib  # here: loading OpenSSL costs ~4 ms, and a batch compare never needs an id

    folded = " ".join(unicodedata.normalize("NFC", text).split())
    # surrogatepass: a lone surrogate (cleaned by the loaders, but an Article can be built by
    # hand) must give an id, not an exception.
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True, kw_only=True)
class Article:
    """One loaded version. ``id`` (the :func:`content_id`) and ``words`` are computed from the
    text on first read unless given."""

    id: _FromText[str] = _FromText(content_id)
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
    words: _FromText[int] = _FromText(count_words)
    boilerplate: tuple[str, ...] = ()
    """Lines recognised as site chrome and set aside (kept so the reader can show them)."""
    warnings: tuple[str, ...] = ()

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


def settle(article: Article) -> Article:
    """Compute the fields left to first read now, and return the article: a loading worker
    calls this, so the window never hashes a long article on its own thread."""
    _ = article.id, article.words
    return article


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
        source_path=source_path,
        format=draft.format,
        title=title,
        site=draft.site,
        byline=draft.byline,
        published=draft.published,
        language=draft.language,
        text=text,
        paragraphs=tuple(spans),
        boilerplate=tuple(draft.boilerplate),
        warnings=tuple(draft.warnings),
    )
