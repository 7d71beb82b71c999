"""A reworded quote as segments: the two wordings merged, A's words with B's changes written in.

Witness 0 is A's passage and witness 1 B's; offsets are into the passages' texts
(``Passage.text``), not into the articles. Painted by the sidebar's drift cards and the
reports, so both show the same merge.
"""

from __future__ import annotations

from variorum.core.changes import ChangeKind
from variorum.core.extract.drift_data import QuoteDrift
from variorum.present.segments import BASE, ChangeRef, SegKind, Segment

_OLD = (ChangeKind.DELETE, ChangeKind.REPLACE, ChangeKind.MOVE)
_NEW = (ChangeKind.INSERT, ChangeKind.REPLACE, ChangeKind.MOVE)


def drift_segments(drift: QuoteDrift) -> list[Segment]:
    a_text, b_text = drift.a.text, drift.b.text
    out: list[Segment] = []
    pos = 0
    order = sorted(range(len(drift.changes)), key=lambda i: (drift.changes[i].a_start, i))
    for i in order:
        change = drift.changes[i]
        ref = ChangeRef(1, i)
        if change.a_start > pos:
            out.append(Segment(SegKind.EQUAL, a_text[pos : change.a_start], BASE, pos))
        old = a_text[change.a_start : change.a_end] if change.kind in _OLD else ""
        if old:
            out.append(Segment(SegKind.DELETE, old, BASE, change.a_start, ref))
        new = b_text[change.b_start : change.b_end] if change.kind in _NEW else ""
        if new:
            # keep the words apart: "hope <ins>that</ins> Chinese", not "hopethat"; an
            # insertion opening the quote has no word before it, only after it
            before = a_text[: change.a_start]
            if change.kind is not ChangeKind.INSERT or (before and not before[-1].isspace()):
                out.append(Segment(SegKind.EQUAL, " "))
            out.append(Segment(SegKind.INSERT, new, 1, change.b_start, ref))
            after = a_text[change.a_end :]
            if change.kind is ChangeKind.INSERT and after[:1].isalnum() and not new[-1].isspace():
                out.append(Segment(SegKind.EQUAL, " "))
        pos = max(pos, change.a_end)
    if pos < len(a_text):
        out.append(Segment(SegKind.EQUAL, a_text[pos:], BASE, pos))
    return out
