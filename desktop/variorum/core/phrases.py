"""Moved phrases: "..., according to X." -> "According to X, ...", or a clause carried
from one paragraph into another that was otherwise only edited.

A word diff shows such a phrase as deleted in one place and inserted in another. Here a
deleted stretch and an inserted stretch among the edits of the modified pairs that are (nearly)
the same words become one move, so the reader sees the phrase travel instead of two unrelated
edits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain

from variorum.core.similarity import could_reach, similarity
from variorum.core.tokens import TokenSeq
from variorum.core.worddiff import Op

MIN_WORDS = 4
"""Shorter stretches are too common ("of the", "in the") to say they moved."""
SHARED_WORDS = 0.4
"""Quick test before the exact one: the distinct words two stretches must share, as a share
of the smaller set, counting only words that occur in few stretches (so this stays cheap)."""
MIN_WORDS_ACROSS = 6
"""A phrase found in another paragraph or sentence than the one it left must be longer."""
SAME_PHRASE = 0.7
"""Similarity (share of words in common, in order) for two stretches to be one phrase."""


@dataclass(frozen=True)
class PhraseMove:
    """Tokens a[a_lo:a_hi] moved to b[b_lo:b_hi] (possibly with small edits)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def split_moves(
    ops: list[Op], a: TokenSeq, b: TokenSeq, groups: list[int] | None = None
) -> tuple[list[tuple[int, Op]], list[PhraseMove]]:
    """Find moved phrases among edits (``groups[k]`` names the pair edit k belongs to; a
    phrase that travels to another pair must be longer). Returns the edits left, each with the
    index of the edit it comes from (what remains of an edit around the phrase that left it or
    arrived in it), and the moves."""
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
    for x, y in _sharing_pairs(removed, added, a, b):
        ka, alo, ahi = removed[x]
        kb, blo, bhi = added[y]
        if kb == ka or not could_reach(ahi - alo, bhi - blo, SAME_PHRASE):
            continue
        if groups is not None and groups[ka] != groups[kb] and (
            min(a.words(alo, ahi), b.words(blo, bhi)) < MIN_WORDS_ACROSS
        ):
            continue
        sim = similarity(a.codes[alo:ahi], b.codes[blo:bhi], SAME_PHRASE)
        if sim >= SAME_PHRASE:
            found.append((sim, x, y))
    if not found:
        return list(enumerate(ops)), []
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
    left: list[tuple[int, Op]] = []
    for k, edit in enumerate(ops):
        if k in out_of or k in into:
            left.extend((k, rest) for rest in _remainder(edit, out_of.get(k), into.get(k)))
        else:
            left.append((k, edit))
    moves.sort(key=lambda m: (m.b_lo, m.a_lo))
    return left, moves


def _sharing_pairs(
    removed: list[tuple[int, int, int]],
    added: list[tuple[int, int, int]],
    a: TokenSeq,
    b: TokenSeq,
) -> list[tuple[int, int]]:
    """(removed, added) stretches worth comparing: sharing enough of the smaller one's distinct
    words, counted through an index of the words found in few stretches (a common word says
    nothing about which stretches match)."""
    sets_a = [set(a.codes[lo:hi]) for _, lo, hi in removed]
    sets_b = [set(b.codes[lo:hi]) for _, lo, hi in added]
    where: dict[str, list[int]] = {}
    for x, codes in enumerate(sets_a):
        for c in codes:
            where.setdefault(c, []).append(x)
    common = max(8, len(removed) // 10)
    telling = {c: xs for c, xs in where.items() if len(xs) <= common}
    # n >= SHARED_WORDS * min(len_a, len_b) is n >= either bound; the bound of A's stretches
    # is computed once, not once per pair (a long text has hundreds of thousands of pairs).
    need_a = [SHARED_WORDS * len(codes) for codes in sets_a]
    pairs: list[tuple[int, int]] = []
    for y, codes in enumerate(sets_b):
        # counted at C speed: how many telling words each stretch of A shares with this one
        shared = Counter(chain.from_iterable(map(telling.__getitem__, codes & telling.keys())))
        need_b = SHARED_WORDS * len(codes)
        pairs.extend((x, y) for x, n in shared.items() if n >= need_b or n >= need_a[x])
    return pairs


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
