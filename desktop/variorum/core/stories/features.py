"""What story grouping reads from one article's text: word shingles, sentences, quotes, names.

Everything is reduced to 32-bit hashes of normalised words (:mod:`.scan`), so signatures made
on different machines of a cluster can be compared.

- shingles: every run of :data:`SHINGLE_WORDS` consecutive words, for the exact resemblance
  and containment of near-duplicates;
- sentences: each sentence's content words (function words dropped), so a sentence that was
  reworded but kept its facts still matches;
- quotes: the content words between quotation marks, which rewrites keep;
- names: runs of capitalised words, which rewrites keep too;
- quote keys: every four-word run inside a quote (with two content words or more), which a
  reworded quote still shares with the original; with the names, they find rewrite
  candidates.

Many articles are read at once (:func:`features_batch`): the texts are scanned one by one
(:mod:`.scan`), then their tokens are concatenated and every feature is computed over all of
them in a few numpy calls, each article's share cut out at the end. Per article, numpy's
fixed cost per call outweighed the work on a news article's few hundred words.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from variorum.core.stories.scan import (
    CONTENT_BIT,
    END_BIT,
    HASH_MASK,
    NEWLINE_BIT,
    NOT_FUNCTION_BIT,
    QUOTE_BIT,
    Codes,
    codes_of,
    fold_marks,
    names_in,
    text_codes,
    tokens_of,
    word_hash,
)

SHINGLE_WORDS = 5
"""Words per shingle: long enough that unrelated news rarely shares one by chance, short
enough that one edited word spoils only five."""
QUOTE_KEY_WORDS = 4
"""Words per key inside a quote: a reworded quote keeps runs of this length."""
MIN_QUOTE_WORDS = 4
"""Shorter quoted text is a scare quote or a title, not somebody's statement."""

Hashes = npt.NDArray[np.uint32]
_Values = TypeVar("_Values", npt.NDArray[np.uint32], npt.NDArray[np.uint64])
Ints = npt.NDArray[np.int64]
_EMPTY: Hashes = np.zeros(0, dtype=np.uint32)
_NO_INTS: Ints = np.zeros(0, dtype=np.int64)
_QUOTE_SALT = np.uint64(0x51)
"""Keeps quote keys apart from shingles of the same words."""
_MIX64 = np.uint64(0x9E3779B97F4A7C15)
_MULT = np.uint64(0xBF58476D1CE4E5B9)
_LOW32 = np.uint64(HASH_MASK)
_SHIFT32 = np.uint64(32)


def mix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: neighbouring inputs get unrelated 64-bit hashes."""
    with np.errstate(over="ignore"):
        x = values ^ (values >> np.uint64(31))
        x = x * _MULT
        x = x ^ (x >> np.uint64(29))
        x = x * _MIX64
        out: npt.NDArray[np.uint64] = x ^ (x >> _SHIFT32)
    return out


def _mix(values: npt.NDArray[np.uint64]) -> Hashes:
    return (mix64(values) >> _SHIFT32).astype(np.uint32)


def run_hashes(hashes: list[int] | Ints, width: int) -> Hashes:
    """Sorted, unique hashes of every run of ``width`` consecutive word hashes (one run of all
    of them when there are fewer)."""
    if len(hashes) == 0:
        return _EMPTY
    w = np.asarray(hashes, dtype=np.uint64)
    width = min(width, len(w))
    return sorted_unique(_mix(_windows(w, width)))


def sorted_unique(values: _Values) -> _Values:
    """``np.unique`` of integers, by sorting: numpy 2's ``unique`` goes through a hash table
    first, which took 25 times as long on the hundreds of thousands of distinct values of a
    batch of articles."""
    out = np.sort(values)
    if len(out) > 1:
        out = out[np.concatenate(([True], out[1:] != out[:-1]))]
    return out


def _windows(w: npt.NDArray[np.uint64], width: int) -> npt.NDArray[np.uint64]:
    """The unmixed hash of every run of ``width`` consecutive values."""
    count = len(w) - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            acc = acc * _MIX64 + w[offset : offset + count] + np.uint64(offset + 1)
    return acc


def shingles(words: list[str], width: int = SHINGLE_WORDS) -> Hashes:
    return run_hashes([word_hash(w) for w in words], width)


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
    """Everything grouping needs from a text (see :func:`features_batch`)."""
    return features_batch([text])[0]


def features_batch(texts: Sequence[str]) -> list[TextFeatures]:
    """Everything grouping needs from each text, computed once per article (the map step);
    the same as reading each text alone."""
    n = len(texts)
    parts: list[Codes] = []
    names: list[list[str]] = []
    for text in texts:
        folded = fold_marks(text)
        parts.append(text_codes(folded))
        names.append(names_in(folded))
    tokens = _Tokens(parts)
    shingle_sets = _shingles(tokens, n)
    sentences, ends = _sentences(tokens, n)
    lo, hi = quote_spans(tokens.codes, tokens.doc, tokens.words_before)
    quoted = _ranges(tokens.words_before[lo], tokens.words_before[hi])
    q_codes, q_doc = tokens.words[quoted], tokens.word_doc[quoted]
    q_owner = np.repeat(np.arange(len(lo)), tokens.words_before[hi] - tokens.words_before[lo])
    content = (q_codes & CONTENT_BIT) != 0
    quote_words = unique_per_doc(q_codes[content] & HASH_MASK, q_doc[content], n)
    quote_keys = _quote_keys(q_codes, q_owner, q_doc, n)
    name_sets = [set(x) for x in names]
    name_hashes = unique_per_doc(
        np.fromiter(map(_name_hash, itertools.chain.from_iterable(name_sets)), dtype=np.int64),
        np.repeat(np.arange(n), [len(x) for x in name_sets]),
        n,
    )
    counts = np.bincount(tokens.word_doc, minlength=n).tolist()
    return [
        TextFeatures(
            words=counts[i],
            shingles=shingle_sets[i],
            sentences=sentences[i],
            sentence_ends=ends[i],
            quote_words=quote_words[i],
            names=name_hashes[i],
            quote_keys=quote_keys[i],
        )
        for i in range(n)
    ]


def _name_hash(name: str) -> int:
    return word_hash("n:" + name)


class _Tokens:
    """The token codes of several articles one after the other, and their words."""

    def __init__(self, parts: list[Codes]) -> None:
        self.codes: Codes = np.concatenate(parts) if parts else _NO_INTS
        self.doc: Ints = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
        is_word = _is_word(self.codes)
        self.is_word = is_word
        self.words: Codes = self.codes[is_word]
        self.word_doc: Ints = self.doc[is_word]
        self.words_before: Ints = np.concatenate(([0], np.cumsum(is_word)))
        """Words before each token (one more entry: all the words)."""


def _is_word(codes: Codes) -> npt.NDArray[np.bool_]:
    is_word: npt.NDArray[np.bool_] = (codes & (END_BIT | QUOTE_BIT)) == 0
    return is_word


def unique_per_doc(values: npt.NDArray[np.integer], docs: Ints, n: int) -> list[Hashes]:
    """For each of ``n`` articles, the sorted unique 32-bit values that ``docs`` gives it: one
    sort for all of them."""
    if len(values) == 0:
        return [_EMPTY] * n
    tagged = sorted_unique((docs.astype(np.uint64) << _SHIFT32) | values.astype(np.uint64))
    bounds = np.searchsorted(tagged >> _SHIFT32, np.arange(n + 1, dtype=np.uint64)).tolist()
    flat = (tagged & _LOW32).astype(np.uint32)
    return [flat[a:b] for a, b in itertools.pairwise(bounds)]


def _ranges(starts: Ints, stops: Ints) -> Ints:
    """Every index from each start to its stop, one range after the other."""
    sizes = stops - starts
    total = int(sizes.sum())
    if total == 0:
        return _NO_INTS
    return np.repeat(starts - (np.cumsum(sizes) - sizes), sizes) + np.arange(total)


def _shingles(tokens: _Tokens, n: int) -> list[Hashes]:
    """Each article's shingles: the runs of words inside one article, all articles at once
    (an article shorter than a shingle is one run of all its words, alone)."""
    w = (tokens.words & HASH_MASK).astype(np.uint64)
    doc = tokens.word_doc
    out = [_EMPTY] * n
    if len(w) >= SHINGLE_WORDS:
        keep = doc[: len(w) - SHINGLE_WORDS + 1] == doc[SHINGLE_WORDS - 1 :]
        runs = _windows(w, SHINGLE_WORDS)[keep]
        out = unique_per_doc(_mix(runs), doc[: len(keep)][keep], n)
    counts = np.bincount(doc, minlength=n)
    for i in np.flatnonzero((counts > 0) & (counts < SHINGLE_WORDS)).tolist():
        out[i] = run_hashes(w[doc == i], SHINGLE_WORDS)
    return out


def _sentences(tokens: _Tokens, n: int) -> tuple[list[Hashes], list[Hashes]]:
    """Each article's sentences (content words sorted and unique, sentences of fewer than
    three dropped): the words one sentence after the other, and where each sentence ends."""
    # sentence marks before each word, plus its article: a number per sentence, increasing
    sentence = (np.cumsum((tokens.codes & END_BIT) != 0) + tokens.doc)[tokens.is_word]
    content = (tokens.words & CONTENT_BIT) != 0
    owner = sentence[content]
    words = (tokens.words[content] & HASH_MASK).astype(np.uint32)
    doc = tokens.word_doc[content]
    if len(words) == 0:
        return [_EMPTY] * n, [_EMPTY] * n
    order = np.lexsort((words, owner))
    owner, words, doc = owner[order], words[order], doc[order]
    first = np.ones(len(words), dtype=bool)
    first[1:] = (owner[1:] != owner[:-1]) | (words[1:] != words[:-1])
    owner, words, doc = owner[first], words[first], doc[first]
    starts = np.concatenate(([True], owner[1:] != owner[:-1]))
    number = np.cumsum(starts) - 1
    sizes = np.bincount(number)
    big = sizes >= 3
    sentence_doc = doc[starts][big]
    kept = big[number]
    words, doc = words[kept], doc[kept]
    everyone = np.arange(n + 1)
    word_bounds = np.searchsorted(doc, everyone)
    ends32 = (np.cumsum(sizes[big]) - word_bounds[sentence_doc]).astype(np.uint32)
    sentence_bounds = np.searchsorted(sentence_doc, everyone).tolist()
    return (
        [words[a:b] for a, b in itertools.pairwise(word_bounds.tolist())],
        [ends32[a:b] for a, b in itertools.pairwise(sentence_bounds)],
    )


def quote_spans(codes: Codes, doc: Ints, words_before: Ints) -> tuple[Ints, Ints]:
    """Where each quoted passage's tokens start and stop (token indices, the marks left out):
    text between a double quote and the next, within one paragraph, holding at least
    :data:`MIN_QUOTE_WORDS` words (``words_before``: the words before each token, see
    :class:`_Tokens`). Pairing follows the marks in order, as a regular
    expression scanning for ``"[^"\\n]+"`` would: a mark whose passage reaches a line break
    opens nothing, and of several marks in a row the first closes and the last opens."""
    marks = np.flatnonzero((codes & QUOTE_BIT) != 0)
    if len(marks) < 2:
        return _NO_INTS, _NO_INTS
    # a line break or another article between two marks: no passage
    paragraph = (np.cumsum((codes & NEWLINE_BIT) != 0) + doc)[marks].tolist()
    run = (codes[marks] & HASH_MASK).tolist()
    lo: list[int] = []
    hi: list[int] = []
    opener = opened_in = -1
    for at, where, count in zip(marks.tolist(), paragraph, run, strict=True):
        if opener >= 0 and where == opened_in:
            lo.append(opener + 1)
            hi.append(at)
            opener = at if count > 1 else -1
        else:
            opener = at
        opened_in = where
    starts, stops = np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64)
    enough = words_before[stops] - words_before[starts] >= MIN_QUOTE_WORDS
    return starts[enough], stops[enough]


def _quote_keys(codes: Codes, owner: Ints, doc: Ints, n: int) -> list[Hashes]:
    """Hashes of every four-word run inside one quote holding two content words or more."""
    count = len(codes) - QUOTE_KEY_WORDS + 1
    if count <= 0:
        return [_EMPTY] * n
    w = (codes & HASH_MASK).astype(np.uint64)
    content = ((codes & NOT_FUNCTION_BIT) != 0).astype(np.int64)
    inside = owner[:count] == owner[QUOTE_KEY_WORDS - 1 :]
    enough = np.convolve(content, np.ones(QUOTE_KEY_WORDS, dtype=np.int64), "valid") >= 2
    acc = np.full(count, _QUOTE_SALT, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(QUOTE_KEY_WORDS):
            acc = acc * _MIX64 + w[offset : offset + count]
    keep = inside & enough
    return unique_per_doc(_mix(acc[keep]), doc[:count][keep], n)


def quotes_of(text: str) -> list[list[str]]:
    """The normalised words of every passage in double quotes (any style) long enough to be a
    statement; a quote never runs past the end of its paragraph."""
    tokens = tokens_of(fold_marks(text))
    codes = codes_of(tokens)
    is_word = _is_word(codes)
    before = np.concatenate(([0], np.cumsum(is_word)))
    lo, hi = quote_spans(codes, np.zeros(len(codes), dtype=np.int64), before)
    word = is_word.tolist()
    return [
        [tokens[i] for i in range(a, b) if word[i]]
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True)
    ]


def names_of(text: str) -> list[str]:
    """Runs of capitalised words (normalised, words joined by one space), outside headline-case
    lines. A capitalised function word or a word in :data:`NOT_NAMES` ends a run, so "The" at
    a sentence start and "Monday" are never names; a word capitalised only where every word
    is (opening a sentence) is a name only if the text capitalises it elsewhere too. The last
    word of a longer name is listed on its own as well. Each run's names are listed, runs that
    open a sentence last on their line (grouping uses the set of names only)."""
    return names_in(fold_marks(text))
