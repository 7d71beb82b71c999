"""The issue's "done when" on real articles: seeds, Darwin and BBC folders give four stories,
and 840 political news articles about the same people are not merged into false stories."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from variorum.core.ingest import load_many
from variorum.core.stories import Role, StoryInput, group

pytestmark = pytest.mark.corpus


def _inputs(folders: list[Path]) -> list[StoryInput]:
    report = load_many(folders)
    assert not report.failures
    # ids are paths: the two BBC files are byte-identical copies, still two versions
    return [
        StoryInput(a.source_path or "", a.text, a.title, a.published, a.source_path)
        for a in report.articles
    ]


def test_seeds_darwin_bbc_make_four_stories(corpus_dir: Path) -> None:
    g = group(_inputs([corpus_dir / "seeds", corpus_dir / "darwin", corpus_dir / "bbc"]), workers=1)
    by_names = {
        tuple(
            sorted(Path(v.id).name[:3] if "seeds" in v.id else Path(v.id).name for v in s.versions)
        ): s
        for s in g.stories
    }
    darwin = next(s for s in g.stories if "darwin" in s.base.id)
    assert len(darwin.versions) == 6
    assert darwin.base.id.endswith("1859.txt")
    assert all(v.role is Role.REPOST for v in darwin.versions[1:])
    seeds = by_names[("000", "001", "002")]
    assert Path(seeds.base.id).name.startswith("000")
    roles = {Path(v.id).name[:3]: v.role for v in seeds.versions}
    assert roles == {"000": Role.BASE, "001": Role.REPOST, "002": Role.REWRITE}
    related = by_names[("003",)]
    assert g.related_to(related.id)[0][0] == seeds.id
    bbc = by_names[("6072486-A.html", "6072486-B.html")]
    assert bbc.versions[1].containment_in_base == 1.0
    assert len(g.stories) == 4


def _outlet_and_day(name: str) -> tuple[str, int]:
    outlet, date = re.match(r"([a-z-]+)_(\d{4}-\d\d-\d\d)", name).groups()  # type: ignore[union-attr]
    from datetime import date as day

    return outlet, day.fromisoformat(date).toordinal()


@pytest.mark.slow
def test_political_news_is_not_merged_into_false_stories(corpus_dir: Path) -> None:
    """The articles are about the same campaigns, people and events; the few versions they
    contain are one outlet's article republished a day apart under another headline (or a
    live blog updated), so every story of several versions must be one outlet within days."""
    texts = sorted((corpus_dir / "polnear-train" / "text").glob("*.txt"))
    docs = [StoryInput(p.name, p.read_text(encoding="utf-8"), p.name) for p in texts]
    g = group(docs, workers=1)
    merged = [s for s in g.stories if len(s.versions) > 1]
    assert len(merged) <= 12, [s.ids for s in merged]
    for story in merged:
        places = {_outlet_and_day(v.id) for v in story.versions}
        outlets = {o for o, _ in places}
        days = [d for _, d in places]
        assert len(outlets) == 1 and max(days) - min(days) <= 2, story.ids
    assert len(g.stories) >= len(docs) - 15
