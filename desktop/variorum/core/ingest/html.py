"""Saved web pages and pasted HTML: two maintained extractors, chosen per page.

trafilatura is the better extractor on modern pages (it drops share bars, comments, related
links and reads Open Graph / JSON-LD metadata, dates through htmldate); on old table-layout
pages it keeps the layout table's chrome or loses the first sentence, where readability-lxml
finds the story cell. Both run on every page and :func:`choose_body` picks, then the shared
boilerplate filter cleans what is left. Measurements: docs/ingest-html.md.

Safety: the markup is decoded here (declared charset first), DOCTYPE internal subsets and
processing instructions are stripped before any parser sees them, lxml never touches the
network, scripts are dropped, and nothing the page references is ever fetched.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.decode import decode_bytes
from variorum.core.ingest.htmltext import Block, html_blocks, safe_html_parser, tree_blocks
from variorum.core.ingest.limits import check_budget

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_XML_ENCODING_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# Each of these matches at its opening and never fails once there (every later part is
# optional or runs to the end of the text), so no input makes them backtrack: an unclosed
# declaration is stripped to the end of the markup, as an HTML parser would swallow it.
# DOCTYPE: up to its internal subset "[...]" if any, then to the next ">".
_DOCTYPE_RE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[[^\]]*\]?[^>]*)?>?", re.I)
# Processing instructions end at the first ">" (HTML's "bogus comment" rule; "?>" ends there too).
_PI_RE = re.compile(r"<\?[^>]*>?")
_ENTITY_DECL_RE = re.compile(r"<!ENTITY[^>]*>?", re.I)
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—:-]\s+|\s+[|]\s*")
_MIN_WORDS = 25
MAX_SET_ASIDE = 300
"""Lines of a page's chrome kept for View › Show Boilerplate at most (a page of links)."""
_LANG_RE = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)""", re.I
)


@dataclass(frozen=True)
class Extraction:
    """What one extractor made of a page."""

    name: str
    blocks: list[Block]

    @property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    def table_share(self) -> float:
        """Fraction of the words that sat inside table cells (layout tables leak chrome)."""
        total = self.words
        inside = sum(len(b.text.split()) for b in self.blocks if b.in_table)
        return inside / total if total else 0.0


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB (meta charset, http-equiv, XML decl)."""
    head = data[:4096]
    for regex in (_META_CHARSET_RE, _XML_ENCODING_RE):
        match = regex.search(head)
        if match:
            return match.group(1).decode("ascii", "replace").lower()
    return None


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Text of the page without DTDs, entity declarations or processing instructions."""
    data = _strip_cf_html_header(data)
    decoded = decode_bytes(data, declared_charset(data))
    markup = _PI_RE.sub("", _DOCTYPE_RE.sub("", decoded.text))
    markup = _ENTITY_DECL_RE.sub("", markup)
    return markup, list(decoded.warnings)


def _strip_cf_html_header(data: bytes) -> bytes:
    """Windows' clipboard format puts "Version:0.9 StartHTML:... EndHTML:..." before the markup;
    the offsets are unreliable across browsers, so we cut at the first tag instead."""
    if not data.startswith(b"Version:") or b"StartHTML:" not in data[:400]:
        return data
    start = data.find(b"<")
    return data[start:] if start >= 0 else data


def _page_language(markup: str) -> str | None:
    match = _LANG_RE.search(markup[:5000])
    return match.group(1).lower() if match else None


def load_html(data: bytes) -> ArticleDraft:
    for noisy in ("readability", "readability.readability", "trafilatura", "htmldate"):
        # they log (with tracebacks) what they then raise or recover from; we report it
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    markup, warnings = decode_html(data)
    draft = ArticleDraft(format="html")
    draft.warnings.extend(warnings)
    check_budget()
    meta, tra = _run_trafilatura(markup)
    check_budget()
    rdb, rd_title = _run_readability(markup)
    check_budget()
    chosen = choose_body(tra, rdb)
    if chosen is not None:
        chosen = recover_standfirst(markup, chosen)
    title = _clean(meta.get("title")) or rd_title
    draft.title = title
    draft.site = _clean(meta.get("sitename")) or _site_from_title(markup, title)
    draft.byline = _clean(meta.get("author"))
    draft.published = _clean(meta.get("date"))
    draft.language = _clean(meta.get("language")) or _page_language(markup)
    blocks = chosen.blocks if chosen is not None else html_blocks(markup)
    if chosen is None:
        draft.warnings.append("no main text found; the whole page is shown")
    texts = [b.text for b in blocks]
    if title and not any(_same(title, t) for t in texts[:3]):
        draft.headings.add(0)
        draft.paragraphs.append(title)
    for block in blocks:
        if block.heading:
            draft.headings.add(len(draft.paragraphs))
        draft.paragraphs.append(block.text)
    if chosen is not None:
        check_budget()
        draft.boilerplate.extend(set_aside(markup, draft.paragraphs))
    return finish_draft(draft)


def set_aside(markup: str, kept: list[str]) -> list[str]:
    """What the extractor left out of the page: its visible paragraphs that are not in the
    text, in page order, each once, so the reader can check nothing real was dropped."""
    body = {_fold(text) for text in kept}
    out: list[str] = []
    seen: set[str] = set()
    for block in html_blocks(markup):
        key = _fold(block.text)
        if key and key not in body and key not in seen:
            seen.add(key)
            out.append(block.text)
            if len(out) >= MAX_SET_ASIDE:
                break
    return out


def choose_body(tra: Extraction | None, rdb: Extraction | None) -> Extraction | None:
    """Pick one extractor's body for this page.

    trafilatura wins unless its text is mostly layout-table cells (old table pages), it found
    next to nothing, or readability found a lead paragraph trafilatura dropped (then the lead
    is put back in front of trafilatura's text)."""
    usable = [e for e in (tra, rdb) if e is not None and e.words >= 1]
    if not usable:
        return None
    if tra is None or tra.words == 0:
        return rdb
    if rdb is None or rdb.words == 0:
        return tra
    if tra.table_share() > 0.5 and rdb.table_share() < 0.5 and rdb.words >= _MIN_WORDS:
        return rdb
    if tra.words < _MIN_WORDS <= rdb.words:
        return rdb
    return _restore_lead(tra, rdb)


def _restore_lead(tra: Extraction, rdb: Extraction) -> Extraction:
    """If trafilatura's first paragraph appears in readability's body after some paragraphs
    that trafilatura lacks, those are a dropped lead: put them back."""
    tra_text = {_fold(b.text) for b in tra.blocks}
    first = _fold(tra.blocks[0].text)
    for index, block in enumerate(rdb.blocks):
        if _fold(block.text) == first:
            lead = [b for b in rdb.blocks[:index] if _fold(b.text) not in tra_text]
            lead = [b for b in lead if len(b.text.split()) >= 6 and not b.heading]
            if lead:
                return Extraction("trafilatura+readability", lead + tra.blocks)
            break
    return tra


def recover_standfirst(markup: str, body: Extraction, limit: int = 3) -> Extraction:
    """Put back a lead ("standfirst") that both extractors dropped because it sits in its own
    block between the headline and the story container. Only paragraphs that lie after the
    page's first <h1> and before the body's first paragraph, read as prose (8+ words) and are
    not mostly link text are taken, at most ``limit`` of them."""
    import lxml.html

    if not body.blocks:
        return body
    try:
        root = lxml.html.document_fromstring(markup, parser=safe_html_parser())
    except Exception:  # lxml raises ParserError / ValueError on odd input; keep what we have
        return body
    first = _fold(body.blocks[0].text)
    known = {_fold(b.text) for b in body.blocks}
    seen_h1 = False
    found: list[Block] = []
    for element in root.iter("h1", "p"):
        text = " ".join(element.text_content().split())
        if element.tag == "h1":
            seen_h1, found = True, []
            continue
        if _fold(text) == first:
            if seen_h1 and found:
                return Extraction(body.name + "+standfirst", found[-limit:] + body.blocks)
            return body
        links = sum(len(a.text_content().split()) for a in element.iter("a"))
        words = len(text.split())
        if seen_h1 and words >= 8 and links <= 0.3 * words and _fold(text) not in known:
            found.append(Block(text))
    return body


def _run_trafilatura(markup: str) -> tuple[dict[str, Any], Extraction | None]:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # it uses SIGALRM; we run in a worker
    config.set("DEFAULT", "MAX_FILE_SIZE", str(60_000_000))
    # dateparser over every locale can take seconds on one garbled date string
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            config=config,
        )
    except ValueError:
        return {}, None
    if doc is None:
        return {}, None
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("body")
    blocks = tree_blocks(body) if body is not None else []
    return meta, Extraction("trafilatura", blocks)


def _run_readability(markup: str) -> tuple[Extraction | None, str | None]:
    import lxml.html
    from readability import Document

    try:
        document = Document(markup)
        summary = document.summary(html_partial=True)
        title = document.short_title() or None
    except Exception:  # readability raises its own Unparseable and lxml errors on junk
        return None, None
    try:
        root = lxml.html.fragment_fromstring(
            summary, parser=safe_html_parser(), create_parent="div"
        )
    except Exception:  # an empty or unparsable summary means readability found nothing
        return None, title
    return Extraction("readability", tree_blocks(root)), title


def _site_from_title(markup: str, headline: str | None) -> str | None:
    """Old pages name the site only in <title>: "BBC NEWS | England | Headline" -> "BBC NEWS"."""
    match = re.search(r"<title[^>]*>(.*?)</title>", markup[:20000], re.I | re.S)
    if not match or not headline:
        return None
    title = " ".join(match.group(1).split())
    parts = [p.strip() for p in _TITLE_SPLIT_RE.split(title) if p.strip()]
    others = [p for p in parts if not _same(p, headline)]
    if len(others) == len(parts) or not others:
        return None
    site = others[0] if _same(parts[-1], headline) else others[-1]
    return site if len(site) <= 60 else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _same(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)
