"""The one-column view: a version's text (B), with the base's (A's) deleted text where it was
removed.

Replace = deletion then insertion, kept apart by a gap (:func:`~.segments.keep_apart`) when
they would touch. Moved text is styled as a move where it now is, and a marker
link is left in the text where it used to be (placed through the unchanged text, see
:mod:`mapping`). Only original text of the two articles is shown.

``version`` numbers the compared text (1 for a pair): B's text is that witness, A's is the
base (witness 0), and each change is referred to as ``ChangeRef(version, index)``. With n
versions, the inline view of version k is this, run on k's comparison with the base.
"""

from __future__ import annotations

from collections.abc import Callable

from variorum.core.changes import Change, ChangeKind, Comparison
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import (
    BASE,
    ChangeRef,
    Link,
    LinkKind,
    SegKind,
    Segment,
    keep_apart,
)

COARSE_NOTE = "[too large for word-level detail] "
"""Put before a unit the engine compared only coarsely (``UnitPair.coarse``)."""


def inline_segments(comparison: Comparison, runs: EqualRunMap, version: int = 1) -> list[Segment]:
    """Segments in display order. Walks the changes once (they are sorted by B position)."""
    a, b = comparison.a_text, comparison.b_text
    v = version
    changes = comparison.changes
    origins = {
        i: runs.a_to_b(c.a_start) for i, c in enumerate(changes) if c.kind == ChangeKind.MOVE
    }
    # (B position, change index or -1 for a coarse-unit note); notes first at a position.
    markers = sorted((where, i) for i, where in origins.items())
    markers += [(u.b_start, -1) for u in comparison.units if u.coarse and u.b_start >= 0]
    markers.sort()
    out: list[Segment] = []
    pos = 0
    next_marker = 0

    def equal_until(end: int) -> None:
        nonlocal pos, next_marker
        while next_marker < len(markers) and markers[next_marker][0] <= end:
            where, index = markers[next_marker]
            where = max(where, pos)
            if where > pos:
                out.append(Segment(SegKind.EQUAL, b[pos:where], v, pos))
                pos = where
            if index < 0:
                out.append(Segment(SegKind.NOTE, COARSE_NOTE))
            else:
                out.append(_origin_marker(comparison, index, where, v))
            next_marker += 1
        if end > pos:
            out.append(Segment(SegKind.EQUAL, b[pos:end], v, pos))
            pos = end

    def ends_line() -> bool:
        if out:
            return out[-1].text.endswith("\n")
        return pos == 0 or b[pos - 1] == "\n"

    def deleted(index: int, start: int, end: int, at_paragraph_start: bool) -> None:
        """A's deleted text, with A's own line breaks around it when whole paragraphs go, so
        deleted paragraphs do not run into each other or into B's text."""
        before = _gap_before(a, start)
        if "\n" in before and not ends_line():
            out.append(Segment(SegKind.EQUAL, before, BASE, start - len(before)))
        elif before and not at_paragraph_start and out and not out[-1].text[-1:].isspace():
            # replaced words stand apart from the word before them, as in A
            out.append(Segment(SegKind.EQUAL, before, BASE, start - len(before)))
        out.append(Segment(SegKind.DELETE, a[start:end], BASE, start, ChangeRef(v, index)))
        after = _gap_after(a, end)
        if "\n" in after and at_paragraph_start:
            out.append(Segment(SegKind.EQUAL, after, BASE, end))

    for index, change in enumerate(changes):
        equal_until(change.b_start)
        kind = change.kind
        if kind == ChangeKind.MOVE:
            arrow = "↑" if origins[index] <= change.b_start else "↓"
            out.append(
                Segment(
                    SegKind.MARKER, f"[moved from {arrow}]", link=Link(LinkKind.ORIGIN, index, v)
                )
            )
        if kind in (ChangeKind.DELETE, ChangeKind.REPLACE) and change.a_end > change.a_start:
            at = max(change.b_start, pos)  # where it is shown: after text already shown
            at_start = at == 0 or b[at - 1] == "\n"
            if kind == ChangeKind.DELETE and not at_start and _within_line(a, change):
                _spaced_deletion(out, comparison, ChangeRef(v, index), equal_until)
            else:
                deleted(index, change.a_start, change.a_end, at_start)
        start = max(change.b_start, pos)
        if kind == ChangeKind.MOVE:
            out.extend(moved_segments(comparison, ChangeRef(v, index), start))
        elif change.b_end > start:
            out.append(
                Segment(SegKind.INSERT, b[start : change.b_end], v, start, ChangeRef(v, index))
            )
        pos = max(pos, change.b_end)
    equal_until(len(b))
    return keep_apart(out)


def _within_line(a: str, change: Change) -> bool:
    """Deleted words inside one line of A (no paragraph break in or around them)."""
    around = _gap_before(a, change.a_start) + a[change.a_start : change.a_end]
    return "\n" not in around + _gap_after(a, change.a_end)


def _spaced_deletion(
    out: list[Segment],
    comparison: Comparison,
    ref: ChangeRef,
    equal_until: Callable[[int], None],
) -> None:
    """Words deleted inside a line stand apart from their neighbours, as in A: "This is
    ~~one of~~ the", not "This is~~one of~~ the". B's space goes before the struck words and
    A's own space after them (or A's space before them when B has none, before punctuation).
    Text that followed its word without a space in A (a comma) stays attached to it."""
    a, b = comparison.a_text, comparison.b_text
    change = comparison.changes[ref.index]
    struck = Segment(SegKind.DELETE, a[change.a_start : change.a_end], BASE, change.a_start, ref)
    b_pos = change.b_start
    if b_pos > 0 and not b[b_pos - 1].isspace() and not _gap_before(a, change.a_start):
        out.append(struck)  # it hugged the word before it in A ("strikes us, is"): so here
        return
    b_gap = _inline_gap(b[b_pos : b_pos + 8])
    if b_gap:
        equal_until(b_pos + len(b_gap))
        out.append(struck)
        a_after = _inline_gap(_gap_after(a, change.a_end))
        if a_after and b_pos + len(b_gap) < len(b) and not b[b_pos + len(b_gap)].isspace():
            out.append(Segment(SegKind.EQUAL, a_after, BASE, change.a_end))
        return
    a_before = _inline_gap(_gap_before(a, change.a_start))
    if a_before and b_pos > 0 and not b[b_pos - 1].isspace():
        out.append(Segment(SegKind.EQUAL, a_before, BASE, change.a_start - len(a_before)))
    out.append(struck)


def _inline_gap(text: str) -> str:
    """The leading run of spaces/tabs (no line break) of ``text``."""
    i = 0
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    return text[:i]


def moved_segments(comparison: Comparison, ref: ChangeRef, start: int) -> list[Segment]:
    """Moved text where it now is, with the edits made inside it (``Change.detail``) shown as
    deletions and insertions within the moved style (all referring to the move). Words deleted
    inside it stand apart from their neighbours as in :func:`_spaced_deletion`; A's space after
    them is shown in the moved style, so the move stays one unbroken run."""
    a, b = comparison.a_text, comparison.b_text
    change = comparison.changes[ref.index]
    v = ref.version
    out: list[Segment] = []
    pos = start
    for edit in sorted(change.detail, key=lambda d: (d.b_start, d.b_end)):
        edit_start = min(max(edit.b_start, pos), change.b_end)
        old = edit.kind in (ChangeKind.DELETE, ChangeKind.REPLACE) and edit.a_end > edit.a_start
        gap = ""
        apart = _inline_gap(_gap_before(a, edit.a_start))
        if old and edit.kind == ChangeKind.DELETE and edit_start > start and apart:
            gap = _inline_gap(b[edit_start : change.b_end])
        if edit_start + len(gap) > pos:
            out.append(Segment(SegKind.MOVE, b[pos : edit_start + len(gap)], v, pos, ref))
            pos = edit_start + len(gap)
        if old:
            deleted = a[edit.a_start : edit.a_end]
            out.append(Segment(SegKind.DELETE, deleted, BASE, edit.a_start, ref))
            after = _inline_gap(_gap_after(a, edit.a_end)) if gap else ""
            if after and pos < change.b_end and not b[pos].isspace():
                out.append(Segment(SegKind.MOVE, after, BASE, edit.a_end, ref))
        edit_end = min(edit.b_end, change.b_end)
        if edit.kind in (ChangeKind.INSERT, ChangeKind.REPLACE) and edit_end > pos:
            out.append(Segment(SegKind.INSERT, b[pos:edit_end], v, pos, ref))
            pos = edit_end
    if change.b_end > pos:
        out.append(Segment(SegKind.MOVE, b[pos : change.b_end], v, pos, ref))
    return out


def _origin_marker(comparison: Comparison, index: int, where: int, version: int) -> Segment:
    """The link left where moved text used to be; on a line of its own when a whole paragraph
    moved, so the reader sees a paragraph-shaped hole."""
    change = comparison.changes[index]
    arrow = "↓" if change.b_start >= where else "↑"
    words = change.a_text.split()
    lead = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
    text = f"[moved {arrow}: “{lead}”]"
    a = comparison.a_text
    before, after = _gap_before(a, change.a_start), _gap_after(a, change.a_end)
    whole = ("\n" in before or len(before) == change.a_start) and (
        "\n" in after or change.a_end + len(after) == len(a)
    )
    b = comparison.b_text
    if whole and 0 < where <= len(b):
        if not b[where - 1].isspace():  # at the end of the paragraph before
            text = "\n\n" + text
        elif where < len(b) and not b[where].isspace():  # at the start of the paragraph after
            text = text + "\n\n"
    return Segment(SegKind.MARKER, text, link=Link(LinkKind.CHANGE, index, version))


def _gap_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i:start]


def _gap_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return text[end:i]
