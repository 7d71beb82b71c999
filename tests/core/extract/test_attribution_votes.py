"""Speakers and names on invented text (made-up names): the error categories found on real
annotated news (PolNeAR's training split), each with a probe the old rules got wrong."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.extract.speakers import Run, said
from variorum.core.extract import rules
from variorum.core.extract.data import DESCRIPTION, ORG, UNRESOLVED
from variorum.core.extract.frames import described_frame
from variorum.core.extract.layout import BODY, HEADING, analyse_layout, classify_line, is_list_line
from variorum.core.extract.quotes import find_quotes


def test_a_reporting_verb_attributes_the_quote_it_governs(run: Run) -> None:
    x = run(
        "Senator Ilsa Varga praised the bill as “a long overdue correction for rural towns.” "
        "Mayor Dov Albescu accused the council of “wasting every penny it was given.”"
    )
    assert said(x) == {
        "a long overdue corre": "Ilsa Varga",
        "wasting every penny ": "Dov Albescu",
    }


def test_a_verb_shares_the_subject_of_the_verb_it_hangs_from(run: Run) -> None:
    x = run(
        "Orla Brannick responded to the post by calling her rival “a fraud” and accusing him "
        "of hiding “behind his family's money.”"
    )
    assert said(x)["behind his family's "] == "Orla Brannick"


def test_pronoun_skips_the_object_of_the_sentence(run: Run) -> None:
    """ "Brannick attacked Dufresne on Monday. He said ...": the subject of the last clause,
    not the most recent name, is the likelier antecedent."""
    x = run(
        "Corwin Brannick attacked Piet Dufresne at the rally on Monday. "
        "“The plan will bankrupt every farm in the valley,” he said."
    )
    assert said(x) == {"The plan will bankru": "Corwin Brannick"}


def test_a_name_inside_the_quote_never_speaks(run: Run) -> None:
    x = run(
        "Talia Okonjo spoke at the hall. “I told Marcus Pell that we would never give up on "
        "the valley,” she said."
    )
    assert said(x) == {"I told Marcus Pell t": "Talia Okonjo"}


def test_an_unresolved_pronoun_is_shown_unresolved(run: Run) -> None:
    x = run("“We will rebuild the bridge before the winter comes,” he said.")
    (speaker,) = x.speakers
    assert (speaker.name, speaker.label) == ("he (unresolved)", UNRESOLVED)
    assert x.people == ()


def test_plural_they_is_a_body_or_unresolved(run: Run) -> None:
    x = run("“Nobody consulted the residents before the vote,” they said.")
    assert [(s.name, s.label) for s in x.speakers] == [("they (unresolved)", UNRESOLVED)]


def test_a_description_is_the_speaker_linked_to_a_body_named_like_it(run: Run) -> None:
    x = run(
        "The Harbour Oversight Committee met on Tuesday. “The dredging contract was signed "
        "without any tender at all,” the committee said. “The work will take three years "
        "longer than planned,” a joint statement from the unions said."
    )
    assert said(x) == {
        "The dredging contrac": "Harbour Oversight Committee",
        "The work will take t": "a joint statement from the unions",
    }
    labels = {s.name: s.label for s in x.speakers}
    assert labels == {
        "Harbour Oversight Committee": ORG,
        "a joint statement from the unions": DESCRIPTION,
    }


def test_a_plural_common_noun_is_never_a_named_speaker(run: Run) -> None:
    x = run("MPs said the plan was “a disgrace to every town in the country.”")
    assert [(s.name, s.label) for s in x.speakers] == [("MPs", DESCRIPTION)]
    assert x.people == () and x.organizations == ()


def test_unclosed_bracket_is_not_a_second_name(run: Run) -> None:
    x = run(
        "The Maritime Labour Agency (MLA) said on Monday that wages fell. Officials at the "
        "Coastal Freight Organization (CFO) agreed."
    )
    names = {e.name for e in x.organizations}
    assert not any("(" in n for n in names)
    assert "Maritime Labour Agency" in names


def test_a_count_or_a_nickname_mark_the_model_ran_into_is_no_part_of_a_name(run: Run) -> None:
    """ "Police shot Laquan Ellison 16 times", "Marine John “Tig Ellison": the model ran the
    person's name into a number after it, or into a nickname's opening quotation mark."""
    shot = run("Police shot Laquan Ellison 16 times in 2014, the city said.")
    assert [e.name for e in shot.people] == ["Laquan Ellison"]
    nickname = run(
        "Mark Ellison, a Marine known as “Tig” to his unit, was honoured. Marine John “Tig "
        "Ellison spoke."
    )
    assert not any("“" in e.name for e in nickname.people)


def test_names_in_squad_lists_and_score_lines_are_kept(run: Run) -> None:
    x = run(
        "Harwick Town 2 Fenbury Rovers 1\n\n"
        "Harwick came from behind to win the derby on Saturday.\n\n"
        "Harwick Town: Tom Baxter, Niall Greaves, Oskar Lindahl, Marcus Pell, Dean Ashworth.\n"
        "Scorers: Pell 34, Ashworth 78; Okoro 12.\n\n"
        "“We showed real character,” manager Gary Thorne said."
    )
    people = {e.name for e in x.people}
    assert {"Tom Baxter", "Niall Greaves", "Marcus Pell", "Dean Ashworth"} <= people
    assert {"Harwick Town", "Fenbury Rovers"} <= {e.name for e in x.organizations}
    assert not any(n[:1].isdigit() or " 2 " in n for n in {e.name for e in x.organizations})


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Harwick Town: Tom Baxter, Niall Greaves, Oskar Lindahl, Marcus Pell", BODY),
        ("Harwick Town 2 Fenbury Rovers 1", BODY),
        ("Scorers: Pell 34, Ashworth 78; Okoro 12", BODY),
        ("Council Approves New Harbour Plan After Long Debate", HEADING),
        ("Ports, Ferries And The Future Of The Coast", HEADING),
    ],
)
def test_list_lines_are_not_headings(line: str, kind: str) -> None:
    assert classify_line(line) == kind
    assert is_list_line(line) == (kind == BODY)


def test_rules_can_be_switched_off_by_id(run: Run) -> None:
    text = "Senator Ilsa Varga praised the bill as “a long overdue correction for rural towns.”"
    assert said(run(text)) == {"a long overdue corre": "Ilsa Varga"}
    # the sentence-subject fallback would name her too: both go
    with rules.switched_off({"cue.subject-of-reporting-verb", "cue.sentence-subject"}):
        assert said(run(text)) == {}
    with pytest.raises(KeyError):
        rules.weight("no.such-rule")


def test_every_rule_has_an_id_label_weight_and_doc() -> None:
    table = rules.table()
    assert len(table) >= 15
    for rule in table.values():
        assert rule.id and rule.label and rule.weight > 0 and rule.doc
        if rule.matcher:
            assert rule.matcher in ("token", "dependency") and rule.pattern


def test_the_clause_framing_a_quote_names_its_speaker_whatever_the_verb(run: Run) -> None:
    x = run(
        "Tamsin Kovac looked at the line of supporters. “They are all here for the free "
        "coffee,” Piet Lindqvist shot back with a laugh. “What a Sunday!” beamed Aurel Danek, "
        "who had waited since dawn."
    )
    assert said(x) == {
        "They are all here fo": "Piet Lindqvist",
        "What a Sunday!": "Aurel Danek",
    }
    with rules.switched_off({"cue.frame"}):
        alone = run("“What a Sunday!” beamed Aurel Danek, who had waited.")
        assert "Aurel Danek" not in said(alone).values()


def test_words_quoted_inside_a_sentence_are_not_framed_as_speech(run: Run) -> None:
    x = run("In “The Late Show,” Marta Okoye thanked the crew. She left at noon.")
    assert x.speakers == ()


def test_a_long_quote_with_no_speech_verb_is_the_named_subjects(run: Run) -> None:
    """ "X went further, endorsing candidates “...”": the sentence's subject, when it is a
    name; never through a pronoun, a name inside the subject, or a short scare quote."""
    x = run(
        "Senator Ilsa Varga went further on Tuesday, endorsing eight candidates “who carry "
        "the spirit of our movement.” Dov Albescu's latest victories brought a wave of "
        "comments, from praise to hopes that he will lift the economy “out of its long "
        "quagmire.” Marta Okoye landed in Phoenix for a “policy address” on trade."
    )
    assert said(x) == {"who carry the spirit": "Ilsa Varga"}
    with rules.switched_off({"cue.sentence-subject", "cue.clause-subject"}):
        alone = run("Senator Ilsa Varga went further, endorsing candidates “who carry the spirit.”")
        assert said(alone) == {}


def test_short_words_quoted_in_a_named_subjects_clause_are_theirs(run: Run) -> None:
    """A partial quote in what the subject's verb acts on is the subject's words, however
    short; from a reported clause, the reporter's."""
    text = (
        "House Speaker Tobias Wrenfield pushed the plan for “free college” again. "
        "Senator Ilsa Varga supports “fair pay raises” for nurses. "
        "Analyst Dov Albescu learned in March that the fleet was “the best.”"
    )
    assert said(run(text)) == {
        "free college": "Tobias Wrenfield",
        "fair pay raises": "Ilsa Varga",
        "the best.": "Dov Albescu",
    }
    with rules.switched_off({"cue.clause-subject"}):
        assert said(run(text)) == {}


def test_quoted_words_that_describe_or_set_the_scene_are_nobodys(run: Run) -> None:
    """Words quoted about the subject ("is a “good candidate”"), in a phrase of circumstance,
    after "so-called", or in a clause whose subject is an unresolved pronoun or a description
    are as often the writer's: no speaker is guessed."""
    x = run(
        "He pushed his plan for “free college” again. "
        "Marek Kowalski is a “good candidate” for the seat. "
        "Marta Okoye landed in Phoenix for a “policy address” on trade. "
        "Lena Osei backed the so-called “green deal” on Monday. "
        "Local officials backed the “fair share” plan."
    )
    assert said(x) == {}


def test_partial_quotes_go_through_a_resolved_subject_pronoun(run: Run) -> None:
    text = (
        "Ivo Brandt spoke first at his rally on Monday. He then pushed his plan for “free college” "
        "again."
    )
    assert said(run(text)) == {"free college": "Ivo Brandt"}
    with rules.switched_off({"cue.clause-subject-pronoun"}):
        assert said(run(text)) == {}


def test_a_name_a_speaker_calls_someone_is_speech_though_capitalised(run: Run) -> None:
    """ "X called Y “Little Marco”" quotes X even in headline case; a quoted title with one
    capitalised word after an article ("The Apprentice") is a title."""
    x = run(
        "Within minutes, Senator Ilsa Varga called Dov Albescu “Little Marco” twice. "
        "Marta Okoye, the star of “The Harbour,” arrived late. "
        "The authors are calling their dataset the “Alpine Ice Ledger” for now."
    )
    assert said(x) == {"Little Marco": "Ilsa Varga"}


def test_a_relative_clause_about_an_apposition_speaks_for_the_named_one(run: Run) -> None:
    """ "Who" hangs on the apposition or on the body named inside it: either way it is the
    person the apposition describes."""
    text = (
        "The board heard from Teodor Brankovic, the chairman of the Kessel Valley Transport "
        "Board, who told members that the bridge was “a danger to every driver who crosses it.”"
    )
    assert said(run(text)) == {"a danger to every dr": "Teodor Brankovic"}
    with rules.switched_off({"source.relative-appos"}):
        assert said(run(text)) != {"a danger to every dr": "Teodor Brankovic"}


def test_a_text_speaks_for_the_one_who_sent_it(run: Run) -> None:
    text = (
        "Laura Fenwick is running for the Senate. A fundraising email sent by Fenwick on "
        "Tuesday warned supporters that “the next three weeks will decide this race.”"
    )
    assert said(run(text)) == {"the next three weeks": "Laura Fenwick"}
    with rules.switched_off({"source.author"}):
        assert said(run(text)) == {"the next three weeks": "A fundraising email"}


def test_a_quote_credited_on_the_line_after_it(run: Run) -> None:
    """A person's credit line names the speaker; an agency's is a picture credit, and a
    credit line between two quote paragraphs ends the first speaker's turn."""
    text = (
        "Helen Marsh has run the bakery on Mill Street since 1998.\n\n"
        "“We will not give up on this town, whatever the council decides.”\n\n"
        "- Helen Marsh, Lowmoor.\n\n"
        "“Nobody asked us before they closed the station.”\n\n"
        "- Reuters."
    )
    assert said(run(text)) == {"We will not give up ": "Helen Marsh"}
    with rules.switched_off({"cue.credit-line"}):
        assert said(run(text)) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("''We had to wait for the right moment,'' recalled Ms. Ferreira.", "Ferreira"),
        (
            '"I am impressed by its reach," screenwriter Tomas Lindgren wrote online.',
            "Tomas Lindgren",
        ),
        ('"We had to wait," former state senator Ana Ruiz said.', "Ana Ruiz"),
        ('"To the extent they care," he said of Ana Ruiz.', None),
        ('"We had to wait," told Ana Ruiz the paper.', None),
        ('"We had to wait." Ana Ruiz said it twice.', None),
    ],
)
def test_a_name_next_to_the_verb_after_an_open_quote_speaks(
    nlp, text: str, name: str | None
) -> None:
    """The parse-free fallback for "“...,” recalled Mr. X" and "“...,” role X wrote": the small
    model reads such a name as the verb's object, or a role word before it as a verb."""
    from variorum.core.extract.frames import adjacent_speaker
    from variorum.core.extract.layout import analyse_layout
    from variorum.core.extract.mentions import MentionIndex, MentionRef
    from variorum.core.extract.quotes import find_quotes

    names = ["Ferreira", "Tomas Lindgren", "Ana Ruiz"]
    mentions = [
        MentionRef(text.index(n), text.index(n) + len(n), k, "PERSON")
        for k, n in enumerate(names)
        if n in text
    ]
    layout = analyse_layout(text)
    quote = find_quotes(layout)[0]
    found = adjacent_speaker(nlp(text), layout.nlp_text, MentionIndex(mentions, []), quote)
    assert (text[found.start : found.end] if found else None) == name


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("“He will work for you,” said the 46-year-old. “Now he will.”", "the 46-year-old"),
        ('"Nobody wins this way," tweeted a user from Hanover, days later.', "a user from Hanover"),
        ('"Nobody wins this way," told the paper its editor.', None),
        ('"Nobody wins this way," said Ana Ruiz.', None),
        ('"Nobody wins this way." The paper said so.', None),
    ],
)
def test_an_inverted_description_after_an_open_quote_speaks(
    nlp, text: str, phrase: str | None
) -> None:
    """ "“...,” said the 46-year-old": the phrase after the verb, opening with an article,
    read without the parse (which often leaves that verb without a subject)."""
    from variorum.core.extract.frames import inverted_description
    from variorum.core.extract.layout import analyse_layout
    from variorum.core.extract.quotes import find_quotes

    layout = analyse_layout(text)
    found = inverted_description(nlp(text), layout.nlp_text, find_quotes(layout)[0])
    assert (text[found[0] : found[1]] if found else None) == phrase


def test_a_colon_before_a_quote_in_two_apostrophes(run: Run) -> None:
    """The colon form read the same whatever the quote marks: '' opens a quote too."""
    x = run(
        "The mayor of Tarn, Olek Strand, was less kind in a post on Monday: "
        "''This is theft, plain and simple, and we will fight it.''"
    )
    assert said(x) == {"This is theft, plain": "Olek Strand"}


def test_a_body_in_apposition_after_a_description_is_not_the_named_speaker(run: Run) -> None:
    """ "Name, the editor of the paper, Paper Name, said": the parser hangs the paper's name
    on the person's; the apposition of a name names the same person, never a body."""
    x = run(
        "Piero Maria Vallan, the editor in chief of the diocese's weekly paper, La Campana "
        "Nuova, said every bishop was ''both pastoral and political.''"
    )
    speaker = said(x)["both pastoral and po"]
    assert "Vallan" in speaker and "Campana" not in speaker


def test_a_quote_mark_glued_to_the_next_word_is_not_part_of_a_name(run: Run, nlp) -> None:
    """A lost space after a closing quote mark ('...,”Clinton said') used to make one word of
    the comma, the mark and the name, which became the speaker 'me,”Clinton'."""
    text = "Clinton spoke on Monday. “It has been the most surprising to me,”Clinton said."
    assert said(run(text)) == {"It has been the most": "Clinton"}
    words = [t.text for t in nlp.make_doc('He said,"We will win."')]
    assert words[:5] == ["He", "said", ",", '"', "We"]


def test_a_quote_after_an_attributed_quote_goes_on_before_a_nearby_verb(run: Run) -> None:
    """ "“...,” X said. “More words.” Later Y said ...": the second quote goes on with the
    paragraph's speaker, not with the subject of a speech verb in the next sentence."""
    text = (
        "“We will not give up on this town,” Senator Ilsa Varga said on Monday. “This is the "
        "consequence of a campaign built on insults.” Later that day Governor Dov Albescu of "
        "the north said he would wait."
    )
    assert said(run(text)) == {
        "We will not give up ": "Ilsa Varga",
        "This is the conseque": "Ilsa Varga",
    }


def test_a_share_of_a_polls_respondents_speaks_through_the_poll(run: Run) -> None:
    """The words a share of respondents "say" are the poll's wording when the sentence names
    the poll; with no poll named, the share stays the speaker."""
    text = (
        "In a September Harlow County poll, 75 percent of farmers said “most people in "
        "politics” can't be trusted. At the fair, about half of the visitors said the "
        "stalls were “better than last year.”"
    )
    assert said(run(text)) == {
        "most people in polit": "a September Harlow County poll",
        "better than last yea": "about half of the visitors",
    }
    with rules.switched_off({"source.poll"}):
        assert said(run(text))["most people in polit"] == "75 percent of farmers"


def test_a_verb_right_after_the_quote_beats_the_clause_before_a_colon(run: Run) -> None:
    """ "X seemed irritated: “...,” she wrote": the quote's own attribution is "she wrote"
    (the mention an analyst sees), not the clause before the colon."""
    x = run(
        "Ilsa Varga met her board on Monday. Varga seemed irritated: “It is a public "
        "statement! Just send it to me,” she wrote."
    )
    ((speaker, quote),) = [(s.name, q) for s in x.speakers for q in s.quotes]
    assert speaker == "Ilsa Varga"
    assert quote.mention is not None and quote.mention.text == "she"


def test_words_reported_through_another_speaker_belong_to_the_reporter(run: Run) -> None:
    """ "X said Y reassured them that "..."": X told the writer these words, as annotators of
    real news mark it; "X said he told them "..."" stays with X."""
    x = run(
        "Senator Ana Reyes said Marta Okoye reassured members on Monday that the party "
        "“would not be like the others.” Ivo Brandt said he told his staff the plan was "
        "“dead on arrival.”"
    )
    assert said(x) == {
        "would not be like th": "Ana Reyes",
        "dead on arrival.": "Ivo Brandt",
    }


def test_a_name_set_off_before_a_colon_labels_the_speaker(run: Run) -> None:
    """ "Pollsters agree - Thomas Keller: “...”": a name alone before the colon (after a dash, a
    full stop or a line start) is a label, as in a transcript or a digest; the subject of a
    clause before a colon still speaks when no name is set off ("X was blunt: “...”")."""
    text = (
        "Senator Ilsa Varga spoke first. Pollsters agree - Thomas Keller: “Keep on contacting "
        "voters as late as you possibly can.”\n\nIvo Brandt was blunt: “The licence is gone "
        "for good now.”"
    )
    assert said(run(text)) == {
        "Keep on contacting v": "Thomas Keller",
        "The licence is gone ": "Ivo Brandt",
    }
    with rules.switched_off({"cue.colon-label"}):
        assert said(run(text)).get("Keep on contacting v") != "Thomas Keller"


def test_a_relative_pronoun_is_the_attributing_word_like_he(run: Run) -> None:
    """ "X, who said "..."": the speaker is X and the word that attributes the quote is
    "who", as "he" is for a pronoun."""
    x = run(
        "The board heard from Teodor Brankovic, who told members that the bridge was “a "
        "danger to every driver who crosses it.”"
    )
    ((speaker, quote),) = [(s.name, q) for s in x.speakers for q in s.quotes]
    assert speaker == "Teodor Brankovic"
    assert quote.mention is not None and quote.mention.text == "who"


def test_a_relative_pronoun_standing_for_a_description(run: Run) -> None:
    x = run(
        "The mayor's office linked to a local newspaper report, which notes, “More than half "
        "the people who met the mayor gave money to his campaign.”"
    )
    ((speaker, quote),) = [(s, q) for s in x.speakers for q in s.quotes]
    assert (speaker.name, speaker.label) == ("a local newspaper report", DESCRIPTION)
    assert quote.mention is not None and quote.mention.text == "which"


def test_words_quoted_in_a_noun_of_something_said_are_its_owners(run: Run) -> None:
    """ "after her March comment that “...”": the one whose comment it is speaks, through the
    pronoun ranker for "her"; nobody when the pronoun stands for no one named."""
    text = (
        "Senator Ilsa Varga visited her old school on Monday. The union is unlikely to back "
        "the party after her March comment that “we are going to close every mine.”"
    )
    x = run(text)
    ((speaker, quote),) = [(s.name, q) for s in x.speakers for q in s.quotes]
    assert speaker == "Ilsa Varga"
    assert quote.mention is not None and quote.mention.text == "her"
    with rules.switched_off({"cue.possessor"}):
        assert said(run(text)).get("we are going to clos") != "Ilsa Varga"
    alone = run("The union is unlikely to back him after his comment that “we will close mines.”")
    assert said(alone) == {}


def test_a_sentence_quoted_after_a_dash_is_introduced_like_after_a_colon(run: Run) -> None:
    text = (
        "Senator Ivo Brandt also embraced tougher rules -- “I think the border must be closed "
        "for a year.”"
    )
    assert said(run(text)) == {"I think the border m": "Ivo Brandt"}
    with rules.switched_off({"cue.colon"}):
        assert said(run(text)) == {}


def test_a_frame_whose_subject_has_an_apposition(run: Run) -> None:
    text = (
        "“Yes, I support the senator,” Tomas Brekke, founder of the Harlow Research Center, "
        "tells the paper in an interview."
    )
    # the frame alone: the parse-free and subject rules switched off
    with rules.switched_off({"cue.subject", "cue.adjacent-name", "cue.nearby-verb"}):
        assert said(run(text)) == {"Yes, I support the s": "Tomas Brekke"}


def test_a_described_frame_whatever_the_tagger_made_of_its_verb(run: Run) -> None:
    """ "“...,” the email read.": the tagger reads "email read" as one noun; the words still
    say the email speaks. A phrase with a verb of its own is no frame."""
    text = "“Friend, let me be blunt. I can beat her. He can't,” the email read."
    assert said(run(text)) == {"Friend, let me be bl": "the email"}
    with rules.switched_off({"cue.described-frame"}):
        assert said(run(text)) != {"Friend, let me be bl": "the email"}


def test_a_described_frame_stops_at_punctuation(nlp: Language) -> None:
    """ "“...,” the group's director, Luis Ortega, said": a name set off by commas speaks,
    not the phrase before it."""
    for text, expected in (
        ("“We can wait no more,” the email read.", "the email"),
        ("“We can wait no more,” the group's director, Luis Ortega, said.", None),
    ):
        layout = analyse_layout(text)
        doc = nlp(layout.nlp_text)
        (q,) = find_quotes(layout)
        found = described_frame(doc, layout.nlp_text, q)
        assert (layout.nlp_text[found[0] : found[1]] if found else None) == expected
