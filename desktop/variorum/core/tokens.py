"""Word tokens of a text, each encoded as one character, and the units built from them.

Encoding every distinct token key as a single character lets diff-match-patch and rapidfuzz
(both fast on strings) work on words instead of letters: a paragraph of 300 words becomes a
string of 300 characters. The two texts of a comparison share one :class:`Vocabulary`, so equal
keys get equal characters. Spans always point into the original text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import sub

from variorum.core.normalize import is_punctuation, normalize_text, token_key
from variorum.core.options import CompareOptions

_NUMBER = r"\d+(?:,\d{3})+(?:\.\d+)?(?!\w)|\d+(?:\.\d+)?(?!\w)"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining marks, which Python's \\w leaves out: "e" + U+0301 is one letter of a word."""
_WORD = rf"\w[\w{_MARKS}]*(?:['’]\w[\w{_MARKS}]*)*"
_PIECE_RE = re.compile(rf"\s+|{_NUMBER}|{_WORD}|[^\w\s]")
# The same tokens as _PIECE_RE, each with the whitespace before it. Words starting with a letter
# are tried first and possessively (nothing after them could make the regex give back a
# character): the commonest token then costs no failed attempt at a number.
_SPACED_TOKEN_RE = re.compile(
    rf"\s*+(?:[^\W\d][\w{_MARKS}]*+(?:['’][\w{_MARKS}]++)*+|{_NUMBER}|{_WORD}|[^\w\s])"
)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[^\S\n]*\n\s*")

_BOUNDARY_RE = re.compile(r"[.!?…]|\n")
_CLOSERS = frozenset("\"')]}”’»")
_OPENERS = frozenset("\"'([{“‘«")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "gen", "col", "lt", "sgt"}
    | {"rev", "hon", "jr", "sr", "inc", "ltd", "co", "corp", "fig", "jan", "feb", "mar", "apr"}
    | {"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


class Vocabulary:
    """Token key -> one character; shared by both sides of a comparison."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def code(self, key: str) -> str:
        found = self._codes.get(key)
        if found is None:
            found = self._codes[key] = chr(_code_point(len(self._codes)))
        return found

    def encode(self, keys: Iterable[str]) -> dict[str, str]:
        """Give every new key its code; returns the whole key -> code table (read only)."""
        codes = self._codes
        for key in keys:
            if key not in codes:
                n = len(codes)
                codes[key] = chr(0xE000 + n) if n < 0x1900 else chr(_code_point(n))
        return codes


def _code_point(n: int) -> int:
    """Private-use code points first: they are neither letters nor spaces, so
    diff-match-patch's boundary heuristics treat every token alike."""
    for base, size in ((0xE000, 0x1900), (0xF0000, 0xFFFE), (0x100000, 0xFFFE)):
        if n < size:
            return base + n
        n -= size
    return 0x20000 + n  # beyond 137,000 distinct tokens: ideographs, still one char each


@dataclass
class TokenSeq:
    """The tokens of one text. ``codes[i]`` is token i's key as one character; ``word_prefix[i]``
    counts the word tokens before token i, so counting words in a range is a subtraction."""

    text: str
    starts: list[int]
    ends: list[int]
    codes: str
    word_prefix: list[int]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    """Token index ranges [lo, hi) of the paragraphs (blank-line separated)."""

    def __len__(self) -> int:
        return len(self.starts)

    def words(self, lo: int, hi: int) -> int:
        return self.word_prefix[hi] - self.word_prefix[lo]

    def span(self, lo: int, hi: int, first: int = 0) -> tuple[int, int]:
        """Character span of tokens [lo, hi). An empty range is a position: right after token
        lo-1, or, at the start of a unit beginning with token ``first``, right before it (so
        an edit at the start of a unit stays inside the unit)."""
        if hi > lo:
            return self.starts[lo], self.ends[hi - 1]
        if lo == first and lo < len(self.starts):
            pos = self.starts[lo]
        else:
            pos = self.ends[lo - 1] if lo > 0 else 0
        return pos, pos

    def sentences(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Split tokens [lo, hi) (usually one paragraph) into sentences."""
        return split_sentences(self, lo, hi)


def tokenize(text: str, options: CompareOptions, vocab: Vocabulary) -> TokenSeq:
    """Tokens of ``text`` under ``options``: words (with inner apostrophes), numbers, single
    punctuation marks, and, when whitespace is not collapsed, runs of whitespace.

    Each regex match is a token with the whitespace before it, so the matches tile the text:
    offsets come from a running sum of match lengths, and all per-token work is done once per
    distinct token. Everything per token runs at C speed, which matters on long texts."""
    folded = normalize_text(text, options).text
    if options.collapse_whitespace:
        pieces = _SPACED_TOKEN_RE.findall(folded)
        ends = list(accumulate(map(len, pieces)))
        tokens = list(map(str.lstrip, pieces))
        starts = list(map(sub, ends, map(len, tokens)))
    else:  # whitespace runs are tokens of their own
        tokens = _PIECE_RE.findall(folded)
        ends = list(accumulate(map(len, tokens)))
        starts = [0, *ends[:-1]] if ends else []
    # In order of first occurrence, not a set's: codes are then given in the same order in
    # every process (a set's order follows the per-process string hash), and code order
    # matters where codes are sorted (likely_pairs samples a unit's rare tokens by code).
    distinct = dict.fromkeys(tokens)
    word = {t: 1 if t[0].isalnum() or t[0] == "_" else 0 for t in distinct}
    if options.ignore_case or options.fold_numbers or options.fold_accents:
        key_of = {t: token_key(t, options) for t in distinct}
        table = vocab.encode(key_of.values())
        codes = {t: table[k] for t, k in key_of.items()}
    else:
        codes = vocab.encode(distinct)
    dropped: set[str] = set()
    if options.ignore_punctuation:
        dropped = {t for t in distinct if is_punctuation(t)}
    if options.fold_accents:
        # a decomposed accent ("e" + U+0301) is a token of its own, not part of the word
        dropped |= {t for t in distinct if t and all(map(unicodedata.combining, t))}
    if dropped:
        keep = [t not in dropped for t in tokens]
        tokens = list(compress(tokens, keep))
        starts = list(compress(starts, keep))
        ends = list(compress(ends, keep))
    word_prefix = list(accumulate(map(word.__getitem__, tokens), initial=0))
    seq = TokenSeq(text, starts, ends, "".join(map(codes.__getitem__, tokens)), word_prefix)
    seq.paragraphs = _paragraph_ranges(seq)
    return seq


def _paragraph_ranges(seq: TokenSeq) -> list[tuple[int, int]]:
    """Token ranges of blank-line separated paragraphs. A whitespace token that spans a break
    (strict mode) belongs to no paragraph; empty paragraphs are dropped."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK_RE.finditer(seq.text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(seq.text)))
    ranges: list[tuple[int, int]] = []
    starts = seq.starts
    for start, end in bounds:
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        while hi > lo and seq.text[starts[hi - 1]].isspace():
            hi -= 1
        while lo < hi and seq.text[starts[lo]].isspace():
            lo += 1
        if hi > lo:
            ranges.append((lo, hi))
    return ranges


def split_sentences(seq: TokenSeq, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence token ranges inside [lo, hi). A sentence ends at . ! ? … (plus closing quotes
    and brackets) when whitespace and a capital, digit or opening quote follow, unless the full
    stop ends an initial ("U.S.") or a common abbreviation; a line break always ends one.
    Only the places a regex finds are examined, not every token."""
    if hi <= lo:
        return []
    text, starts, ends = seq.text, seq.starts, seq.ends
    out: list[tuple[int, int]] = []
    begin = lo
    for m in _BOUNDARY_RE.finditer(text, starts[lo], ends[hi - 1]):
        pos = m.start()
        if text[pos] == "\n":
            last = bisect.bisect_left(starts, pos, lo, hi) - 1
            while last >= begin and text[starts[last]].isspace():
                last -= 1
            nxt = _next_solid(seq, last + 1, hi)
            if last >= begin and nxt < hi and starts[nxt] > pos:
                out.append((begin, last + 1))
                begin = nxt
            continue
        i = bisect.bisect_left(starts, pos, lo, hi)
        if i >= hi or starts[i] != pos or i < begin or _is_abbreviation(seq, i, lo):
            continue
        end = i + 1
        while end < hi and text[starts[end]] in _CLOSERS and starts[end] == ends[end - 1]:
            end += 1
        nxt = _next_solid(seq, end, hi)
        if nxt < hi and starts[nxt] > ends[end - 1] and _starts_sentence(seq, nxt, hi):
            out.append((begin, end))
            begin = nxt
    out.append((begin, hi))
    return out


def _starts_sentence(seq: TokenSeq, i: int, hi: int) -> bool:
    """A capital or a digit, possibly after opening quotes or brackets (a lone quote mark left
    at the end of a paragraph is no sentence)."""
    text, starts = seq.text, seq.starts
    while i < hi and text[starts[i]] in _OPENERS:
        i = _next_solid(seq, i + 1, hi)
    if i >= hi:
        return False
    head = text[starts[i]]
    return head.isupper() or head.isdigit()


def _next_solid(seq: TokenSeq, i: int, hi: int) -> int:
    while i < hi and seq.text[seq.starts[i]].isspace():
        i += 1
    return i


def _is_abbreviation(seq: TokenSeq, i: int, lo: int) -> bool:
    if seq.text[seq.starts[i]] != "." or i == lo:
        return False
    prev = seq.text[seq.starts[i - 1] : seq.ends[i - 1]]
    if seq.ends[i - 1] != seq.starts[i]:
        return False
    return (len(prev) == 1 and prev.isalpha()) or prev.casefold() in _ABBREVIATIONS


__all__ = ["TokenSeq", "Vocabulary", "split_sentences", "tokenize"]
