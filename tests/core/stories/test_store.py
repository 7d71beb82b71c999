"""The user's story choices and the last grouping are kept in the library across restarts."""

from __future__ import annotations

from pathlib import Path

from variorum.core.library import Library
from variorum.core.settings import Settings, settings_from_dict, settings_to_dict
from variorum.core.stories import StoryIndex, StoryInput
from variorum.core.stories import choices as ops
from variorum.core.stories.store import load_choices, load_grouping, save_choices, save_grouping


def test_choices_and_grouping_survive_a_restart(
    tmp_path: Path, samples: dict[str, StoryInput]
) -> None:
    index = StoryIndex()
    index.add(samples.values())
    g = index.grouping()
    choices = ops.rename(ops.Choices(), g, g.stories[0].id, "Desalination")
    choices = ops.split(choices, g, ["03-rewritten-summary.txt"])
    choices = ops.pick_base(choices, g, "02-repost-edited.txt")
    grouped = index.grouping(choices)

    path = tmp_path / "library.sqlite3"
    library = Library(path)
    save_choices(library, choices)
    save_grouping(library, grouped)
    save_choices(library, choices)  # saving again replaces, never duplicates
    library.close()

    library = Library(path)
    assert load_choices(library) == choices
    stored = load_grouping(library)
    assert [s.ids for s in stored.stories] == [s.ids for s in grouped.stories]
    assert stored.stories[0].title == "Desalination" and stored.stories[0].named_by_user
    assert stored.stories[0].versions == grouped.stories[0].versions
    assert stored.related == grouped.related
    # a removed article leaves the snapshot; the rest stays
    fewer = load_grouping(library, ["01-wire-original.txt", "04-related-fishing.txt"])
    assert sorted(i for s in fewer.stories for i in s.ids) == [
        "01-wire-original.txt",
        "04-related-fishing.txt",
    ]
    library.close()


def test_story_threshold_setting() -> None:
    assert Settings().story_threshold == 0.5
    raw = settings_to_dict(Settings()) | {"story_threshold": 0.7}
    assert settings_from_dict(raw).story_threshold == 0.7
    assert settings_from_dict(raw | {"story_threshold": 7}).story_threshold == 1.0
    assert settings_from_dict(raw | {"story_threshold": -1}).story_threshold == 0.05
