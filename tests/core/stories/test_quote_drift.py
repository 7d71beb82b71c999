"""Quote drift across a story: each base statement in every version (the same, reworded, not
quoted), the first version that changed it in time order, and the story's names, so a
re-post calling the speaker by surname still speaks for the base's full name."""

from __future__ import annotations

from variorum.core.extract import Extraction, Quote, Speaker
from variorum.core.stories.quote_drift import QuoteState, story_quote_drift

TALENT = "China has some of the best AI talent in the world"
HOPE = "I really hope Chinese AI researchers will make great contributions here"
OTHER = "The ban will be reviewed next year"


def quoted(*quotes: tuple[str, str]) -> tuple[Extraction, str]:
    """An extraction and its text: each (speaker, quote) in a paragraph of its own."""
    paragraphs: list[str] = []
    speakers: dict[str, list[Quote]] = {}
    pos = 0
    for name, text in quotes:
        para = f"“{text},” {name} said."
        speakers.setdefault(name, []).append(
            Quote(text, pos + 1, pos + 1 + len(text), name, "said", None)
        )
        paragraphs.append(para)
        pos += len(para) + 2
    extraction = Extraction(tuple(Speaker(n, "PERSON", (), tuple(q)) for n, q in speakers.items()))
    return extraction, "\n\n".join(paragraphs)


def test_each_statement_in_every_version_and_who_changed_it_first() -> None:
    base, base_text = quoted(("Sam Altman", TALENT), ("Sam Altman", HOPE), ("Ann Holt", OTHER))
    same = quoted(("Sam Altman", TALENT), ("Sam Altman", HOPE), ("Ann Holt", OTHER))
    sharpened = quoted(
        ("Altman", "China has the best AI talent in the world"),  # surname only: same person
        ("Sam Altman", HOPE),
    )
    later = quoted(
        ("Sam Altman", "China has the best AI talent in the world"),
        ("Sam Altman", "I hope Chinese AI researchers will contribute here"),
        ("Ann Holt", OTHER),
    )
    # Versions 1..3; in time order the third came out before the second.
    drift = story_quote_drift(base, base_text, [same, sharpened, later], order=[1, 3, 2])
    assert [q.speaker for q in drift.quotes] == ["Sam Altman", "Sam Altman", "Ann Holt"]
    talent, hope, other = drift.quotes
    assert [r.state for r in talent.readings] == [
        QuoteState.SAME,
        QuoteState.REWORDED,
        QuoteState.REWORDED,
    ]
    assert talent.readings[1].text == "China has the best AI talent in the world"
    assert talent.readings[1].drifts[0].speaker == "Sam Altman"
    assert talent.first_changed == 3  # version 3 came out before version 2
    assert talent.first_dropped is None
    assert [r.state for r in hope.readings] == [
        QuoteState.SAME,
        QuoteState.SAME,
        QuoteState.REWORDED,
    ]
    assert hope.first_changed == 3
    assert [r.state for r in other.readings] == [
        QuoteState.SAME,
        QuoteState.ABSENT,
        QuoteState.SAME,
    ]
    assert other.first_changed is None and other.first_dropped == 2 and other.reworded == 0
    assert [q.text for q in drift.drifted()] == [TALENT, HOPE]
    assert talent.spans == ((1, 1 + len(TALENT)),)
    assert base_text[talent.spans[0][0] : talent.spans[0][1]] == TALENT


def test_a_story_whose_base_quotes_nobody() -> None:
    base, text = Extraction(), "No quotes here."
    drift = story_quote_drift(base, text, [quoted(("Sam Altman", TALENT))])
    assert drift.quotes == () and drift.order == (1,)
