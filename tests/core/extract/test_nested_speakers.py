"""Attribution on invented text (made-up names) where one speech verb stands inside another's
sentence: whose words the quote is."""

from __future__ import annotations

from collections.abc import Callable

from variorum.core.extract import Extraction

Run = Callable[[str], Extraction]


def said(x: Extraction) -> dict[str, str]:
    """Quote text (first 20 characters) -> speaker name."""
    return {q.text[:20]: s.name for s in x.speakers for q in s.quotes}


def test_a_second_speaker_set_against_the_first_is_not_inside_his_report(run: Run) -> None:
    """ "X suggested that ..., while Y said that "..."": the parse may hang the "while"
    clause inside X's reported clause, but the writer reports Y's words, not X's."""
    text = (
        "Odo Brankston spoke for an hour at the harbour. Brankston suggested that someone who "
        "can’t run a ferry can’t be mayor, while Tolliver said that the “stakes for the town "
        "are too high” for Brankston to win."
    )
    assert said(run(text)) == {"stakes for the town ": "Tolliver"}
