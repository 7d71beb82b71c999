"""Components with the user's constraints, and the choices that make them."""

from __future__ import annotations

import pytest

from variorum.core.stories import choices as ops
from variorum.core.stories.components import components
from variorum.core.stories.model import Grouping, Role, Story, Version


def _sorted(groups: list[list[str]]) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


def test_edges_join_and_user_links_win() -> None:
    ids = ["a", "b", "c", "d"]
    edges = [(0.9, "a", "b"), (0.6, "b", "c")]
    assert _sorted(components(ids, edges)) == [["a", "b", "c"], ["d"]]
    assert _sorted(components(ids, edges, together=[("c", "d")])) == [["a", "b", "c", "d"]]
    # apart: the weaker edge that would join a and c is skipped, the stronger one kept
    assert _sorted(components(ids, edges, apart=[("a", "c")])) == [["a", "b"], ["c"], ["d"]]


def test_apart_blocks_a_chain_through_other_members() -> None:
    ids = ["a", "b", "c"]
    edges = [(0.9, "a", "b"), (0.8, "b", "c"), (0.7, "a", "c")]
    assert _sorted(components(ids, edges, apart=[("c", "a")])) == [["a", "b"], ["c"]]


def _v(i: str) -> Version:
    return Version(i, i, None, None, 10, Role.REPOST, 1.0, 1.0, 1.0, None)


def _grouping(*stories: tuple[str, ...]) -> Grouping:
    return Grouping(tuple(Story(f"s-{s[0]}", s[0], tuple(_v(i) for i in s)) for s in stories), ())


def test_move_split_merge_rename_base() -> None:
    g = _grouping(("a", "b", "c"), ("d",))
    moved = ops.move(ops.Choices(), g, "c", "s-d")
    assert ("c", "d") in moved.together
    assert {("a", "c"), ("b", "c")} <= moved.apart
    # moving it back drops the constraints that said otherwise
    back = ops.move(moved, _grouping(("a", "b"), ("d", "c")), "c", "s-a")
    assert ("c", "d") not in back.together and ("a", "c") in back.together
    assert ("c", "d") in back.apart

    split = ops.split(ops.Choices(), g, ["b", "c"])
    assert split.together == {("b", "c")}
    assert split.apart == {("a", "b"), ("a", "c")}
    with pytest.raises(ValueError):
        ops.split(ops.Choices(), g, ["a", "d"])

    merged = ops.merge(split, _grouping(("a",), ("b", "c")), ["s-a", "s-b"])
    assert ("a", "b") in merged.together and not merged.apart

    named = ops.rename(ops.Choices(), g, "s-a", "  Desalination vote ")
    assert named.names == (("a", "Desalination vote"),)
    assert ops.rename(named, g, "s-a", "").names == ()

    based = ops.pick_base(ops.pick_base(ops.Choices(), g, "b"), g, "c")
    assert based.bases == ("c",)
    assert based.forget(["c"]).is_empty()
