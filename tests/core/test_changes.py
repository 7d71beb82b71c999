"""The Comparison data contract: navigation by bisection, defaults of the added fields."""

from __future__ import annotations

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


def comparison(changes: list[Change]) -> Comparison:
    return Comparison("a" * 100, "b" * 100, tuple(changes), CompareStats(), 0.5)


def test_navigate_inside_between_and_around_changes() -> None:
    c = comparison(
        [
            Change(ChangeKind.REPLACE, 0, 2, 10, 15, "aa", "bbbbb"),
            Change(ChangeKind.DELETE, 5, 9, 20, 20, "aaaa", ""),
            Change(ChangeKind.INSERT, 12, 12, 30, 40, "", "b" * 10),
        ]
    )
    assert c.navigate("b", 0) == c.navigate("b", 9)
    start = c.navigate("b", 0)
    assert (start.current, start.previous, start.next) == (None, None, 0)
    inside = c.navigate("b", 12)
    assert (inside.current, inside.previous, inside.next) == (0, None, 1)
    deletion = c.navigate("b", 20)  # an empty B range still counts as one position
    assert (deletion.current, deletion.previous, deletion.next) == (1, 0, 2)
    between = c.navigate("b", 25)
    assert (between.current, between.previous, between.next) == (None, 1, 2)
    after = c.navigate("b", 99)
    assert (after.current, after.previous, after.next) == (None, 2, None)


def test_navigation_without_changes() -> None:
    nav = comparison([]).navigate("b", 5)
    assert (nav.current, nav.previous, nav.next) == (None, None, None)


def test_added_fields_have_defaults() -> None:
    c = comparison([])
    assert c.equal_runs == () and c.units == () and c.notices == ()
    assert Change(ChangeKind.MOVE, 0, 1, 2, 3, "a", "b").detail == ()
    assert EqualRun(0, 1, 0, 1).a_end == 1
    assert UnitPair(UnitStatus.INSERTED, -1, -1, 0, 4).coarse is False
    assert issubclass(Cancelled, Exception)


def test_navigate_by_a_position_uses_the_base_texts_order() -> None:
    c = comparison(
        [
            Change(ChangeKind.MOVE, 50, 60, 0, 10, "a" * 10, "b" * 10),
            Change(ChangeKind.REPLACE, 5, 8, 20, 22, "aaa", "bb"),
            Change(ChangeKind.INSERT, 30, 30, 40, 45, "", "bbbbb"),
        ]
    )
    assert c.navigate("b", 5).current == 0  # the same position in B is elsewhere
    at_move = c.navigate("a", 55)
    assert (at_move.current, at_move.previous, at_move.next) == (0, 2, None)
    at_replace = c.navigate("a", 6)
    assert (at_replace.current, at_replace.previous, at_replace.next) == (1, None, 2)
    at_insert = c.navigate("a", 30)  # an empty A range is one position
    assert (at_insert.current, at_insert.previous, at_insert.next) == (2, 1, 0)
    between = c.navigate("a", 40)
    assert (between.current, between.previous, between.next) == (None, 2, 0)


def test_replace_builds_fresh_indexes() -> None:
    import dataclasses

    one = comparison([Change(ChangeKind.INSERT, 0, 0, 5, 9, "", "bbbb")])
    two = dataclasses.replace(one, changes=())
    assert two.navigate("b", 6).current is None
    assert one.navigate("b", 6).current == 0
