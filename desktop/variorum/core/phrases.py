"""Phrases moved inside a modified pair: "..., according to X." -> "According to X, ...".

A word diff shows such a phrase as deleted in one place and inserted in another. Here a
deleted stretch and an inserted stretch of the same pair that are (nearly) the same words
become one move, so the reader sees the phrase travel instead of two unrelated edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from variorum.core.similarity import similarity
from variorum.core.tokens import TokenSeq
from variorum.core.worddiff import Op

MIN_WORDS = 4
"""Shorter stretches are too common ("of the", "in the") to say they moved."""
SAME_PHRASE = 0.7
"""Similarity (share of words in common, in order) for two stretches to be one phrase."""


@dataclass(frozen=True)
class PhraseMove:
    """Tokens a[a_lo:a_hi] moved to b[b_lo:b_hi] (possibly with small edits)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def split_moves(ops: list[Op], a: TokenSeq, b: TokenSeq) -> tuple[list[Op], list[PhraseMove]]:
    """Find moved phrases among the edits of one pair. Returns the edits left (what remains of
    an edit around the phrase that left it or arrived in it) and the moves."""
    removed: list[tuple[int, int, int]] = []  # (op index, lo, hi) of A sides, trimmed
    added: list[tuple[int, int, int]] = []
    for k, (op, alo, ahi, blo, bhi) in enumerate(ops):
        if op in (-1, 2):
            lo, hi = _trim(a, alo, ahi)
            if a.words(lo, hi) >= MIN_WORDS:
                removed.append((k, lo, hi))
        if op in (1, 2):
            lo, hi = _trim(b, blo, bhi)
            if b.words(lo, hi) >= MIN_WORDS:
                added.append((k, lo, hi))
    found: list[tuple[float, int, int]] = []
    for x, (ka, alo, ahi) in enumerate(removed):
        for y, (kb, blo, bhi) in enumerate(added):
            if kb == ka:
                continue
            sim = similarity(a.codes[alo:ahi], b.codes[blo:bhi], SAME_PHRASE)
            if sim >= SAME_PHRASE:
                found.append((sim, x, y))
    if not found:
        return ops, []
    found.sort(reverse=True)
    out_of: dict[int, tuple[int, int]] = {}  # op index -> the A tokens that moved out of it
    into: dict[int, tuple[int, int]] = {}  # op index -> the B tokens that moved into it
    moves: list[PhraseMove] = []
    for _, x, y in found:
        ka, alo, ahi = removed[x]
        kb, blo, bhi = added[y]
        if ka in out_of or kb in into:
            continue
        out_of[ka] = (alo, ahi)
        into[kb] = (blo, bhi)
        moves.append(PhraseMove(alo, ahi, blo, bhi))
    left: list[Op] = []
    for k, edit in enumerate(ops):
        if k in out_of or k in into:
            left.extend(_remainder(edit, out_of.get(k), into.get(k)))
        else:
            left.append(edit)
    moves.sort(key=lambda m: (m.b_lo, m.a_lo))
    return left, moves


def _trim(seq: TokenSeq, lo: int, hi: int) -> tuple[int, int]:
    """Without punctuation at either end: a phrase is its words."""
    while lo < hi and not seq.words(lo, lo + 1):
        lo += 1
    while hi > lo and not seq.words(hi - 1, hi):
        hi -= 1
    return lo, hi


def _remainder(op: Op, gone: tuple[int, int] | None, came: tuple[int, int] | None) -> list[Op]:
    """What is left of edit ``op`` once the A tokens ``gone`` (moved out) and the B tokens
    ``came`` (moved in) are taken out: the pieces before and after, paired up in order."""
    _, alo, ahi, blo, bhi = op
    a_parts = [(alo, gone[0]), (gone[1], ahi)] if gone else [(alo, ahi), (ahi, ahi)]
    b_parts = [(blo, came[0]), (came[1], bhi)] if came else [(blo, bhi), (bhi, bhi)]
    out: list[Op] = []
    for (a0, a1), (b0, b1) in zip(a_parts, b_parts, strict=True):
        if a1 > a0 and b1 > b0:
            out.append((2, a0, a1, b0, b1))
        elif a1 > a0:
            out.append((-1, a0, a1, b0, b0))
        elif b1 > b0:
            out.append((1, a0, a0, b0, b1))
    return out
