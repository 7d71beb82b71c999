"""Analyst corrections: each kind changes exactly what it says, they apply in order, survive a
round trip through JSON, and refer to names and offsets, so they apply to a recomputed
extraction too."""

from __future__ import annotations

from pathlib import Path

from variorum.core.extract import Entity, Extraction, Mention, Quote, Side, Speaker
from variorum.core.extract.corrections import (
    UNATTRIBUTED,
    Merge,
    NotEntity,
    Reassign,
    Rename,
    apply_corrections,
    correction_from_json,
    correction_to_json,
)
from variorum.core.extract.drift import compare_extractions


def quote(text: str, start: int, speaker: str) -> Quote:
    return Quote(text, start, start + len(text), speaker, "said", Mention(speaker, 0, 1))


def speaker(name: str, *quotes: tuple[str, int], label: str = "PERSON") -> Speaker:
    return Speaker(name, label, (), tuple(quote(t, s, name) for t, s in quotes))


def entity(name: str, *starts: int, label: str = "PERSON") -> Entity:
    return Entity(name, label, (), tuple(Mention(name, s, s + len(name)) for s in starts))


ARTICLE = Extraction(
    speakers=(
        speaker("Clarke", ("We will not give way", 100)),
        speaker("MPs", ("The bill is dead", 300), ("It cannot pass", 400)),
        speaker("Ken Clarke", ("Nothing has changed", 500)),
    ),
    organizations=(entity("Treasury", 50, 250, label="ORG"),),
    people=(entity("Ken Clarke", 10, 480), entity("Clarke", 90), entity("MPs", 290)),
)


def names(items: tuple[Speaker, ...] | tuple[Entity, ...]) -> list[str]:
    return [i.name for i in items]


def test_nothing_to_apply_changes_nothing() -> None:
    assert apply_corrections(ARTICLE, []) == ARTICLE


def test_rename_renames_the_speaker_and_the_person_keeping_the_old_name_as_alias() -> None:
    x = apply_corrections(ARTICLE, [Rename("MPs", "Ken Clarke's critics")])
    renamed = next(s for s in x.speakers if s.name == "Ken Clarke's critics")
    assert [q.text for q in renamed.quotes] == ["The bill is dead", "It cannot pass"]
    assert all(q.speaker == "Ken Clarke's critics" for q in renamed.quotes)
    assert renamed.aliases == ("MPs",)
    assert "MPs" not in names(x.people) and "Ken Clarke's critics" in names(x.people)
    assert names(x.organizations) == ["Treasury"]


def test_merge_joins_quotes_mentions_and_aliases_under_the_kept_name() -> None:
    x = apply_corrections(ARTICLE, [Merge("Clarke", "Ken Clarke")])
    assert names(x.speakers) == ["Ken Clarke", "MPs"]  # ordered by first quote, as extracted
    ken = x.speakers[0]
    assert [q.start for q in ken.quotes] == [100, 500]
    assert ken.aliases == ("Clarke",)
    person = next(p for p in x.people if p.name == "Ken Clarke")
    assert [m.start for m in person.mentions] == [10, 90, 480]
    assert names(x.people)[0] == "Ken Clarke"  # now the most mentioned
    # renaming to a name that is already there is a merge too
    assert apply_corrections(ARTICLE, [Rename("clarke", "ken clarke")]).speakers[0].quotes == (
        apply_corrections(ARTICLE, [Merge("Clarke", "Ken Clarke")]).speakers[0].quotes
    )


def test_not_a_person_removes_it_and_keeps_its_quotes_for_reassigning() -> None:
    x = apply_corrections(ARTICLE, [NotEntity("MPs", "PERSON")])
    assert "MPs" not in names(x.people) and "MPs" not in names(x.speakers)
    orphans = next(s for s in x.speakers if s.name == UNATTRIBUTED)
    assert [q.text for q in orphans.quotes] == ["The bill is dead", "It cannot pass"]
    # "not an organization" leaves people alone
    y = apply_corrections(ARTICLE, [NotEntity("Treasury", "ORG")])
    assert y.organizations == () and y.people == ARTICLE.people and y.speakers == ARTICLE.speakers


def test_reassign_moves_one_quote_by_its_offsets() -> None:
    x = apply_corrections(ARTICLE, [Reassign(300, 316, "Ken Clarke", "The bill is dead")])
    mps = next(s for s in x.speakers if s.name == "MPs")
    ken = next(s for s in x.speakers if s.name == "Ken Clarke")
    assert [q.text for q in mps.quotes] == ["It cannot pass"]
    assert [q.text for q in ken.quotes] == ["The bill is dead", "Nothing has changed"]
    moved = ken.quotes[0]
    assert moved.speaker == "Ken Clarke" and moved.mention is None  # the analyst said so
    # to someone new, named like an organization of the article: an organization speaker
    y = apply_corrections(ARTICLE, [Reassign(100, 120, "treasury")])
    assert not any(s.name == "Clarke" for s in y.speakers)  # its only quote left
    new = next(s for s in y.speakers if s.name == "Treasury")
    assert new.label == "ORG" and new.quotes[0].start == 100


def test_reassign_finds_a_quote_whose_ends_moved_and_ignores_a_vanished_one() -> None:
    shifted = Reassign(298, 318, "Ken Clarke")  # recomputed rules cut the quote differently
    x = apply_corrections(ARTICLE, [shifted])
    ken = next(s for s in x.speakers if s.name == "Ken Clarke")
    assert "The bill is dead" in [q.text for q in ken.quotes]
    assert apply_corrections(ARTICLE, [Reassign(2000, 2010, "Ken Clarke")]) == ARTICLE


def test_corrections_apply_in_order() -> None:
    steps = [
        Rename("MPs", "Opposition MPs"),
        Reassign(400, 414, "Clarke"),
        Merge("Clarke", "Ken Clarke"),
    ]
    x = apply_corrections(ARTICLE, steps)
    assert names(x.speakers) == ["Ken Clarke", "Opposition MPs"]
    assert [q.start for q in x.speakers[0].quotes] == [100, 400, 500]
    # a correction naming someone no longer there does nothing
    assert apply_corrections(ARTICLE, [Rename("Nobody", "Somebody")]) == ARTICLE


def test_json_round_trip_and_unknown_kinds_are_skipped() -> None:
    for c in (
        Rename("a", "b"),
        Merge("a", "b"),
        NotEntity("a", "ORG"),
        Reassign(1, 5, "b", "quote"),
    ):
        assert correction_from_json(correction_to_json(c)) == c
    assert correction_from_json('{"kind": "split", "name": "a"}') is None
    assert correction_from_json("not json") is None
    assert correction_from_json('{"kind": "rename", "name": "a"}') is None


def test_drift_matches_speakers_under_their_corrected_names() -> None:
    """A name the article got wrong (a misspelling) is not matched with the other version's
    until the analyst corrects it; then its quotes are compared."""
    a = Extraction((speaker("Ken Clark", ("We will not give way on this", 0)),))
    b = Extraction((speaker("Ken Clarke", ("We will never give way on this", 0)),))
    before = compare_extractions(a, b)
    assert [(p.name, p.side) for p in before.speakers] == [
        ("Ken Clark", Side.ONLY_A),
        ("Ken Clarke", Side.ONLY_B),
    ]
    after = compare_extractions(apply_corrections(a, [Rename("Ken Clark", "Ken Clarke")]), b)
    assert [(p.name, p.side) for p in after.speakers] == [("Ken Clarke", Side.BOTH)]
    assert len(after.quotes) == 1 and after.quotes[0].speaker == "Ken Clarke"


def test_corrections_of_a_real_article_apply_to_its_recomputed_extraction(
    run,
    seeds_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Real news text: the corrections made on one extraction give the same corrected result
    on a fresh extraction of the same text (they hold names and offsets, not cache rows)."""
    from tests.conftest import seed_path
    from variorum.core.ingest import load_file

    article = load_file(seed_path(seeds_dir, "001"))
    first = run(article.text)
    quoted = [s for s in first.speakers if s.quotes]
    assert len(quoted) >= 2, "the seed should have two quoted speakers"
    giver, taker = quoted[0], quoted[1]
    moved = giver.quotes[0]
    steps = [
        Reassign(moved.start, moved.end, taker.name, moved.text),
        Rename(taker.name, taker.name.upper()),
    ]
    corrected = apply_corrections(first, steps)
    again = apply_corrections(run(article.text), steps)
    assert corrected == again
    owner = next(s for s in corrected.speakers if moved.start in [q.start for q in s.quotes])
    assert owner.name == taker.name.upper()
    assert article.text[moved.start : moved.end] == moved.text
