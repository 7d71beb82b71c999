"""Components with the user's constraints, and the choices that make them."""

from __future__ import annotations

import pytest

from variorum.core.stories import choices as ops
from variorum.core.stories.assemble import ArticleMeta, assemble
from variorum.core.stories.choices import Choices
from variorum.core.stories.components import Linkage, components
from variorum.core.stories.model import Grouping, PairKind, PairScore, Role, Story, Version
from variorum.core.stories.params import GroupingParams


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


def _clusters_and_bridge(cross: float) -> tuple[list[str], list[tuple[float, str, str]], Linkage]:
    """Two stories of three versions each, strongly joined inside, and one rewrite pair
    between them; every other pair between the stories scores ``cross``."""
    ids = ["a1", "a2", "a3", "b1", "b2", "b3"]
    strong = [(0.9, "a1", "a2"), (0.9, "a2", "a3"), (0.9, "b1", "b2"), (0.9, "b2", "b3")]

    def linkage(xs: list[str], ys: list[str]) -> float:
        scores = [0.6 if {x, y} == {"a3", "b1"} else cross for x in xs for y in ys]
        return sum(scores) / len(scores)

    return ids, strong, linkage


def test_a_weak_pair_joins_two_stories_only_when_they_are_alike_as_a_whole() -> None:
    ids, strong, linkage = _clusters_and_bridge(cross=0.0)
    weak = [(0.6, "a3", "b1")]
    # without the linkage rule one shared passage chains the two stories
    assert len(components(ids, strong, weak=weak)) == 1
    apart = components(ids, strong, weak=weak, linkage=linkage, min_linkage=0.25)
    assert _sorted(apart) == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]
    ids, strong, linkage = _clusters_and_bridge(cross=0.3)
    joined = components(ids, strong, weak=weak, linkage=linkage, min_linkage=0.25)
    assert len(joined) == 1
    # a strong pair needs no linkage; nor does a weak pair between two lone articles
    assert len(components(ids, [*strong, (0.6, "a3", "b1")], linkage=linkage)) == 1
    never: Linkage = lambda xs, ys: 0.0  # noqa: E731
    lone = components(["x", "y"], [], weak=[(0.5, "x", "y")], linkage=never, min_linkage=0.25)
    assert lone == [["x", "y"]]


def _pair(a: str, b: str, score: float, kind: PairKind) -> PairScore:
    return PairScore(a, b, 0.0, 0.0, 0.0, score, kind, score)


@pytest.mark.parametrize(("uncompared", "stories"), [(0.0, 2), (0.4, 1)])
def test_assembling_scores_the_pairs_a_weak_join_needs(uncompared: float, stories: int) -> None:
    """The pairs between two stories that were never candidates are scored before a rewrite
    pair may join them, and the scored candidates given are left as they were."""
    ids = ["a1", "a2", "a3", "b1", "b2", "b3"]
    nd, rw = PairKind.NEAR_DUPLICATE, PairKind.REWRITE
    given = [_pair("a1", "a2", 0.9, nd), _pair("a2", "a3", 0.9, nd)]
    given += [_pair("b1", "b2", 0.9, nd), _pair("b2", "b3", 0.9, nd), _pair("a3", "b1", 0.6, rw)]
    pairs = {(p.a, p.b): p for p in given}
    asked: list[tuple[str, str]] = []

    def compute(wanted: list[tuple[str, str]]) -> list[PairScore]:
        asked.extend(wanted)
        kind = PairKind.RELATED if uncompared else PairKind.NONE
        return [_pair(x, y, uncompared, kind) for x, y in wanted]

    metas = [ArticleMeta(i, i, None, None, 100, n) for n, i in enumerate(ids)]
    g = assemble(metas, dict(pairs), GroupingParams(), Choices(), compute)
    assert len(g.stories) == stories
    # the two longest versions (all of 100 words: the ones added first) are asked first; when
    # they score under the bar nothing more is needed
    assert asked[0] == ("a1", "b1") and ("a3", "b1") not in asked
    assert (("a1", "b3") in asked) == (stories == 1)
    again = assemble(metas, dict(pairs), GroupingParams(), Choices(), compute)
    assert [s.ids for s in again.stories] == [s.ids for s in g.stories]


@pytest.mark.parametrize(("longest_linkage", "stories"), [(0.8, 2), (0.0, 1)])
def test_stories_sharing_a_passage_stay_apart_when_their_longest_versions_differ(
    longest_linkage: float, stories: int
) -> None:
    """Two stories whose short versions are mostly one passage they share: every pair
    scores high but the two full versions, so the mean linkage alone would join them."""
    ids = ["a1", "a2", "a3", "b1", "b2", "b3"]
    words = {"a1": 900, "a2": 120, "a3": 110, "b1": 800, "b2": 130, "b3": 100}
    nd, rw, rel = PairKind.NEAR_DUPLICATE, PairKind.REWRITE, PairKind.RELATED
    given = [_pair("a1", "a2", 0.9, nd), _pair("a1", "a3", 0.9, nd), _pair("a2", "a3", 0.9, nd)]
    given += [_pair("b1", "b2", 0.9, nd), _pair("b1", "b3", 0.9, nd), _pair("b2", "b3", 0.9, nd)]
    given += [_pair(x, y, 0.45, rel) for x in ids[:3] for y in ids[3:]]
    given[-1] = _pair("a3", "b3", 0.6, rw)
    given[6] = _pair("a1", "b1", 0.1, rel)
    pairs = {(p.a, p.b): p for p in given}
    metas = [ArticleMeta(i, i, None, None, words[i], n) for n, i in enumerate(ids)]
    params = GroupingParams(longest_linkage=longest_linkage)
    g = assemble(metas, pairs, params, Choices(), lambda wanted: [])
    assert len(g.stories) == stories


def _contained(a: str, b: str, a_in_b: float, b_in_a: float, score: float) -> PairScore:
    kind = PairKind.NEAR_DUPLICATE
    return (
        PairScore(a, b, 0.0, a_in_b, b_in_a, score, kind, score)
        if a < b
        else PairScore(b, a, 0.0, b_in_a, a_in_b, score, kind, score)
    )


@pytest.mark.parametrize(("padded_holds_most", "stories"), [(False, 1), (True, 2)])
def test_a_story_is_stood_for_by_the_version_holding_the_others_not_the_longest(
    padded_holds_most: bool, stories: int
) -> None:
    """An original, a cut re-post and a re-post that cut a paragraph and was padded with
    unrelated ones (the longest); a rewrite of the cut paragraph scores high with the
    original and the cut re-post, low with the padded one. It joins the story, because the
    original holds most of the other versions; were the padded re-post the one holding
    them, it would stand for the story and the rewrite would stay apart."""
    ids = ["orig", "padded", "cut", "rewrite"]
    words = {"orig": 500, "padded": 650, "cut": 300, "rewrite": 150}
    padded_in_orig, orig_in_padded = (0.5, 0.9) if padded_holds_most else (0.75, 0.7)
    given = [
        _contained("padded", "orig", padded_in_orig, orig_in_padded, 0.7),
        _contained("cut", "orig", 1.0, 0.6, 0.75),
        _contained("cut", "padded", 0.7, 0.5, 0.55),
        PairScore("orig", "rewrite", 0.0, 0.0, 0.0, 0.7, PairKind.REWRITE, 0.7),
        PairScore("cut", "rewrite", 0.0, 0.0, 0.0, 0.6, PairKind.REWRITE, 0.6),
        PairScore("padded", "rewrite", 0.0, 0.0, 0.0, 0.2, PairKind.RELATED, 0.2),
    ]
    pairs = {(p.a, p.b): p for p in given}
    metas = [ArticleMeta(i, i, None, None, words[i], n) for n, i in enumerate(ids)]
    g = assemble(metas, pairs, GroupingParams(), Choices(), lambda wanted: [])
    assert len(g.stories) == stories
    if stories == 1:
        assert {v.id: v.role for v in g.stories[0].versions}["rewrite"] is Role.REWRITE
