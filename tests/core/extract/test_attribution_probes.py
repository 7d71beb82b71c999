"""Attribution on invented text (made-up names): the clause before a colon, a person named
by age alone, retorts, lead-in sentences, speakers the text does not name, pull-quote
credits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.core.extract.speakers import Run, said
from variorum.core.extract import rules
from variorum.core.extract.frames import inverted_description, set_off_before
from variorum.core.extract.layout import analyse_layout
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.quotes import find_quotes

if TYPE_CHECKING:
    from spacy.language import Language


def test_a_circumstance_before_the_colon_does_not_speak(run: Run) -> None:
    """ "When W died, C released the following statement:": the statement is C's."""
    text = (
        "When Arvo Lindqvist died in 1998, Mayor Petra Halloran released the following "
        "statement:\n\n“Our town offers its condolences to the family and friends of a "
        "good man.”"
    )
    assert said(run(text)) == {"Our town offers its ": "Petra Halloran"}


def test_the_colons_own_coordinated_clause_speaks(run: Run) -> None:
    """ "The Courier made these claims, and the union responded:": the reply is the union's,
    not the Courier's, though the Courier is the sentence's first subject."""
    text = (
        "The Harbour Courier made these same allegations against the Dockers Union in "
        "February, and Senator Ilsa Varga responded:\n\n“If there are people who want to "
        "work the docks, they can do so legally.”"
    )
    assert said(run(text)) == {"If there are people ": "Ilsa Varga"}
    with rules.switched_off({"cue.colon"}):
        assert said(run(text)).get("If there are people ") != "Ilsa Varga"


def test_an_attributing_clause_before_the_colon_still_speaks(run: Run) -> None:
    """ "As X observed, the winner was the stage itself:": "as X observed" is a circumstance
    in form, but an attribution in fact."""
    text = (
        "As Teodor Brankovic observed, the biggest winner was not on the stage, it was the "
        "stage itself:\n\n“The clear winner of the debate was the network, which ran two "
        "lively sessions.”"
    )
    assert said(run(text)) == {"The clear winner of ": "Teodor Brankovic"}


def test_a_person_referred_to_by_age_alone_is_found_like_he(run: Run) -> None:
    """ "“...,” the 72-year-old said": the person the text is about, as for "she", without
    a gender to go on; the age phrase is the attributing words."""
    text = (
        "Ann Tolliver met the mayor, Piet Dufresne, on Monday. The 72-year-old said that "
        "“nothing will change in this town for years.”"
    )
    x = run(text)
    assert said(x) == {"nothing will change ": "Ann Tolliver"}
    quote = next(q for s in x.speakers for q in s.quotes)
    assert quote.mention is not None and quote.mention.text == "The 72-year-old"
    with rules.switched_off({"source.age-reference"}):
        assert said(run(text)).get("nothing will change ") != "Ann Tolliver"


def test_a_retort_is_speech_only_with_its_particle(run: Run) -> None:
    """ "X shot back, “...”" and "“...,” Y cut in": the verb and its particle attribute the
    quote; "fired" alone is not speech, and a retort after a finished quoted sentence
    answers it rather than saying it."""
    text = (
        "After Piet Dufresne criticized the budget, Mayor Ann Tolliver shot back, “I suppose "
        "you could have read it before the vote.”"
    )
    assert said(run(text))["I suppose you could "] == "Ann Tolliver"
    with rules.switched_off({"cue.retort"}):
        assert said(run(text)).get("I suppose you could ") != "Ann Tolliver"
    answered = (
        "The council met on Monday. “The plan is a waste of money and time.” Ann Tolliver "
        "fired back in March with a letter of her own."
    )
    assert said(run(answered)).get("The plan is a waste ") != "Ann Tolliver"


def test_a_lead_in_sentence_speaks_through_a_verb_with_no_subject_of_its_own(
    run: Run,
) -> None:
    """ "X distanced herself from them by saying she would help. / “...”": the speech verb
    of the sentence before the quote has no subject of its own ("by saying"); it shares
    the subject of the verb it hangs from, and that one leads the quote in."""
    text = (
        "The mayor, Ann Tolliver, distanced herself from the movement by saying the town would "
        "welcome the campaign, the party and the council at any time of the coming year. "
        "“I am going to support him enthusiastically, because he can do the job.”"
    )
    with rules.switched_off({"cue.nearby-verb"}):
        assert said(run(text)) == {"I am going to suppor": "Ann Tolliver"}
    with rules.switched_off({"cue.nearby-verb", "cue.lead-in"}):
        assert said(run(text)) == {}


def test_a_described_speaker_of_a_speech_verb_before_a_colon_speaks(run: Run) -> None:
    """ "The party committee said about its platform:" names who speaks, though not by
    name; "The result was clear:" names no one."""
    x = said(
        run(
            "In a press release this month, the party committee said about its platform:\n\n"
            "“The platform goes further than any platform before it on housing.”\n\n"
            "The result of the vote was clear:\n\n“Nobody in the hall wanted the old plan back.”"
        )
    )
    assert x["The platform goes fu"] == "the party committee"
    assert x.get("Nobody in the hall w") != "The result of the vote"


def test_a_speaker_the_text_does_not_name_is_shown_as_the_text_says(run: Run) -> None:
    """ "one of her aides said": a description with its "of" phrase (not the name inside
    it); "yet another said": the word, unresolved; an apposition that names the person
    still names them ("one of the executives, Michael Sexton,")."""
    x = said(
        run(
            "“We will not give up on the valley,” one of her aides said on Monday. Yet "
            "another said, “The council is in a five-way battle for second place.” One of "
            "the university’s top executives, Michael Sexton, said that “none of the "
            "professors at the live events” were picked by hand."
        )
    )
    assert x == {
        "We will not give up ": "one of her aides",
        "The council is in a ": "another (unresolved)",
        "none of the professo": "Michael Sexton",
    }


def test_a_pull_quote_credited_on_its_own_line(run: Run) -> None:
    """ "“...” — Ivo Brandt, mayor of Harwick": a quote alone in its paragraph with a short
    dash credit after it on the same line, as a pull quote prints it."""
    text = (
        "The council met on Monday.\n\n“The deal is dead and everyone knows it.” — Ivo "
        "Brandt, mayor of Harwick\n\nThe vote is on Friday."
    )
    assert said(run(text)) == {"The deal is dead and": "Ivo Brandt"}
    with rules.switched_off({"cue.credit-line"}):
        assert said(run(text)) == {}


def test_another_name_beside_a_named_speaker_is_someone_else(run: Run) -> None:
    """ "said X, a pollster who worked for the senator's opponent, Y": the parser may hang Y
    on X as an apposition; a person already named is not renamed by it."""
    text = (
        "“In some ways he is doing the same good steps,” said Marta Kowalczyk, a pollster who "
        "worked for the senator’s opponent in the 2012 race, then-governor Piet Dufresne."
    )
    assert said(run(text)) == {"In some ways he is d": "Marta Kowalczyk"}


def test_a_credit_line_whose_dash_touches_the_name(run: Run) -> None:
    """ "-Michelle Marks, Philadelphia.": the tokenizer glued the dash to the first name, so
    the name was lost, and the short headline-case line was read as a heading."""
    text = (
        "quotable.\n\n\"The whole idea of a 'crooked' mayor is something we hear about all the "
        'time, and it needs to stop."\n\n-Marta Kowalczyk, Harwick.\n\n"Great speech. She is '
        'tested. She is ready."\n\n-President Ivo Brandt, writing after the speech.'
    )
    assert said(run(text)) == {
        "The whole idea of a ": "Marta Kowalczyk",
        "Great speech. She is": "Ivo Brandt",
    }


def test_words_a_speech_verb_introduces_are_speech_even_in_headline_case(run: Run) -> None:
    """ "X tweeted, "Thank You Harwick!"": a speech verb and a comma (or a colon) introduce
    the words, whatever their capitals; a bare name so introduced stays a name."""
    x = said(
        run(
            'Ivo Brandt, who also campaigned in the county this week, tweeted, "Thank You '
            'Harwick! #Brandt2026" on Friday afternoon. Ann Tolliver could not bring herself '
            'to utter: "Piet Dufresne."'
        )
    )
    assert x == {"Thank You Harwick! #": "Ivo Brandt"}


def test_a_lead_in_by_someone_else_ends_the_previous_speakers_turn(run: Run) -> None:
    """ "“...,” X said. Y distanced herself by saying .... / “...”": the sentence right before
    the quote has someone else speaking, so the quote does not go on in X's voice."""
    text = (
        "“The deal is over,” Ivo Brandt said on Monday. The mayor, Ann Tolliver, distanced "
        "herself from the movement by saying the town would welcome the campaign. “I am going "
        "to support him enthusiastically, because he can do the job.”"
    )
    assert said(run(text)) == {
        "The deal is over": "Ivo Brandt",
        "I am going to suppor": "Ann Tolliver",
    }


def test_a_body_named_after_its_place_after_an_inverted_verb(run: Run) -> None:
    """ "“...,” opined Harwick's Evening Herald.": the parse takes the body for the verb's
    object; the name right after the verb and the place's "'s" still speaks."""
    text = (
        'Many outlets tied law-abiding citizens to future crime. "Gun owners should leave '
        "their weapons at home,\" opined Harwick's Evening Herald."
    )
    assert said(run(text)) == {"Gun owners should le": "Evening Herald"}


def test_a_described_frame_whose_verb_takes_a_place_phrase(run: Run) -> None:
    """ "“...,” the Harwickers state in the white paper,": the speech verb ends the frame even
    with a phrase of where it was said after it (the tagger took "states" for a noun)."""
    text = (
        '"Today, the kingdom is one of the leading nations in fighting the trade," the '
        "Harwickers state in the white paper, which was shared with lawmakers."
    )
    assert said(run(text)) == {"Today, the kingdom i": "the Harwickers"}


def test_a_lone_word_for_someone_unnamed_after_an_inverted_verb(run: Run) -> None:
    """ "“...,” read one.", "“...,” tweeted another.": the speaker is not named; shown as the
    word, unresolved, not as the person quoted before."""
    text = (
        "Planes wrote messages across the sky over Harwick.\n\n“The mayor must go now,” read "
        "one.\n\n“Yet another town we could have won,” another supporter wrote online.\n\n"
        "“Better watch out for the council,” tweeted another."
    )
    x = said(run(text))
    assert x["The mayor must go no"] == "one (unresolved)"
    assert x["Better watch out for"] == "another (unresolved)"


def test_they_is_a_named_body_only_once_that_body_has_spoken(run: Run) -> None:
    """ "they write" is mostly people the text describes; a body named before goes for it
    only when the article has already quoted that body."""
    unspoken = (
        "The Harwick Institute opened in May. “To be religious is to be in sync with the "
        "mainstream,” they write."
    )
    assert said(run(unspoken)) == {"To be religious is t": "they (unresolved)"}
    spoken = (
        "The Harwick Institute said on Monday that “the study is sound and will stand.” “We "
        "stand by every word of it,” they added."
    )
    assert said(run(spoken))["We stand by every wo"] == "Harwick Institute"


def test_a_passive_subject_is_shared_by_the_speech_verb_joined_to_it(run: Run) -> None:
    """ "X was joined on stage by Y and joked, “...”": the verbs coordinated with a passive
    share its subject, the one joined, not the agent and not a subject of another clause
    ("as the crowd began to chant")."""
    text = (
        "As the crowd began to chant, Mara Quillfeather was joined on stage by Senator Odo "
        "Brankston and joked, “Some of you have been very patient with us tonight,” drawing "
        "loud cheers."
    )
    assert said(run(text)) == {"Some of you have bee": "Mara Quillfeather"}


def test_a_passive_subject_is_climbed_to_as_well(run: Run) -> None:
    """ "X was booed by Y but stayed calm, calling the plan “...”": the speech verb lies two
    steps below the passive whose subject it shares."""
    text = (
        "Mayor Ann Tolliver was booed at the meeting by Piet Dufresne but stayed calm, "
        "calling the harbour plan “a necessary evil for a town that lives on its boats.”"
    )
    assert said(run(text)) == {"a necessary evil for": "Ann Tolliver"}


def test_a_name_in_a_relative_clause_hung_inside_the_subject_is_not_the_speaker(
    run: Run,
) -> None:
    """ "said one councillor familiar with the talks, who added that X seemed ...": the
    parser hangs the relative clause on "talks", inside the subject; X is what the
    councillor spoke about."""
    text = (
        '"It was not a convincing argument," said one councillor familiar with the talks, '
        "who added that the Harbour Authority seemed worried by the growing opposition."
    )
    speaker = said(run(text))["It was not a convinc"]
    assert speaker != "Harbour Authority"
    assert "councillor" in speaker


def test_an_event_or_an_idea_is_never_a_speaker(run: Run) -> None:
    """ "an unexpectedly strong win that led her to declare that ...": the parser makes the
    win the subject of "declare"; an event, a contest or an idea says nothing."""
    text = (
        "Ann Tolliver spoke in Harbourton on Monday. The result was an unexpectedly strong "
        "win that led her to declare that the harbour was ''finally in sight.''"
    )
    speakers = {s.name for s in run(text).speakers}
    assert not any("win" in name for name in speakers)
    with rules.switched_off({"source.non-speaker"}):
        assert any("win" in s.name for s in run(text).speakers)


def test_headline_case_words_a_speech_verb_takes_as_its_complement_are_said(run: Run) -> None:
    """ "She declared “What a Great Night!”", "marchers chanting "Save Our Harbour"": words
    in headline case right after a speech verb, as its object, are said; a work a verb of
    writing takes is a title ("published “Harbour Tales”")."""
    declared = (
        "Ann Tolliver won five wards on Tuesday. She declared “What a Great Night!” and "
        "said her campaign would go on."
    )
    assert said(run(declared)) == {"What a Great Night!": "Ann Tolliver"}
    chanted = (
        "Hundreds of dockworkers marched through the old town on Monday, chanting "
        '"Save Our Harbour, Save Our Town," as the council met.'
    )
    assert said(run(chanted)) == {"Save Our Harbour, Sa": "Hundreds of dockworkers"}
    published = (
        "Piet Dufresne published “Harbour Tales,” a 2005 collection of his columns, with a "
        "small press."
    )
    assert said(run(published)) == {}


def test_talking_about_something_is_speech(run: Run) -> None:
    """ "He talks about how the port must be ready “to open tomorrow.”": "talk" is a speech
    verb like "say"."""
    text = (
        "Mayor Piet Dufresne toured the docks on Monday. He talks about how the port must "
        "be ready “to open tomorrow.”"
    )
    assert said(run(text)) == {"to open tomorrow.": "Piet Dufresne"}


def test_a_thing_said_that_is_the_subject_of_be_quotes_its_owner(run: Run) -> None:
    """ "X's campaign slogan is “...”": the quote is what the slogan is, and the slogan
    is X's."""
    text = (
        "The harbour reopened in May. Ann Tolliver’s campaign slogan is “We are all on the "
        "same boat.”"
    )
    assert said(run(text)) == {"We are all on the sa": "Ann Tolliver"}
    with rules.switched_off({"cue.possessor-be"}):
        assert said(run(text)) == {}
    described = "The harbour reopened. The council’s slogan is “We are all on the same boat.”"
    assert said(run(described)) == {"We are all on the sa": "The council"}


def test_a_name_set_off_by_a_phrase_before_its_speech_verb_speaks(run: Run) -> None:
    """ "“...,” harbour pilot Ann Tolliver, wearing a yellow coat and “Save Our Pier” pins,
    said": the phrase between the name and the verb holds a quote of its own, and the parse
    loses the name."""
    text = (
        "Not everyone on the quay was pleased.\n\n“We have had better summers than this one,” "
        "harbour pilot Ann Tolliver, wearing a yellow coat and “Save Our Pier” pins, said as "
        "the ferry left."
    )
    assert said(run(text)).get("We have had better s") == "Ann Tolliver"
    with rules.switched_off({"cue.set-off-name"}):
        assert said(run(text)).get("We have had better s") != "Ann Tolliver"


def test_the_fallback_near_a_speech_verb_never_takes_an_object_pronoun(run: Run) -> None:
    """ "promised to put him in charge because, in her words, “he knows how”": when no
    parse reaches the quote, the pronoun near the verb that the verb acts on ("him") is
    not who speaks."""
    text = (
        "The mayor of the harbour town met the old pilot Piet Dufresne, praised his work and "
        "promised to put him in charge, because, in her words, “he knows how to do it better "
        "than anyone.”"
    )
    parsed = {
        "cue.subject",
        "cue.subject-of-reporting-verb",
        "cue.inherited-subject",
        "cue.climbed-subject",
        "cue.possessor",
    }
    with rules.switched_off(parsed):
        assert "Piet Dufresne" not in said(run(text)).values()


def test_after_an_inverted_verb_the_name_closing_the_role_phrase_speaks(run: Run) -> None:
    """ "“...,” mused Harbour Radio co-host Ann Tolliver.": the role phrase before the name
    is longer than "said Sen. X"; the person who closes it speaks."""
    text = (
        "“Imagine the ferry going up against the bridge on the same day,” mused Harbour Radio "
        "co-host Ann Tolliver. “Nobody would take the bridge.”"
    )
    assert said(run(text)).get("Imagine the ferry go") == "Ann Tolliver"


def test_a_name_set_off_by_a_participle_before_a_subjectless_verb_speaks(
    nlp: Language,
) -> None:
    """ "after Mr. X, asked about the journalists, had said, “...”": the parser hangs the
    name on "after" and leaves "said" with no subject (set here, as the model's quirks are
    not reproducible on demand); the name before the set-off phrase speaks, unless another
    speech verb stands between them."""
    for text, speaks in (
        ("The row began after Ann Tolliver, asked about the pier, had said, “We will see.”", True),
        ("The row began after Ann Tolliver, who said no, had said, “We will see.”", False),
    ):
        doc = nlp(text)
        verb = [t for t in doc if t.text == "said"][-1]
        for child in verb.children:
            if child.dep_ == "nsubj":
                child.dep_ = "pobj"
        start = text.index("Ann Tolliver")
        index = MentionIndex([MentionRef(start, start + 12, 0, "PERSON")], [])
        found = set_off_before(doc, text, index, verb)
        assert (found is not None) == speaks, text


def test_a_whole_sentence_a_colon_introduces_is_said_whatever_its_capitals(run: Run) -> None:
    """ "X emailed a link to the video with one sentence: “THIS IS NOT OK.”": a sentence in
    capitals after a clause that introduces it is said, not a title; a lone name there is
    not ("The crowd had one word: “Harbourton.”"). "Super PAC" is no organization's name."""
    text = (
        "Harbour Action, a pro-ferry super PAC, emailed a link to the video with one "
        'sentence: "THIS IS NOT OK."'
    )
    assert said(run(text)) == {"THIS IS NOT OK.": "Harbour Action"}
    named = 'The crowd on the quay had one word for the mayor: "Ann Tolliver."'
    assert said(run(named)) == {}


def test_a_headline_case_quote_credited_right_after_it_is_said(run: Run) -> None:
    """ "“Yes, I Back Ann Tolliver,” Piet Dufresne III, founder of the Harbour Research
    Center, tells the Courier": the quote looks like a title and the parse makes a name
    inside it the verb's subject; the person named right after it, before a set-off
    phrase and a speech verb, says it."""
    text = (
        "72-year-old Odo Brankston, founder of the Harbour Institute, ferry captain in the "
        "1970s and long time Harbour Board member from Kessock, endorsed Tolliver last week, "
        "saying she “has consistently shown her deep commitment to the old pier.”\n\n"
        "“Yes, I Back Ann Tolliver,” Piet Dufresne III, founder of the Harbour Research "
        "Center, tells the Courier in an exclusive interview."
    )
    assert said(run(text)).get("Yes, I Back Ann Toll") == "Piet Dufresne III"


def test_a_described_speaker_is_named_without_the_comma_inside_a_title(run: Run) -> None:
    """ "wrote the authors of the “Harbour Renewal Plan,” giving ...": American style sets the
    comma inside the closing mark; the sidebar names the speaker without it."""
    text = (
        "“The party must reach out to new voters,” wrote the authors of the “Harbour Renewal "
        "Plan,” giving the example of 2012."
    )
    assert [s.name for s in run(text).speakers] == ["the authors of the “Harbour Renewal Plan”"]


def test_an_inverted_description_has_no_verb_of_its_own(nlp: Language) -> None:
    """ "“...,” said the 46-year-old." speaks as the description, and the description goes on
    through a title it names; in "X, citing “...,” said the candidate could win", the words
    after "said" are what X reported, not who spoke."""
    for text, expected in (
        ("“We will rebuild the pier,” said the 46-year-old.", "the 46-year-old"),
        (
            "“The party must reach out to new voters,” wrote the authors of the “Harbour "
            "Renewal Plan” in 2013.",
            "the authors of the “Harbour Renewal Plan”",
        ),
        (
            "Mr. Dufresne, citing “the unique magic of the harbour,” said the candidate could "
            "be in a very competitive race.",
            None,
        ),
    ):
        layout = analyse_layout(text)
        doc = nlp(layout.nlp_text)
        q = find_quotes(layout)[0]
        found = inverted_description(doc, layout.nlp_text, q)
        assert (layout.nlp_text[found[0] : found[1]] if found else None) == expected
