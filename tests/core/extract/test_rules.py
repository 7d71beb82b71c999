"""Extraction rules on short texts we wrote, with made-up names: the rules must not depend on
the names in the corpus."""

from __future__ import annotations

import pytest

from tests.core.extract.speakers import Run
from variorum.core.extract import Extraction
from variorum.core.extract.data import DESCRIPTION


def speakers(x: Extraction) -> dict[str, list[str]]:
    return {s.name: [q.text for q in s.quotes] for s in x.speakers}


def names(entities: tuple[object, ...]) -> set[str]:
    return {e.name for e in entities}  # type: ignore[attr-defined]


def test_said_after_quote_and_split_quote(run: Run) -> None:
    text = (
        '“The harbour will reopen in spring," Martina Okafor said. '
        '“Until then the ferries will use the northern pier."'
    )
    x = run(text)
    assert speakers(x) == {
        "Martina Okafor": [
            "The harbour will reopen in spring",
            "Until then the ferries will use the northern pier.",
        ]
    }
    q = x.speakers[0].quotes[1]
    assert text[q.start : q.end] == q.text
    assert q.mention is not None and q.mention.text == "Martina Okafor"


def test_inverted_said_pronoun_and_surname(run: Run) -> None:
    text = (
        "The port authority met on Tuesday.\n\n"
        "“We cannot keep waiting for the dredging contract,” said Tomasz Wielgosz, a harbour "
        "pilot with two decades at sea. “Every week costs the town money,” he added.\n\n"
        "Wielgosz later told reporters that “the pilots are ready to strike if nothing changes.”"
    )
    x = run(text)
    quotes = speakers(x)["Tomasz Wielgosz"]
    assert len(quotes) == 3
    (person,) = [p for p in x.people if p.name == "Tomasz Wielgosz"]
    assert "Wielgosz" in person.aliases
    assert len(person.mentions) == 2
    verbs = [q.verb for q in x.speakers[0].quotes]
    mentions = [q.mention.text for q in x.speakers[0].quotes if q.mention]
    assert verbs == ["said", "added", "told"]
    assert mentions == ["Tomasz Wielgosz", "he", "Wielgosz"]


def test_job_title_stripped_and_org_kept(run: Run) -> None:
    x = run(
        "Brightwater Energy CEO Lena Marquardt announced the merger on Monday. "
        "“This is a good day for our customers,” Marquardt said."
    )
    assert "Lena Marquardt" in names(x.people)
    assert not any("CEO" in p.name for p in x.people)
    assert speakers(x) == {"Lena Marquardt": ["This is a good day for our customers"]}


def test_context_reveals_organizations(run: Run) -> None:
    x = run(
        "Investors backed companies including battery maker Voltaris and software start-up "
        "Quenchly. The deal was arranged by Harrowgate, a London-based investment firm."
    )
    orgs = names(x.organizations)
    assert {"Voltaris", "Quenchly", "Harrowgate"} <= orgs
    assert not ({"Voltaris", "Quenchly", "Harrowgate"} & names(x.people))


def test_acronym_and_company_suffix_aliases(run: Run) -> None:
    x = run(
        "The National Institute of Coastal Research (NICR) published the report. "
        "NICR said the sea rose faster than forecast. Tellurex Technologies said it would "
        "study the data, and Tellurex will share its models with NICR."
    )
    by_name = {o.name: o for o in x.organizations}
    assert "NICR" in by_name["National Institute of Coastal Research"].aliases
    assert len(by_name["National Institute of Coastal Research"].mentions) == 4
    assert "Tellurex" in by_name["Tellurex Technologies"].aliases


def test_family_name_first(run: Run) -> None:
    x = run(
        "Liu Wenjing, the chairwoman of the board, opened the meeting. "
        "“We will publish everything,” Liu said."
    )
    (person,) = [p for p in x.people if p.name == "Liu Wenjing"]
    assert "Liu" in person.aliases
    assert speakers(x) == {"Liu Wenjing": ["We will publish everything"]}


def test_scare_quotes_and_titles_are_nobodys_quotes(run: Run) -> None:
    """A quoted title and a "so-called" phrase are nobody's words; a short quote that a
    speech verb's subject calls something ("called the plan a "fig leaf"") is theirs, as
    annotators of real news mark it."""
    x = run(
        'Delegates signed the "Lisbon Accord on Fisheries" on Friday. '
        'Critics called the plan a "fig leaf" in the local press. '
        "Mara Lindqvist, a so-called “rising star” of the party, attended."
    )
    assert speakers(x) == {"Critics": ["fig leaf"]}
    assert x.speakers[0].label == DESCRIPTION


def test_according_to_attributes_short_quotes(run: Run) -> None:
    x = run(
        "Growth will remain “broadly flat,” according to a forecast from the Halvorsen "
        "Institute, a research group in Oslo."
    )
    assert speakers(x) == {"Halvorsen Institute": ["broadly flat"]}


def test_continuing_paragraph_keeps_speaker(run: Run) -> None:
    text = (
        "“The river has never been this low,” said Agnes Thorvaldsen, a hydrologist.\n\n"
        "“If the rain does not come by June, the locks will close for the summer.”\n\n"
        "The ministry did not comment."
    )
    x = run(text)
    assert [len(s.quotes) for s in x.speakers] == [2]
    assert x.speakers[0].name == "Agnes Thorvaldsen"


def test_unnamed_sources_are_described_not_invented(run: Run) -> None:
    """ "industry analysts said": the speaker is the description, listed as one; nobody is
    added to the people or organizations, and a plural noun is never a named speaker."""
    x = run("“Prices will rise again next year,” industry analysts said.")
    assert [(s.name, s.label) for s in x.speakers] == [("industry analysts", DESCRIPTION)]
    assert x.people == () and x.organizations == ()


def test_boilerplate_and_false_entities_ignored(run: Run) -> None:
    x = run(
        "Home » Business » Markets\n\n"
        "Shipping firm Norvantis said AI would cut its costs by a tenth.\n\n"
        "Editor in charge: Peter Quill\n\n"
        "Write to Dana Scully at dana@example.com"
    )
    assert "AI" not in names(x.organizations)
    assert "Norvantis" in names(x.organizations)
    assert names(x.people) == set()


def test_hard_line_breaks_from_pdf(run: Run) -> None:
    text = (
        "The committee heard evidence from several witnesses over the\n"
        "course of the day, including the engineer who designed the\n"
        "bridge. “We followed every standard that applied at the time,”\n"
        "said Rosalind Ekwueme, who led the design team at the firm.\n"
        "The committee will report in March next year to the council."
    )
    x = run(text)
    assert speakers(x) == {
        "Rosalind Ekwueme": ["We followed every standard that applied at the time"]
    }


def test_offsets_round_trip(run: Run) -> None:
    text = (
        "Ferrovia Nord chief Paolo Bernasconi said “the trains will run” on Sunday. "
        "Bernasconi added that “the unions have agreed to the timetable.”"
    )
    x = run(text)
    for entity in (*x.people, *x.organizations):
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
    for q in x.quotes():
        assert text[q.start : q.end] == q.text
        assert q.mention is not None
        assert text[q.mention.start : q.mention.end] == q.mention.text


NEWS_CASES = [
    (
        "Residents were evacuated overnight. “The water came up to the windows,” said Maria "
        "Gonzalez, 52, who has lived on the street for decades.",
        {"Maria Gonzalez": 1},
    ),
    (
        "Velmora Foods recalled 40,000 jars of peanut butter on Friday. “We are acting out of "
        "an abundance of caution,” the company said in a statement.",
        {"the company": 1},
    ),
    (
        "“We have no plans to close the plant,” a spokesperson for Brandvik Steel told "
        "reporters on Monday.",
        {"Brandvik Steel": 1},
    ),
    (
        "“We knew the storm was coming,” said Harold Finch, the town's emergency manager. "
        "“But nobody expected the river to rise this fast.\n\n“By midnight we had moved "
        "everyone from the lower streets.”\n\nThe storm moved east on Tuesday.",
        {"Harold Finch": 3},
    ),
    (
        "“We will,” Janet Okoro said, “win this case on appeal and we will not settle.”",
        {"Janet Okoro": 2},
    ),
    (
        "Asked whether the bank would raise rates again, Governor Philip Lowe replied: "
        "“No. Not this year.”",
        {"Philip Lowe": 1},
    ),
    (
        "Prime Minister Keir Starmer said the plan was 'the biggest investment in a "
        "generation'. 'We will build the homes this country needs,' he told MPs.",
        {"Keir Starmer": 2},
    ),
    (
        "“The vote was rigged,” said opposition leader Kizza Besigye. Electoral commission "
        "chairman Simon Byabakama rejected the claim. “The count was transparent,” he said.",
        {"Kizza Besigye": 1, "Simon Byabakama": 1},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_CASES)
def test_news_style_attribution(run: Run, text: str, expected: dict[str, int]) -> None:
    """Patterns of wire and broadcast copy, with names the model has not seen."""
    x = run(text)
    assert {s.name: len(s.quotes) for s in x.speakers} == expected


def test_places_are_not_people(run: Run) -> None:
    x = run(
        "Edna Pollard was found injured at her home in Mossgate Gardens, Mossgate, on Monday. "
        "Mrs Pollard, who ran a bakery in Mossgate market, died later in hospital."
    )
    people = {p.name: p for p in x.people}
    assert set(people) == {"Edna Pollard"}
    assert "Pollard" in people["Edna Pollard"].aliases


def test_initial_and_full_first_name_merge(run: Run) -> None:
    x = run(
        "The breeder John Sebright kept careful records. In a letter, J. Sebright wrote that "
        "the birds changed within six years."
    )
    people = {p.name: p for p in x.people}
    assert set(people) == {"John Sebright"}
    assert "J. Sebright" in people["John Sebright"].aliases


def test_legal_form_names_are_companies(run: Run) -> None:
    x = run(
        "SANTIAGO, March 3 - Andes Lithium Corp asked the regulator to approve an expansion. "
        "In 2020 Brisa Minerals Ltd had made a similar request. The Kestrel Holdings "
        "board met on Friday."
    )
    orgs = {o.name for o in x.organizations}
    assert {"Andes Lithium Corp", "Brisa Minerals Ltd"} <= orgs
    assert not any(o.startswith(("In ", "The ")) for o in orgs)


def test_portfolio_holders_and_events(run: Run) -> None:
    x = run(
        "Secretary of Transport Marta Kowalczyk opened the Baltic Rail Summit in Gdansk on "
        "Tuesday. Kowalczyk said the line would open in 2030."
    )
    assert "Marta Kowalczyk" in {p.name for p in x.people}
    assert not any("Summit" in o.name or "Kowalczyk" in o.name for o in x.organizations)


def test_unnamed_source_breaks_the_chain(run: Run) -> None:
    x = run(
        "“Prices will rise again,” said Ann Lindqvist, an economist at Nordbank. "
        "“Wages will not keep up this year,” analysts at other banks said. "
        "“The central bank will have to act before the summer.”"
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {
        "Ann Lindqvist": 1,
        "analysts at other banks": 2,
    }


def test_she_skips_the_man_named_last(run: Run) -> None:
    x = run(
        "“We are ready for the inspection,” said Marisol Quiroga, the spokeswoman for the "
        "port. Her colleague, harbour master Mr. Tobias Erdmann, was not available. "
        "“Every crane has been tested twice,” she said."
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Marisol Quiroga": 2}


def test_long_texts_are_parsed_in_pieces(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from variorum.core.extract import engine

    text = "\n\n".join(
        f"“The bridge on route {i} will reopen in May,” said Ilse Vandermeer, the roads "
        f"director of Westmark Province."
        for i in range(6)
    )
    whole = engine.extract(text, nlp)
    monkeypatch.setattr(engine, "CHUNK_CHARS", 150)
    assert len(engine.split_for_parsing(text, 150)) > 3
    assert "".join(engine.split_for_parsing(text, 150)) == text
    pieces = engine.extract(text, nlp)
    assert pieces.speakers == whole.speakers
    assert len(pieces.speakers[0].quotes) == 6


def test_descriptions_and_titles_are_not_part_of_names(run: Run) -> None:
    x = run(
        "The agency opened an inquiry into aid for Dutch chipmaker Veldmark Semiconductors on "
        "Tuesday. Veldmark said it would cooperate. “We have doubts that the support is "
        "proportionate,” Transport Commissioner Ilse Brandauer told a news conference."
    )
    assert "Veldmark Semiconductors" in {o.name for o in x.organizations}
    assert [s.name for s in x.speakers] == ["Ilse Brandauer"]


def test_long_texts_yield_a_step_per_piece(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Between the pieces of a long text the caller gets control back (None), so the sidebar
    can let a newer request through or stop; the result is the same as in one go."""
    from variorum.core.extract import engine

    text = "\n\n".join(
        f"“Route {i} will reopen in May,” said Ilse Vandermeer, the roads director."
        for i in range(6)
    )
    whole = engine.extract(text, nlp)
    monkeypatch.setattr(engine, "CHUNK_CHARS", 150)
    pieces = len(engine.split_for_parsing(text, 150))
    steps = list(engine.extract_steps([text, "It rained."], nlp, batch_size=2))
    assert steps[: pieces - 1] == [None] * (pieces - 1)
    assert steps[pieces - 1] is not None and steps[pieces - 1].speakers == whole.speakers
    assert len(steps) == pieces + 1 and steps[-1] is not None
    assert [x.speakers for x in engine.extract_many([text], nlp)] == [whole.speakers]
