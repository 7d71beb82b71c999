"""Metadata written into the text itself: bylines, "Write to ... at ...", datelines, "Source:"
lines and dates in the formats newsrooms use, normalised to ISO 8601.

Only standalone metadata lines near the top ("By Jane Doe", "Source: Xinhua", "June 10, 2023",
"6 hours ago") are taken out of the text; a sentence that merely *contains* metadata ("Write to
Karen Hao at ...", "HONG KONG—As the U.S. ...") stays where it is and is only read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_DATE_SOURCES: tuple[str, ...] = (
    r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?",
    r"\b(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})\b",
    r"\b(?P<year>\d{4})年(?P<mnum>\d{1,2})月(?P<day>\d{1,2})日",
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME,
    _WEEKDAY
    + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r",?\s+(?P<year>\d{4})"
    + _TIME,
    r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b",
)
_DIGIT_RE = re.compile(r"\d")
"""Every date pattern needs a digit: text without one is no date, whatever the patterns say."""


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use: they cost ~3 ms to compile, which a text with no digit in its
    first paragraphs (a book chapter) never needs to pay."""
    return tuple(re.compile(p, re.I) for p in _DATE_SOURCES)


_DATE_LINE_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date|dated|veröffentlicht)"
    r"\s*(?:on|at)?\s*[:：]?\s*",
    re.I,
)
_RELATIVE_RE = re.compile(
    r"^(?:\d{1,3}|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago$", re.I
)
_NAME = r"[A-Za-zÀ-ÿ][\w.'’-]*"


@cache
def _write_to_re() -> re.Pattern[str]:
    """Compiled on first use (~0.7 ms): only a paragraph with an "@" can need it."""
    return re.compile(
        r"\b(?i:write to) (?P<name>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})"
        r" at\s+\S+@\S+"
    )


_SOURCE_RE = re.compile(r"^(?:source|quelle|来源)\s*[:：]\s*(?P<source>.{1,80})$", re.I)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.]{1,20})?)"
    r"(?:\s*\([A-Za-z ]{2,20}\))?\s*(?:—|–|--|-\s)\s*(?=\S)"
)
_TOP = 8
"""Standalone metadata lines are looked for in the first paragraphs only."""


@cache
def _byline_re() -> re.Pattern[str]:
    """The byline pattern, compiled on first use (~1 ms: the most costly pattern here), so a
    text whose first paragraphs do not begin with "by" never compiles it."""
    return re.compile(
        rf"^by\s+(?P<name>{_NAME}(?:\s+(?:and\s+|&\s+)?{_NAME}){{0,5}})"
        r"(?:\s*[,|/–—-]\s*(?P<rest>[^\n]{0,80}))?$",
        re.I,
    )


@dataclass
class TextMeta:
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    consumed: set[int] = field(default_factory=set)
    """Indexes of paragraphs that were metadata only (taken out of the text)."""


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 ("2006-10-21" or "2006-10-21T14:41"), or None."""
    if _DIGIT_RE.search(text) is None:
        return None
    for pattern in _date_patterns():
        match = pattern.search(text)
        if match is None:
            continue
        from datetime import date, datetime  # here: a text without dates never pays for it

        groups = match.groupdict()
        try:
            year = int(groups["year"])
            month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
            day = int(groups["day"])
            found = date(year, month, day)
        except (KeyError, ValueError, TypeError):
            continue
        if not 1800 <= year <= 2200:
            continue
        if groups.get("hour") and groups.get("minute"):
            hour, minute = int(groups["hour"]), int(groups["minute"])
            ampm = (groups.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            try:
                return datetime(year, month, day, hour, minute).isoformat(timespec="minutes")
            except ValueError:
                pass
        return found.isoformat()
    return None


def is_date_line(text: str) -> bool:
    """A paragraph that is nothing but a date (with an optional "Published:" label)."""
    if len(text) > 120:  # cheap reject: date lines are short, and parse_date scans it all
        return False
    rest = _DATE_LINE_PREFIX.sub("", text.strip())
    if _RELATIVE_RE.match(rest):
        return True
    if len(rest) > 80 or parse_date(rest) is None:  # the cheap test first
        return False
    stripped = rest
    for pattern in _date_patterns():
        stripped = pattern.sub("", stripped)
    stripped = re.sub(r"\b(GMT|UTC|UK|BST|EST|EDT|CET|CEST)\b", "", stripped)
    return not re.search(r"[A-Za-z]{3,}", stripped)


def parse_byline(text: str) -> str | None:
    """The name(s) in a standalone byline paragraph ("By Jane Doe and John Roe | Reuters").

    Names must be capitalised unless the whole line is tiny ("by admin"), so a sentence such as
    "By some metrics, China ..." is never read as a byline."""
    text = text.strip()
    words = text.split()
    if len(text) > 100 or len(words) > 10:
        return None
    if text[:2].lower() != "by":  # what _BYLINE_RE begins with: most paragraphs stop here
        return None
    match = _byline_re().match(text)
    if match is None:
        return None
    name = match.group("name").strip()
    tokens = [t for t in name.split() if t.lower() not in {"and", "&"}]
    if len(words) > 3 and not all(t[:1].isupper() for t in tokens):
        return None
    return name


def find_dateline(text: str) -> str | None:
    """The place of a wire dateline opening a paragraph: "HONG KONG—As ..." -> "HONG KONG"."""
    match = _DATELINE_RE.match(text.strip())
    if match is None:
        return None
    place = match.group("place").strip(" -")
    city = place.split(",")[0]
    return place if len(city) >= 2 and city.upper() == city else None


def read_text_metadata(paragraphs: list[str]) -> TextMeta:
    """Read bylines, dates, sources and datelines; mark standalone metadata paragraphs."""
    meta = TextMeta()
    for index, para in enumerate(paragraphs):
        text = para.strip()
        top = index < _TOP
        if top and (name := parse_byline(text)):
            meta.byline = meta.byline or name
            meta.consumed.add(index)
        elif top and (src := _SOURCE_RE.match(text)):
            meta.source = meta.source or src.group("source").strip()
            meta.consumed.add(index)
        elif top and is_date_line(text):
            meta.published = meta.published or parse_date(text)
            meta.consumed.add(index)
        elif meta.dateline is None and index < _TOP + 4:
            meta.dateline = find_dateline(text)
        if (
            meta.byline is None
            and len(text) < 300
            and "@" in text
            and (write := _write_to_re().search(text))
        ):
            meta.byline = write.group("name")
    return meta
