"""Attribution on invented text (made-up names) where one speech verb stands inside another's
sentence: whose words the quote is."""

from __future__ import annotations

from tests.core.extract.speakers import Run, said


def test_a_second_speaker_set_against_the_first_is_not_inside_his_report(run: Run) -> None:
    """ "X suggested that ..., while Y said that "..."": the parse may hang the "while"
    clause inside X's reported clause, but the writer reports Y's words, not X's."""
    text = (
        "Odo Brankston spoke for an hour at the harbour. Brankston suggested that someone who "
        "can’t run a ferry can’t be mayor, while Tolliver said that the “stakes for the town "
        "are too high” for Brankston to win."
    )
    assert said(run(text)) == {"stakes for the town ": "Tolliver"}


def test_a_verb_in_brackets_speaks_for_nothing_outside_them(run: Run) -> None:
    """ "(think X and Y)": an aside in brackets is a frame of its own; its verb and the
    names in it are never the speaker of a quote outside the brackets."""
    text = (
        "The paradox of Mrs. Tolliver, says Odo Brankston, historian at the Kessock Harbour "
        "Museum, is that she was “one of the most powerful mayors in the post-war era,” not for "
        "her policy influence (think Piet Dufresne and Ann Marr) but for her “personal influence "
        "closely monitoring the council.”"
    )
    speakers = set(said(run(text)).values())
    assert not speakers & {"Piet Dufresne", "Ann Marr"}


def test_a_quote_in_a_phrase_of_the_speech_verb_is_the_subjects(run: Run) -> None:
    """ "X described Y as "..." with a "..."": every quote in a phrase the speech verb governs
    is the speaker's, even past another quote in the same sentence."""
    text = (
        "At a rally in Kessock this spring, Ann Tolliver described the mayor as “kind” with a "
        "“great heart.”"
    )
    assert said(run(text)) == {"kind": "Ann Tolliver", "great heart.": "Ann Tolliver"}


def test_the_name_set_off_after_a_quote_beats_a_far_subordinate_speaker(run: Run) -> None:
    """ "“...,” X, [a long description], said when Y asked him a question": the parse loses X
    to the description and offers only Y, far from the quote; the name right after the quote,
    set off before its speech verb, is read too and wins."""
    text = (
        "Mayor Susan Hardy spoke to businessman Mark Ellison on Monday.\n\n"
        "“Very good reporter, very good reporter this lady,” Ellison, the harbour board chairman "
        "and current polling leader in Kessock by a wide margin after winning the spring "
        "primaries, said when Hardy asked him a question."
    )
    assert said(run(text))["Very good reporter, "].endswith("Ellison")


def test_a_speech_verb_in_a_phrase_is_not_inside_the_main_verbs_report(run: Run) -> None:
    """ "Under what X called "...", the club charged ...": the clause sits in a phrase of
    the main verb, not in its reported clause, so X keeps the words."""
    text = (
        "Mark Ellison manages three marinas. In 2009, under what Mr. Ellison called “the prior "
        "harbour model,” the Kessock Yacht Club, a private club 300 miles north of the city, "
        "charged visiting sailors a fee of $200 a night."
    )
    assert said(run(text)) == {"the prior harbour mo": "Mark Ellison"}


def test_the_subject_of_a_negated_speech_verb_did_not_say_the_words(run: Run) -> None:
    """ "Y cannot say that "...", X added, saying it should be "..."": Y is the one who
    does not say them; a "not" inside the quote itself ("“Absolutely not,” he said") does not
    count."""
    text = (
        "Mark Ellison criticised the harbour inspector on Tuesday. Susan Hardy cannot say that "
        "“from her perspective,” Ellison added, saying it should be “up to the harbour board to "
        "move forward or not.”\n\n"
        "“Absolutely not,” Ellison said of the possibility of a new inspector."
    )
    found = said(run(text))
    assert len(found) == 3
    assert set(found.values()) == {"Mark Ellison"}
