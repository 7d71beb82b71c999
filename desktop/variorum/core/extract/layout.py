"""Reading the shape of an article's text before any language model sees it.

Articles arrive as copied web pages and PDFs: lines broken in the middle of sentences, site
chrome (breadcrumbs, "See also", cookie banners, editor credits) mixed with the story, and
headlines in Title Case that fool the entity recogniser. This module splits the text into
blocks, says which are body, heading or boilerplate, and produces a same-length copy of the
text with soft line breaks turned into spaces, so every offset stays valid.
"""

from __future__ import annotations

import bisect
import functools
import re
import statistics
from dataclasses import dataclass

from variorum.core.extract.vocab import ARTICLES
from variorum.core.ingest.boilerplate import is_boilerplate

BODY = "body"
HEADING = "heading"
BOILERPLATE = "boilerplate"

_TERMINAL = tuple(".!?:;\"”»'’)]…")
_LINE_CHROME_RE = re.compile(
    r"""^(?:
        you\ (?:may|might)\ also\ like | recommended\ for\ you | more\ (?:from|on)\ this\b
      | read\ (?:more|also|next)\b | related(?:\ (?:articles?|stories|posts?))?\s*:
      | leave\ a\ (?:comment|reply) | share\ (?:this|on)\b
      | (?:\w+\s+)?(?:editor|editing|edited|reporting|additional\ reporting|compiled|proofreading
          |translated|translation|writing|written)\b[^.]{0,40}?(?:\bby\b|:|/)
      | \(\s*(?:proofreading|editor|editing|translated|reporting)\b
      | editor\ in\ charge
      | (?:source|author|photo|image|picture|credit|e-?mail|wechat|tel|phone|contact)\s*[:：]
      | (?:image|photo|picture)\ (?:copyright|caption|credit|source)\b | (?:photo|picture)\ by\b
      | by\ [\w.\- ]{1,40}$ | write\ to\ | contact\ (?:the\ )?(?:author|reporter|writer)
      | follow\ (?:us|me)\b | sign\ (?:up|in)\b | subscribe\b | log\ ?in\b
      | advertisement$
      | copyright\s*(?:©|\(c\)|\d{4}|(?-i:[A-Z])) | © | all\ rights\ reserved
      | privacy\ (?:policy|notice|settings|&\ cookies)
      | terms\ (?:of\ (?:use|service)|&\ conditions)
      | home\s*[»>›/|] | skip\ to\b | menu$ | search$ | \#\w+\#?$
      | \d+\ (?:minutes?|hours?|days?)\ ago$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Chrome that the loader's paragraph rules (:func:`is_boilerplate`) may leave inside a longer
block of copied text: credits, labelled lines ("Photo: ..."), bylines, legal footers. Every
alternative needs a label, a structure or a whole line: a sentence that merely begins with
"Share", "Privacy", "Credit" or "Phone" ("Share prices fell...") is news, not chrome, and so is
"Copyright lawyers said..." (a footer names its holder: "Copyright Coastal Wire Service")."""
LINE_CHROME_WORDS = 25
"""Longer lines are never chrome by :data:`_LINE_CHROME_RE`: site furniture is short."""
_CREDIT_RE = re.compile(
    r"\bcontributed(?:\s+\w+){0,2}\s+to\s+this\s+(?:report|story|article)"
    r"|\b(?:this|the)\s+(?:story|article|report)\s+(?:was|has been)\s+(?:updated|corrected)",
    re.IGNORECASE,
)
"""Credit and correction notes at the end of wire copy."""
_SITE_NOTICE_RE = re.compile(
    r"\b(?:akismet|unsubscribe|you\ (?:can|may)\ opt[\ -]?out|opt[\ -]?out\ at\ any\ time"
    r"|your\ browser|enable\ javascript|javascript\ is"
    r"|(?:sign\ up|subscribe)\ (?:to|for)\ (?:our|the)\ newsletter|our\ newsletter"
    r"|(?:this|our)\ (?:site|website)\ uses\ cookies|accept\ (?:all\ )?cookies"
    r"|cookie\ (?:policy|settings|preferences))\b",
    re.IGNORECASE | re.VERBOSE,
)
"""A site talking to its reader (cookies, newsletters, scripts), not a story that mentions a
newsletter or cookies in passing. Opting out counts only when the reader is told they may: news
reports opt-out movements and opt-out rates."""
_BYLINE_RE = re.compile(r"^by\s+[A-Z][^.!?“”\"]*$")
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email[^\]]*\]|https?://|www\.", re.I)
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-.]*", re.UNICODE)
_MINOR_WORDS = frozenset(
    re.findall(r"\w+", "a an and as at but by for from in into of on or over the to up via vs with")
)


@dataclass(frozen=True)
class Block:
    """A line of the text (after soft breaks are joined) and what it is."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Layout:
    text: str
    nlp_text: str
    """Same length as ``text``; soft line breaks replaced by spaces, a space every
    :data:`MAX_RUN` characters of a run without white space (see :func:`_break_long_runs`),
    a space for the dash that opens a credit line, and the characters of
    :data:`_MODEL_CHARS` replaced by the ones the model knows."""
    blocks: tuple[Block, ...]

    def kind_at(self, pos: int) -> str:
        """Kind of the block holding ``pos`` (a bisection: called for every mention)."""
        i = self.block_index(pos)
        return BODY if i is None else self.blocks[i].kind

    def block_index(self, pos: int) -> int | None:
        """Index in :attr:`blocks` of the block holding ``pos`` (None between blocks)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.blocks[i].end else None

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [b.start for b in self.blocks]


def is_headline_case(line: str) -> bool:
    """Most words capitalised and no sentence end: a headline or a section heading."""
    words = _WORD_RE.findall(line)
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper()) / len(content)
    if line.rstrip().endswith((".", '?"', '."', ".”")):
        # A headline with a full stop: only when short, one sentence, nearly all capitalised.
        return len(words) <= 20 and ". " not in line and capitalised >= 0.75
    return capitalised >= 0.75


def is_title(quoted: str) -> bool:
    """Quoted words that name a work or a thing rather than say something: headline case,
    or an article and one capitalised word ("The Apprentice", "The Five")."""
    if is_headline_case(quoted):
        return True
    words = _WORD_RE.findall(quoted)
    return (
        len(words) == 2
        and words[0].lower() in ARTICLES
        and words[1][0].isupper()
        and not quoted.rstrip().endswith((".", "!", "?"))
    )


def classify_line(line: str) -> str:
    """Body, heading or boilerplate. The loader's chrome rules come first (one list of site
    furniture for the whole app), then the line-level ones of this module."""
    stripped = line.strip().lstrip("-–—•*· ").strip()
    if not stripped:
        return BOILERPLATE
    words = _WORD_RE.findall(stripped)
    if is_boilerplate(stripped):
        return BOILERPLATE
    if len(words) <= LINE_CHROME_WORDS and _LINE_CHROME_RE.match(stripped):
        return BOILERPLATE
    if _CONTACT_RE.search(stripped) and len(words) <= LINE_CHROME_WORDS:
        return BOILERPLATE
    if (_SITE_NOTICE_RE.search(stripped) or _CREDIT_RE.search(stripped)) and len(words) < 60:
        return BOILERPLATE
    if len(words) <= 3 and not stripped.endswith(_TERMINAL):
        return BOILERPLATE
    if _BYLINE_RE.match(stripped) and len(words) <= 12:
        return BOILERPLATE
    if is_headline_case(stripped) and not is_list_line(stripped):
        return HEADING
    return BODY


_LIST_SEPARATORS_RE = re.compile(r"[,;|\t]")
_SCORE_LINE_RE = re.compile(
    r"^[^\W\d_][\w.'’\- ]*?[ \t]\d{1,3}[ \t]*[-–—,]?[ \t]*[^\W\d_][\w.'’\- ]*?[ \t]\d{1,3}$"
)
"""'Harwick Town 2 Fenbury Rovers 1': a result, two names each with a score."""


def is_list_line(line: str) -> bool:
    """A squad list, a results table row or a line of names ("Harwick Town: Tom Baxter, Niall
    Greaves, ...", "Scorers: Pell 34, Ashworth 78"): capitalised like a heading, but laid out
    as items split by commas, semicolons, bars or tabs (three items or more, each a few
    words), or as a score line. Its names are news, not a headline's words."""
    if _SCORE_LINE_RE.match(line):
        return True
    items = [i.strip() for i in _LIST_SEPARATORS_RE.split(line.split(":", 1)[-1])]
    items = [i for i in items if i]
    return len(items) >= 3 and all(len(i.split()) <= 4 for i in items)


def _soft_breaks(text: str) -> set[int]:
    """Positions of single newlines that break a sentence, not a paragraph.

    A break is soft when the line before does not end a sentence and either the next line
    starts in lower case, or the text is hard-wrapped (lines of similar, modest length) and
    the line before is about as long as its neighbours.
    """
    lines = text.split("\n")
    lengths = [len(ln) for ln in lines if ln.strip()]
    wrapped = bool(lengths) and len(lengths) >= 4 and statistics.median(lengths) < 120
    width = max(lengths) if lengths else 0
    soft: set[int] = set()
    pos = 0
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        end = pos + len(line)
        pos = end + 1
        body = line.rstrip()
        if not body or not nxt.strip():
            continue
        first = nxt.lstrip()[:1]
        if first.islower() or (
            not body.endswith(_TERMINAL)
            and wrapped
            and len(body) >= 0.7 * width
            and first.isalnum()
        ):  # the sentence goes on ('...,”\nsaid X')
            soft.add(end)
    return soft


MAX_RUN = 64
"""Longest run of non-space characters the parser is given in one piece (URLs and words are
shorter; a run of 300,000 dashes or quote marks is not text)."""
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _break_long_runs(chars: list[str], text: str) -> None:
    """spaCy's tokenizer takes suffixes off a run without white space one character at a
    time, scanning the rest each time: a run of n characters costs n² (300 kB of em dashes
    ran for minutes). A space every :data:`MAX_RUN` characters keeps every offset. A long run
    with no letter or digit at all ("####...", a row of dashes) is blanked whole: it holds no
    name and no quote, and the model would still read each of its characters as a token."""
    for match in _LONG_RUN_RE.finditer(text):
        if not any(c.isalnum() for c in match.group()):
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
            continue
        for pos in range(match.start() + MAX_RUN, match.end(), MAX_RUN):
            chars[pos] = " "


_CREDIT_DASH_RE = re.compile(r"^[ \t]*[-\u2013\u2014](?=[ \t]?[A-Z])", re.MULTILINE)
"""The dash that opens a credit line ("-Michelle Marks, Philadelphia.")."""
CREDIT_LINE_WORDS = 12
"""A longer dash line is prose, not a credit."""


def is_credit_line(line: str) -> bool:
    """A dash, then a capital, in a short line: who said the quote above ("- Ann Holt,
    Philadelphia."), not a heading, however capitalised."""
    return bool(_CREDIT_DASH_RE.match(line)) and len(line.split()) <= CREDIT_LINE_WORDS


def _detach_credit_dashes(chars: list[str], text: str) -> None:
    """spaCy's tokenizer keeps a dash glued to the word after it ("-President"), so the name
    in "-President Obama, tweeting" is lost; the copy for the model gets a space instead."""
    for match in _CREDIT_DASH_RE.finditer(text):
        chars[match.end() - 1] = " "


_MODEL_CHARS = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u202f": " ",  # narrow no-break space
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",  # byte-order mark, or zero-width no-break space
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "\u2014",  # figure dash
        "\u2015": "\u2014",  # horizontal bar, a dash in some house styles
    }
)
"""Characters the model never saw in training, each replaced one for one (offsets kept) by
the one it knows. Web copy joins a first name to its surname with a no-break space ("James
Comey" typed with U+00A0) and the model then misses the name; a horizontal bar or a figure
dash glues the words on each side into one token ("absurd―and"), which the parser cannot
read."""


def analyse_layout(text: str) -> Layout:
    soft = _soft_breaks(text)
    chars = list(text)
    for pos in soft:
        chars[pos] = " "
    _break_long_runs(chars, text)
    _detach_credit_dashes(chars, text)
    nlp_text = "".join(chars).translate(_MODEL_CHARS)
    blocks: list[Block] = []
    pos = 0
    for line in nlp_text.split("\n"):
        end = pos + len(line)
        if line.strip():
            kind = classify_line(line)
            if kind == HEADING and is_credit_line(text[pos:end]):
                kind = BODY  # "-Ann Holt, Philadelphia.": a credit, not a headline
            blocks.append(Block(pos, end, kind))
        pos = end + 1
    return Layout(text, nlp_text, tuple(blocks))
