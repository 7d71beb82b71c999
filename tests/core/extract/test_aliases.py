"""Alias grouping on its own, with names given directly (no model)."""

from __future__ import annotations

from variorum.core.extract.aliases import NameInfo, group_names, initials
from variorum.core.extract.entities import normalise_name


def info(display: str, label: str, count: int = 1, first: int = 0) -> NameInfo:
    return NameInfo(normalise_name(display), display, label, count, first)


def groups_of(names: list[NameInfo], text: str = "") -> dict[str, set[str]]:
    return {g.canonical.display: {m.display for m in g.members} for g in group_names(names, text)}


def test_short_company_name_joins_the_only_longer_one() -> None:
    found = groups_of([info("Veldmark Semiconductors", "ORG"), info("Veldmark", "ORG")])
    assert found == {"Veldmark Semiconductors": {"Veldmark Semiconductors", "Veldmark"}}


def test_short_name_stays_apart_when_two_longer_names_begin_with_it() -> None:
    found = groups_of(
        [info("Acme Foods", "ORG"), info("Acme Logistics", "ORG"), info("Acme", "ORG")]
    )
    assert found["Acme"] == {"Acme"}


def test_surname_goes_to_the_most_mentioned_full_name() -> None:
    found = groups_of(
        [
            info("Ann Lee", "PERSON", count=5),
            info("Bo Lee", "PERSON", count=1),
            info("Lee", "PERSON"),
        ]
    )
    assert found["Ann Lee"] == {"Ann Lee", "Lee"}
    assert found["Bo Lee"] == {"Bo Lee"}


def test_acronyms_from_parentheses_and_initials() -> None:
    text = "the Coastal Research Institute (CRI) said"
    found = groups_of([info("Coastal Research Institute", "ORG"), info("CRI", "ORG")], text)
    assert found == {"Coastal Research Institute": {"Coastal Research Institute", "CRI"}}
    found = groups_of([info("Federal Emergency Management Agency", "ORG"), info("FEMA", "ORG")])
    assert "FEMA" in found["Federal Emergency Management Agency"]
    assert initials("Bank of Northern Europe") == "BNE"


def test_person_named_as_org_joins_the_person() -> None:
    found = groups_of([info("Max Tegmark", "PERSON"), info("Tegmark", "ORG")])
    assert found == {"Max Tegmark": {"Max Tegmark", "Tegmark"}}


def test_a_surname_read_as_a_body_does_not_pull_its_person_into_a_body_named_after_them() -> None:
    """ "Trump" (which the model calls an organization) is Donald Trump's surname; it is not
    also the short name of "Trump University", which would make the person that body."""
    found = groups_of(
        [
            info("Dana Quist", "PERSON", count=3),
            info("Quist", "ORG", count=9),
            info("Quist University", "ORG", count=2),
        ]
    )
    assert found == {
        "Dana Quist": {"Dana Quist", "Quist"},
        "Quist University": {"Quist University"},
    }


def test_one_slip_of_the_model_on_a_full_name_does_not_make_a_person_a_body() -> None:
    """ "Marla Quist" once an organization, "Quist" a person eight times: a person. A
    name made of body words keeps its label ("Harwick Town" stays a club)."""
    people = group_names([info("Marla Quist", "ORG"), info("Quist", "PERSON", count=8)], "")
    assert [(g.canonical.display, g.label) for g in people] == [("Marla Quist", "PERSON")]
    clubs = group_names([info("Harwick Town", "ORG"), info("Harwick", "PERSON", count=8)], "")
    assert [g.label for g in clubs] == ["ORG"]
    once = group_names([info("Marla Quist", "ORG"), info("Quist", "PERSON", count=2)], "")
    assert [g.label for g in once] == ["ORG"]


def test_the_first_of_two_family_names_stands_for_the_person() -> None:
    """ "Ms. Acosta" for "Melba Acosta Febo" (Spanish and Portuguese names carry two family
    names), "Hurt" for "Harry Hurt III": the second-last word of one person's name, when
    nobody's name ends with it."""
    grouped = groups_of(
        [
            info("Melba Acosta Febo", "PERSON"),
            info("Acosta", "PERSON", 9),
            info("Harry Hurt III", "PERSON"),
            info("Hurt", "PERSON", 2),
        ]
    )
    assert grouped["Melba Acosta Febo"] == {"Melba Acosta Febo", "Acosta"}
    assert grouped["Harry Hurt III"] == {"Harry Hurt III", "Hurt"}
    shared = groups_of(
        [
            info("Ana Costa Reis", "PERSON"),
            info("Rui Costa Lima", "PERSON"),
            info("Costa", "PERSON"),
        ]
    )
    assert "Costa" in shared  # two people have it there: nobody's
