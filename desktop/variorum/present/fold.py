"""The "changes only" mode: unchanged paragraphs folded to one line that says how many they
are and unfolds them when followed (as Meld and Beyond Compare fold unchanged lines).

A fold is a FOLD segment linking to ``Link(LinkKind.FOLD, id)``; the id is the index of the
first paragraph (inline) or row (side by side) it stands for, so a view keeps the ids it
unfolded and passes them back as ``expanded`` when it rebuilds. Only text that shows no
change is folded: a paragraph with a change, a deletion, a marker or a note always shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from variorum.core.changes import UnitStatus
from variorum.present.segments import Link, LinkKind, SegKind, Segment
from variorum.present.side import Row, SideLayout

_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
"""A paragraph break: a blank line and the whitespace around it."""
_PLAIN = frozenset({SegKind.EQUAL, SegKind.HEADING})


def fold_label(paragraphs: int) -> str:
    noun = "paragraph" if paragraphs == 1 else "paragraphs"
    return f"⋯ {paragraphs} unchanged {noun} (click to show) ⋯"


def _fold(fold_id: int, paragraphs: int, version: int) -> Segment:
    return Segment(SegKind.FOLD, fold_label(paragraphs), link=Link(LinkKind.FOLD, fold_id, version))


def _split(segments: list[Segment]) -> list[list[Segment] | Segment]:
    """Paragraphs (lists of segments) and the breaks between them (single EQUAL segments).
    Only plain text is cut at its blank lines; other segments stay whole in their paragraph."""
    out: list[list[Segment] | Segment] = []
    current: list[Segment] = []
    for seg in segments:
        if seg.kind not in _PLAIN or seg.witness is None:
            current.append(seg)
            continue
        pos = 0
        for match in _BREAK.finditer(seg.text):
            if match.start() > pos:
                current.append(_piece(seg, pos, match.start()))
            if current:
                out.append(current)
                current = []
            out.append(_piece(seg, match.start(), match.end()))
            pos = match.end()
        if pos < len(seg.text):
            current.append(_piece(seg, pos, len(seg.text)))
    if current:
        out.append(current)
    return out


def _piece(seg: Segment, start: int, end: int) -> Segment:
    return Segment(seg.kind, seg.text[start:end], seg.witness, seg.start + start, seg.change)


def _unchanged(paragraph: list[Segment]) -> bool:
    return all(s.kind in _PLAIN for s in paragraph) and any(s.text.strip() for s in paragraph)


def fold_inline(
    segments: list[Segment], expanded: Iterable[int] = (), version: int = 1
) -> list[Segment]:
    """The one-column view with each run of unchanged paragraphs folded to one FOLD line,
    except the runs whose id is in ``expanded``."""
    unfolded = set(expanded)
    parts = _split(segments)
    out: list[Segment] = []
    i = 0
    number = 0  # paragraph index, the fold's id
    while i < len(parts):
        part = parts[i]
        if isinstance(part, Segment):
            out.append(part)
            i += 1
            continue
        if not _unchanged(part):
            out.extend(part)
            number += 1
            i += 1
            continue
        # a run of unchanged paragraphs and the breaks between them
        run_end, count, j = i, 0, i
        while j < len(parts):
            item = parts[j]
            if isinstance(item, Segment):
                j += 1
                continue
            if not _unchanged(item):
                break
            count += 1
            run_end = j
            j += 1
        if number in unfolded:
            for item in parts[i : run_end + 1]:
                out.extend([item] if isinstance(item, Segment) else item)
        else:
            out.append(_fold(number, count, version))
        number += count
        i = run_end + 1
    return out


def fold_rows(
    layout: SideLayout, texts: Sequence[str], expanded: Iterable[int] = (), version: int = 1
) -> SideLayout:
    """Side by side: each run of identical rows becomes one fold row (its ``role`` "fold",
    the FOLD line in the first column) unless its id (the first row's index) is in
    ``expanded``. ``texts`` are the witnesses' texts (to count paragraphs). Moved units'
    ``twin`` links are renumbered to the rows kept."""
    unfolded = set(expanded)
    rows, cells = layout.rows, layout.cells
    new_index: dict[int, int] = {}
    kept: list[tuple[Row, tuple[list[Segment], ...]]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and _identical(rows[j]):
            j += 1
        if j == i or i in unfolded:
            stop = max(j, i + 1)
            for k in range(i, stop):
                new_index[k] = len(kept)
                kept.append((rows[k], cells[k]))
            i = stop
            continue
        width = len(rows[i].spans)
        fold = Row(UnitStatus.IDENTICAL, (None,) * width, role="fold")
        columns: list[list[Segment]] = [[] for _ in range(width)]
        columns[0] = [_fold(i, _paragraphs(layout, texts, i, j), version)]
        kept.append((fold, tuple(columns)))
        i = j
    out_rows = [
        Row(r.status, r.spans, r.coarse, r.role, None if r.twin is None else new_index[r.twin])
        for r, _ in kept
    ]
    return SideLayout(out_rows, [c for _, c in kept])


def _identical(row: Row) -> bool:
    return row.status is UnitStatus.IDENTICAL and not row.role and not row.coarse


def _paragraphs(layout: SideLayout, texts: Sequence[str], start: int, stop: int) -> int:
    """Paragraphs in rows [start, stop): a row is a paragraph or a sentence, so the count is
    the paragraph breaks in the text the rows cover (in the last column that has it), plus
    one."""
    for witness in reversed(range(len(texts))):
        spans = [s for r in layout.rows[start:stop] if (s := r.span(witness)) is not None]
        if spans:
            lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
            return len(_BREAK.findall(texts[witness], lo, hi)) + 1
    return stop - start
