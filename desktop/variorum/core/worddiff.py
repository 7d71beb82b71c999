"""Word diff inside one aligned pair: diff-match-patch over token codes, cleaned up for reading.

diff-match-patch runs with no timeout (its timeout silently returns a coarse diff). We use the
C++ build of it (fast-diff-match-patch) when installed, and the pure-Python reference package
otherwise: same algorithm, same result, the C++ one about a hundred times faster. Very long
pairs are first cut at tokens that occur once on each side (as patience diff does), which keeps
the exact diff's cost, quadratic in the number of edits, bounded.
"""

from __future__ import annotations

import bisect
from collections import Counter

from variorum.core.tokens import TokenSeq

try:  # the C++ implementation of the same algorithm
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _fast = None

Op = tuple[int, int, int, int, int]
"""(op, a_lo, a_hi, b_lo, b_hi) in token indexes; op -1 delete, 0 equal, 1 insert, 2 replace."""
Run = tuple[int, int]
"""(op, length): op -1 delete, 0 equal, 1 insert."""

ANCHOR_ABOVE = 6000
"""Pairs longer than this (tokens on both sides) are first cut at unique common tokens."""

FAST_BUDGET = 60_000_000
"""Work allowed for one exact diff with the C++ build, as (tokens x edits): ~0.1 s."""
SLOW_BUDGET = 400_000
"""The same for the pure-Python build, as edits squared: its cost is dominated by that."""


def affordable(tokens: int, edits: float) -> bool:
    """Whether an exact word diff of a pair of this size and estimated number of edits is cheap
    enough to run. A pair that is not gets aligned by sentences, or, if it is a sentence,
    shown as one replacement and named in the comparison's notices."""
    if _fast is not None:
        return tokens * edits <= FAST_BUDGET
    return edits * edits <= SLOW_BUDGET


_OPS = {"=": 0, "-": -1, "+": 1}


def diff_runs(ca: str, cb: str, *, semantic: bool = True) -> list[Run]:
    """Exact diff of two code strings as (op, length) runs, semantic clean-up optional."""
    if _fast is not None:
        raw = _fast.diff(ca, cb, timelimit=0, checklines=False,
                         cleanup="Semantic" if semantic else "No", counts_only=True)
        return [(_OPS[op], n) for op, n in raw]
    from diff_match_patch import diff_match_patch  # only where the C++ build is missing

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact: never a silently degraded result
    diffs = dmp.diff_main(ca, cb, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(chunk)) for op, chunk in diffs]


def word_ops(a: TokenSeq, b: TokenSeq, a_rng: tuple[int, int], b_rng: tuple[int, int]) -> list[Op]:
    """Word diff of tokens a[a_rng] and b[b_rng]: equal runs and edits, a deletion next to an
    insertion fused into a replacement, tiny equal runs between two edits absorbed so that
    highlights are not speckled."""
    ca = a.codes[a_rng[0] : a_rng[1]]
    cb = b.codes[b_rng[0] : b_rng[1]]
    runs = anchored_runs(ca, cb) if len(ca) + len(cb) > ANCHOR_ABOVE else diff_runs(ca, cb)
    ops: list[Op] = []
    ia, ib = a_rng[0], b_rng[0]
    for op, n in runs:
        if op == 0:
            ops.append((0, ia, ia + n, ib, ib + n))
            ia += n
            ib += n
        elif op < 0:
            _push(ops, (-1, ia, ia + n, ib, ib))
            ia += n
        else:
            _push(ops, (1, ia, ia, ib, ib + n))
            ib += n
    return _absorb_small_equals(ops, a)


def anchored_runs(ca: str, cb: str) -> list[Run]:
    """Diff between anchors: tokens that occur exactly once on each side, in increasing order
    on both (the longest such chain)."""
    count_a, count_b = Counter(ca), Counter(cb)
    pos_b = {c: j for j, c in enumerate(cb) if count_b[c] == 1}
    matches = [(i, pos_b[c]) for i, c in enumerate(ca) if count_a[c] == 1 and c in pos_b]
    runs: list[Run] = []
    ia = ib = 0
    for i, j in increasing_chain(matches):
        _add_runs(runs, diff_runs(ca[ia:i], cb[ib:j], semantic=False))
        _add_runs(runs, [(0, 1)])
        ia, ib = i + 1, j + 1
    _add_runs(runs, diff_runs(ca[ia:], cb[ib:], semantic=False))
    return runs


def _add_runs(out: list[Run], runs: list[Run]) -> None:
    """Append, merging neighbours of the same kind and keeping deletions before insertions."""
    for op, n in runs:
        if n == 0:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + n)
        elif op == -1 and out and out[-1][0] == 1:
            if len(out) > 1 and out[-2][0] == -1:
                out[-2] = (-1, out[-2][1] + n)
            else:
                out.insert(len(out) - 1, (-1, n))
        else:
            out.append((op, n))


def increasing_chain(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``matches`` (sorted by first index) whose second index increases,
    in O(n log n) (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(matches)
    for k, (_, j) in enumerate(matches):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos > 0 else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(matches[k])
        k = back[k]
    chain.reverse()
    return chain


def _push(ops: list[Op], op: Op) -> None:
    """Append an edit, fusing it with an edit right before it."""
    if ops and ops[-1][0] != 0:
        _, alo, _, blo, _ = ops[-1]
        ops[-1] = (2, alo, op[2], blo, op[4])
    else:
        ops.append(op)


def _absorb_small_equals(ops: list[Op], a: TokenSeq) -> list[Op]:
    out: list[Op] = []
    k = 0
    while k < len(ops):
        op = ops[k]
        if (
            op[0] == 0
            and out
            and out[-1][0] != 0
            and k + 1 < len(ops)
            and _is_small(a, op[1], op[2])
        ):
            prev, nxt = out.pop(), ops[k + 1]
            out.append((2, prev[1], nxt[2], prev[3], nxt[4]))
            k += 2
            continue
        out.append(op)
        k += 1
    return out


def _is_small(seq: TokenSeq, lo: int, hi: int) -> bool:
    """An equal run not worth showing between two edits: punctuation only, or one short word."""
    words = seq.words(lo, hi)
    if words == 0:
        return hi - lo <= 2
    return words == 1 and hi - lo == 1 and seq.ends[lo] - seq.starts[lo] <= 3
