"""Align the units of two texts: paragraphs first, then sentences of what did not pair.

Each level runs the same four steps over lists of units (strings of token codes):

1. anchors: the longest common subsequence of identical units (diff-match-patch over one
   character per distinct unit), which splits the texts into gaps;
2. exact moves: an identical unit found elsewhere in the other text;
3. in-order pairing inside each gap of similar units (:func:`pair_in_order`, with 1:2 and
   2:1 merges for split or joined paragraphs) -> modified;
4. moves of similar units anywhere (:func:`best_partners`) -> moved with edits.

Paragraphs still unpaired after the paragraph level, and paired paragraphs too large to diff
word by word, are aligned again sentence by sentence, region by region (a region is the gap
between two paragraph pairs that stay in order).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from variorum.core.changes import Cancelled, UnitStatus
from variorum.core.similarity import best_partners, is_estimated, likely_pairs, pair_in_order
from variorum.core.tokens import TokenSeq, Vocabulary
from variorum.core.worddiff import affordable, diff_runs

PARAGRAPH_PAIR = 0.5
"""Paragraphs at least this similar, in order, are diffed word by word."""
SENTENCE_PAIR = 0.45
RESPLIT_BELOW = 0.6
"""A paragraph pair less similar than this (paired because it was shortened, or reworded) is
aligned again sentence by sentence: its sentences pair more precisely on their own."""
MOVE_PAIR = 0.6
"""A unit found out of order must be more similar than this to count as moved."""
Range = tuple[int, int]


@dataclass(frozen=True)
class UnitMatch:
    """Aligned token ranges; ``a`` or ``b`` is None for an inserted or deleted unit."""

    status: UnitStatus
    a: Range | None
    b: Range | None
    score: float = 1.0
    coarse: bool = False


@dataclass
class Alignment:
    matches: list[UnitMatch] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@dataclass
class _Level:
    """One level's units on both sides (token ranges) and their keys."""

    seq_a: TokenSeq
    seq_b: TokenSeq
    units_a: list[Range]
    units_b: list[Range]
    owner_a: list[int] | None = None
    """Sentence level: the paragraph each unit comes from (units of one paragraph, or of two
    consecutive paragraphs, are neighbours in the text; others are not)."""
    owner_b: list[int] | None = None

    def key_a(self, i: int) -> str:
        lo, hi = self.units_a[i]
        return self.seq_a.codes[lo:hi]

    def key_b(self, j: int) -> str:
        lo, hi = self.units_b[j]
        return self.seq_b.codes[lo:hi]

    def keys_a(self, lo: int, hi: int) -> str:
        """The keys of units lo..hi-1 of A, concatenated."""
        return "".join(self.key_a(i) for i in range(lo, hi))

    def keys_b(self, lo: int, hi: int) -> str:
        return "".join(self.key_b(j) for j in range(lo, hi))

    def covered_a(self, lo: int, hi: int) -> str:
        """The codes of every token units lo..hi-1 of A cover, those between them included
        (a line break between two sentences is a token when whitespace counts)."""
        return self.seq_a.codes[self.units_a[lo][0] : self.units_a[hi - 1][1]]

    def covered_b(self, lo: int, hi: int) -> str:
        return self.seq_b.codes[self.units_b[lo][0] : self.units_b[hi - 1][1]]


@dataclass(frozen=True)
class _Raw:
    """A match at one level in unit indexes [lo, hi)."""

    status: UnitStatus
    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    score: float


def too_big(level: _Level, a_rng: Range, b_rng: Range, score: float) -> bool:
    """Whether a pair would cost too much to diff word by word (see ``affordable``). A pair
    whose score is only an estimate (two very long different units) always is."""
    la, lb = a_rng[1] - a_rng[0], b_rng[1] - b_rng[0]
    if not affordable(la + lb, (1.0 - score) * (la + lb)):
        return True
    if score >= 1.0:
        return False
    ka = level.seq_a.codes[a_rng[0] : a_rng[1]]
    kb = level.seq_b.codes[b_rng[0] : b_rng[1]]
    return is_estimated(ka, kb)


def align(
    seq_a: TokenSeq, seq_b: TokenSeq, cancel: Callable[[], bool] | None = None
) -> Alignment:
    """Paragraph then sentence alignment of two token sequences (see the module docstring)."""
    out = Alignment()
    para = _Level(seq_a, seq_b, list(seq_a.paragraphs), list(seq_b.paragraphs))
    regions = [(list(range(len(para.units_a))), list(range(len(para.units_b))))]
    raws, notes = _align_level(para, regions, PARAGRAPH_PAIR, cancel)
    out.notices.extend(notes)

    # Paragraph pairs kept as they are; everything else goes to the sentence level.
    chain: list[_Raw] = []
    resplit: list[tuple[list[int], list[int]]] = []
    for r in raws:
        a_rng = _span(para.units_a, r.a_lo, r.a_hi)
        b_rng = _span(para.units_b, r.b_lo, r.b_hi)
        if r.status is UnitStatus.MOVED:
            # kept whole, even when too big for word detail: its sentences aligned on their
            # own would lose the link between its two places
            coarse = too_big(para, a_rng, b_rng, r.score)
            out.matches.append(UnitMatch(r.status, a_rng, b_rng, r.score, coarse))
            continue
        chain.append(r)
        loose = r.status is UnitStatus.MODIFIED and r.score < RESPLIT_BELOW
        if loose or too_big(para, a_rng, b_rng, r.score):
            resplit.append((list(range(r.a_lo, r.a_hi)), list(range(r.b_lo, r.b_hi))))
        else:
            out.matches.append(UnitMatch(r.status, a_rng, b_rng, r.score))
    # Regions of unpaired paragraphs between consecutive in-order pairs.
    used_a = {i for r in raws for i in range(r.a_lo, r.a_hi)}
    used_b = {j for r in raws for j in range(r.b_lo, r.b_hi)}
    chain.sort(key=lambda r: r.b_lo)
    bounds = [(0, 0), *((r.a_lo, r.b_lo) for r in chain), (len(para.units_a), len(para.units_b))]
    ends = [(0, 0), *((r.a_hi, r.b_hi) for r in chain)]
    para_regions: list[tuple[list[int], list[int]]] = []
    for (a0, b0), (a1, b1) in zip(ends, bounds[1:], strict=True):
        left_a = [i for i in range(a0, a1) if i not in used_a]
        left_b = [j for j in range(b0, b1) if j not in used_b]
        if left_a or left_b:
            para_regions.append((left_a, left_b))
    para_regions.extend(resplit)
    _sentence_level(para, para_regions, out, cancel)
    return out


def _sentence_level(
    para: _Level,
    para_regions: list[tuple[list[int], list[int]]],
    out: Alignment,
    cancel: Callable[[], bool] | None,
) -> None:
    seq_a, seq_b = para.seq_a, para.seq_b
    sent = _Level(seq_a, seq_b, [], [])
    regions: list[tuple[list[int], list[int]]] = []
    owner_a: list[int] = []
    owner_b: list[int] = []
    sent.owner_a, sent.owner_b = owner_a, owner_b
    for left_a, left_b in para_regions:
        ra: list[int] = []
        rb: list[int] = []
        for i in left_a:
            for s in seq_a.sentences(*para.units_a[i]):
                ra.append(len(sent.units_a))
                sent.units_a.append(s)
                owner_a.append(i)
        for j in left_b:
            for s in seq_b.sentences(*para.units_b[j]):
                rb.append(len(sent.units_b))
                sent.units_b.append(s)
                owner_b.append(j)
        regions.append((ra, rb))
    raws, notes = _align_level(sent, regions, SENTENCE_PAIR, cancel)
    out.notices.extend(notes)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for r in raws:
        a_rng = _span(sent.units_a, r.a_lo, r.a_hi)
        b_rng = _span(sent.units_b, r.b_lo, r.b_hi)
        coarse = too_big(sent, a_rng, b_rng, r.score)
        out.matches.append(UnitMatch(r.status, a_rng, b_rng, r.score, coarse))
        used_a.update(range(r.a_lo, r.a_hi))
        used_b.update(range(r.b_lo, r.b_hi))
    # Unpaired sentences: one unit per run of consecutive sentences of one paragraph.
    out.matches.extend(_runs(sent.units_a, owner_a, used_a, deleted=True))
    out.matches.extend(_runs(sent.units_b, owner_b, used_b, deleted=False))


def _runs(
    units: list[Range], owner: list[int], used: set[int], *, deleted: bool
) -> list[UnitMatch]:
    result: list[UnitMatch] = []
    run: Range | None = None
    run_owner = -1
    last = -2
    for k, rng in enumerate(units):
        if k in used:
            continue
        if run is not None and owner[k] == run_owner and k == last + 1:
            run = (run[0], rng[1])
        else:
            if run is not None:
                result.append(_lone(run, deleted))
            run, run_owner = rng, owner[k]
        last = k
    if run is not None:
        result.append(_lone(run, deleted))
    return result


def _lone(rng: Range, deleted: bool) -> UnitMatch:
    if deleted:
        return UnitMatch(UnitStatus.DELETED, rng, None, 0.0)
    return UnitMatch(UnitStatus.INSERTED, None, rng, 0.0)


def _span(units: list[Range], lo: int, hi: int) -> Range:
    return units[lo][0], units[hi - 1][1]


def _align_level(
    level: _Level,
    regions: list[tuple[list[int], list[int]]],
    pair_threshold: float,
    cancel: Callable[[], bool] | None,
) -> tuple[list[_Raw], list[str]]:
    """The four steps of the module docstring over ``regions`` (lists of unit indexes)."""
    raws: list[_Raw] = []
    gaps: list[tuple[list[int], list[int]]] = []
    for ra, rb in regions:
        _check(cancel)
        anchors, region_gaps = _anchors(level, ra, rb)
        raws.extend(anchors)
        gaps.extend(region_gaps)
    # Exact moves.
    by_key: dict[str, deque[int]] = defaultdict(deque)
    for ga, _ in gaps:
        for i in ga:
            by_key[level.key_a(i)].append(i)
    moved_a: set[int] = set()
    moved_b: set[int] = set()
    for _, gb in gaps:
        for j in gb:
            found = by_key.get(level.key_b(j))
            if found:
                i = found.popleft()
                moved_a.add(i)
                moved_b.add(j)
                raws.append(_Raw(UnitStatus.MOVED, i, i + 1, j, j + 1, 1.0))
    # In-order pairing inside each gap.
    left_a: list[int] = []
    left_b: list[int] = []
    for ga, gb in gaps:
        ga = [i for i in ga if i not in moved_a]
        gb = [j for j in gb if j not in moved_b]
        if ga and gb:
            keys_a = [level.key_a(i) for i in ga]
            keys_b = [level.key_b(j) for j in gb]
            known: dict[tuple[int, int], float] = {}
            pairs = pair_in_order(
                keys_a,
                keys_b,
                pair_threshold,
                candidates=likely_pairs(keys_a, keys_b, known=known),
                known=known,
                a_joinable=_adjacent(ga, level.owner_a),
                b_joinable=_adjacent(gb, level.owner_b),
                cancel=cancel,
            )
        else:
            pairs = []
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        for p in pairs:
            a_lo, a_hi, b_lo, b_hi = ga[p.a_lo], ga[p.a_hi - 1] + 1, gb[p.b_lo], gb[p.b_hi - 1] + 1
            # identical by the tokens, never by the score (which may be an estimate); joined
            # units are identical only with what lies between them ("a\na" is not "a,a"
            # when whitespace counts and punctuation does not)
            same = level.covered_a(a_lo, a_hi) == level.covered_b(b_lo, b_hi)
            status = UnitStatus.IDENTICAL if same else UnitStatus.MODIFIED
            raws.append(_Raw(status, a_lo, a_hi, b_lo, b_hi, 1.0 if same else p.score))
            taken_a.update(ga[p.a_lo : p.a_hi])
            taken_b.update(gb[p.b_lo : p.b_hi])
        left_a.extend(i for i in ga if i not in taken_a)
        left_b.extend(j for j in gb if j not in taken_b)
    # Moves of similar units.
    notes: list[str] = []
    if left_a and left_b:
        keys_a = [level.key_a(i) for i in left_a]
        keys_b = [level.key_b(j) for j in left_b]
        found_pairs, complete = best_partners(
            keys_a,
            keys_b,
            MOVE_PAIR,
            candidates=likely_pairs(keys_a, keys_b),
            cancel=cancel,
        )
        for i, j, sim in found_pairs:
            raws.append(_Raw(UnitStatus.MOVED, left_a[i], left_a[i] + 1, left_b[j],
                             left_b[j] + 1, sim))
        if not complete:
            notes.append(
                "Search for moved text stopped early: the texts share too little; some "
                "moved passages may show as a deletion plus an insertion."
            )
    return raws, notes


def _anchors(
    level: _Level, ra: list[int], rb: list[int]
) -> tuple[list[_Raw], list[tuple[list[int], list[int]]]]:
    """Identical units in order (longest common subsequence) and the gaps between them."""
    if not ra or not rb:
        return [], [(ra, rb)]
    vocab = Vocabulary()
    ca = "".join(vocab.code(level.key_a(i)) for i in ra)
    cb = "".join(vocab.code(level.key_b(j)) for j in rb)
    raws: list[_Raw] = []
    gaps: list[tuple[list[int], list[int]]] = []
    ia = ib = 0
    gap_a: list[int] = []
    gap_b: list[int] = []
    for op, n in diff_runs(ca, cb, semantic=False):
        if op == 0:
            if gap_a or gap_b:
                gaps.append((gap_a, gap_b))
                gap_a, gap_b = [], []
            for k in range(n):
                i, j = ra[ia + k], rb[ib + k]
                raws.append(_Raw(UnitStatus.IDENTICAL, i, i + 1, j, j + 1, 1.0))
            ia += n
            ib += n
        elif op < 0:
            gap_a.extend(ra[ia : ia + n])
            ia += n
        else:
            gap_b.extend(rb[ib : ib + n])
            ib += n
    if gap_a or gap_b:
        gaps.append((gap_a, gap_b))
    return raws, gaps


def _adjacent(indexes: list[int], owner: list[int] | None) -> Callable[[int], bool]:
    """Whether the k-th and (k+1)-th units of a gap follow each other in the text."""

    def joinable(k: int) -> bool:
        i, j = indexes[k], indexes[k + 1]
        return i + 1 == j and (owner is None or owner[j] - owner[i] <= 1)

    return joinable


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
