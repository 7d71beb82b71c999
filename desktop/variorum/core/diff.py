"""Compare two texts: align their units, diff the words inside each modified pair, and return
the :class:`Comparison` the views paint and the CLI prints.

Word diffs (core/worddiff.py) use diff-match-patch over one character per token, with no
timeout (its timeout silently degrades the result); the alignment keeps every diff small, and a
pair too large for word-level detail is marked ``coarse`` and named in ``notices`` instead.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from variorum.core.align import Range, UnitMatch, align
from variorum.core.changes import (
    Cancelled,
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    EqualRun,
    UnitPair,
    UnitStatus,
)
from variorum.core.mirror import computed_as_is, mirror_comparison, view_order
from variorum.core.options import CompareOptions
from variorum.core.phrases import PhraseMove, split_moves
from variorum.core.tokens import TokenSeq, Vocabulary, tokenize
from variorum.core.worddiff import Op, word_ops

__all__ = ["Cancelled", "compare_texts"]


def compare_texts(
    a: str,
    b: str,
    options: CompareOptions | None = None,
    *,
    cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare ``a`` (the base) with ``b``; offsets in the result point into ``a`` and ``b``.
    ``cancel`` is polled between units; when it returns True, :class:`Cancelled` is raised.

    One orientation of the pair is computed and the other mirrored from it, so swapping the
    two texts reports the same changes, mirrored (see core/mirror.py)."""
    if not computed_as_is(a, b):
        comparison = mirror_comparison(_compare(b, a, options, cancel))
    else:
        comparison = _compare(a, b, options, cancel)
    if options is not None and options.ignore_moves:
        return without_moves(comparison)
    return comparison


def without_moves(c: Comparison) -> Comparison:
    """Moved text is not a change: a moved passage leaves the changes, the edits made inside
    it stay (as ordinary changes at their places in both texts), and nothing counts as moved.
    The similarity is unchanged, as moved words already count as words in common."""
    changes: list[Change] = []
    equal = list(c.equal_runs)
    for change in c.changes:
        if change.kind is not ChangeKind.MOVE:
            changes.append(change)
            continue
        changes.extend(change.detail)
        # the moved words left unedited are the same text in both: equal runs, so equal runs
        # and changes still cover every word of both texts
        a_pos, b_pos = change.a_start, change.b_start
        for d in (*sorted(change.detail, key=lambda x: x.a_start), None):
            a_to = d.a_start if d is not None else change.a_end
            b_to = d.b_start if d is not None else change.b_end
            if c.a_text[a_pos:a_to].strip() or c.b_text[b_pos:b_to].strip():
                equal.append(EqualRun(a_pos, a_to, b_pos, b_to))
            if d is not None:
                a_pos, b_pos = d.a_end, d.b_end
    changes.sort(key=lambda x: (x.b_start, x.a_start))
    equal.sort(key=lambda e: (e.b_start, e.a_start))
    stats = CompareStats(c.stats.inserted_words, c.stats.deleted_words, 0, c.stats.changed_units)
    return Comparison(
        c.a_text, c.b_text, tuple(changes), stats, c.similarity, c.units, c.notices,
        equal_runs=tuple(equal),
    )  # fmt: skip


def _compare(
    a: str, b: str, options: CompareOptions | None, cancel: Callable[[], bool] | None
) -> Comparison:
    options = options or CompareOptions()
    vocab = Vocabulary()
    seq_a = tokenize(a, options, vocab)
    if cancel is not None and cancel():
        raise Cancelled()
    seq_b = tokenize(b, options, vocab)
    if cancel is not None and cancel():
        raise Cancelled()
    alignment = align(seq_a, seq_b, cancel)
    builder = _Builder(seq_a, seq_b, cancel)
    for match in view_order(alignment.matches, _status, _range_a, _range_b):
        builder.add(match)
    return builder.result(list(alignment.notices))


class _Builder:
    """Turns aligned units, in view order, into unit pairs, changes and equal runs."""

    def __init__(self, seq_a: TokenSeq, seq_b: TokenSeq, cancel: Callable[[], bool] | None):
        self.a, self.b = seq_a, seq_b
        self.cancel = cancel
        self.units: list[UnitPair] = []
        self.changes: list[Change] = []
        self.equal: list[EqualRun] = []
        self.notices: list[str] = []
        self.inserted = self.deleted = self.moved = 0
        self.a_pos = self.b_pos = 0  # where in A an insertion goes: after the last shared unit
        self.a_tok = self.b_tok = 0
        self.pending: list[tuple[Op, int, int, int]] = []
        """Edits of modified pairs: (edit, first token of its A unit, of its B unit, pair)."""

    def add(self, m: UnitMatch) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        a, b = self.a, self.b
        a_rng = m.a if m.a is not None else (self.a_tok, self.a_tok)
        b_rng = m.b if m.b is not None else (self.b_tok, self.b_tok)
        a_span = a.span(*a_rng) if m.a is not None else (self.a_pos, self.a_pos)
        b_span = b.span(*b_rng) if m.b is not None else (self.b_pos, self.b_pos)
        self.units.append(UnitPair(m.status, *_side(m.a, a_span), *_side(m.b, b_span), m.coarse))
        if m.status is UnitStatus.IDENTICAL:
            self.equal.append(EqualRun(*a_span, *b_span))
        elif m.status is UnitStatus.INSERTED:
            self._change(ChangeKind.INSERT, a_span, b_span)
            self.inserted += b.words(*b_rng)
        elif m.status is UnitStatus.DELETED:
            self._change(ChangeKind.DELETE, a_span, b_span)
            self.deleted += a.words(*a_rng)
        elif m.status is UnitStatus.MOVED:
            detail: list[Change] = []
            if m.score < 1.0:
                detail = self._word_changes(a_rng, b_rng, m.coarse, m.score, record_equal=False)
            self._change(ChangeKind.MOVE, a_span, b_span, tuple(detail))
            self.moved += b.words(*b_rng)
        elif m.coarse:
            self.changes.extend(self._word_changes(a_rng, b_rng, True, m.score, record_equal=True))
        else:
            self._collect(a_rng, b_rng)
        if m.a is not None and m.b is not None and m.status is not UnitStatus.MOVED:
            # A unit only one side has is placed, on the other side, after the last unit both
            # sides share in order: the same place whichever text is the base, so a comparison
            # and its swap agree on where a replaced paragraph stood.
            self.a_pos, self.a_tok = a_span[1], a_rng[1]
            self.b_pos, self.b_tok = b_span[1], b_rng[1]

    def _change(
        self,
        kind: ChangeKind,
        a_span: tuple[int, int],
        b_span: tuple[int, int],
        detail: tuple[Change, ...] = (),
    ) -> Change:
        change = Change(
            kind, *a_span, *b_span, self.a.text[slice(*a_span)], self.b.text[slice(*b_span)],
            detail,
        )
        self.changes.append(change)
        return change

    def _word_changes(self, a_rng: Range, b_rng: Range, coarse: bool, score: float, *,
                      record_equal: bool) -> list[Change]:
        """Changes of one pair at once: a coarse pair, or the edits inside a moved unit."""
        a, b = self.a, self.b
        if coarse:
            self._count_coarse(a_rng, b_rng, score)
            ops: list[Op] = [(2, *a_rng, *b_rng)]
            self.notices.append(
                f"A passage of {a.words(*a_rng)} / {b.words(*b_rng)} words differs too much for "
                "word-level detail; it is shown as one replacement."
            )
        else:
            ops = word_ops(a, b, a_rng, b_rng)
        out: list[Change] = []
        for op, alo, ahi, blo, bhi in ops:
            a_span, b_span = a.span(alo, ahi, a_rng[0]), b.span(blo, bhi, b_rng[0])
            if op == 0:
                if record_equal:
                    self.equal.append(EqualRun(*a_span, *b_span))
                continue
            kind = _KINDS.get(op, ChangeKind.REPLACE)
            out.append(Change(kind, *a_span, *b_span, a.text[slice(*a_span)],
                              b.text[slice(*b_span)]))
            if not coarse:
                self.inserted += b.words(blo, bhi)
                self.deleted += a.words(alo, ahi)
        return out

    def _count_coarse(self, a_rng: Range, b_rng: Range, score: float) -> None:
        """Words inserted and deleted in a pair shown as one replacement. Counting every word
        as changed would make a long, mostly unchanged passage look rewritten and drag the
        similarity down, so the words in common are estimated from the pair's similarity
        (the share of its tokens a word diff would leave equal)."""
        words_a, words_b = self.a.words(*a_rng), self.b.words(*b_rng)
        common = min(words_a, words_b, round(max(0.0, score) * (words_a + words_b) / 2))
        self.deleted += words_a - common
        self.inserted += words_b - common

    def _collect(self, a_rng: Range, b_rng: Range) -> None:
        """Word diff of a modified pair: equal runs recorded now, edits kept until every pair
        is known, so a phrase that moved from one pair to another can be found (see
        :meth:`_settle_edits`)."""
        a, b = self.a, self.b
        group = len(self.units)
        for op in word_ops(a, b, a_rng, b_rng):
            if op[0] == 0:
                self.equal.append(EqualRun(*a.span(op[1], op[2]), *b.span(op[3], op[4])))
            else:
                self.pending.append((op, a_rng[0], b_rng[0], group))

    def _settle_edits(self) -> None:
        """The kept edits become changes, phrases found on both sides becoming moves."""
        a, b = self.a, self.b
        pending, self.pending = self.pending, []
        left, moves = split_moves([p[0] for p in pending], a, b, [p[3] for p in pending])
        for mv in moves:
            self.changes.append(self._phrase_move(mv))
        for origin, (op, alo, ahi, blo, bhi) in left:
            _, a_first, b_first, _ = pending[origin]
            a_span, b_span = a.span(alo, ahi, a_first), b.span(blo, bhi, b_first)
            self.changes.append(Change(
                _KINDS.get(op, ChangeKind.REPLACE), *a_span, *b_span,
                a.text[slice(*a_span)], b.text[slice(*b_span)],
            ))  # fmt: skip
            self.inserted += b.words(blo, bhi)
            self.deleted += a.words(alo, ahi)

    def _phrase_move(self, mv: PhraseMove) -> Change:
        """A moved phrase as a MOVE change, its small edits as detail."""
        a, b = self.a, self.b
        a_span = a.span(mv.a_lo, mv.a_hi)
        b_span = b.span(mv.b_lo, mv.b_hi)
        detail = [
            Change(
                _KINDS.get(op, ChangeKind.REPLACE),
                *a.span(alo, ahi, mv.a_lo),
                *b.span(blo, bhi, mv.b_lo),
                a.text[slice(*a.span(alo, ahi, mv.a_lo))],
                b.text[slice(*b.span(blo, bhi, mv.b_lo))],
            )
            for op, alo, ahi, blo, bhi in word_ops(a, b, (mv.a_lo, mv.a_hi), (mv.b_lo, mv.b_hi))
            if op != 0
        ]
        for d in detail:
            self.inserted += _words_in(b, d.b_start, d.b_end)
            self.deleted += _words_in(a, d.a_start, d.a_end)
        self.moved += b.words(mv.b_lo, mv.b_hi)
        return Change(
            ChangeKind.MOVE, *a_span, *b_span, a.text[slice(*a_span)], b.text[slice(*b_span)],
            tuple(detail),
        )

    def result(self, notices: list[str]) -> Comparison:
        self._settle_edits()
        changes = sorted(self.changes, key=lambda c: (c.b_start, c.a_start))
        words_a, words_b = self.a.words(0, len(self.a)), self.b.words(0, len(self.b))
        total = words_a + words_b
        common = (words_a - self.deleted) + (words_b - self.inserted)
        similarity = common / total if total else 1.0
        changed = sum(1 for u in self.units if u.status is not UnitStatus.IDENTICAL)
        stats = CompareStats(self.inserted, self.deleted, self.moved, changed)
        equal = tuple(sorted(self.equal, key=lambda e: (e.b_start, e.a_start)))
        return Comparison(
            self.a.text,
            self.b.text,
            tuple(changes),
            stats,
            max(0.0, min(1.0, similarity)),
            tuple(self.units),
            tuple(notices + self.notices),
            equal_runs=equal,
        )


_KINDS = {-1: ChangeKind.DELETE, 1: ChangeKind.INSERT}


def _words_in(seq: TokenSeq, start: int, end: int) -> int:
    """Words of ``seq`` whose tokens lie within characters [start, end)."""
    return seq.words(bisect.bisect_left(seq.starts, start), bisect.bisect_left(seq.starts, end))


def _status(m: UnitMatch) -> UnitStatus:
    return m.status


def _range_a(m: UnitMatch) -> Range | None:
    return m.a


def _range_b(m: UnitMatch) -> Range | None:
    return m.b


def _side(rng: Range | None, span: tuple[int, int]) -> tuple[int, int]:
    return span if rng is not None else (-1, -1)
