"""Grouping the demo story: one story of three versions with their roles, the related story
linked; incremental updates, removal, the threshold and the user's choices."""

from __future__ import annotations

from dataclasses import replace

from variorum.core.stories import (
    Choices,
    Grouping,
    GroupingParams,
    Role,
    StoryIndex,
    StoryInput,
    group,
)
from variorum.core.stories import choices as ops


def _summary(g: Grouping) -> list[tuple[str, ...]]:
    return [tuple(f"{v.id}:{v.role}" for v in s.versions) for s in g.stories]


def test_the_demo_story(samples: dict[str, StoryInput]) -> None:
    g = group(samples.values(), workers=1)
    assert _summary(g) == [
        (
            "01-wire-original.txt:base",
            "02-repost-edited.txt:re-post",
            "03-rewritten-summary.txt:rewrite",
        ),
        ("04-related-fishing.txt:base",),
    ]
    story = g.stories[0]
    repost, rewrite = story.versions[1], story.versions[2]
    assert repost.closest == "01-wire-original.txt"
    assert repost.containment_in_base > 0.8 and repost.base_in_version > 0.8
    # the summary shares few word runs with the original but is its rewrite
    assert rewrite.containment_in_base < 0.2
    assert rewrite.similarity_to_base >= GroupingParams().threshold
    assert story.title == samples["original"].title
    assert [(r.a, r.b) for r in g.related] == [tuple(sorted((story.id, g.stories[1].id)))]
    pair = g.pair("02-repost-edited.txt", "01-wire-original.txt")
    assert pair is not None and pair.score == repost.similarity_to_base


def test_adding_articles_equals_grouping_them_at_once(samples: dict[str, StoryInput]) -> None:
    index = StoryIndex()
    index.add([samples["related"], samples["rewrite"]])
    before = index.grouping()
    assert len(before.stories) == 2  # the summary alone is not yet anybody's rewrite of...
    index.add([samples["original"], samples["repost"]])
    at_once = group([samples[k] for k in ("related", "rewrite", "original", "repost")], workers=1)
    assert _summary(index.grouping()) == _summary(at_once)
    assert index.grouping().related == at_once.related


def test_only_new_pairs_are_scored(samples: dict[str, StoryInput], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import variorum.core.stories.index as index_module

    index = StoryIndex()
    index.add([samples["original"], samples["repost"]])
    scored: list[tuple[str, str]] = []
    real = index_module.score_candidates

    def spy(found, sketch_of, params):  # type: ignore[no-untyped-def]
        scored.extend((sketch_of(a).id, sketch_of(b).id) for a, b, _ in found.pairs())
        return real(found, sketch_of, params)

    monkeypatch.setattr(index_module, "score_candidates", spy)
    index.add([samples["rewrite"]])
    assert scored and all("03-rewritten-summary.txt" in pair for pair in scored)


def test_remove_and_threshold(samples: dict[str, StoryInput]) -> None:
    index = StoryIndex()
    index.add(samples.values())
    index.remove(["03-rewritten-summary.txt"])
    assert _summary(index.grouping())[0] == (
        "01-wire-original.txt:base",
        "02-repost-edited.txt:re-post",
    )
    pair = index.pairs[("01-wire-original.txt", "02-repost-edited.txt")]
    index.set_threshold(pair.score + 0.001)
    assert [len(s.versions) for s in index.grouping().stories] == [1, 1, 1]
    index.set_threshold(0.5)
    assert [len(s.versions) for s in index.grouping().stories] == [2, 1]


def test_base_from_dates_then_title_years(samples: dict[str, StoryInput]) -> None:
    dated = [
        replace(samples["original"], published="2024-03-02"),
        replace(samples["repost"], published="2024-03-01T09:00"),
    ]
    assert group(dated, workers=1).stories[0].base.id == "02-repost-edited.txt"
    editions = [
        replace(samples["original"], title="Desalination report (2021 edition)"),
        replace(samples["repost"], title="Desalination report (2019 edition)"),
    ]
    assert group(editions, workers=1).stories[0].base.id == "02-repost-edited.txt"


def test_choices_survive_regrouping(samples: dict[str, StoryInput]) -> None:
    index = StoryIndex()
    index.add([samples[k] for k in ("original", "repost", "rewrite", "related")])
    g = index.grouping()
    main, fishing = g.stories
    choices = ops.move(Choices(), g, "04-related-fishing.txt", main.id)
    choices = ops.split(choices, g, ["03-rewritten-summary.txt"])
    choices = ops.pick_base(choices, g, "02-repost-edited.txt")
    choices = ops.rename(choices, g, main.id, "Port Calder desalination")
    g2 = index.grouping(choices)
    story = g2.story_of("04-related-fishing.txt")
    assert story is not None and story.named_by_user and story.title == "Port Calder desalination"
    assert story.base.id == "02-repost-edited.txt"
    assert story.version("04-related-fishing.txt").role is Role.RELATED  # type: ignore[union-attr]
    assert g2.story_of("03-rewritten-summary.txt").ids == ("03-rewritten-summary.txt",)  # type: ignore[union-attr]

    # a new copy of the original arrives: it joins, and every choice still holds
    copy = StoryInput("05-copy.txt", samples["original"].text + "\n\nShare this story.", "Copy")
    index.add([copy])
    g3 = index.grouping(choices)
    story = g3.story_of("05-copy.txt")
    assert story is not None and story.title == "Port Calder desalination"
    assert story.base.id == "02-repost-edited.txt"
    assert set(story.ids) == {
        "01-wire-original.txt",
        "02-repost-edited.txt",
        "04-related-fishing.txt",
        "05-copy.txt",
    }
    assert len(g3.story_of("03-rewritten-summary.txt").versions) == 1  # type: ignore[union-attr]
    assert fishing.id != story.id


def test_rarity_is_relative_to_the_archive(samples: dict[str, StoryInput]) -> None:
    # with a pairing bound of 2, the names the three versions share are in more articles than
    # that; counted as common (a fixed cap) they find no rewrite, counted as rare relative to
    # the archive they do, paired between neighbours of the rank orders
    fixed = GroupingParams(bucket_cap=2, rare_share=0.0)
    relative = GroupingParams(bucket_cap=2, rare_share=1.0)
    assert ("03-rewritten-summary.txt:base",) in _summary(group(samples.values(), fixed, workers=1))
    assert _summary(group(samples.values(), relative, workers=1)) == _summary(
        group(samples.values(), workers=1)
    )


def test_rare_limit_grows_with_the_archive() -> None:
    params = GroupingParams()
    assert params.rare_limit(100) == params.bucket_cap
    assert params.rare_limit(100_000) == int(params.rare_share * 100_000) > params.bucket_cap


def test_sketching_stays_in_this_process_on_two_cores_or_fewer() -> None:
    from variorum.core.stories.index import default_workers

    assert [default_workers(n) for n in (1, 2, 3, 8)] == [1, 1, 3, 8]
