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
_TOKEN_RE = re.compile(r"\w+(?:'\w+)*|\n|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
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
    tokens = _TOKEN_RE.findall(fold_marks(text))
    hashes: list[int] = []
    content: list[bool] = []
    ends: list[int] = []
    quotes: list[list[str]] = []
    runs: list[tuple[list[str], bool]] = []  # (words, opens a sentence)
    inner: set[str] = set()
    quote: list[str] | None = None
    run: list[str] = []
    run_opens = False
    opener = True
    line_start = 0
    line_caps = line_words = 0
    cache = _word_cache
    for token in tokens:
        first = token[0]
        if first.isalnum() or first == "_":
            low = token.casefold()
            h = cache.get(low)
            hashes.append(word_hash(low) if h is None else h)
            content.append(low not in FUNCTION_WORDS and (len(low) > 2 or low.isdigit()))
            if quote is not None:
                quote.append(low)
            line_words += 1
            if first.isupper():
                line_caps += 1
                name = _POSSESSIVE_RE.sub("", low)
                if not opener:
                    inner.add(name)
                if name in FUNCTION_WORDS or name in NOT_NAMES:
                    _close(run, run_opens, runs)
                    run = []
                else:
                    if not run:
                        run_opens = opener
                    run.append(name)
            else:
                _close(run, run_opens, runs)
                run = []
            opener = False
            continue
        _close(run, run_opens, runs)
        run = []
        if token == "\n":
            if line_caps >= 4 and line_caps > 0.6 * line_words:
                del runs[line_start:]  # a headline or a menu: every word capitalised
            line_start, line_caps, line_words = len(runs), 0, 0
            quote = None
            opener = True
            if not ends or ends[-1] != len(hashes):
                ends.append(len(hashes))
        elif token in ".!?":
            opener = True
            if not ends or ends[-1] != len(hashes):
                ends.append(len(hashes))
        elif token == ":":
            opener = True
        elif token == '"':
            if quote is None:
                quote = []
            else:
                if len(quote) >= MIN_QUOTE_WORDS:
                    quotes.append(quote)
                quote = None
    _close(run, run_opens, runs)
    if line_caps >= 4 and line_caps > 0.6 * line_words:
        del runs[line_start:]
    if not ends or ends[-1] != len(hashes):
        ends.append(len(hashes))
    names: list[str] = []
    for words, opens in runs:
        if opens and words[0] not in inner:
            words = words[1:]  # capitalised only because it opens a sentence
        if words:
            names.append(" ".join(words))
            if len(words) > 1 and len(words[-1]) > 2:
                names.append(words[-1])  # "Altman" alone names the "Sam Altman" of another text
    return _Scan(hashes, content, ends, quotes, names)


def _close(run: list[str], opens: bool, runs: list[tuple[list[str], bool]]) -> None:
    if run:
        runs.append((run, opens))


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
    keys: set[int] = set()
    for q in scan.quotes:
        for i in range(len(q) - QUOTE_KEY_WORDS + 1):
            run = q[i : i + QUOTE_KEY_WORDS]
            if sum(w not in FUNCTION_WORDS for w in run) >= 2:
                keys.add(word_hash("q:" + " ".join(run)))
    return TextFeatures(
        words=len(scan.hashes),
        shingles=run_hashes(scan.hashes, SHINGLE_WORDS),
        sentences=sentences,
        sentence_ends=ends,
        quote_words=content_hashes([w for q in scan.quotes for w in q]),
        names=np.array(sorted(name_hashes), dtype=np.uint32),
        quote_keys=np.array(sorted(keys), dtype=np.uint32),
    )


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
