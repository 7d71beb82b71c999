"""How many paragraphs a comparison changed, counted the way a reader would.

The engine aligns units that are paragraphs or, where paragraphs were reworked, sentences, so
its unit count is not a figure a reader can check. Here a paragraph is a stretch of a text
between blank lines. The units link each paragraph of A with the paragraph(s) of B it was
aligned with (a paragraph and its new version, a moved paragraph and its old place); the
paragraphs linked that way form groups, and a group counts once when any change touches
any of its paragraphs. So a reworded paragraph is one paragraph changed, not two, and the
count is the same when A and B are swapped.
"""

from __future__ import annotations

import bisect
import re

from variorum.core.changes import Comparison

_BREAK = re.compile(r"\n[^\S\n]*\n")


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (the first is always 0)."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def paragraphs_changed(comparison: Comparison) -> int:
    a_starts = paragraph_starts(comparison.a_text)
    b_starts = paragraph_starts(comparison.b_text)
    offset = len(a_starts)  # B's paragraphs are nodes offset.. of the union-find
    parent = list(range(offset + len(b_starts)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def para(starts: list[int], pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    for unit in comparison.units:
        if unit.a_start >= 0 and unit.b_start >= 0:
            a_node = para(a_starts, unit.a_start)
            b_node = offset + para(b_starts, unit.b_start)
            parent[find(a_node)] = find(b_node)
    touched: set[int] = set()
    for change in comparison.changes:
        if change.a_end > change.a_start:
            first, last = para(a_starts, change.a_start), para(a_starts, change.a_end - 1)
            touched.update(find(n) for n in range(first, last + 1))
        if change.b_end > change.b_start:
            first, last = para(b_starts, change.b_start), para(b_starts, change.b_end - 1)
            touched.update(find(offset + n) for n in range(first, last + 1))
    return len(touched)
