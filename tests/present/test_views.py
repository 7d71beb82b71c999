"""The layouts behind every painter: position maps between A and B, inline segments that
rebuild B, side-by-side rows and cells, keyed by witness (0 = the base)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from variorum.core.changes import (
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    EqualRun,
)
from variorum.core.diff import compare_texts
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import ChangeRef, SegKind, Segment
from variorum.present.side import side_layout


def witness_text(segments: list[Segment], witness: int) -> str:
    """The text of one witness as the segments show it, in display order."""
    return "".join(s.text for s in segments if s.witness == witness)


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
    assert witness_text(segments, 1) == b
    deleted = [s for s in segments if s.kind == SegKind.DELETE]
    assert all(s.witness == 0 and a[s.start : s.start + len(s.text)] == s.text for s in deleted)
    assert any("Gone paragraph." in s.text for s in deleted)
    # Every change is shown somewhere.
    shown_changes = {s.change for s in segments if s.change is not None}
    assert shown_changes == {ChangeRef(1, i) for i in range(len(comparison.changes))}


def test_another_version_numbers_its_witness_and_changes() -> None:
    """With n versions, version k's inline view and rows carry witness k and ChangeRef(k, i)."""
    a = "The cat sat on the mat.\n\nEnd."
    b = "The dog sat on the mat.\n\nEnd."
    comparison = compare_texts(a, b)
    segments = inline_segments(comparison, EqualRunMap(comparison), version=3)
    assert witness_text(segments, 3) == b
    assert {s.change for s in segments if s.change} == {ChangeRef(3, 0)}
    layout = side_layout(comparison, version=3)
    assert all(len(row.spans) == 4 and row.span(1) is None for row in layout.rows)
    assert [[s.witness for s in cell] for cell in layout.cells[0][1:3]] == [[], []]
    assert {s.witness for s in layout.cells[0][3]} == {3}


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


def test_side_cells_rebuild_each_side() -> None:
    a = "Alpha beta.\n\nGamma delta epsilon.\n\nZeta."
    b = "Alpha BETA.\n\nGamma epsilon.\n\nEta.\n\nZeta."
    comparison = compare_texts(a, b)
    layout = side_layout(comparison)
    left = " ".join(witness_text(cell, 0) for cell, _ in layout.cells)
    right = " ".join(witness_text(cell, 1) for _, cell in layout.cells)
    assert left.split() == a.split()
    assert right.split() == b.split()
    marked = [
        [(s.kind, s.text) for s in cell if s.kind != SegKind.EQUAL] for cell in layout.cells[1]
    ]
    assert marked == [[(SegKind.DELETE, "delta")], []]
    assert [(s.kind, s.text) for s in layout.cells[2][1]] == [(SegKind.INSERT, "Eta.")]


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
    assert witness_text(segments, 1) == b
    shown = {s.change.index for s in segments if s.change is not None}
    assert shown == {
        i for i, c in enumerate(comparison.changes) if c.a_end > c.a_start or c.b_end > c.b_start
    }
    layout = side_layout(comparison)
    for side, text in ((0, a), (1, b)):
        # Every non-space character of each text is shown exactly once, as itself.
        seen = [0] * len(text)
        for left, right in layout.cells:
            for seg in left + right:
                if seg.witness == side:
                    assert text[seg.start : seg.start + len(seg.text)] == seg.text
                    for i in range(seg.start, seg.start + len(seg.text)):
                        seen[i] += 1
        assert all(n == 1 for ch, n in zip(text, seen, strict=True) if not ch.isspace())
    for pos in range(0, len(a), 7):
        assert 0 <= runs.a_to_b(pos) <= len(b)
    for pos in range(0, len(b), 7):
        assert 0 <= runs.b_to_a(pos) <= len(a)


MOVED = [
    "The council voted on Tuesday to build a desalination plant on the northern breakwater.",
    "The plant will produce forty million litres of drinking water a day when it opens.",
    "Environmental groups opposed the vote and warned about the brine outflow near the reef.",
    "The mayor said the island route was the best option for the ferry to take this year.",
]


def test_words_deleted_inside_moved_text_stand_apart_and_the_move_stays_whole() -> None:
    edited = MOVED[3].replace(" best", "")
    comparison = compare_texts("\n\n".join(MOVED), "\n\n".join([edited, *MOVED[:3]]))
    segments = inline_segments(comparison, EqualRunMap(comparison))
    (move,) = [i for i, c in enumerate(comparison.changes) if c.kind == ChangeKind.MOVE]
    moved = [s for s in segments if s.change == ChangeRef(1, move)]
    assert "".join(s.text for s in moved) == MOVED[3]
    assert [s.kind for s in moved] == [SegKind.MOVE, SegKind.DELETE, SegKind.MOVE, SegKind.MOVE]
    # The moved paragraph was A's last: its marker still stands on a line of its own.
    text = "".join(s.text for s in segments)
    assert text.endswith(MOVED[2] + "\n\n[moved ↑: “The mayor said the…”]")


def test_paragraphs_deleted_after_an_inserted_one_keep_one_blank_line_between() -> None:
    a = (
        "Council approves ferry after long debate\n\nSummary\n\n"
        "- Mayor hails the vote, critics warn of costs\n\n"
        "The council voted on Tuesday to buy a new electric ferry."
    )
    b = (
        "Island gets its electric boat at last, officials say\n\n"
        "A short new lede paragraph was written for this version.\n\n"
        "The council voted on Tuesday to buy a new electric ferry."
    )
    comparison = compare_texts(a, b)
    text = "".join(s.text for s in inline_segments(comparison, EqualRunMap(comparison)))
    assert "\n\n\n" not in text
    assert "Summary\n\n- Mayor hails the vote, critics warn of costs\n\n" in text
