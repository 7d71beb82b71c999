"""Attribution on invented text (made-up names) through the word lists: verbs that report a
quote only as their complement, and nouns of things said."""

from __future__ import annotations

from tests.core.extract.speakers import Run, said


def test_a_finding_quoted_as_the_complement_of_find_is_the_finders(run: Run) -> None:
    """ "In 2014, X found that "..."": a survey's or a study's words are its author's."""
    text = (
        "Fishing is a popular topic with Kessock voters. In 2014, Gallmark found that “about "
        "twice as many fishermen and their families said it was more important to protect the "
        "pier (65%) than to build a marina (31%).” But since 2007, the council has changed."
    )
    assert said(run(text)) == {"about twice as many ": "Gallmark"}


def test_a_catch_phrase_is_its_owners(run: Run) -> None:
    """ "X's catch phrase in that election was that Y "..."": the phrase is X's."""
    text = (
        "Mark Ellison ran against Susan Hardy in 2010. Ellison’s catch phrase in that election "
        "was that Hardy “would say or do anything to win an election.”"
    )
    assert said(run(text)) == {"would say or do anyt": "Mark Ellison"}
