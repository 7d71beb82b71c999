"""One speaker's names across the versions of a story: "Altman" in a short re-post is the
"Sam Altman" of the original when the story names no other Altman, so his reworded quote is
quote drift instead of two different people."""

from __future__ import annotations

from variorum.core.extract import Entity, Extraction, Quote, Side, Speaker, extract, load_pipeline
from variorum.core.extract.drift import compare_extractions
from variorum.core.stories.names import merge_named, story_names


def _speaker(name: str, text: str, start: int = 0, aliases: tuple[str, ...] = ()) -> Speaker:
    return Speaker(
        name, "PERSON", aliases, (Quote(text, start, start + len(text), name, "said", None),)
    )


ORIGINAL = Extraction(
    (_speaker("Sam Altman", "China has some of the best AI talent in the world", 10, ("Altman",)),),
    (Entity("Huawei Technologies", "ORG", (), ()),),
)
REPOST = Extraction(
    (_speaker("Altman", "China has the best AI talent in the world", 5),),
    (Entity("Huawei", "ORG", (), ()),),
)


def test_a_bare_surname_is_the_one_full_name_of_the_story() -> None:
    names = story_names([ORIGINAL, REPOST])
    assert names.display("Altman") == "Sam Altman"
    assert names.display("Huawei") == "Huawei Technologies"
    drift = compare_extractions(ORIGINAL, REPOST)
    assert [(p.name, p.side) for p in drift.speakers] == [("Sam Altman", Side.BOTH)]
    assert [(p.name, p.side) for p in drift.organizations] == [("Huawei Technologies", Side.BOTH)]
    assert len(drift.quotes) == 1
    assert drift.quotes[0].b.text == "China has the best AI talent in the world"


def test_another_version_naming_a_second_altman_keeps_them_apart() -> None:
    other = Extraction((), (), (Entity("Jack Altman", "PERSON", (), ()),))
    assert story_names([ORIGINAL, REPOST, other]).display("Altman") == "Altman"
    drift = compare_extractions(ORIGINAL, REPOST, context=[other])
    assert [(p.name, p.side) for p in drift.speakers] == [
        ("Sam Altman", Side.ONLY_A),
        ("Altman", Side.ONLY_B),
    ]
    assert drift.quotes == ()


def test_two_speakers_of_one_version_become_one() -> None:
    both = (_speaker("Altman", "We hope so", 50), _speaker("Sam Altman", "We will", 0))
    names = story_names([Extraction(both)])
    (merged,) = merge_named(both, names)
    assert isinstance(merged, Speaker)
    assert merged.name == "Sam Altman" and "Altman" in merged.aliases
    assert [(q.text, q.speaker) for q in merged.quotes] == [
        ("We will", "Sam Altman"),
        ("We hope so", "Sam Altman"),
    ]


def test_extracted_repost_naming_only_the_surname_shows_drift() -> None:
    """The case of the issue, through the real extractor: the re-post names only "Altman"."""
    nlp = load_pipeline()
    original = extract(
        "OpenAI chief executive Sam Altman spoke to a conference in Beijing on Saturday.\n\n"
        "\u201cChina has some of the best AI talent in the world,\u201d Altman said.",
        nlp,
    )
    repost = extract("\u201cChina has the best AI talent in the world,\u201d Altman said.", nlp)
    drift = compare_extractions(original, repost)
    assert [d.speaker for d in drift.quotes] == ["Sam Altman"]
