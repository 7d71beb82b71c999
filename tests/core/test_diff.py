"""compare_texts on small hand-made texts: kinds of change, options, moves, units, cancel."""

from __future__ import annotations

import pytest

from variorum.core.changes import Cancelled, Change, ChangeKind, Comparison, UnitStatus
from variorum.core.diff import compare_texts
from variorum.core.options import CompareOptions

PARAS = [
    "The council voted on Tuesday to build a desalination plant on the northern breakwater.",
    "The plant will produce forty million litres of drinking water a day when it opens.",
    "Environmental groups opposed the vote and warned about the brine outflow near the reef.",
    "The mayor said the city cannot keep praying for rain and must act before the summer.",
]


def text(*paras: str) -> str:
    return "\n\n".join(paras)


def kinds(c: Comparison) -> list[tuple[str, str, str]]:
    return [(ch.kind.value, ch.a_text, ch.b_text) for ch in c.changes]


def test_identical_texts_have_no_changes() -> None:
    a = text(*PARAS)
    c = compare_texts(a, a)
    assert c.changes == ()
    assert c.similarity == 1.0
    assert [u.status for u in c.units] == [UnitStatus.IDENTICAL] * 4
    assert c.stats.changed_units == 0


def test_word_edits_inside_a_paragraph() -> None:
    a = text(*PARAS)
    b = text(PARAS[0].replace("Tuesday", "Monday"), *PARAS[1:])
    c = compare_texts(a, b)
    assert kinds(c) == [("replace", "Tuesday", "Monday")]
    ch = c.changes[0]
    assert a[ch.a_start : ch.a_end] == "Tuesday" and b[ch.b_start : ch.b_end] == "Monday"
    assert c.units[0].status is UnitStatus.MODIFIED
    assert c.stats.inserted_words == 1 and c.stats.deleted_words == 1


def test_insert_and_delete_words_have_empty_other_side() -> None:
    a = "The plant will produce water a day."
    b = "The new plant will produce water."
    c = compare_texts(a, b)
    assert kinds(c) == [("insert", "", "new"), ("delete", "a day", "")]
    ins, dele = c.changes
    assert ins.a_start == ins.a_end and dele.b_start == dele.b_end


def test_quote_dash_and_space_noise_is_not_a_change() -> None:
    a = 'He said "we cannot wait" - and left.'
    b = "He said “we cannot wait”\u00a0— and  left."
    assert compare_texts(a, b).changes == ()
    strict = compare_texts(a, b, CompareOptions.strict())
    assert {ch.kind for ch in strict.changes} == {ChangeKind.REPLACE}
    assert len(strict.changes) >= 3


def test_ignore_case_and_numbers_options() -> None:
    assert compare_texts("The Plan", "the plan").changes != ()
    assert compare_texts("The Plan", "the plan", CompareOptions(ignore_case=True)).changes == ()
    assert compare_texts("cost 1,000 dollars", "cost 1000 dollars").changes != ()
    folded = CompareOptions(fold_numbers=True)
    assert compare_texts("cost 1,000 dollars", "cost 1000 dollars", folded).changes == ()


def test_fold_accents_option() -> None:
    a, b = "The café in Zürich opened.", "The cafe in Zurich opened."
    assert compare_texts(a, b).changes != ()
    folded = CompareOptions(fold_accents=True)
    assert compare_texts(a, b, folded).changes == ()
    decomposed = "The cafe\u0301 in Zu\u0308rich opened."  # accents as combining marks
    assert compare_texts(a, decomposed, folded).changes == ()
    assert compare_texts(b, decomposed, folded).changes == ()
    # a letter of its own is not an accent: Ø is not O
    assert compare_texts("Øresund", "Oresund", folded).changes != ()


def test_ignore_moves_keeps_only_the_edits_inside_moved_text() -> None:
    a = text(*PARAS)
    edited = PARAS[0].replace("on Tuesday", "on Monday evening")
    b = text(PARAS[1], PARAS[2], PARAS[3], edited)
    c = compare_texts(a, b, CompareOptions(ignore_moves=True))
    assert kinds(c) == [("replace", "Tuesday", "Monday evening")]
    assert c.stats.moved_words == 0
    assert c.similarity == compare_texts(a, b).similarity
    moved_only = compare_texts(a, text(PARAS[1], PARAS[2], PARAS[3], PARAS[0]),
                               CompareOptions(ignore_moves=True))  # fmt: skip
    assert moved_only.changes == ()


def test_deleted_and_inserted_paragraphs() -> None:
    new = "A completely new paragraph about fishing quotas, harbour fees and the weather."
    a = text(*PARAS)
    b = text(PARAS[0], new, PARAS[1], PARAS[3])
    c = compare_texts(a, b)
    assert kinds(c) == [("insert", "", new), ("delete", PARAS[2], "")]
    statuses = [u.status for u in c.units]
    assert statuses == [
        UnitStatus.IDENTICAL,
        UnitStatus.INSERTED,
        UnitStatus.IDENTICAL,
        UnitStatus.DELETED,
        UnitStatus.IDENTICAL,
    ]
    deleted = c.units[3]
    assert deleted.b_start == deleted.b_end == -1
    assert a[deleted.a_start : deleted.a_end] == PARAS[2]


def test_moved_paragraph_is_a_move_not_delete_plus_insert() -> None:
    a = text(*PARAS)
    b = text(PARAS[1], PARAS[2], PARAS[3], PARAS[0])
    c = compare_texts(a, b)
    assert [ch.kind for ch in c.changes] == [ChangeKind.MOVE]
    move = c.changes[0]
    assert a[move.a_start : move.a_end] == PARAS[0]
    assert b[move.b_start : move.b_end] == PARAS[0]
    assert c.stats.moved_words == len(PARAS[0].split())
    assert c.stats.inserted_words == c.stats.deleted_words == 0


def test_moved_and_edited_paragraph_carries_its_word_changes() -> None:
    a = text(*PARAS)
    edited = PARAS[0].replace("on Tuesday", "on Monday evening")
    b = text(PARAS[1], PARAS[2], PARAS[3], edited)
    c = compare_texts(a, b)
    (move,) = [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]
    assert move.b_text == edited
    assert [(d.kind.value, d.a_text, d.b_text) for d in move.detail] == [
        ("replace", "Tuesday", "Monday evening")
    ]
    for d in move.detail:
        assert a[d.a_start : d.a_end] == d.a_text and b[d.b_start : d.b_end] == d.b_text


def test_split_paragraph_pairs_with_both_halves() -> None:
    one = PARAS[0] + " " + PARAS[1]
    a = text(one, PARAS[2])
    b = text(PARAS[0], PARAS[1], PARAS[2])
    c = compare_texts(a, b)
    assert c.stats.inserted_words == 0 and c.stats.deleted_words == 0
    assert all(u.status is not UnitStatus.INSERTED for u in c.units)


def test_sentence_level_pairs_a_rewritten_paragraph() -> None:
    a = text(
        "Opening words of the story. “China has some of the best AI talent in the world,” "
        "Altman said. Officials declined to comment on the matter.",
    )
    b = text(
        "“China has the best AI talent in the world,” Altman said. A different closing line "
        "about markets, prices and the weather in the capital city.",
    )
    c = compare_texts(a, b)
    assert ("delete", "some of", "") in kinds(c)


def test_changes_are_sorted_by_b_then_a() -> None:
    a = text(*PARAS)
    b = text(PARAS[3], PARAS[1].replace("forty", "fifty"), PARAS[0])
    c = compare_texts(a, b)
    keys = [(ch.b_start, ch.a_start) for ch in c.changes]
    assert keys == sorted(keys)


def test_units_are_in_b_order_with_deletions_after_their_predecessor() -> None:
    a = text(*PARAS)
    b = text(PARAS[0], PARAS[2], PARAS[3])
    c = compare_texts(a, b)
    b_starts = [u.b_start for u in c.units if u.b_start >= 0]
    assert b_starts == sorted(b_starts)
    assert [u.status for u in c.units][:2] == [UnitStatus.IDENTICAL, UnitStatus.DELETED]


def test_navigation_is_a_lookup_over_b_positions() -> None:
    a = "one two three four five six seven"
    b = "one TWO three four FIVE six seven"
    c = compare_texts(a, b)
    assert len(c.changes) == 2
    inside = c.navigate("b", c.changes[1].b_start)
    assert inside.current == 1 and inside.previous == 0 and inside.next is None
    before = c.navigate("b", 0)
    assert before.current is None and before.next == 0


def test_cancel_raises_cancelled() -> None:
    with pytest.raises(Cancelled):
        compare_texts(text(*PARAS), text(*PARAS[::-1]), cancel=lambda: True)
    calls: list[int] = []

    def count() -> bool:
        calls.append(1)
        return False

    compare_texts(text(*PARAS), text(*PARAS[::-1]), cancel=count)
    assert calls


def test_empty_texts() -> None:
    assert compare_texts("", "").changes == ()
    c = compare_texts("", "New text.")
    assert kinds(c) == [("insert", "", "New text.")]
    assert c.similarity == 0.0


def test_similarity_counts_words_not_punctuation() -> None:
    c = compare_texts("The plan, sadly, failed in the end.", "The plan, sadly, failed in the end!!")
    assert c.changes
    assert c.stats.inserted_words == 0 and c.stats.deleted_words == 0
    c = compare_texts("The plan, sadly, failed in the end.", "The plan, alas, failed in the end.")
    assert c.stats.inserted_words == 1 and c.stats.deleted_words == 1


def test_change_is_frozen_data() -> None:
    ch = Change(ChangeKind.INSERT, 0, 0, 0, 3, "", "new")
    assert ch.detail == ()
    with pytest.raises(AttributeError):
        ch.kind = ChangeKind.DELETE  # type: ignore[misc]


def test_coarse_pair_is_named_in_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Named, shown as one replacement, and not counted as entirely rewritten: one word in
    four changed leaves the similarity near 3/4, not near 0."""
    from variorum.core import worddiff

    monkeypatch.setattr(worddiff, "FAST_BUDGET", 100)
    monkeypatch.setattr(worddiff, "SLOW_BUDGET", 4)
    words = [f"w{i}" for i in range(60)]
    a = " ".join(words) + "."
    b = " ".join(w if i % 4 else "x" for i, w in enumerate(words)) + "."
    c = compare_texts(a, b)
    assert c.units[0].coarse
    assert len(c.notices) == 1 and "word-level detail" in c.notices[0]
    assert [ch.kind for ch in c.changes] == [ChangeKind.REPLACE]
    assert 10 <= c.stats.deleted_words <= 20 and 10 <= c.stats.inserted_words <= 20
    assert 0.65 < c.similarity < 0.85


def test_pure_python_diff_match_patch_gives_the_same_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from variorum.core import worddiff

    a = text(*PARAS)
    b = text(
        PARAS[0].replace("Tuesday", "Monday").replace("northern", "old northern"),
        PARAS[2].replace("warned about", "feared"),
        PARAS[1],
        PARAS[3].replace(" and must act before the summer", ""),
    )
    fast = compare_texts(a, b)
    monkeypatch.setattr(worddiff, "_fast", None)
    slow = compare_texts(a, b)
    assert fast.changes == slow.changes
    assert fast.equal_runs == slow.equal_runs


def test_a_deletion_after_a_moved_unit_stays_where_it_was() -> None:
    a = text(PARAS[0], PARAS[1], PARAS[2], PARAS[3])
    b = text(PARAS[2], PARAS[3], PARAS[0])  # PARAS[0] moved to the end, PARAS[1] deleted
    c = compare_texts(a, b)
    statuses = [(u.status, u.a_start) for u in c.units]
    deleted_at = [k for k, (st, _) in enumerate(statuses) if st is UnitStatus.DELETED]
    moved_at = [k for k, (st, _) in enumerate(statuses) if st is UnitStatus.MOVED]
    assert deleted_at and moved_at and deleted_at[0] < moved_at[0]
    (deletion,) = [ch for ch in c.changes if ch.kind is ChangeKind.DELETE]
    assert deletion.b_start == 0


def test_a_phrase_moved_inside_a_sentence_is_a_move() -> None:
    a = (
        "China now produces more research papers in the field than the U.S., according to "
        "an analysis from The Brookings Institution. It still lags behind in breakthroughs."
    )
    b = (
        "According to an analysis by The Brookings Institution, China now produces more "
        "research papers in the field than the U.S. It still lags behind in breakthroughs."
    )
    c = compare_texts(a, b)
    (move,) = [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]
    assert move.a_text == "according to an analysis from The Brookings Institution"
    assert move.b_text == "According to an analysis by The Brookings Institution"
    assert {(d.a_text, d.b_text) for d in move.detail} == {
        ("according", "According"),
        ("from", "by"),
    }
    assert c.stats.moved_words == 8
    assert not any(ch.kind is ChangeKind.INSERT and "Brookings" in ch.b_text for ch in c.changes)


def test_a_clause_carried_into_another_paragraph_is_a_move() -> None:
    clause = "despite the warnings of the regional water board"
    a = text(
        f"The council voted on Tuesday, {clause}, to build a desalination plant on the breakwater.",
        PARAS[1],
        "Environmental groups opposed the vote and warned about the brine outflow near the reef.",
    )
    b = text(
        "The council voted on Tuesday to build a desalination plant on the breakwater.",
        PARAS[1],
        f"Environmental groups opposed the vote, {clause}, and warned about the brine outflow.",
    )
    c = compare_texts(a, b)
    moves = [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]
    assert [(m.a_text, m.b_text) for m in moves] == [(clause, clause)]
    assert moves[0].a_start < len(PARAS[1]) < moves[0].b_start


def test_a_moved_unit_too_big_for_detail_stays_one_move(monkeypatch: pytest.MonkeyPatch) -> None:
    from variorum.core import worddiff

    words = [f"w{i}" for i in range(60)]
    long_para = " ".join(words) + "."
    edited = " ".join(w if i % 6 else "x" for i, w in enumerate(words)) + "."
    a = text(long_para, *PARAS)
    b = text(*PARAS, edited)
    monkeypatch.setattr(worddiff, "FAST_BUDGET", 100)
    monkeypatch.setattr(worddiff, "SLOW_BUDGET", 4)
    c = compare_texts(a, b)
    (move,) = [ch for ch in c.changes if ch.kind is ChangeKind.MOVE]
    assert move.a_text == long_para and move.b_text == edited
    assert [d.kind for d in move.detail] == [ChangeKind.REPLACE]
    assert any(u.coarse and u.status is UnitStatus.MOVED for u in c.units)
    assert c.notices


def test_a_long_paragraph_with_reordered_words_is_not_identical() -> None:
    # one paragraph of ~7,000 tokens: above EXACT_CELLS, where similarity is estimated
    s = [f"Item {i} is listed here today." for i in range(1000)]
    a = " ".join([*s, "The dog bit the man."])
    b = " ".join([*s, "The man bit the dog."])
    c = compare_texts(a, b)
    assert c.similarity < 1.0
    assert c.changes
    assert {ch.a_text for ch in c.changes} == {"dog", "man"}
    assert UnitStatus.IDENTICAL not in {u.status for u in c.units}


def test_a_long_shuffled_paragraph_is_never_reported_equal() -> None:
    import random

    s = [f"Item {i} is listed here today." for i in range(1000)]
    shuffled = s[:]
    random.Random(1).shuffle(shuffled)
    c = compare_texts(" ".join([*s, "X."]), " ".join([*shuffled, "Y."]))
    assert c.similarity < 1.0
    assert c.changes
    assert any(u.status is not UnitStatus.IDENTICAL for u in c.units)


def test_a_thousand_deleted_paragraphs_in_a_row_do_not_recurse() -> None:
    paras = [f"Paragraph number {i} about topic {i}." for i in range(1100)]
    c = compare_texts(text(*paras), "A completely different text.")
    statuses = [u.status for u in c.units]
    assert statuses.count(UnitStatus.DELETED) == 1100
    assert statuses.count(UnitStatus.INSERTED) == 1
    deleted = [u.a_start for u in c.units if u.status is UnitStatus.DELETED]
    assert deleted == sorted(deleted)  # still in A's order


def test_two_long_unrelated_texts_compare() -> None:
    a = text(*(f"Paragraph number {i} about topic {i}." for i in range(1100)))
    b = text(*(f"Entirely other words here, line {i}!" for i in range(1100)))
    c = compare_texts(a, b)
    assert c.similarity < 0.5
    assert len(c.units) >= 1100


JOINED = [
    "The council met on Tuesday. It voted to buy a ferry.",
    "The ferry will carry 200 people. It enters service in spring.",
    "Critics said the price was high. The vote was unanimous.",
]


@pytest.mark.parametrize("joined_in_b", [True, False])
def test_three_paragraphs_joined_into_one_are_unchanged_text(joined_in_b: bool) -> None:
    split, joined = text(*JOINED), " ".join(JOINED)
    a, b = (split, joined) if joined_in_b else (joined, split)
    c = compare_texts(a, b)
    assert c.changes == ()
    assert c.similarity == 1.0


def test_joined_paragraphs_do_not_absorb_an_unrelated_neighbour() -> None:
    a = text(*JOINED, "Rain fell.")
    b = text(" ".join(JOINED).replace("200", "250"), "Sun shone.")
    c = compare_texts(a, b)
    assert kinds(c) == [
        ("replace", "200", "250"),
        ("delete", "Rain fell.", ""),
        ("insert", "", "Sun shone."),
    ]
