"""Rules for names the small model misses or misreads, each on invented text (made-up names,
so a rule that listed names from the benchmark texts could not pass)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.core.extract.speakers import Run
from variorum.core.extract.aliases import NameInfo, group_names
from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.entities import collect_candidates, vote_labels
from variorum.core.extract.layout import analyse_layout
from variorum.core.extract.namespans import clean_person_tokens
from variorum.core.extract.orgcontext import (
    acronym_definitions,
    listed_after_org_noun,
    named_between_commas,
    owned_names,
    pronoun_people,
    speech_verb_starts,
)

if TYPE_CHECKING:
    from spacy.language import Language


def names(entities: tuple[object, ...]) -> set[str]:
    return {e.name for e in entities}  # type: ignore[attr-defined]


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


# --- text-level rules --------------------------------------------------------------------


def test_names_listed_after_plural_org_noun() -> None:
    text = (
        "Two other carriers, Skelvane and the family-owned Brask do Vale, declined to comment. "
        "Retailers Pellow, Marrick and Ostwin cut prices."
    )
    assert spans_text(text, listed_after_org_noun(text)) == [
        "Skelvane",
        "Brask do Vale",
        "Pellow",
        "Marrick",
        "Ostwin",
    ]


def test_list_rule_skips_speaker_after_comma_and_people_nouns(nlp: Language) -> None:
    text = (
        "The regulators, Okonkwo said, acted too late. "
        "Its investors, Dana Whitby and Omar Faleh, wanted out."
    )
    assert listed_after_org_noun(text, speech_verb_starts(nlp(text))) == []


def test_ownership_adjective_names_an_organization() -> None:
    text = (
        "Shares in the state-owned Veltrana rose, as did Oslo-listed Harnvik and the "
        "state-run utility Nordlys Kraft."
    )
    assert spans_text(text, owned_names(text)) == ["Veltrana", "Harnvik", "Nordlys Kraft"]


def test_acronym_definition_by_initials() -> None:
    text = (
        "According to the Coastal Shipping Forum (CSF), trade fell. Prices rose faster than "
        "the Regional Price Index (RPI). The Institute for Marine Safety (IMS) agreed, but "
        "Tarrow Holdings (XYZ) did not."
    )
    assert spans_text(text, acronym_definitions(text)) == [
        "Coastal Shipping Forum",
        "Institute for Marine Safety",
    ]


def test_acronyms_of_roles_and_concepts_are_not_organizations() -> None:
    text = (
        "Its Chief Executive Officer (CEO), Dana Whitby, backed the Initial Public Offering "
        "(IPO). Artificial Intelligence (AI) will lift Gross Domestic Product (GDP)."
    )
    assert acronym_definitions(text) == []


def test_lone_last_word_of_an_organization_is_not_a_person() -> None:
    text = "Banco do Litoral ... Litoral"
    org = NameInfo("banco do litoral", "Banco do Litoral", ORG, 1, 0)
    word = NameInfo("litoral", "Litoral", PERSON, 1, 20)
    groups = group_names([org, word], text)
    assert len(groups) == 1
    assert groups[0].label == ORG and groups[0].canonical is org


def test_lone_surname_still_joins_the_person() -> None:
    text = "Maria Litoral of Banco Litoral ... Litoral"
    person = NameInfo("maria litoral", "Maria Litoral", PERSON, 1, 0)
    org = NameInfo("banco litoral", "Banco Litoral", ORG, 1, 17)
    word = NameInfo("litoral", "Litoral", PERSON, 1, 35)
    groups = group_names([person, org, word], text)
    by_canonical = {g.canonical.display: g for g in groups}
    assert {m.display for m in by_canonical["Maria Litoral"].members} == {
        "Maria Litoral",
        "Litoral",
    }


# --- whole extraction ----------------------------------------------------------------------


def test_operators_listed_and_split_name_merged(run: Run) -> None:
    x = run(
        "Talks on the new freight line stalled on Friday. The other two operators, Skelvane "
        "and the state-owned Brask do Vale, did not comment."
    )
    orgs = names(x.organizations)
    assert {"Skelvane", "Brask do Vale"} <= orgs
    assert not names(x.people) & {"Skelvane", "Vale", "Brask", "Brask do Vale"}


def test_charity_named_after_its_noun(run: Run) -> None:
    x = run("Patients can call a phone line run by the charity HelpNest from March.")
    assert "HelpNest" in names(x.organizations)


def test_acronym_defined_event_like_name_is_an_organization(run: Run) -> None:
    x = run(
        "According to the Coastal Shipping Forum (CSF), the new canal could carry 90 ships a "
        "day. The CSF is funded by port operators."
    )
    (org,) = [o for o in x.organizations if o.name == "Coastal Shipping Forum"]
    assert "CSF" in org.aliases


def test_towns_are_neither_people_nor_organizations(run: Run) -> None:
    x = run(
        "KESSLAU — The new line would link Lisbon with Tarvane and cut freight times. "
        "Patients will now drive forty minutes to Brennock at night, said Halima Osei, a "
        "Dunmore-based nurse. A desalination plant approved by Port Mellin's council could "
        "damage the bay."
    )
    found = names(x.people) | names(x.organizations)
    assert not found & {"Kesslau", "KESSLAU", "Tarvane", "Brennock", "Dunmore", "Port Mellin"}
    assert "Halima Osei" in names(x.people)


def test_dateline_with_country_and_date(run: Run) -> None:
    x = run(
        "VORSK, Maravia, Nov 3 — Officials in Vorsk said on Monday that the bridge would "
        "reopen. “We are on schedule,” said Ilse Brandner, the city engineer."
    )
    assert not (names(x.people) | names(x.organizations)) & {"Vorsk", "Maravia"}
    assert "Ilse Brandner" in names(x.people)


def test_sentence_opening_descriptor_is_not_part_of_the_name(run: Run) -> None:
    x = run(
        "Chipmaker Qorvane said on Monday it would cut 500 jobs. Retailer Pellmark cut its "
        "forecast. Shares in Qorvane fell 4%."
    )
    orgs = names(x.organizations)
    assert {"Qorvane", "Pellmark"} <= orgs
    assert not any(o.startswith(("Chipmaker", "Retailer")) for o in orgs)
    assert names(x.people) == set()


def test_a_name_never_ends_with_a_linking_word(run: Run) -> None:
    """The model may cut "Juan Manriquez of Oakland" after "of": the name is "Juan
    Manriquez", whether the speaker or the people list shows it."""
    x = run(
        'In downtown Harwick, a group marched in silence. Juan "Chico" Manriquez of Oakland '
        'carried one of the photos. "I pretty much cried the whole parade," he said.'
    )
    assert not any(n.endswith(" of") for n in names(x.people) | names(x.speakers))
    assert any(n.startswith("Juan") and n.endswith("Manriquez") for n in names(x.speakers))


def test_a_platform_is_never_a_person(run: Run) -> None:
    """The model sometimes calls "Twitter" a person; then "she tweeted" went to Twitter. A
    social platform is a company: never the "he" or "she" of a quote."""
    x = run(
        "Protesters grew violent, and the candidate took to Twitter to call them out. "
        "“Everybody is talking about the protesters burning the flags,” she tweeted."
    )
    assert "Twitter" not in names(x.people) | names(x.speakers)


def test_a_participle_opening_a_sentence_is_not_a_name(nlp: Language) -> None:
    """The model may call "Conceding" (opening "Conceding that ...") a person, and "he" then
    went to it. A word that is only a participle or a past form is no name."""
    opening = nlp("Conceding that a deal was likely, he warned.")[0:1]
    assert clean_person_tokens(list(opening)) is None
    assert clean_person_tokens(list(nlp("Ivo Brandt warned of delays.")[0:2])) == (0, 10)


def test_sports_clubs_are_organizations(run: Run) -> None:
    x = run("Granvale United beat Ashcombe Rovers 3-1. Hexley Wanderers drew with Marsh Athletic.")
    assert {"Granvale United", "Hexley Wanderers"} <= names(x.organizations)
    assert names(x.people) == set()


def test_named_products_are_in_neither_list(run: Run) -> None:
    x = run(
        "Tarvik launched a chatbot called Ernibot last year. The company also sells a phone "
        "named Zentra. It bought a start-up called Fennick in 2020."
    )
    found = names(x.people) | names(x.organizations)
    assert not found & {"Ernibot", "Zentra"}
    assert "Fennick" in names(x.organizations)


def test_dateline_agency_credit_is_not_an_organization(run: Run) -> None:
    # a real agency's name: the model must know it for the test to mean anything
    x = run(
        "FRANKFURT (Reuters) - German lender Hallberg Bank will cut 3,000 jobs, chief "
        "executive Johanna Riedl said on Tuesday."
    )
    assert not names(x.organizations) & {"Reuters", "FRANKFURT", "Frankfurt"}
    assert "Hallberg Bank" in names(x.organizations)
    assert "Johanna Riedl" in names(x.people)


def test_places_by_grammar(run: Run) -> None:
    x = run(
        "Farmers in the northern province of Velmark say the tax hits them hardest. Near the "
        "village of Oster-Lind, a bridge collapsed. Members in Busan and Tarrogh noticed the "
        "adverts. The Vessna and the Ombre carry meltwater to towns from Basel to Kerrith."
    )
    found = names(x.people) | names(x.organizations)
    assert not found & {"Velmark", "Oster-Lind", "Lind", "Tarrogh", "Vessna", "Ombre", "Kerrith"}


def test_fallback_attribution_takes_the_name_next_to_the_verb(run: Run) -> None:
    x = run(
        '"Demand has not grown the way we expected," Tarvik chairman Liu Wenbo said on a call '
        'with analysts. "We would rather wait a year than build a plant that sits half empty."'
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Liu Wenbo": 2}


def test_clubs_named_like_towns_and_role_words_before_names(run: Run) -> None:
    x = run(
        "Marrow Town ended a long unbeaten run with a 2-1 win on Saturday. Striker Tobi "
        'Adeyemi scored both goals. "The lads deserved that," Adeyemi said. Marrow now '
        "sit fourth, ahead of Kelby Rovers, who drew away at Ostley Wanderers."
    )
    orgs = names(x.organizations)
    assert "Marrow Town" in orgs
    assert names(x.people) == {"Tobi Adeyemi"}
    assert {s.name for s in x.speakers} == {"Tobi Adeyemi"}


def test_the_company_is_never_the_owner_in_a_relative_clause(run: Run) -> None:
    """ "the company" with no company named like it is the speaker as described (what
    annotators of real news mark); never the owner named in a relative clause."""
    x = run(
        "Vanturo, which is majority-owned by internet giant Quillbridge, said it would appeal. "
        '"We disagree with the regulator\'s reading of the law," the company said in a '
        "statement."
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {"the company": 1}


def test_surnames_with_particles_and_double_surnames(run: Run) -> None:
    x = run(
        "Former governor Tomás de la Fuente and senator Marisol Peña Aranda will meet in a "
        "runoff. With most votes counted, de la Fuente had 41 percent and Peña Aranda 38.\n\n"
        '"We asked for change," de la Fuente told supporters. '
        "“We will not hand this country to them,” Peña Aranda said."
    )
    assert names(x.people) == {"Tomás de la Fuente", "Marisol Peña Aranda"}
    assert not names(x.organizations) & {"Peña Aranda", "de la Fuente"}
    assert {s.name: len(s.quotes) for s in x.speakers} == {
        "Tomás de la Fuente": 1,
        "Marisol Peña Aranda": 1,
    }


def test_name_after_a_role_noun_in_apposition_is_a_person(run: Run) -> None:
    x = run("Her lawyer, Marcus Hale, called the incident “entirely foreseeable.”")
    assert "Marcus Hale" in names(x.people)
    assert "Marcus Hale" not in names(x.organizations)


def test_alliances_and_movements_are_organizations(run: Run) -> None:
    x = run(
        "Ruiz, whose Aurora Nueva movement campaigned on crime, won. Velto, the vaccine "
        "alliance, said it would decide on funding in December."
    )
    assert {"Aurora Nueva", "Velto"} <= names(x.organizations)
    assert not names(x.people) & {"Aurora Nueva", "Velto"}


def test_common_noun_opening_a_sentence_is_not_a_name(run: Run) -> None:
    x = run(
        "A cholera outbreak has reached the coast. “Cholera in the hills is not cholera on "
        "the coast,” warned epidemiologist Samuel Owusu."
    )
    assert "Cholera" not in names(x.people) | names(x.organizations)
    assert "Samuel Owusu" in names(x.people)


def test_acronym_name_the_model_cut_at_and(run: Run) -> None:
    x = run(
        "Ghana's National Commission for Parks and Monuments (NCPM) welcomed the move. The "
        "NCPM said the site would reopen."
    )
    (org,) = [o for o in x.organizations if o.name.startswith("National Commission")]
    assert org.name == "National Commission for Parks and Monuments"
    assert "Monuments" not in names(x.people)


def test_name_run_from_a_heading_into_the_body(run: Run) -> None:
    x = run(
        "Museum Returns Bronze Heads After Decades-Long Campaign\n\n"
        "The Tarlow Museum of World Cultures will return 12 bronze heads, the museum's "
        "board said on Monday."
    )
    assert "Tarlow Museum of World Cultures" in names(x.organizations)


def test_workplace_after_a_job_title_is_an_organization(run: Run) -> None:
    x = run(
        '"The market had priced in perfection," said Priya Deshmukh, chief investment '
        'strategist at Caldwell Brooks. She added that prices were "stretched by any '
        'historical standard."'
    )
    assert "Caldwell Brooks" in names(x.organizations)
    assert names(x.people) == {"Priya Deshmukh"}
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Priya Deshmukh": 2}


def test_weather_service_river_and_spokeswoman_for_the_office(run: Run) -> None:
    x = run(
        "Homes were evacuated after the River Tolle burst its banks. The Office of Coastal "
        "Works (OCW) said it would review the defences. A spokeswoman for the office said "
        'engineers were "on site and assessing the damage." Met Varra, the national weather '
        "service, said more rain could fall by Sunday."
    )
    orgs = names(x.organizations)
    assert "Met Varra" in orgs and "River Tolle" not in orgs
    assert "Met Varra" not in names(x.people)
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Office of Coastal Works": 1}


def test_name_between_commas_after_an_org_noun() -> None:
    text = (
        "Italy's civil aviation authority, VENAC, said it had ordered checks. "
        "The company, Smith said, will appeal. "
        "The owner of the Harlow Country Club, Tomas Brek, faced opposition."
    )
    # a capitalised "Club" belongs to a name: the owner's name follows it, not the club's
    assert spans_text(text, named_between_commas(text)) == ["VENAC"]


def test_round_six_attribution_and_names(run: Run) -> None:
    x = run(
        "The Tolland Lakes District School Board voted on Tuesday to close two schools.\n\n"
        "Qatar's foreign ministry spokesman, Yousef al-Marri, told reporters the delegations "
        'had agreed to "work from a single text" for the first time.\n\n'
        'The United Nations envoy for the region, Pieter van Ruyt, said he was "cautiously '
        'hopeful."\n\n'
        "The engines are made by Aerodyne Propulsion, a joint venture between a French and an "
        'American manufacturer, which said it was "working closely with the authorities."\n\n'
        "Passengers at Bergamo airport described chaotic scenes."
    )
    orgs = names(x.organizations)
    assert "Tolland Lakes District School Board" in orgs
    assert "Aerodyne Propulsion" in orgs and "Bergamo" not in orgs
    assert "Aerodyne Propulsion" not in names(x.people)
    assert {s.name: len(s.quotes) for s in x.speakers} == {
        "Yousef al-Marri": 1,
        "Pieter van Ruyt": 1,
        "Aerodyne Propulsion": 1,
    }


def test_mixed_case_acronym_and_names_in_brackets() -> None:
    text = (
        "The Pharmaceutical Research and Manufacturers of America (PhRMA) objected. "
        "LONDON (Reuters) and Westbay Lending (NatWest) did not."
    )
    assert spans_text(text, acronym_definitions(text)) == [
        "Pharmaceutical Research and Manufacturers of America"
    ]


def test_short_sentence_continues_and_one_word_title_is_nobodys(run: Run) -> None:
    x = run(
        '"Americans have paid the highest prices in the world," said Sen. Margo Ellery, who '
        'wrote the bill. "This ends that."\n\n'
        '"Skyreach" sold about 1.1 million copies, according to estimates from the research '
        "firm Circadia."
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Margo Ellery": 2}


def test_branch_town_is_a_place(run: Run) -> None:
    x = run("Derek Hollins ran the Tanworth branch of Northmere Building Society for nine years.")
    assert "Tanworth" not in names(x.organizations) | names(x.people)
    assert "Northmere Building Society" in names(x.organizations)


def test_speaker_is_the_person_in_apposition_not_the_possessive(run: Run) -> None:
    x = run(
        "Joris Varnell was suspended. Varnell's lawyer, Pascal Dufour, said his client "
        '"has never knowingly taken a prohibited substance."'
    )
    assert {s.name: len(s.quotes) for s in x.speakers} == {"Pascal Dufour": 1}


def _labels_with_model_reading(
    nlp: Language, text: str, reading: list[tuple[str, str]], tags: dict[str, str]
) -> dict[str, str]:
    """Labels our rules give when the model reads ``text`` as ``reading`` ((words, label))
    and tags words as ``tags``: the model's quirks are not reproducible on demand, so the
    test sets them."""
    doc = nlp(text)
    spans = []
    for words, label in reading:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    for tok in doc:
        if tok.text in tags:
            tok.tag_ = tags[tok.text]
    return vote_labels(collect_candidates(doc, analyse_layout(text)))


def test_police_force_read_as_a_place_is_an_organization(nlp: Language) -> None:
    text = "Staff were threatened with a hammer, West Marlow Police said on Sunday."
    labels = _labels_with_model_reading(nlp, text, [("West Marlow Police", "GPE")], {})
    assert labels["west marlow police"] == ORG


def test_plural_looking_name_inside_a_sentence_is_kept(nlp: Language) -> None:
    text = "Anyone with information is asked to call the police or Crimewatchers anonymously."
    labels = _labels_with_model_reading(
        nlp, text, [("Crimewatchers", "ORG")], {"Crimewatchers": "NNS"}
    )
    assert labels["crimewatchers"] == ORG
    opening = "Reservoirs are low across the region this summer."
    labels = _labels_with_model_reading(
        nlp, opening, [("Reservoirs", "ORG")], {"Reservoirs": "NNS"}
    )
    assert "reservoirs" not in labels


def test_pronoun_cues_make_people() -> None:
    text = (
        "Claire Varnot and her brother Julien started early. Mrs Pollard, who ran a bakery, "
        "died. Mary-Kate Byrne, who runs a pharmacy, spoke. Hallberg Bank, which lends to "
        "farms, agreed."
    )
    assert spans_text(text, pronoun_people(text)) == ["Claire Varnot", "Pollard", "Mary-Kate Byrne"]


def test_round_nine_estate_product_apposition_and_particle_acronym(run: Run) -> None:
    x = run(
        "At Domaine Varnot, a family estate outside Beaune, Claire Varnot and her brother "
        "Julien started the harvest.\n\n"
        "The Bureau Interprofessionnel des Vins de Loire (BIVL) said yields would fall.\n\n"
        "German start-up Kairon AI has withdrawn its health chatbot, MedBuddy, after "
        "complaints."
    )
    orgs = names(x.organizations)
    assert {"Domaine Varnot", "Bureau Interprofessionnel des Vins de Loire"} <= orgs
    assert "MedBuddy" not in orgs
    assert "Claire Varnot" in names(x.people)


def test_round_ten_spatial_coordination_and_plural_common_noun(nlp: Language) -> None:
    text = (
        "Walnut prices have risen by 40 percent. Farmers who grow walnuts blamed the frost, "
        "which stranded commuters around Tarnby and Velholm."
    )
    labels = _labels_with_model_reading(
        nlp, text, [("Walnut", "PERSON"), ("Tarnby", "ORG"), ("Velholm", "ORG")], {}
    )
    assert "walnut" not in labels
    assert labels["velholm"] == "PLACE"


def test_a_speech_verb_opening_an_inverted_sentence_is_not_part_of_the_name(run: Run) -> None:
    """ "Said Comey, “...”", "Said Jo Hale, who grew up here, “...”": the capitalised verb
    before the name opens the sentence; the speaker is the name alone."""
    for text in (
        "The director spoke last. Said Halvorsen, “The thought that an error on our part "
        "is connected to the vote is wrong.”",
        "The old harbour house was turned into a museum. Said Dorota Quill, who grew up "
        "on the quay, “We were all so proud of it.”",
    ):
        names = {s.name for s in run(text).speakers}
        assert names and not any(name.startswith("Said") for name in names), names


def test_a_name_written_with_a_no_break_space_is_shown_with_a_plain_one(run: Run) -> None:
    """Web copy often joins first name and surname with a no-break space: the sidebar,
    the JSON and the CSV show the name as typed, with an ordinary space."""
    x = run(
        "Harbour Commissioner Edda\u00a0Varga spoke on Tuesday. “We found no clear breach "
        "of the rules,” Varga said."
    )
    assert [s.name for s in x.speakers] == ["Edda Varga"]
    assert "Edda Varga" in [p.name for p in x.people]


def test_a_horizontal_bar_or_a_byte_order_mark_does_not_hide_the_speaker(run: Run) -> None:
    """Some house styles set dashes as U+2015 with no spaces ("Tolliver―the mayor―said"),
    which the tokenizer glues to the words beside it; a text saved with a byte-order mark
    starts with U+FEFF, glued to the first name. The model reads the dash it knows and a
    space instead."""
    barred = (
        "“We will rebuild the pier before the winter storms,” Ann Tolliver\u2015the harbour "
        "mayor\u2015said on Monday."
    )
    assert [s.name for s in run(barred).speakers] == ["Ann Tolliver"]
    marked = "\ufeffAnn Tolliver said the pier “will be rebuilt before the winter storms.”"
    assert [s.name for s in run(marked).speakers] == ["Ann Tolliver"]


def test_a_possessive_inside_an_organizations_name_is_kept(run: Run) -> None:
    """ "the Fishermen's Union", "the Children's Hospital of Harbourton", "St. Anselm's
    College": a possessive after a plural or a saint belongs to the name; after a single
    name it marks an owner who is someone else ("Varga's Harbour Party")."""
    x = run(
        "According to a statement from the Fishermen's Union, the closure is a betrayal. "
        "The Children's Hospital of Harbourton and St. Anselm's College agreed."
    )
    names = {o.name for o in x.organizations}
    assert "Fishermen's Union" in names
    assert "Children's Hospital" in names or "Children's Hospital of Harbourton" in names
    assert "Union" not in names


def test_a_conjunction_or_an_adverb_opening_the_sentence_is_not_part_of_the_name(
    run: Run,
) -> None:
    """ "But Halvorsen, who ran the bank, was less cheerful": the word that opens the
    sentence is capitalised like the name after it, and the "who" cue (or the model) takes
    it in; the sidebar had listed "But Fiorina" for 25 quotes of one article."""
    text = (
        "The bankers were cheerful. But Halvorsen, who had run the harbour bank for years, "
        "was less so: “The market will hate this deal. They will not understand it.”"
    )
    x = run(text)
    assert [s.name for s in x.speakers] == ["Halvorsen"]


def test_a_persons_role_opening_the_sentence_is_not_part_of_the_name(run: Run) -> None:
    """ "Billionaire Donald Trump praised ...": a role only people have, capitalised because
    it opens the sentence, is read by the model as part of the name after it."""
    text = (
        "Comedian Mark Ellison praised the harbour board on Monday. “Very good people, very "
        "good people,” Ellison said."
    )
    assert [s.name for s in run(text).speakers] == ["Mark Ellison"]


def test_a_title_abbreviation_ends_no_persons_name(run: Run) -> None:
    """ "said Army Sgt. Maria Delgado", "said former Harbour Gov. and board Chairman Ed
    Rendell": the model or the parse ends a "name" at the rank or the title, which then
    speaks instead of the person named after it."""
    for text, speaker in (
        ("“We held the line,” said Army Sgt. Maria Delgado.", "Maria Delgado"),
        (
            "Army Sgt. Maria Delgado spoke first on Tuesday.\n\n“We held the line for this "
            "town,” said Army Sgt. Maria Delgado.",
            "Maria Delgado",
        ),
        (
            "“That is his role,” said former Kessock Gov. and harbour board Chairman Ed Rendell.",
            "Ed Rendell",
        ),
    ):
        assert [s.name for s in run(text).speakers] == [speaker]


def test_a_name_after_a_lower_case_political_role_is_a_person(nlp: Language) -> None:
    """ "GOP presidential candidate Carly Fiorina strode onstage": the model called her an
    organization; a role only people have, in lower case right before a full name, makes
    it a person's (and her surname alone then stands for her, not for her husband)."""
    for role in ("candidate", "nominee", "strategist", "host"):
        text = f"The hall was half-empty when GOP presidential {role} Mara Quillfeather arrived."
        labels = _labels_with_model_reading(nlp, text, [("Mara Quillfeather", "ORG")], {})
        assert labels["mara quillfeather"] == PERSON, role


def test_a_title_after_an_organization_noun_is_a_persons(nlp: Language) -> None:
    """ "the party Chairman Reince Priebus": "party" is an organization noun, but the title
    after it makes the name a person's, which the model had called an organization too."""
    text = "After the loss, party Chairman Odo Brankston scolded the candidate."
    labels = _labels_with_model_reading(nlp, text, [("Odo Brankston", "ORG")], {})
    assert labels["odo brankston"] == PERSON


def test_a_person_after_a_bodys_possessive_is_a_person(nlp: Language) -> None:
    """ "National Review's Ian Tuttle", which the model reads as one organization: the body
    before the possessive, the person after it; "the People's Party" and "Britain's Labour
    Party" stay what they are."""
    text = "An article written by Harbour Review's Ivo Brandt mocked the deal."
    labels = _labels_with_model_reading(nlp, text, [("Harbour Review's Ivo Brandt", "ORG")], {})
    assert labels.get("ivo brandt") == PERSON
    assert labels.get("harbour review") == ORG
    party = "The People's Party agreed with the deal."
    labels = _labels_with_model_reading(nlp, party, [("People's Party", "ORG")], {})
    assert labels.get("people's party") == ORG
