"""The data behind the comparison views: rich text whose positions equal text offsets, position
maps between A and B, inline segments that rebuild B, and side-by-side rows."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from variorum.core.changes import (
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    EqualRun,
)
from variorum.core.diff import compare_texts
from variorum.ui.widgets.compare.inline_doc import inline_segments
from variorum.ui.widgets.compare.mapping import EqualRunMap
from variorum.ui.widgets.compare.palette import DARK, LIGHT, span_styles
from variorum.ui.widgets.compare.segments import (
    DOC_STYLESHEET,
    FlowIndex,
    SegKind,
    Segment,
    flow_html,
    utf16_len,
)
from variorum.ui.widgets.compare.side_doc import rows_from_paragraphs, side_layout

ALPHABET = "ab \n\t.<>&\"'é😀\u00a0—"


def render(segments: list[Segment]) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(DOC_STYLESHEET)
    document.setHtml(flow_html(segments, span_styles(LIGHT)))
    return document


segment_lists = st.lists(
    st.tuples(st.sampled_from(list(SegKind)), st.text(alphabet=ALPHABET, min_size=1, max_size=12)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segment_lists)
def test_document_positions_equal_text_offsets(qapp, pieces) -> None:
    """Whatever the text (blank lines, leading newlines, tabs, markup characters, characters
    outside the BMP), every character lands where the FlowIndex says it does."""
    segments, start = [], 0
    for kind, text in pieces:
        segments.append(Segment(kind, text, "b", start))
        start += len(text)
    whole = "".join(text for _, text in pieces)
    document = render(segments)
    index = FlowIndex()
    assert index.place(segments, 0) == utf16_len(whole) == document.characterCount() - 1
    shown = document.toPlainText().replace("\u2028", "\n")
    assert shown == whole.replace("\u00a0", " ")
    for offset in range(0, len(whole), 3):
        pos = index.doc_pos("b", offset)
        assert pos is not None
        char = document.characterAt(pos)
        expected = whole[offset]
        if expected == "\n":
            assert char in ("\u2028", "\u2029")
        elif ord(expected) > 0xFFFF:
            assert 0xD800 <= ord(char) <= 0xDBFF  # first half of the surrogate pair
        else:
            assert char == expected


def test_source_at_counts_utf16_units() -> None:
    index = FlowIndex()
    index.place([Segment(SegKind.EQUAL, "a😀b c", "b", 10)], 0)
    assert index.source_at(3) == ("b", 12)  # after "a" + the two units of the emoji: "b"
    assert index.doc_pos("b", 12) == 3


def test_flow_index_lookups() -> None:
    segments = [
        Segment(SegKind.EQUAL, "one ", "b", 0),
        Segment(SegKind.DELETE, "gone", "a", 4, change=0),
        Segment(SegKind.MARKER, "[m]", href="change:1"),
        Segment(SegKind.INSERT, "two", "b", 4, change=0),
    ]
    index = FlowIndex()
    assert index.place(segments, 10) == 10 + 4 + 4 + 3 + 3
    assert index.doc_pos("b", 5) == 10 + 4 + 4 + 3 + 1
    assert index.doc_pos("a", 6) == 16
    assert index.doc_pos("a", 0) is None
    assert index.nearest_doc_pos("a", 0) == 14
    assert index.change_ranges(0) == [(14, 18), (21, 24)]
    assert index.href_pos("change:1") == 18
    assert index.source_at(18) == ("b", 4)
    assert index.source_at(0) == ("b", 0)
    assert index.source_at(14) == ("a", 4)
    assert index.source_at(14, "b") == ("b", 4)  # the view's top, read as B's text


def test_palettes_differ_by_decoration_not_only_colour() -> None:
    for colors in (LIGHT, DARK):
        styles = span_styles(colors)
        assert "underline" in styles[SegKind.INSERT]
        assert "line-through" in styles[SegKind.DELETE]
        assert "overline" in styles[SegKind.MOVE]
    assert LIGHT.insert_fg != DARK.insert_fg


def comparison_of(a: str, b: str, changes: list[Change], runs=()) -> Comparison:
    return Comparison(a, b, tuple(changes), CompareStats(), 0.5, equal_runs=tuple(runs))


def test_equal_run_map_without_explicit_runs() -> None:
    a = "alpha beta gamma delta"
    b = "alpha gamma NEW delta"
    changes = [
        Change(ChangeKind.DELETE, 6, 11, 6, 6, "beta ", ""),
        Change(ChangeKind.INSERT, 17, 17, 12, 16, "", "NEW "),
    ]
    runs = EqualRunMap(comparison_of(a, b, changes))
    assert b[runs.a_to_b(a.index("gamma")) :].startswith("gamma")
    assert b[runs.a_to_b(a.index("delta")) :].startswith("delta")
    assert a[runs.b_to_a(b.index("delta")) :].startswith("delta")
    # A position inside a deletion maps to where the deletion sits in B.
    assert runs.a_to_b(a.index("beta") + 2) == 6


def test_equal_run_map_uses_the_engines_runs() -> None:
    a = "x  y z"
    b = "x y q z"
    runs = [EqualRun(0, 4, 0, 3), EqualRun(5, 6, 6, 7)]
    changes = [Change(ChangeKind.INSERT, 5, 5, 4, 6, "", "q ")]
    mapping = EqualRunMap(comparison_of(a, b, changes, runs))
    assert mapping.a_to_b(3) == 2  # "y": whitespace differs, runs keep it right
    assert mapping.a_to_b(5) == 6
    assert mapping.b_to_a(6) == 5
    assert mapping.b_to_a(4) == 4  # inside the insertion: the end of the run before


def test_inline_segments_rebuild_b_and_carry_as_deletions() -> None:
    a = "The cat sat on the mat.\n\nGone paragraph.\n\nEnd."
    b = "The dog sat on the mat today.\n\nEnd."
    comparison = compare_texts(a, b)
    segments = inline_segments(comparison, EqualRunMap(comparison))
    b_side = "".join(s.text for s in segments if s.side == "b")
    assert b_side == b
    deleted = [s.text for s in segments if s.kind == SegKind.DELETE]
    assert all(text in a for text in deleted)
    assert any("Gone paragraph." in text for text in deleted)
    # Every change is shown somewhere.
    shown_changes = {s.change for s in segments if s.change is not None}
    assert shown_changes == set(range(len(comparison.changes)))


def test_deleted_paragraphs_keep_their_line_breaks() -> None:
    a = "One.\n\nTwo.\n\nThree.\n\nKept."
    b = "Kept."
    changes = [
        Change(ChangeKind.DELETE, 0, 4, 0, 0, "One.", ""),
        Change(ChangeKind.DELETE, 6, 10, 0, 0, "Two.", ""),
        Change(ChangeKind.DELETE, 12, 18, 0, 0, "Three.", ""),
    ]
    comparison = comparison_of(a, b, changes)
    text = "".join(s.text for s in inline_segments(comparison, EqualRunMap(comparison)))
    assert text == "One.\n\nTwo.\n\nThree.\n\nKept."


def test_rows_from_paragraphs_when_the_engine_gives_no_units() -> None:
    a = "First para.\n\nSecond para old.\n\nThird."
    b = "First para.\n\nSecond para new.\n\nInserted para.\n\nThird."
    old = a.index("old")
    new = b.index("new")
    ins = b.index("Inserted")
    changes = [
        Change(ChangeKind.REPLACE, old, old + 3, new, new + 3, "old", "new"),
        Change(ChangeKind.INSERT, old + 5, old + 5, ins, ins + 16, "", "Inserted para.\n\n"),
    ]
    comparison = comparison_of(a, b, changes)
    rows = rows_from_paragraphs(comparison, EqualRunMap(comparison))
    pairs = [
        (a[r.a[0] : r.a[1]] if r.a else None, b[r.b[0] : r.b[1]] if r.b else None) for r in rows
    ]
    assert pairs == [
        ("First para.", "First para."),
        ("Second para old.", "Second para new."),
        (None, "Inserted para."),
        ("Third.", "Third."),
    ]
    layout = side_layout(comparison, EqualRunMap(comparison))
    left, right = layout.cells[1]
    assert [(s.kind, s.text) for s in left if s.kind != SegKind.EQUAL] == [(SegKind.DELETE, "old")]
    assert [(s.kind, s.text) for s in right if s.kind != SegKind.EQUAL] == [(SegKind.INSERT, "new")]


@pytest.mark.parametrize("mode", ["units", "paragraphs"])
def test_side_cells_rebuild_each_side(mode: str) -> None:
    a = "Alpha beta.\n\nGamma delta epsilon.\n\nZeta."
    b = "Alpha BETA.\n\nGamma epsilon.\n\nEta.\n\nZeta."
    comparison = compare_texts(a, b)
    if mode == "paragraphs":
        comparison = comparison_of(a, b, list(comparison.changes))
    layout = side_layout(comparison, EqualRunMap(comparison))
    left = " ".join("".join(s.text for s in cell if s.side == "a") for cell, _ in layout.cells)
    right = " ".join("".join(s.text for s in cell if s.side == "b") for _, cell in layout.cells)
    assert left.split() == a.split()
    assert right.split() == b.split()


SENTENCE = (
    "The council voted on Tuesday to buy a new electric ferry for the island route, "
    "and the mayor said it was a “good day” for everyone who lives there."
)
BASE_WORDS = SENTENCE.split()
PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(BASE_WORDS), min_size=3, max_size=14).map(" ".join),
    min_size=1,
    max_size=6,
)


def edited(paragraphs: list[str], data: st.DataObject) -> list[str]:
    """Random word edits, paragraph drops and swaps, like successive versions of a story."""
    out = []
    for para in paragraphs:
        words = para.split()
        for _ in range(data.draw(st.integers(0, 3))):
            op = data.draw(st.sampled_from(["insert", "delete", "replace"]))
            i = data.draw(st.integers(0, len(words) - 1)) if words else 0
            if op == "insert" or not words:
                words.insert(i, data.draw(st.sampled_from(BASE_WORDS)))
            elif op == "delete" and len(words) > 1:
                del words[i]
            else:
                words[i] = data.draw(st.sampled_from(BASE_WORDS)).upper()
        if data.draw(st.booleans()) or len(paragraphs) == 1:
            out.append(" ".join(words))
    if len(out) > 2 and data.draw(st.booleans()):
        out.append(out.pop(0))
    return out or ["x"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, st.data())
def test_views_rebuild_both_texts_on_random_edits(paragraphs, data) -> None:
    a = "\n\n".join(paragraphs)
    b = "\n\n".join(edited(paragraphs, data))
    comparison = compare_texts(a, b)
    runs = EqualRunMap(comparison)
    segments = inline_segments(comparison, runs)
    assert "".join(s.text for s in segments if s.side == "b") == b
    shown = {s.change for s in segments if s.change is not None}
    assert shown == {
        i for i, c in enumerate(comparison.changes) if c.a_end > c.a_start or c.b_end > c.b_start
    }
    layout = side_layout(comparison, runs)
    for side, text in (("a", a), ("b", b)):
        # Every non-space character of each text is shown exactly once, as itself.
        seen = [0] * len(text)
        for left, right in layout.cells:
            for seg in left + right:
                if seg.side == side:
                    assert text[seg.start : seg.start + len(seg.text)] == seg.text
                    for i in range(seg.start, seg.start + len(seg.text)):
                        seen[i] += 1
        assert all(n == 1 for ch, n in zip(text, seen, strict=True) if not ch.isspace())
    for pos in range(0, len(a), 7):
        assert 0 <= runs.a_to_b(pos) <= len(b)
    for pos in range(0, len(b), 7):
        assert 0 <= runs.b_to_a(pos) <= len(a)
