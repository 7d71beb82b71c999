"""What story grouping reads from one article's text: word shingles, sentences, quotes, names.

Everything is reduced to 32-bit hashes of normalised words, computed the same way in every
process (CRC-32, never Python's salted ``hash``), so signatures made on different machines of
a cluster can be compared. Normalisation folds what re-posts change without changing the
story: quote styles, dashes, spacing and case.

- shingles: every run of :data:`SHINGLE_WORDS` consecutive words, for the exact resemblance
  and containment of near-duplicates;
- sentences: each sentence's content words (function words dropped), so a sentence that was
  reworded but kept its facts still matches;
- quotes: the content words between quotation marks, which rewrites keep;
- names: runs of capitalised words, which rewrites keep too;
- quote keys: every four-word run inside a quote (with two content words or more), which a
  reworded quote still shares with the original; with the names, they find rewrite
  candidates.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from variorum.core.normalize import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, SPACES
from variorum.core.stories.words import FUNCTION_WORDS, NOT_NAMES

SHINGLE_WORDS = 5
"""Words per shingle: long enough that unrelated news rarely shares one by chance, short
enough that one edited word spoils only five."""
QUOTE_KEY_WORDS = 4
"""Words per key inside a quote: a reworded quote keeps runs of this length."""
MIN_QUOTE_WORDS = 4
"""Shorter quoted text is a scare quote or a title, not somebody's statement."""

Hashes = npt.NDArray[np.uint32]
_EMPTY: Hashes = np.zeros(0, dtype=np.uint32)

_MARKS = (
    [(c, '"') for c in DOUBLE_QUOTES]
    + [(c, "'") for c in SINGLE_QUOTES]
    + [(c, "-") for c in DASHES]
    + [(c, " ") for c in SPACES]
)
_MARK_TABLE = dict(_MARKS)
_MARK_RE = re.compile("[" + re.escape("".join(c for c, _ in _MARKS if c not in "\"'-")) + "]")
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_QUOTE_PASSAGE_RE = re.compile(r'"([^"\n]+)"')
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper())
_UPPER_SET = frozenset(_UPPER)
_CAP_WORD = rf"[{_UPPER}][\w'’\-]*"
_CAP_RUN = rf"{_CAP_WORD}(?: {_CAP_WORD})*"
_CAP_RUN_RE = re.compile(_CAP_RUN)
_OPENER_SKIP = " \"'(["
_OPENER_RE = re.compile(rf"[.!?:][{re.escape(_OPENER_SKIP)}]*({_CAP_RUN})")
"""A run of capitalised words that opens a sentence: only spaces, quotes and brackets stand
between it and the end of the sentence before."""
_INNER_CAP_RE = re.compile(rf" (?<=[\w,;)] ) *({_CAP_WORD})")
"""A capitalised word after a word, a comma, a semicolon or a bracket and spaces: inside a
sentence. (The literal space first lets the regex engine skip ahead to the next space.)"""
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_QUOTE_SALT = np.uint64(0x51)
"""Keeps quote keys apart from shingles of the same words."""
_MIX64 = np.uint64(0x9E3779B97F4A7C15)
_MULT = np.uint64(0xBF58476D1CE4E5B9)


def fold_marks(text: str) -> str:
    """Quote styles (also typewriter ``pairs''), dashes and unusual spaces folded to plain
    ones."""
    if "''" in text or "``" in text:
        text = text.replace("''", '"').replace("``", '"')
    if text.isascii():
        return text
    return _MARK_RE.sub(lambda m: _MARK_TABLE[m.group()], text)


def fold(text: str) -> str:
    """Marks and case folded: what a re-post changes without changing a word."""
    return fold_marks(text).casefold()


_word_cache: dict[str, int] = {}
_WORD_CACHE_LIMIT = 1 << 20


def word_hash(word: str) -> int:
    """A stable 32-bit hash of a normalised word (the same in every process)."""
    value = _word_cache.get(word)
    if value is None:
        value = zlib.crc32(word.encode("utf-8"))
        if len(_word_cache) >= _WORD_CACHE_LIMIT:
            _word_cache.clear()
        _word_cache[word] = value
    return value


def words_of(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return _WORD_RE.findall(fold(text))


def mix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: neighbouring inputs get unrelated 64-bit hashes."""
    with np.errstate(over="ignore"):
        x = values ^ (values >> np.uint64(31))
        x = x * _MULT
        x = x ^ (x >> np.uint64(29))
        x = x * _MIX64
        out: npt.NDArray[np.uint64] = x ^ (x >> np.uint64(32))
    return out


def _mix(values: npt.NDArray[np.uint64]) -> Hashes:
    return (mix64(values) >> np.uint64(32)).astype(np.uint32)


def run_hashes(hashes: list[int] | npt.NDArray[np.int64], width: int) -> Hashes:
    """Sorted, unique hashes of every run of ``width`` consecutive word hashes (one run of all
    of them when there are fewer)."""
    if len(hashes) == 0:
        return _EMPTY
    w = np.asarray(hashes, dtype=np.uint64)
    width = min(width, len(w))
    count = len(w) - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            acc = acc * _MIX64 + w[offset : offset + count] + np.uint64(offset + 1)
    return np.unique(_mix(acc))


def shingles(words: list[str], width: int = SHINGLE_WORDS) -> Hashes:
    return run_hashes([word_hash(w) for w in words], width)


@dataclass
class _Scan:
    """One pass over an article's tokens: word hashes, content flags, sentence ends, quotes
    and capitalised runs."""

    hashes: npt.NDArray[np.int64]
    content: npt.NDArray[np.bool_]
    sentence_ends: npt.NDArray[np.int64]
    quotes: list[list[str]]
    names: list[str]


_TOKEN_RE = re.compile(r"\w+(?:'\w+)*|[.!?\n]")
"""A word, or a mark that ends a sentence (``.``, ``!``, ``?`` or a line break; a run of
them ends one sentence: sentences without words are none)."""
_CONTENT_BIT = 1 << 32
_END_BIT = 1 << 33
_NOT_FUNCTION_BIT = 1 << 34
_token_codes: dict[str, int] = {".": _END_BIT, "!": _END_BIT, "?": _END_BIT, "\n": _END_BIT}
"""Every token seen: its word hash, with a bit for a content word and one for a sentence
end, so an article's tokens become numbers in one ``map`` (C speed, no Python per word)."""


def _code(word: str) -> int:
    code = word_hash(word)
    if word not in FUNCTION_WORDS:
        code |= _NOT_FUNCTION_BIT
        if len(word) > 2 or word.isdigit():
            code |= _CONTENT_BIT
    return code


def _codes_of(words: list[str]) -> npt.NDArray[np.int64]:
    """The token codes of words (new ones added to the table)."""
    codes = _token_codes
    new = set(words).difference(codes)
    if new:
        if len(codes) + len(new) > _WORD_CACHE_LIMIT:
            codes.clear()
            codes.update({".": _END_BIT, "!": _END_BIT, "?": _END_BIT, "\n": _END_BIT})
            new = set(words).difference(codes)
        codes.update({w: _code(w) for w in new})
    return np.fromiter(map(codes.__getitem__, words), dtype=np.int64, count=len(words))


def _scan(text: str) -> _Scan:
    """Regular expressions do the scanning and a dict lookup per token the hashing, both in
    C; Python runs once per distinct new word, not per word."""
    folded = fold_marks(text)
    low = folded.casefold()
    values = _codes_of(_TOKEN_RE.findall(low))
    end = (values & _END_BIT) != 0
    words = values[~end]
    sentence = np.cumsum(end)[~end]  # marks before each word: its sentence
    ends = np.flatnonzero(sentence[1:] != sentence[:-1]) + 1
    if len(words):
        ends = np.append(ends, len(words))
    quotes = [
        words_
        for passage in _QUOTE_PASSAGE_RE.findall(low)
        if len(words_ := _WORD_RE.findall(passage)) >= MIN_QUOTE_WORDS
    ]
    return _Scan(
        words & 0xFFFFFFFF,
        (words & _CONTENT_BIT) != 0,
        ends.astype(np.int64),
        quotes,
        _names(folded),
    )


def _names(folded: str) -> list[str]:
    """The capitalised runs of every line (see :func:`names_of`). Regular expressions find the
    runs and those that open a sentence; what a run's words make is remembered per run text
    (:func:`_run_names`), so Python works once per line and per run, not per word or
    character."""
    inner = {_bare(w.casefold()) for w in set(_INNER_CAP_RE.findall(folded))}
    names: list[str] = []
    cache = _run_cache
    for line in folded.split("\n"):
        runs = _CAP_RUN_RE.findall(line)
        if not runs:
            continue
        capitalised = " ".join(runs).count(" ") + 1
        if capitalised >= 4 and capitalised > 0.6 * (line.count(" ") + 1):
            continue  # a headline or a menu: every word capitalised, none of them a name
        openers = _OPENER_RE.findall(line)
        if line.lstrip(_OPENER_SKIP)[:1] in _UPPER_SET:  # the line's first run opens it
            openers.append(runs[0])
        for run in openers:
            runs.remove(run)
            first, kept, without_first = cache.get(run) or _run_names(run)
            names.extend(without_first if first and first not in inner else kept)
        for run in runs:
            names.extend((cache.get(run) or _run_names(run))[1])
    return names


_RunNames = tuple[str, tuple[str, ...], tuple[str, ...]]
_run_cache: dict[str, _RunNames] = {}


def _run_names(run: str) -> _RunNames:
    """A capitalised run's first word as a name ("" when it is none), the names the run makes,
    and those it makes when its first word opens a sentence and is not a name elsewhere in
    the text (a word that is no name breaks a run in two)."""
    words = [_name_word(token) for token in run.split(" ")]
    made = (words[0], _names_in(words), _names_in(["", *words[1:]]))
    if len(_run_cache) >= _WORD_CACHE_LIMIT:
        _run_cache.clear()
    _run_cache[run] = made
    return made


def _names_in(words: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    run: list[str] = []
    for name in [*words, ""]:
        if name:
            run.append(name)
        elif run:
            names.append(" ".join(run))
            if len(run) > 1 and len(run[-1]) > 2:
                names.append(run[-1])  # "Altman" alone names the "Sam Altman" of another text
            run = []
    return tuple(names)


def _name_word(token: str) -> str:
    """A capitalised token as part of a name ("" when it never is one)."""
    name = _bare(token.casefold())
    return "" if name in FUNCTION_WORDS or name in NOT_NAMES else name


def _bare(word: str) -> str:
    """Without a possessive ending ("Altman's", "Jones'")."""
    if word[-1] in "'’":
        return word[:-1]
    if word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def quotes_of(text: str) -> list[list[str]]:
    """The normalised words of every passage in double quotes (any style) long enough to be a
    statement; a quote never runs past the end of its paragraph."""
    return _scan(text).quotes


def names_of(text: str) -> list[str]:
    """Runs of capitalised words (normalised, words joined by one space), outside headline-case
    lines. A capitalised function word or a word in :data:`NOT_NAMES` ends a run, so "The" at
    a sentence start and "Monday" are never names; a word capitalised only where every word
    is (opening a sentence) is a name only if the text capitalises it elsewhere too. The last
    word of a longer name is listed on its own as well. Each run's names are listed, runs that
    open a sentence last on their line (grouping uses the set of names only)."""
    return _scan(text).names


@dataclass(frozen=True, eq=False)
class TextFeatures:
    """One article's text reduced to hashes (see the module docstring); arrays are sorted and
    unique except ``sentences``, which holds each sentence's sorted unique content-word hashes
    one after the other, ``sentence_ends`` giving where each ends."""

    words: int
    shingles: Hashes
    sentences: Hashes
    sentence_ends: Hashes
    quote_words: Hashes
    names: Hashes
    quote_keys: Hashes

    @cached_property
    def sentence_sizes(self) -> npt.NDArray[np.int64]:
        """Words in each sentence (this and the two below are made once per version rather
        than once per pair it is in)."""
        return np.diff(np.concatenate(([0], self.sentence_ends.astype(np.int64))))

    @cached_property
    def sentence_owner(self) -> npt.NDArray[np.int32]:
        """For each word of ``sentences``, the index of its sentence."""
        return np.repeat(np.arange(len(self.sentence_ends), dtype=np.int32), self.sentence_sizes)

    @cached_property
    def sentence_index(self) -> tuple[Hashes, npt.NDArray[np.int32]]:
        """``sentences`` sorted, and the sentence each of them is from: where the words of
        another version are looked up."""
        order = np.argsort(self.sentences, kind="stable")
        return self.sentences[order], self.sentence_owner[order]

    def sentence_sets(self) -> list[Hashes]:
        starts = [0, *self.sentence_ends[:-1].tolist()]
        return [
            self.sentences[s:e] for s, e in zip(starts, self.sentence_ends.tolist(), strict=True)
        ]


def text_features(text: str) -> TextFeatures:
    """Everything grouping needs from a text, computed once per article (the map step)."""
    scan = _scan(text)
    hashes = scan.hashes.astype(np.uint32)
    ends_at = scan.sentence_ends
    sizes = ends_at - np.concatenate((np.zeros(1, dtype=np.int64), ends_at[:-1]))
    sentence_of = np.repeat(np.arange(len(ends_at), dtype=np.int64), sizes)
    keep = scan.content
    sentences, ends = _sentence_sets(sentence_of[keep], hashes[keep])
    name_hashes = {word_hash("n:" + n) for n in scan.names}
    quote_keys = _quote_keys(scan.quotes)
    return TextFeatures(
        words=len(scan.hashes),
        shingles=run_hashes(scan.hashes, SHINGLE_WORDS),
        sentences=sentences,
        sentence_ends=ends,
        quote_words=_quote_words(scan.quotes),
        names=np.array(sorted(name_hashes), dtype=np.uint32),
        quote_keys=quote_keys,
    )


def _quote_keys(quotes: list[list[str]]) -> Hashes:
    """Hashes of every four-word run inside one quote holding two content words or more,
    all quotes of the article at once."""
    words = [w for q in quotes for w in q]
    if len(words) < QUOTE_KEY_WORDS:
        return _EMPTY
    codes = _codes_of(words)
    w = (codes & 0xFFFFFFFF).astype(np.uint64)
    content = ((codes & _NOT_FUNCTION_BIT) != 0).astype(np.int64)
    owner = np.repeat(np.arange(len(quotes)), [len(q) for q in quotes])
    count = len(words) - QUOTE_KEY_WORDS + 1
    inside = owner[:count] == owner[QUOTE_KEY_WORDS - 1 :]
    enough = np.convolve(content, np.ones(QUOTE_KEY_WORDS, dtype=np.int64), "valid") >= 2
    acc = np.full(count, _QUOTE_SALT, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(QUOTE_KEY_WORDS):
            acc = acc * _MIX64 + w[offset : offset + count]
    return np.unique(_mix(acc[inside & enough]))


def _quote_words(quotes: list[list[str]]) -> Hashes:
    """Sorted unique hashes of the content words in quotes (function words and words of one
    or two letters left out, numbers kept)."""
    codes = _codes_of([w for q in quotes for w in q])
    kept = codes[(codes & _CONTENT_BIT) != 0] & 0xFFFFFFFF
    return np.unique(kept.astype(np.uint32)) if len(kept) else _EMPTY


def _sentence_sets(owner: npt.NDArray[np.int64], words: Hashes) -> tuple[Hashes, Hashes]:
    """Each sentence's words sorted and unique, sentences of fewer than three words dropped:
    (the words one sentence after the other, where each sentence ends)."""
    if len(words) == 0:
        return _EMPTY, _EMPTY
    order = np.lexsort((words, owner))
    owner, words = owner[order], words[order]
    first = np.ones(len(words), dtype=bool)
    first[1:] = (owner[1:] != owner[:-1]) | (words[1:] != words[:-1])
    owner, words = owner[first], words[first]
    sizes = np.bincount(owner)
    big = sizes >= 3
    kept = big[owner]
    ends = np.cumsum(sizes[big]).astype(np.uint32)
    return words[kept], ends
