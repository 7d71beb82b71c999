"""Site chrome that rides along when a web page is copied as text: breadcrumbs, share bars,
"See also" links, comment and cookie notices, editor credits, contact lines.

The rule that matters: a paragraph is set aside only when it is *short* and matches a known
pattern, so a real sentence is never lost (the seed corpus test checks every sentence of a wire
report survives). What is set aside is kept in ``ArticleDraft.boilerplate`` for the reader.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

_WORD_RE = re.compile(r"\w+", re.UNICODE)

# Whole paragraph, case-insensitive, after trimming punctuation around it.
_EXACT = frozenset(
    {
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "share on linkedin", "share via email", "tweet", "print",
        "print this page", "printable version", "email", "e-mail", "e-mail this to a friend",
        "email this to a friend", "email this article", "save", "save article", "leave a comment",
        "leave a reply", "leave a reply cancel reply", "comments", "comment", "add comment",
        "view comments", "show comments", "post a comment", "you may also like",
        "you might also like", "related", "related articles", "related stories", "related content",
        "related links", "related topics", "related internet links", "related bbc sites",
        "more on this story", "read more", "read next", "recommended", "recommended for you",
        "most popular", "most popular now", "most read", "trending", "top stories", "advertisement",
        "sponsored", "sponsored content", "author", "about the author", "privacy & cookies policy",
        "privacy and cookies policy", "privacy policy", "cookie policy", "cookie settings",
        "manage cookies", "accept", "accept all", "accept cookies", "reject all", "got it",
        "subscribe", "subscribe now", "sign up", "sign in", "log in", "newsletter",
        "sign up for our newsletter", "back to top", "skip to content", "skip to main content",
        "menu", "search", "home", "next article", "previous article", "tags", "topics", "follow us",
        "news feeds", "features, views, analysis", "bookmark with", "bookmark with:",
        "what are these?", "listen to this article",
    }
)

# Start of a short paragraph (checked only on paragraphs under _SHORT words).
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"^(home|start|startseite|accueil)\s*[»›>/|]",  # breadcrumb "Home » News » ..."
        r"^[\w .&'-]{1,40}(\s*[»›]\s*[\w .&'-]{1,80}){2,}$",  # "News » World » Asia"
        r"^see also\b",
        r"^(read|see) more\s*[:»›]",
        r"^(related|recommended)\s*:",
        r"^\(?\s*(proofreading|proof-reading|editor in charge|responsible editor|edited by|"
        r"editing by|reporting by|compiled by|translated by|writer|editor)\s*[:/：]",
        r"^\(\s*(proofreading|editing|editor|reporting)[^)]{0,60}\)$",
        r"^\(?(additional )?(reporting|editing|translated|edited)"
        r"( and \w+)? by [A-Z][^.!?]{0,120}\)?\.?$",  # wire credits "Reporting by ...; Editing by"
        r"^(wechat|weibo|e-?mail|tel|phone|fax|twitter|facebook|instagram|telegram|contact)"
        r"\s*[:：]\s*\S+",
        r"^this (site|website) uses akismet",
        r"^learn how your comment data is processed",
        r"^(this|our) (site|website) uses cookies",
        r"^we use cookies\b",
        r"^by (continuing|using) (to (use|browse) )?(this|our) (site|website)",
        r"^(follow|like) us on\b",
        r"^pay attention to the latest developments\b",
        r"^click here to\b",
        r"^(share|tweet|email|print)( this)?( (article|story|page))?\s*[|:]",
        r"^copyright\s*(©|\(c\))",
        r"^©\s*\d{4}",
        r"^all rights reserved\.?$",
        r"^#[^#\s]{1,30}#$",  # Weibo-style topic tags "#AI#"
        r"^(#\w+\s*){1,6}$",  # hashtag lines
        r"^\d[\d,]* people are reading\b",
        r"^\d[\d,]* pages were read\b",
        r"^the bbc is not responsible for the content of external",
        r"^(also|more) in (this|the) (section|series)\b",
    )
)
_COOKIE_RE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_HINTS = re.compile(
    r"assume you('|’)re ok|opt-?out|accept|consent|improve your experience|cookie policy", re.I
)
_SHORT = 30
"""Paragraphs longer than this many words are never set aside: real prose is long."""


class Split(NamedTuple):
    """Which paragraph indexes are kept and what was set aside, in order. (A NamedTuple: a
    frozen dataclass costs ~0.7 ms to create at every start.)"""

    kept: list[int]
    boilerplate: list[str]


def is_boilerplate(paragraph: str) -> bool:
    """True for one paragraph of known site chrome (never for a paragraph over 30 words)."""
    text = paragraph.strip()
    words = _words_up_to(text, _SHORT)
    if words > _SHORT or not text:
        return False
    folded = re.sub(r"\s+", " ", text.strip(" \t•·|:-–—>»›*")).lower()
    if folded in _EXACT:
        return True
    if any(p.search(text) for p in _PATTERNS):
        return True
    return bool(_COOKIE_RE.search(text) and _COOKIE_HINTS.search(text) and words <= 60)


def split_boilerplate(paragraphs: list[str], headings: set[int] | None = None) -> Split:
    """Set aside chrome and title-like paragraphs that repeat an earlier one verbatim (a title
    shown three times on the page keeps its first occurrence; repeated sentences stay)."""
    kept: list[int] = []
    aside: list[str] = []
    # Kept paragraphs by their first word: equal keys begin with the same word, so a title-like
    # paragraph is compared only with those, and the key of a long paragraph (a few µs per kB)
    # is rarely computed at all.
    kept_by_first: dict[str, list[int]] = {}
    keys: dict[int, str] = {}

    def key(index: int) -> str:
        if index not in keys:
            # split() and re's \s agree on what whitespace is; split() is ~10x faster
            keys[index] = " ".join(paragraphs[index].split()).casefold()
        return keys[index]

    verdicts: dict[str, bool] = {}  # a line repeated 100,000 times is judged once

    for index, para in enumerate(paragraphs):
        first = _first_word(para)
        chrome = verdicts.get(para)
        if chrome is None:
            chrome = verdicts[para] = is_boilerplate(para)
        if chrome or (
            _title_like(para) and any(key(i) == key(index) for i in kept_by_first.get(first, ()))
        ):
            aside.append(para.strip())
            continue
        kept.append(index)
        kept_by_first.setdefault(first, []).append(index)
    return Split(kept, aside)


def _first_word(paragraph: str) -> str:
    """The first whitespace-separated word, casefolded: what a paragraph's key begins with
    (casefolding maps each character on its own and never to whitespace)."""
    words = paragraph.split(None, 1)
    return words[0].casefold() if words else ""


def _title_like(paragraph: str) -> bool:
    """Short, and not a sentence: no closing full stop, question or exclamation mark."""
    text = paragraph.strip().rstrip("\"”’'")
    if text.endswith((".", "!", "?")):  # the cheap test first: prose stops here
        return False
    return 1 < _words_up_to(text, _SHORT) <= _SHORT


def _words_up_to(text: str, limit: int) -> int:
    """The number of words in ``text``, but at most ``limit + 1``: enough to tell a short
    paragraph from a long one without scanning every long paragraph of the text to its end."""
    # Every word seen in the first characters is (part of) a distinct word of the whole text,
    # so more than ``limit`` there settles it; real prose does in ~10 characters per word.
    if len(_WORD_RE.findall(text, 0, 12 * (limit + 1))) > limit:
        return limit + 1
    return sum(1 for _ in islice(_WORD_RE.finditer(text), limit + 1))
