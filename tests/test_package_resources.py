"""The demo story is package data found through importlib.resources, not beside a checkout."""

from __future__ import annotations

from variorum.resources import demo_articles


def test_demo_articles_are_the_packaged_story_in_reading_order() -> None:
    files = demo_articles()
    assert [f.name for f in files] == [
        "01-wire-original.txt",
        "02-repost-edited.txt",
        "03-rewritten-summary.txt",
        "04-related-fishing.txt",
    ]
    assert all(f.is_file() and f.parent.parent.name == "resources" for f in files)
    assert files[0].parent.parent.parent.name == "variorum"
