from __future__ import annotations

from variorum.core.extract.layout import analyse_layout
from variorum.core.extract.quotes import find_quotes


def quotes(text: str) -> list[str]:
    return [q.text for q in find_quotes(analyse_layout(text))]


def test_quote_styles() -> None:
    assert quotes('He said "we will win the vote" today.') == ["we will win the vote"]
    assert quotes("He said “we will win the vote” today.") == ["we will win the vote"]
    assert quotes("Il a dit « nous gagnerons le vote » hier.") == ["nous gagnerons le vote"]
    assert quotes("He said ``we will win the vote'' today.") == ["we will win the vote"]
    assert quotes("He said „we will win the vote“ today.") == ["we will win the vote"]
    assert quotes("He said ‘we will win the vote’ today.") == ["we will win the vote"]


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("The country’s leaders met the giants’ owners at Tom's house.") == []


def test_mixed_and_wrong_way_marks() -> None:
    # curly opening with straight closing, as in text pasted from two sources
    assert quotes('“We will win," she said. “Then we rest."') == ["We will win", "Then we rest."]
    # closing mark typed as an opening one at the end of a paragraph
    assert quotes("Lee said, “We should be careful. “") == ["We should be careful."]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "Lee said: “We should be careful and patient\n\nNext paragraph without quotes."
    assert quotes(text) == ["We should be careful and patient"]


def test_offsets_point_into_the_text() -> None:
    text = 'First line.\n\nShe said "it works well" and left.'
    (q,) = find_quotes(analyse_layout(text))
    assert text[q.start : q.end] == "it works well"
    assert text[q.outer_start] == '"' and text[q.outer_end - 1] == '"'


def test_quote_spanning_sentences_and_a_hard_break() -> None:
    text = "“This is the first sentence. And this is the\nsecond one,” she said."
    assert quotes(text) == ["This is the first sentence. And this is the\nsecond one"]


def test_straight_single_quotes_need_two_words_and_matching_marks() -> None:
    assert quotes("He called it 'the best plan' and left.") == ["the best plan"]
    assert quotes("The fishers' nets and the 'xAI' brand were lost.") == []


def test_same_glyph_on_both_sides() -> None:
    assert quotes("”We will win the vote,” he said.") == ["We will win the vote"]
    assert quotes("“We will win the vote“ he said.") == ["We will win the vote"]
    assert quotes("»We will win the vote«, sagte er.") == ["We will win the vote"]


def test_a_single_quote_ending_inside_a_double_one() -> None:
    """Three apostrophes after a word: the single quote's closer, then the double one's."""
    text = "''Then I say: 'He is one of us,''' Mr. Lark said. He added ''never again.''"
    assert quotes(text) == ["Then I say: 'He is one of us,'", "never again."]


def test_a_closing_mark_with_the_space_after_it_lost() -> None:
    assert quotes("“It has been a surprise,”Vell said. “A big one.”") == [
        "It has been a surprise",
        "A big one.",
    ]


def test_two_apostrophes_opening_a_quote_are_both_in_its_outer_span() -> None:
    """Text that writes both marks as two apostrophes: the rules look at what comes right
    before the opening mark (a colon, a comma), so the outer span must start at the first."""
    text = "He was blunt: ''We are not leaving.''"
    (q,) = find_quotes(analyse_layout(text))
    assert text[q.outer_start : q.start] == "''"
    assert text[: q.outer_start].rstrip().endswith(":")


def test_a_years_apostrophe_opens_no_quote() -> None:
    """ "in ‘08", "the ’90s": the mark stands for a century. Taken for an opener, it ran to
    the next closing mark across a double-quoted passage, whose "he said" then counted as
    quoted words and the passage lost its speaker."""
    text = (
        "Rep. Ann Tolliver said in ‘08 that the early support was real. “I do sense that "
        "people are aware of it,” she said. Back in the ’90s, the ‘old town’ was poorer."
    )
    assert quotes(text) == ["I do sense that people are aware of it", "old town"]
    assert quotes("Police said: ‘20 people were hurt in the blast,’ a spokesman added.") == [
        "20 people were hurt in the blast"
    ]


def test_a_single_quote_never_crosses_a_double_one() -> None:
    """ "how ‘bout" opens nothing that could close at "residents’" inside the headline."""
    text = "And how ‘bout this headline: “Surge in robberies alters residents’ routines.” Wow."
    assert quotes(text) == ["Surge in robberies alters residents’ routines."]
