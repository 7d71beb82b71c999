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
_SENTENCE_SPLIT_RE = re.compile(r"[.!?]+|\n")
_QUOTE_PASSAGE_RE = re.compile(r'"([^"\n]+)"')
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper())
_CAP_WORD = rf"[{_UPPER}][\w'’\-]*"
_CAP_RUN_RE = re.compile(rf"{_CAP_WORD}(?: {_CAP_WORD})*")
_INNER_CAP_RE = re.compile(rf"(?<=[\w,;)]) +({_CAP_WORD})")
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


def run_hashes(hashes: list[int], width: int) -> Hashes:
    """Sorted, unique hashes of every run of ``width`` consecutive word hashes (one run of all
    of them when there are fewer)."""
    if not hashes:
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


def content_hashes(words: list[str]) -> Hashes:
    """Sorted unique hashes of the words that carry content."""
    kept = [word_hash(w) for w in words if w not in FUNCTION_WORDS and (len(w) > 2 or w.isdigit())]
    return np.unique(np.asarray(kept, dtype=np.uint32)) if kept else _EMPTY


@dataclass
class _Scan:
    """One pass over an article's tokens: word hashes, content flags, sentence ends, quotes
    and capitalised runs."""

    hashes: list[int]
    content: list[bool]
    sentence_ends: list[int]
    quotes: list[list[str]]
    names: list[str]


def _scan(text: str) -> _Scan:
    """Regular expressions do the scanning (in C); Python only touches each word once, in
    list comprehensions."""
    folded = fold_marks(text)
    low = folded.casefold()
    hashes: list[int] = []
    content: list[bool] = []
    ends: list[int] = []
    cache = _word_cache
    function = FUNCTION_WORDS
    for sentence in _SENTENCE_SPLIT_RE.split(low):
        words = _WORD_RE.findall(sentence)
        if not words:
            continue
        hashes += [cache.get(w) or word_hash(w) for w in words]
        content += [w not in function and (len(w) > 2 or w.isdigit()) for w in words]
        ends.append(len(hashes))
    quotes = [
        words
        for passage in _QUOTE_PASSAGE_RE.findall(low)
        if len(words := _WORD_RE.findall(passage)) >= MIN_QUOTE_WORDS
    ]
    return _Scan(hashes, content, ends, quotes, _names(folded))


def _names(folded: str) -> list[str]:
    inner = {_bare(m.casefold()) for m in _INNER_CAP_RE.findall(folded)}
    names: list[str] = []
    for line in folded.split("\n"):
        runs = list(_CAP_RUN_RE.finditer(line))
        if not runs:
            continue
        capitalised = sum(m.group().count(" ") + 1 for m in runs)
        if capitalised >= 4 and capitalised > 0.6 * (line.count(" ") + 1):
            continue  # a headline or a menu: every word capitalised, none of them a name
        for m in runs:
            run: list[str] = []
            at = m.start()
            while at > 0 and line[at - 1] in " \"'([":
                at -= 1
            opener = at == 0 or line[at - 1] in ".!?:"
            for token in m.group().split(" "):
                name = _name_words.get(token)
                if name is None:
                    name = _name_word(token)
                if not name or (opener and name not in inner):
                    if run:
                        _add_name(run, names)
                        run = []
                else:
                    run.append(name)
                opener = False
            if run:
                _add_name(run, names)
    return names


_name_words: dict[str, str] = {}


def _name_word(token: str) -> str:
    """A capitalised token as part of a name ("" when it never is one), remembered."""
    name = _bare(token.casefold())
    if name in FUNCTION_WORDS or name in NOT_NAMES:
        name = ""
    if len(_name_words) >= _WORD_CACHE_LIMIT:
        _name_words.clear()
    _name_words[token] = name
    return name


def _bare(word: str) -> str:
    """Without a possessive ending ("Altman's", "Jones'")."""
    if word[-1] in "'’":
        return word[:-1]
    if word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def _add_name(run: list[str], names: list[str]) -> None:
    names.append(" ".join(run))
    if len(run) > 1 and len(run[-1]) > 2:
        names.append(run[-1])  # "Altman" alone names the "Sam Altman" of another text


def quotes_of(text: str) -> list[list[str]]:
    """The normalised words of every passage in double quotes (any style) long enough to be a
    statement; a quote never runs past the end of its paragraph."""
    return _scan(text).quotes


def names_of(text: str) -> list[str]:
    """Runs of capitalised words (normalised, words joined by one space), outside headline-case
    lines. A capitalised function word or a word in :data:`NOT_NAMES` ends a run, so "The" at
    a sentence start and "Monday" are never names; a word capitalised only where every word
    is (opening a sentence) is a name only if the text capitalises it elsewhere too. The last
    word of a longer name is listed on its own as well."""
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

    def sentence_sets(self) -> list[Hashes]:
        starts = [0, *self.sentence_ends[:-1].tolist()]
        return [
            self.sentences[s:e] for s, e in zip(starts, self.sentence_ends.tolist(), strict=True)
        ]


def text_features(text: str) -> TextFeatures:
    """Everything grouping needs from a text, computed once per article (the map step)."""
    scan = _scan(text)
    hashes = np.asarray(scan.hashes, dtype=np.uint32)
    ends_at = np.asarray(scan.sentence_ends, dtype=np.int64)
    sizes = ends_at - np.concatenate((np.zeros(1, dtype=np.int64), ends_at[:-1]))
    sentence_of = np.repeat(np.arange(len(scan.sentence_ends), dtype=np.int64), sizes)
    keep = np.asarray(scan.content, dtype=bool)
    sentences, ends = _sentence_sets(sentence_of[keep], hashes[keep])
    name_hashes = {word_hash("n:" + n) for n in scan.names}
    quote_keys = _quote_keys(scan.quotes)
    return TextFeatures(
        words=len(scan.hashes),
        shingles=run_hashes(scan.hashes, SHINGLE_WORDS),
        sentences=sentences,
        sentence_ends=ends,
        quote_words=content_hashes([w for q in scan.quotes for w in q]),
        names=np.array(sorted(name_hashes), dtype=np.uint32),
        quote_keys=quote_keys,
    )


def _quote_keys(quotes: list[list[str]]) -> Hashes:
    """Hashes of every four-word run inside one quote holding two content words or more,
    all quotes of the article at once."""
    words = [w for q in quotes for w in q]
    if len(words) < QUOTE_KEY_WORDS:
        return _EMPTY
    cache = _word_cache
    w = np.asarray([cache.get(x) or word_hash(x) for x in words], dtype=np.uint64)
    content = np.asarray([x not in FUNCTION_WORDS for x in words], dtype=np.int64)
    owner = np.repeat(np.arange(len(quotes)), [len(q) for q in quotes])
    count = len(words) - QUOTE_KEY_WORDS + 1
    inside = owner[:count] == owner[QUOTE_KEY_WORDS - 1 :]
    enough = np.convolve(content, np.ones(QUOTE_KEY_WORDS, dtype=np.int64), "valid") >= 2
    acc = np.full(count, _QUOTE_SALT, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(QUOTE_KEY_WORDS):
            acc = acc * _MIX64 + w[offset : offset + count]
    return np.unique(_mix(acc[inside & enough]))


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
