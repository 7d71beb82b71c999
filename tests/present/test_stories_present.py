"""The story views without Qt: version labels, dates and timeline, derivation hints, the heat
map's runs, levels and readings, the similarity matrix, a selection as a story."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from variorum.core.stories.model import PairKind, PairScore, Role, Story, Version
from variorum.core.stories.nway import ReadingKind, compare_many
from variorum.present.heat import (
    DARK_RAMP,
    LIGHT_RAMP,
    Underline,
    changed_by,
    heat_runs,
    heat_scale,
    readings_at,
)
from variorum.present.matrix import similarity_matrix
from variorum.present.versions import (
    chronological,
    date_range_text,
    derivation,
    derivation_sentence,
    selection_story,
    span_text,
    timeline,
    version_labels,
)


def version(
    vid: str,
    title: str,
    role: Role = Role.REPOST,
    published: str | None = None,
    path: str | None = None,
    inside: float = 1.0,
    holds: float = 1.0,
) -> Version:
    return Version(vid, title, path, published, 100, role, 0.8, inside, holds, None)


def story(*versions: Version) -> Story:
    first = versions[0]
    return Story(
        "s", first.title, (Version(**{**first.__dict__, "role": Role.BASE}), *versions[1:])
    )


# --- labels ------------------------------------------------------------------------------
def test_labels_keep_what_tells_editions_apart() -> None:
    s = story(
        *(
            version(str(y), f"On the Origin of Species, Chapter I ({y} edition)")
            for y in (1859, 1860, 1872)
        )
    )
    assert list(version_labels(s).values()) == [
        "(1859 edition)",
        "(1860 edition)",
        "(1872 edition)",
    ]


def test_labels_of_different_titles_are_the_titles() -> None:
    s = story(version("a", "Ferry vote today"), version("b", "Island gets a ferry"))
    assert version_labels(s) == {"a": "Ferry vote today", "b": "Island gets a ferry"}


def test_a_title_that_is_all_shared_prefix_stays_whole() -> None:
    s = story(version("a", "Ferry vote"), version("b", "Ferry vote delayed again"))
    assert version_labels(s) == {"a": "Ferry vote", "b": "delayed again"}


def test_identical_titles_are_told_apart_by_site_then_date_then_file() -> None:
    same = "Son-in-law remanded over killing"
    by_file = story(
        version("a", same, path="/x/6072486-A.html"), version("b", same, path="/y/6072486-B.html")
    )
    assert version_labels(by_file) == {"a": "6072486-A.html", "b": "6072486-B.html"}
    by_site = story(version("a", same), version("b", same))
    assert version_labels(by_site, {"a": "BBC", "b": "Reuters"}) == {"a": "BBC", "b": "Reuters"}
    by_date = story(
        version("a", same, published="2006-10-21"), version("b", same, published="2006-10-22T09:00")
    )
    assert version_labels(by_date) == {"a": "2006-10-21", "b": "2006-10-22"}
    nothing = story(version("a", same), version("b", same))
    assert version_labels(nothing) == {"a": f"{same} · version 1", "b": f"{same} · version 2"}


# --- dates -------------------------------------------------------------------------------
def test_date_ranges_are_compact() -> None:
    assert date_range_text(None) == ""
    assert date_range_text(("2006-10-21", "2006-10-21T18:00")) == "2006-10-21"
    assert date_range_text(("2006-10-21", "2006-10-23")) == "2006-10-21–23"
    assert date_range_text(("2006-10-21", "2006-11-02")) == "2006-10-21–11-02"
    assert date_range_text(("2006-10-21", "2007-01-02")) == "2006-10-21–2007-01-02"


def test_timeline_from_publication_dates_or_title_years() -> None:
    dated = story(
        version("a", "One", published="2023-11-02"),
        version("b", "Two", published="2023-11-01"),
        version("c", "Three"),
    )
    line = timeline(dated, version_labels(dated))
    assert line is not None and not line.from_titles
    assert [p.id for p in line.points] == ["b", "a"] and line.undated == ("Three",)
    assert chronological(dated, version_labels(dated)) == ["b", "a", "c"]
    editions = story(version("x", "Origin (1872 edition)"), version("y", "Origin (1859 edition)"))
    line = timeline(editions, version_labels(editions))
    assert line is not None and line.from_titles
    assert [(p.id, p.when) for p in line.points] == [("y", "1859"), ("x", "1872")]
    assert span_text(editions) == "1859–1872"
    undated = story(version("a", "One"), version("b", "Two"))
    assert timeline(undated, version_labels(undated)) is None
    assert chronological(undated, version_labels(undated)) == ["a", "b"]


# --- derivation --------------------------------------------------------------------------
def test_derivation_reads_off_how_a_version_was_made() -> None:
    lede = version("r", "x", inside=0.8, holds=0.95)  # base kept whole, new text on top
    cut = version("c", "x", inside=0.97, holds=0.6)  # lies in the base, shorter
    rewrite = version("w", "x", Role.REWRITE, inside=0.2, holds=0.1)
    assert "with text added" in derivation_sentence(lede, "000")
    assert "cut down" in derivation_sentence(cut, "000") and "60%" in derivation_sentence(
        cut, "000"
    )
    assert derivation_sentence(rewrite, "000").startswith("a shortened rewrite of 000")
    s = story(version("b", "Base"), lede)
    rows = derivation(s, version_labels(s))
    assert [r.role for r in rows] == ["base", "re-post"]
    assert rows[1].in_base == 0.8 and rows[1].base_in == 0.95


# --- heat map ----------------------------------------------------------------------------
BASE = "The council voted on Tuesday to buy a new ferry for the island route."
V1 = "The council voted on Monday to buy a new ferry for the island route."
V2 = "The council voted on Monday to buy a ferry for the northern island route."
V3 = "The council voted on Tuesday to buy a new ferry for the island route today."


def test_heat_runs_cover_the_base_and_count_versions() -> None:
    nway = compare_many(BASE, [V1, V2, V3])
    runs = heat_runs(nway)
    assert "".join(BASE[r.start : r.end] for r in runs) == BASE
    assert all(a.end == b.start for a, b in itertools.pairwise(runs))

    def count_at(word: str) -> int:
        pos = BASE.index(word)
        return next(r.count for r in runs if r.start <= pos < r.end)

    assert count_at("Tuesday") == 2  # V1 and V2
    assert count_at("new") == 1  # V2 only
    assert count_at("council") == 0
    assert changed_by(nway, BASE.index("Tuesday"), BASE.index("Tuesday") + 7) == [1, 2]


def test_heat_scale_levels_never_rely_on_colour_alone() -> None:
    scale = heat_scale(5)
    assert [level.label(5) for level, _ in scale.legend()][:2] == ["unchanged", "changed in 1 of 5"]
    assert scale.level_of(0).underline is Underline.NONE
    assert scale.level_of(1).underline is Underline.DOTTED
    assert scale.level_of(5).underline is Underline.WAVY  # every version
    assert scale.level_of(4).underline is Underline.SOLID
    backgrounds = [scale.level_of(c).background for c in range(1, 6)]
    assert len(set(backgrounds)) == 5 and set(backgrounds) <= set(LIGHT_RAMP)
    many = heat_scale(12, dark=True)
    assert len(many.levels) == 7  # six colour steps and unchanged
    assert many.level_of(1) is many.level_of(2) and many.level_of(12).counts() == "11–12"
    assert {level.background for level in many.levels[1:]} <= set(DARK_RAMP)


def test_readings_list_what_each_version_has() -> None:
    nway = compare_many(BASE, [V1, V2, V3])
    labels = ["base", "v1", "v2", "v3"]
    found = readings_at(nway, BASE.index("Tuesday"), labels)
    assert found is not None and found.base_text == "Tuesday" and found.changed == 2
    rows = {r.label: r for r in found.rows}
    assert rows["v1"].kind == "other words" and rows["v1"].text == "Monday"
    assert rows["v3"].kind == "same" and rows["v3"].change is None
    ref = rows["v2"].change
    assert ref is not None and nway.comparisons[1].changes[ref.index].b_text.startswith("Monday")
    end = readings_at(nway, BASE.index("route"), labels)
    assert end is not None
    assert [(r.label, r.text) for r in end.added_after] == [("v3", "today")]
    assert readings_at(nway, len(BASE) + 5, labels) is None


@pytest.mark.corpus
def test_darwin_heat_map_shows_where_later_editions_differ(corpus_dir: Path) -> None:
    from variorum.core.ingest.loader import load_file

    paths = sorted((corpus_dir / "darwin").glob("*.txt"))
    texts = [load_file(str(p)).text for p in paths]
    nway = compare_many(texts[0], texts[1:])
    runs = heat_runs(nway)
    changed = sum(r.end - r.start for r in runs if r.count)
    everywhere = sum(r.end - r.start for r in runs if r.count == 5)
    assert 0.05 < changed / len(texts[0]) < 0.9  # the later editions revise, not rewrite
    assert everywhere > 0
    assert max(r.count for r in runs) == 5
    assert {r.count for r in runs} >= {0, 1, 5}
    kinds = {r.kind for p in nway.passages for r in p.readings}
    assert ReadingKind.CHANGED in kinds and ReadingKind.SAME in kinds


# --- matrix and selections ------------------------------------------------------------------
def pair_lookup(pairs: dict[tuple[str, str], PairScore]):  # type: ignore[no-untyped-def]
    return lambda x, y: pairs.get((min(x, y), max(x, y)))


def test_matrix_has_the_pair_scores_and_says_when_one_is_unknown() -> None:
    pairs = {("a", "b"): PairScore("a", "b", 0.7, 0.9, 0.8, 0.83, PairKind.NEAR_DUPLICATE)}
    cells = similarity_matrix(["a", "b", "c"], pair_lookup(pairs))
    assert cells[0][0].text == "100" and cells[0][1].text == "83" and cells[1][0].text == "83"
    assert cells[0][1].kind == "near-duplicate" and cells[0][1].shade
    assert cells[0][2].value is None and cells[0][2].text == "–" and cells[0][2].shade == ""


def test_selection_story_reads_roles_again_around_its_base() -> None:
    pairs = {
        ("a", "b"): PairScore("a", "b", 0.7, 0.9, 0.8, 0.83, PairKind.NEAR_DUPLICATE),
        ("b", "c"): PairScore("b", "c", 0.1, 0.3, 0.2, 0.6, PairKind.REWRITE),
    }
    picked = [version("a", "A"), version("b", "B", Role.BASE), version("c", "C")]
    s = selection_story(picked, "b", pair_lookup(pairs), "Picked")
    assert [v.id for v in s.versions] == ["b", "a", "c"]
    roles = {v.id: v.role for v in s.versions}
    assert roles == {"b": Role.BASE, "a": Role.REPOST, "c": Role.REWRITE}
    a = s.version("a")
    assert a is not None and a.containment_in_base == 0.9 and a.base_in_version == 0.8
    assert a.closest == "b"
