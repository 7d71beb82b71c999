"""Normalisation with offsets: what counts as a change, without losing the original text.

The engine compares a normalised form of each text but reports and shows positions in the
original. Most folds here are one character to one character (quote styles, dashes,
non-breaking spaces), so offsets survive unchanged; the few that are not (case folding of
characters such as "İ", number formatting) are applied per token by :func:`token_key`, never to
the whole text, so a token's span always points into the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from variorum.core.options import CompareOptions

DOUBLE_QUOTES = "\"“”„‟«»〝〞＂"
SINGLE_QUOTES = "'‘’‚‛‹›ʼ`´"
DASHES = "‐‑‒–—―−﹘﹣－"
# Every Unicode space that Python's regex ``\s`` knows but that a reader cannot tell apart from
# a plain space in running text.
SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
NUMBER_SEPARATORS = ","


def _table(options: CompareOptions) -> dict[int, str]:
    table: dict[int, str] = {}
    if options.fold_quotes:
        table.update({ord(c): '"' for c in DOUBLE_QUOTES})
        table.update({ord(c): "'" for c in SINGLE_QUOTES})
    if options.fold_dashes:
        table.update({ord(c): "-" for c in DASHES})
    if options.collapse_whitespace:
        table.update({ord(c): " " for c in SPACES})
    return table


@dataclass(frozen=True)
class NormalizedText:
    """``text`` is ``original`` with the one-to-one folds applied; both have the same length, so
    an offset into one is an offset into the other."""

    original: str
    text: str


def normalize_text(text: str, options: CompareOptions) -> NormalizedText:
    """Apply the length-preserving folds (quotes, dashes, spaces) to the whole text at once,
    far cheaper than folding token by token."""
    table = _table(options)
    if not table:
        return NormalizedText(text, text)
    # A regex that visits only the characters to fold is several times faster than
    # str.translate over the whole text, most of which is left as it is.
    pattern = _fold_pattern(tuple(sorted(table.items())))
    folded = pattern.sub(lambda m: table[ord(m.group())], text)
    return NormalizedText(text, folded)


@lru_cache(maxsize=16)
def _fold_pattern(items: tuple[tuple[int, str], ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(chr(k) for k, _ in items)) + "]")


def token_key(token: str, options: CompareOptions) -> str:
    """The comparison key of one token of the folded text: case, accents and number
    formatting."""
    if options.fold_accents:
        token = fold_accents(token)
    if options.ignore_case:
        # "İ".casefold() is "i" + COMBINING DOT ABOVE; drop the dot so İstanbul == istanbul.
        token = token.casefold().replace("\u0307", "")
    if options.fold_numbers and token[:1].isdigit():
        token = fold_number(token)
    return token


def fold_accents(token: str) -> str:
    """"café" and "cafe", "Zürich" and "Zurich" compare equal: the combining marks of the
    canonical decomposition are dropped. Letters that are not a base letter plus a mark (ø,
    ß, ł) stay as they are: folding them is a spelling choice, not an accent."""
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_number(token: str) -> str:
    """"1,000" and "1000" compare equal ("1.000" does not: it may be a decimal)."""
    return "".join(c for c in token if c not in NUMBER_SEPARATORS)


def is_punctuation(token: str) -> bool:
    """A token that is neither a word nor a number (the tokenizer keeps those whole)."""
    return not token[:1].isalnum() and token[:1] != "_" and not token[:1].isspace()
