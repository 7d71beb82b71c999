"""The merged wording of a reworded quote, as the sidebar and the reports write it."""

from __future__ import annotations

from variorum.core.extract import Extraction, Quote, Speaker
from variorum.core.extract.drift import compare_extractions
from variorum.present.drift import drift_segments


def merged(a_text: str, b_text: str) -> str:
    def one(text: str) -> Extraction:
        quote = Quote(text, 0, len(text), "Ann Lee", "said", None)
        return Extraction((Speaker("Ann Lee", "PERSON", (), (quote,)),))

    (drift,) = compare_extractions(one(a_text), one(b_text)).quotes
    return "".join(s.text for s in drift_segments(drift))


def test_an_inserted_word_stays_apart_from_its_neighbours() -> None:
    # at the start there is no word before it, only after it
    assert merged("disheartened state", "deeply disheartened state") == (
        "deeply disheartened state"
    )
    assert merged(
        "I hope Chinese researchers will help", "I hope that Chinese researchers will help"
    ) == ("I hope that Chinese researchers will help")
    assert merged("we will win the vote", "we will win the vote today") == (
        "we will win the vote today"
    )
