"""Fast similarity of units (strings of token codes) and pairing of similar units.

Similarity is rapidfuzz's normalised Indel similarity on token codes: 2 x (words in common, in
order) / (words on both sides), i.e. the share of the two units a word diff would leave equal.
Pairing maximises the number of words in common, so a paragraph that was split in two pairs
with both halves (a 1:2 merge) rather than with the larger half alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from rapidfuzz.distance import Indel, Postfix, Prefix

from variorum.core.changes import Cancelled

BAND_CELLS = 40_000
"""Above this many unit pairs, pairing in order runs over the likely pairs only (a heaviest
increasing chain, without merges) instead of the full table: two long texts with no identical
unit at all stay fast."""
SETTLED = 0.85


EXACT_CELLS = 40_000_000
"""Above this product of lengths (two units of ~6,000 words), similarity is estimated from
word counts instead of computed in order: the exact measure would take seconds there, and such
units are aligned by sentences anyway."""


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """0..1; returns 0 when below ``cutoff`` (rapidfuzz can stop early then). Exactly 1.0 only
    for equal units: an estimate of two different units always stays below 1."""
    if not a and not b:
        return 1.0
    if len(a) * len(b) > EXACT_CELLS:
        if a == b:
            return 1.0
        estimate = _estimate(a, b)
        return estimate if estimate >= cutoff else 0.0
    return float(Indel.normalized_similarity(a, b, score_cutoff=cutoff))


def is_estimated(a: str, b: str) -> bool:
    """Whether :func:`similarity` of these units is an estimate (an upper bound) rather than
    the exact in-order measure; a pair scored so must not be trusted for word detail."""
    if len(a) * len(b) <= EXACT_CELLS or a == b:
        return False
    prefix, suffix = _common_ends(a, b)
    return (len(a) - prefix - suffix) * (len(b) - prefix - suffix) > EXACT_CELLS


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix (not overlapping it)."""
    prefix = int(Prefix.similarity(a, b))
    suffix = int(Postfix.similarity(a[prefix:], b[prefix:]))
    return prefix, suffix


def _estimate(a: str, b: str) -> float:
    """Similarity of two long, different units: the common prefix and suffix count as equal and
    the middles are compared exactly when small enough, else by words in common regardless of
    order (an upper bound). Capped below 1, since the units differ."""
    total = len(a) + len(b)
    prefix, suffix = _common_ends(a, b)
    mid_a, mid_b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    if len(mid_a) * len(mid_b) <= EXACT_CELLS:
        common = len(mid_a) + len(mid_b) - Indel.distance(mid_a, mid_b)  # 2 x LCS
    else:
        common = 2 * sum((Counter(mid_a) & Counter(mid_b)).values())
    return min(2 * (prefix + suffix) + common, total - 1) / total


CONTAINED = 0.6
"""A shortened or expanded unit: this share of the shorter unit's words is in the longer one."""
CONTAINED_MIN = 8
"""...and at least this many words, so that short units never pair by containment."""


def could_reach(la: int, lb: int, threshold: float) -> bool:
    """Whether two units of these lengths can be paired at ``threshold`` at all."""
    shorter = min(la, lb)
    return shorter >= CONTAINED_MIN or (la + lb > 0 and 2 * shorter >= threshold * (la + lb))


def pair_score(a: str, b: str, threshold: float, *, reworded: bool = False) -> float:
    """Similarity of two units if they may pair, else -1. They may when at least ``threshold``
    similar, or when most of the shorter one is found in the longer one (a paragraph cut down to
    its first sentence is still the same paragraph). With ``reworded`` (pairing in order, where
    the position already vouches for the pair) a sentence whose words were largely kept but
    reordered ("X, Y said" -> "Y says X") may pair too."""
    la, lb = len(a), len(b)
    if not could_reach(la, lb, threshold):
        return -1.0
    shorter = min(la, lb)
    cutoff = threshold
    if shorter >= CONTAINED_MIN:
        cutoff = min(threshold, 2 * CONTAINED * shorter / (la + lb))
    sim = similarity(a, b, cutoff)
    if sim >= cutoff and sim > 0.0:
        return sim
    if reworded and shorter >= CONTAINED_MIN and bag_similarity(a, b) >= REWORDED:
        return similarity(a, b)
    return -1.0


REWORDED = 0.45
"""Share of distinct words two reworded units must have in common (Dice coefficient)."""


@lru_cache(maxsize=2048)
def _bag(key: str) -> frozenset[str]:
    return frozenset(key)


def bag_similarity(a: str, b: str) -> float:
    """Dice coefficient of the sets of tokens: order ignored."""
    sa, sb = _bag(a), _bag(b)
    if not sa and not sb:
        return 1.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


@dataclass(frozen=True)
class Pairing:
    """Units a[a_lo:a_hi] pair with b[b_lo:b_hi] (indexes into the lists given); one side
    spans two or more units for a merge."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    score: float


def pair_in_order(
    a: Sequence[str],
    b: Sequence[str],
    threshold: float,
    *,
    a_joinable: Callable[[int], bool] | None = None,
    b_joinable: Callable[[int], bool] | None = None,
    candidates: set[tuple[int, int]] | None = None,
    known: dict[tuple[int, int], float] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Pairing]:
    """Order-preserving pairing of two unit lists (both from one gap between identical units)
    that maximises the words in common; pairs below ``threshold`` are never made.
    ``a_joinable(i)`` says whether a[i] and a[i+1] may be merged (adjacent in the text).
    ``candidates`` (pairs of indexes), when given, limits which units are compared at all."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return []
    if n * m > BAND_CELLS:
        likely = candidates if candidates is not None else likely_pairs(a, b)
        return _sparse_chain(a, b, threshold, likely or set(), known or {}, cancel)
    neg = -1.0
    # score[i][j]: best total over a[:i], b[:j]; move[i][j] remembers how it was reached.
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    single = [[0.0] * (m + 1) for _ in range(n + 1)]  # 1:1 similarity of a[i-1], b[j-1]
    move: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        move[0][j] = (0, 1, neg)
    for i in range(1, n + 1):
        if cancel is not None and cancel():
            raise Cancelled()
        move[i][0] = (1, 0, neg)
        row, prev = score[i], score[i - 1]
        for j in range(1, m + 1):
            best, how = prev[j], (1, 0, neg)
            if row[j - 1] > best:
                best, how = row[j - 1], (0, 1, neg)
            if (
                candidates is None
                or (i - 1, j - 1) in candidates
                or (i - 2, j - 1) in candidates
                or (i - 1, j - 2) in candidates
            ):
                for da, db in ((1, 1), (2, 1), (1, 2)):
                    if da > i or db > j:
                        continue
                    if da + db > 2 and single[i][j] >= SETTLED:
                        continue  # already a near-perfect 1:1 pair: no merge can be better
                    if da == 2 and not (a_joinable and a_joinable(i - 2)):
                        continue
                    if db == 2 and not (b_joinable and b_joinable(j - 2)):
                        continue
                    if candidates is not None and not (
                        (i - 1, j - 1) in candidates
                        and (i - da, j - 1) in candidates
                        and (i - 1, j - db) in candidates
                    ):
                        continue  # a merge needs both parts to be likely partners
                    ka = a[i - 1] if da == 1 else a[i - 2] + a[i - 1]
                    kb = b[j - 1] if db == 1 else b[j - 2] + b[j - 1]
                    if da == db == 1 and known is not None and (i - 1, j - 1) in known:
                        sim = known[(i - 1, j - 1)]
                    else:
                        sim = pair_score(ka, kb, threshold, reworded=True)
                    if da == db == 1:
                        single[i][j] = sim
                    elif sim <= max(single[i][j], single[i - 1][j] if da == 2 else
                                    single[i][j - 1]):
                        continue  # a merge must fit better than either part alone
                    if sim < 0:
                        continue
                    total = score[i - da][j - db] + sim * (len(ka) + len(kb)) / 2
                    if total > best:
                        best, how = total, (da, db, sim)
            row[j] = best
            move[i][j] = how
    pairs: list[Pairing] = []
    i, j = n, m
    while i > 0 or j > 0:
        da, db, sim = move[i][j]
        if sim >= 0:
            pairs.append(Pairing(i - da, i, j - db, j, sim))
        i, j = i - da, j - db
    pairs.reverse()
    return _extend_merges(a, b, pairs, a_joinable, b_joinable)


def _extend_merges(
    a: Sequence[str],
    b: Sequence[str],
    pairs: list[Pairing],
    a_joinable: Callable[[int], bool] | None,
    b_joinable: Callable[[int], bool] | None,
) -> list[Pairing]:
    """Grow pairs into k:1 / 1:k merges (three or more paragraphs joined into one, or one
    split into three): an unpaired unit next to a pair joins it when most of its words are
    found, in order, in the other side's unmatched text, and the pair's similarity rises."""
    taken_a = {i for p in pairs for i in range(p.a_lo, p.a_hi)}
    taken_b = {j for p in pairs for j in range(p.b_lo, p.b_hi)}
    if len(taken_a) == len(a) and len(taken_b) == len(b):
        return pairs
    out: list[Pairing] = []
    for p in pairs:
        while True:
            grown = _grow(a, b, p, taken_a, taken_b, a_joinable, b_joinable)
            if grown is None:
                break
            taken_a.update(range(grown.a_lo, grown.a_hi))
            taken_b.update(range(grown.b_lo, grown.b_hi))
            p = grown
        out.append(p)
    return out


def _grow(
    a: Sequence[str],
    b: Sequence[str],
    p: Pairing,
    taken_a: set[int],
    taken_b: set[int],
    a_joinable: Callable[[int], bool] | None,
    b_joinable: Callable[[int], bool] | None,
) -> Pairing | None:
    """``p`` with one more neighbouring unit on its merged side (either side of a 1:1 pair),
    the best such, or None when none fits."""
    options: list[tuple[int, int, int, int]] = []
    if p.b_hi - p.b_lo == 1 and a_joinable is not None:
        if p.a_hi < len(a) and p.a_hi not in taken_a and a_joinable(p.a_hi - 1):
            options.append((p.a_lo, p.a_hi + 1, p.b_lo, p.b_hi))
        if p.a_lo > 0 and p.a_lo - 1 not in taken_a and a_joinable(p.a_lo - 1):
            options.append((p.a_lo - 1, p.a_hi, p.b_lo, p.b_hi))
    if p.a_hi - p.a_lo == 1 and b_joinable is not None:
        if p.b_hi < len(b) and p.b_hi not in taken_b and b_joinable(p.b_hi - 1):
            options.append((p.a_lo, p.a_hi, p.b_lo, p.b_hi + 1))
        if p.b_lo > 0 and p.b_lo - 1 not in taken_b and b_joinable(p.b_lo - 1):
            options.append((p.a_lo, p.a_hi, p.b_lo - 1, p.b_hi))
    if not options:
        return None
    ka, kb = "".join(a[p.a_lo : p.a_hi]), "".join(b[p.b_lo : p.b_hi])
    common = p.score * (len(ka) + len(kb)) / 2  # words in common, in order
    best: Pairing | None = None
    for a_lo, a_hi, b_lo, b_hi in options:
        na, nb = "".join(a[a_lo:a_hi]), "".join(b[b_lo:b_hi])
        added = len(na) + len(nb) - len(ka) - len(kb)
        sim = similarity(na, nb)
        gained = sim * (len(na) + len(nb)) / 2 - common
        if sim > p.score and gained >= CONTAINED * added and (best is None or sim > best.score):
            best = Pairing(a_lo, a_hi, b_lo, b_hi, sim)
    return best


def _sparse_chain(
    a: Sequence[str],
    b: Sequence[str],
    threshold: float,
    candidates: set[tuple[int, int]],
    known: dict[tuple[int, int], float],
    cancel: Callable[[], bool] | None,
) -> list[Pairing]:
    """The order-preserving pairing of :func:`pair_in_order` over candidate pairs only: the
    chain of pairs increasing on both sides with the most words in common, found with a
    Fenwick tree of prefix maxima in O(k log k) for k candidates."""
    m = len(b)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (m + 1)  # prefix max of (total, node)
    nodes: list[tuple[int, int, float, int]] = []  # (i, j, sim, previous node)
    best: tuple[float, int] = (0.0, -1)
    ordered = sorted(candidates)
    k = 0
    while k < len(ordered):
        if cancel is not None and cancel():
            raise Cancelled()
        i = ordered[k][0]
        group: list[tuple[int, float, float]] = []
        while k < len(ordered) and ordered[k][0] == i:
            j = ordered[k][1]
            k += 1
            sim = known.get((i, j))
            if sim is None:
                sim = pair_score(a[i], b[j], threshold, reworded=True)
            if sim >= 0:
                group.append((j, sim, sim * (len(a[i]) + len(b[j])) / 2))
        # query every pair of this row before adding any: one unit of a pairs at most once
        found: list[tuple[int, float, float, int]] = []
        for j, sim, weight in group:
            prev_total, prev_node = _prefix_max(tree, j)  # pairs with b index < j
            found.append((j, sim, prev_total + weight, prev_node))
        for j, sim, total, prev_node in found:
            nodes.append((i, j, sim, prev_node))
            node = len(nodes) - 1
            _raise_at(tree, j + 1, (total, node))
            if total > best[0]:
                best = (total, node)
    pairs: list[Pairing] = []
    node = best[1]
    while node >= 0:
        i, j, sim, prev = nodes[node]
        pairs.append(Pairing(i, i + 1, j, j + 1, sim))
        node = prev
    pairs.reverse()
    return pairs


def _prefix_max(tree: list[tuple[float, int]], count: int) -> tuple[float, int]:
    """Max over positions 1..count of the Fenwick tree."""
    best = (0.0, -1)
    while count > 0:
        if tree[count][0] > best[0]:
            best = tree[count]
        count -= count & -count
    return best


def _raise_at(tree: list[tuple[float, int]], pos: int, value: tuple[float, int]) -> None:
    while pos < len(tree):
        if value[0] > tree[pos][0]:
            tree[pos] = value
        pos += pos & -pos


def best_partners(
    a: Sequence[str],
    b: Sequence[str],
    threshold: float,
    *,
    budget: int = 200_000_000,
    candidates: set[tuple[int, int]] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[tuple[int, int, float]], bool]:
    """Greedy one-to-one pairing of unordered units (moved text): the most similar pairs
    first. Returns the pairs (a index, b index, similarity) and whether the search was
    complete; it stops when the estimated work (length x length over all pairs tried) would
    exceed ``budget`` so two unrelated huge texts cannot stall the engine."""
    found: list[tuple[float, int, int]] = []
    complete = True
    spent = 0
    if candidates is None:
        candidates = {(i, j) for j in range(len(b)) for i in range(len(a))}
    for count, (j, i) in enumerate(sorted((j, i) for i, j in candidates)):
        if count % 256 == 0 and cancel is not None and cancel():
            raise Cancelled()
        ka, kb = a[i], b[j]
        if not could_reach(len(ka), len(kb), threshold):
            continue
        spent += len(ka) * len(kb) // 64 + 8
        if spent > budget:
            complete = False
            break
        sim = pair_score(ka, kb, threshold)
        if sim >= 0:
            found.append((sim, i, j))
    found.sort(key=lambda c: (-c[0], c[2], c[1]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for sim, i, j in found:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, sim))
    pairs.sort(key=lambda p: p[1])
    return pairs, complete


RARE = 3
SAMPLE = 24
"""A token found in at most this many units of a side is evidence of which units pair."""
WEAK = 0.25
"""A candidate with less than this share of the best candidate's rare-token evidence is
dropped (it shares a word or two by chance)."""
SMALL_TABLE = 12
"""Up to this many unit pairs every pair is compared; above, only likely ones."""
DIAGONAL_TABLE = 400
"""Up to this many unit pairs, each unit is also compared with the units at its expected
place (whether or not rare tokens point there)."""


def likely_pairs(
    a: Sequence[str],
    b: Sequence[str],
    per_unit: int = 3,
    known: dict[tuple[int, int], float] | None = None,
) -> set[tuple[int, int]] | None:
    """The pairs worth comparing: for each unit, the units of the other side sharing the most
    rare tokens with it (weighted by rarity). None when the lists are small enough to compare
    every pair. Costs one pass over the distinct tokens of each unit. With ``known``, mutual
    best candidates are compared at once, similarities found are stored there, and a unit
    settled that way keeps no other candidate."""
    if len(a) * len(b) <= SMALL_TABLE:
        return None
    sets_a = [set(key) for key in a]
    sets_b = [set(key) for key in b]
    count_a = Counter(chain.from_iterable(sets_a))
    count_b = Counter(chain.from_iterable(sets_b))
    rare = {c for c, n in count_a.items() if n <= RARE and 0 < count_b.get(c, 0) <= RARE}
    # Evidence from at most SAMPLE rare tokens of each unit of b is plenty to tell its
    # partners, and keeps this linear in the number of units rather than of tokens.
    picked = [sorted(codes & rare)[:SAMPLE] for codes in sets_b]
    wanted = set(chain.from_iterable(picked))
    where: dict[str, list[int]] = {}
    for i, codes in enumerate(sets_a):
        for c in codes & wanted:
            where.setdefault(c, []).append(i)
    shared: dict[tuple[int, int], float] = {}
    for j, codes_j in enumerate(picked):
        for c in codes_j:
            found = where[c]
            weight = 1.0 / (len(found) * count_b[c])
            for i in found:
                shared[(i, j)] = shared.get((i, j), 0.0) + weight
    best_a: dict[int, list[tuple[float, int]]] = {}
    best_b: dict[int, list[tuple[float, int]]] = {}
    for (i, j), w in shared.items():
        best_a.setdefault(i, []).append((w, j))
        best_b.setdefault(j, []).append((w, i))
    keep: set[tuple[int, int]] = set()
    for lst in (*best_a.values(), *best_b.values()):
        lst.sort(reverse=True)
    settled_a: set[int] = set()
    settled_b: set[int] = set()
    if known is not None:
        # Mutual best partners that turn out near-identical are settled: their other
        # candidates are not worth a comparison.
        for i, lst in best_a.items():
            j = lst[0][1]
            if best_b[j][0][1] != i:
                continue
            sim = similarity(a[i], b[j], SETTLED)
            if sim >= SETTLED:
                known[(i, j)] = sim
                keep.add((i, j))
                settled_a.add(i)
                settled_b.add(j)
    for i, lst in best_a.items():
        if i in settled_a:
            continue
        floor = lst[0][0] * WEAK
        keep.update((i, j) for w, j in lst[:per_unit] if w >= floor and j not in settled_b)
    for j, lst in best_b.items():
        if j in settled_b:
            continue
        floor = lst[0][0] * WEAK
        keep.update((i, j) for w, i in lst[:per_unit] if w >= floor and i not in settled_a)
    # Units without rare tokens (repeated text, boilerplate), and every unit of a short gap,
    # also try their expected place.
    n, m = len(a), len(b)
    everywhere = n * m <= DIAGONAL_TABLE
    for i in range(n):
        if everywhere or i not in best_a:
            centre = i * m // n
            keep.update((i, j) for j in range(max(0, centre - 1), min(m, centre + 2)))
    for j in range(m):
        if everywhere or j not in best_b:
            centre = j * n // m
            keep.update((i, j) for i in range(max(0, centre - 1), min(n, centre + 2)))
    return keep
