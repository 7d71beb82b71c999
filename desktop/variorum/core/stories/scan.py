"""The per-text part of reading an article for story grouping: normalisation, tokens and
capitalised names. What follows is numpy over many articles at once (:mod:`.features`).

Regular expressions do the scanning and a dict lookup per token the hashing, both in C;
Python runs once per article, per line and per capitalised run, and once per distinct new
word, never once per character or per word.

Hashes are CRC-32 of the normalised word (never Python's salted ``hash``), so every process
and every machine of a cluster computes the same ones. Normalisation folds what re-posts
change without changing the story: quote styles, dashes, spacing and case.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from variorum.core.normalize import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, SPACES
from variorum.core.stories.words import FUNCTION_WORDS, NOT_NAMES

Codes = npt.NDArray[np.int64]

_MARKS = (
    [(c, '"') for c in DOUBLE_QUOTES]
    + [(c, "'") for c in SINGLE_QUOTES]
    + [(c, "-") for c in DASHES]
    + [(c, " ") for c in SPACES]
)
_MARK_TABLE = dict(_MARKS)
_MARK_RE = re.compile("[" + re.escape("".join(c for c, _ in _MARKS if c not in "\"'-")) + "]")
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_CACHE_LIMIT = 1 << 20
"""Entries a per-process memo (words, tokens, capitalised runs) holds before it starts
again, which bounds its memory on an endless stream of new words."""


def fold_marks(text: str) -> str:
    """Quote styles (also typewriter ``pairs''), dashes and unusual spaces folded to plain
    ones."""
    if "''" in text or "``" in text:
        text = text.replace("''", '"').replace("``", '"')
    if text.isascii():
        return text
    for mark in set(_MARK_RE.findall(text)):  # a few distinct marks, many times each
        text = text.replace(mark, _MARK_TABLE[mark])
    return text


def fold(text: str) -> str:
    """Marks and case folded: what a re-post changes without changing a word."""
    return fold_marks(text).casefold()


_word_cache: dict[str, int] = {}


def word_hash(word: str) -> int:
    """A stable 32-bit hash of a normalised word (the same in every process)."""
    value = _word_cache.get(word)
    if value is None:
        value = zlib.crc32(word.encode("utf-8"))
        if len(_word_cache) >= _CACHE_LIMIT:
            _word_cache.clear()
        _word_cache[word] = value
    return value


def words_of(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return _WORD_RE.findall(fold(text))


# -- tokens ----------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"\w+(?:'\w+)*|[.!?\n]|\"+")
"""A word; a mark that ends a sentence (``.``, ``!``, ``?`` or a line break; a run of them
ends one sentence: sentences without words are none); or a run of double quotes (where
quoted passages start and end: :func:`variorum.core.stories.features.quote_spans`)."""
CONTENT_BIT = 1 << 32
"""Not a function word, and longer than two letters or a number: what sentences and quotes
are matched on."""
END_BIT = 1 << 33
NOT_FUNCTION_BIT = 1 << 34
NEWLINE_BIT = 1 << 35
QUOTE_BIT = 1 << 36
"""A run of double quotes; the low bits hold how many."""
HASH_MASK = 0xFFFFFFFF
_MARK_CODES = {".": END_BIT, "!": END_BIT, "?": END_BIT, "\n": END_BIT | NEWLINE_BIT}
_token_codes: dict[str, int] = dict(_MARK_CODES)
"""Every token seen and its code: the word hash with the bits above, so an article's tokens
become numbers in one ``map`` (C speed, no Python per word)."""


def _code(token: str) -> int:
    if token[0] == '"':
        return QUOTE_BIT | len(token)
    code = word_hash(token)
    if token not in FUNCTION_WORDS:
        code |= NOT_FUNCTION_BIT
        if len(token) > 2 or token.isdigit():
            code |= CONTENT_BIT
    return code


def codes_of(tokens: list[str]) -> Codes:
    """The codes of tokens (new ones added to the table)."""
    return _codes(tokens, _token_codes, _MARK_CODES, str)


def text_codes(folded: str) -> Codes:
    """The codes of the tokens of a text whose marks are folded: ``codes_of(tokens_of(...))``.
    A text of ASCII characters only (most news once its marks are folded) is cut by the same
    expression over bytes, a third faster than over str (Python's str expressions ask the
    Unicode tables for every character); on ASCII, ``\\w`` and case folding are the same
    either way."""
    if folded.isascii():
        tokens = _TOKEN_BYTES_RE.findall(folded.encode("ascii").lower())
        return _codes(tokens, _byte_codes, _BYTE_MARK_CODES, _ascii)
    return codes_of(tokens_of(folded))


_TOKEN_BYTES_RE = re.compile(TOKEN_RE.pattern.encode("ascii"))
_BYTE_MARK_CODES = {k.encode("ascii"): v for k, v in _MARK_CODES.items()}
_byte_codes: dict[bytes, int] = dict(_BYTE_MARK_CODES)
"""The table of :data:`_token_codes` for tokens cut from bytes."""


def _ascii(token: bytes) -> str:
    return token.decode("ascii")


_Token = TypeVar("_Token", str, bytes)


def _codes(
    tokens: list[_Token],
    table: dict[_Token, int],
    marks: dict[_Token, int],
    text: Callable[[_Token], str],
) -> Codes:
    """The codes of tokens from ``table``, new ones added to it (it starts again from the
    ``marks`` when full)."""
    out = np.fromiter(
        map(table.get, tokens, itertools.repeat(-1)), dtype=np.int64, count=len(tokens)
    )
    missing = np.flatnonzero(out < 0)
    if len(missing):
        if len(table) >= _CACHE_LIMIT:
            table.clear()
            table.update(marks)
        for i in missing.tolist():
            token = tokens[i]
            code = table.get(token)
            if code is None:
                code = table[token] = _code(text(token))
            out[i] = code
    return out


def tokens_of(folded: str) -> list[str]:
    """The tokens (:data:`TOKEN_RE`) of a text whose marks are folded, case folded."""
    return TOKEN_RE.findall(folded.casefold())


# -- names -----------------------------------------------------------------------------------

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


def names_in(folded: str) -> list[str]:
    """The names of a text whose marks are folded (see
    :func:`variorum.core.stories.features.names_of`). Regular expressions find the capitalised
    runs and those that open a sentence; what a run's words make is remembered per run text
    (:func:`_run_names`)."""
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
    made = (words[0], _names_of_words(words), _names_of_words(["", *words[1:]]))
    if len(_run_cache) >= _CACHE_LIMIT:
        _run_cache.clear()
    _run_cache[run] = made
    return made


def _names_of_words(words: list[str]) -> tuple[str, ...]:
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
