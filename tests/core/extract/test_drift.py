from __future__ import annotations

from variorum.core.extract import Entity, Extraction, Mention, Quote, Side, Speaker
from variorum.core.extract.drift import compare_extractions, passages


def speaker(name: str, *quotes: tuple[str, int]) -> Speaker:
    return Speaker(
        name,
        "PERSON",
        (),
        tuple(Quote(t, s, s + len(t), name, "said", None) for t, s in quotes),
    )


def org(name: str) -> Entity:
    return Entity(name, "ORG", (), (Mention(name, 0, len(name)),))


def test_presence_on_full_normalised_name() -> None:
    a = Extraction(
        (speaker("Ann Lee", ("We will win the vote", 0)),),
        (org("The Acme Group"),),
        (Entity("Tom Lee", "PERSON", (), ()),),  # two Lees: "Lee" alone is nobody for sure
    )
    b = Extraction(
        (speaker("ann lee", ("We will win the vote", 0)), speaker("Lee", ("Yes", 40))),
        (org("Acme Group"), org("Other Co")),
    )
    drift = compare_extractions(a, b)
    assert [(p.name, p.side) for p in drift.speakers] == [
        ("Ann Lee", Side.BOTH),
        ("Lee", Side.ONLY_B),  # a bare surname that may mean either Lee is not merged
    ]
    assert [(p.name, p.side) for p in drift.organizations] == [
        ("The Acme Group", Side.BOTH),
        ("Other Co", Side.ONLY_B),
    ]
    assert drift.quotes == ()  # identical quotes do not drift


def test_typography_is_not_drift() -> None:
    a = Extraction((speaker("Ann Lee", ("It’s “fine” now", 0)),))
    b = Extraction((speaker("Ann Lee", ('It\'s "fine" now', 0)),))
    assert compare_extractions(a, b).quotes == ()


def test_a_hyphen_inside_a_word_is_not_drift() -> None:
    a = Extraction((speaker("Ann Lee", ("paradigm-shifting breakthroughs", 0)),))
    b = Extraction((speaker("Ann Lee", ("paradigmshifting breakthroughs", 0)),))
    c = Extraction((speaker("Ann Lee", ("paradigm changing breakthroughs", 0)),))
    assert compare_extractions(a, b).quotes == ()
    assert len(compare_extractions(a, c).quotes) == 1  # another word is still drift


def test_reworded_quote_is_paired_and_diffed() -> None:
    a = Extraction(
        (
            speaker(
                "Ann Lee",
                ("The budget has some of the largest cuts in a decade", 0),
                ("Schools will suffer", 300),
            ),
        )
    )
    b = Extraction(
        (
            speaker(
                "Ann Lee",
                ("Schools will not suffer", 10),
                ("The budget has the largest cuts in a decade", 200),
            ),
        )
    )
    drift = compare_extractions(a, b)
    pairs = sorted((d.a.text, d.b.text) for d in drift.quotes)
    assert pairs == [
        ("Schools will suffer", "Schools will not suffer"),
        (
            "The budget has some of the largest cuts in a decade",
            "The budget has the largest cuts in a decade",
        ),
    ]
    budget = next(d for d in drift.quotes if "budget" in d.a.text)
    assert [(c.a_text, c.b_text) for c in budget.changes] == [("some of", "")]
    assert 0 < budget.similarity < 1


def test_unrelated_quotes_are_not_paired() -> None:
    a = Extraction((speaker("Ann Lee", ("The harbour will reopen in spring", 0)),))
    b = Extraction((speaker("Ann Lee", ("Taxes are too high for small shops", 0)),))
    assert compare_extractions(a, b).quotes == ()


def test_split_quote_meets_its_joined_form() -> None:
    a_text = '"We will reopen in spring," Lee said. "The ferries will use the north pier."'
    a = Extraction(
        (
            speaker(
                "Ann Lee",
                ("We will reopen in spring", 1),
                ("The ferries will use the north pier.", 39),
            ),
        )
    )
    b = Extraction(
        (speaker("Ann Lee", ("We will reopen in spring, and the ferries will use the pier", 5)),)
    )
    assert len(passages(a.speakers[0].quotes, a_text)) == 1
    (d,) = compare_extractions(a, b, a_text, None).quotes
    assert len(d.a.quotes) == 2
    assert d.a.text == "We will reopen in spring … The ferries will use the north pier."
