from __future__ import annotations

from variorum.core.extract.layout import (
    BODY,
    BOILERPLATE,
    HEADING,
    analyse_layout,
    classify_line,
    is_headline_case,
)


def test_soft_line_breaks_become_spaces_and_offsets_stay() -> None:
    text = (
        "The minister said the plan would\n"
        "cost more than expected, and the\n"
        "opposition agreed with her on that point.\n"
        "A new paragraph starts here after a full stop."
    )
    layout = analyse_layout(text)
    assert len(layout.nlp_text) == len(text)
    assert "would cost" in layout.nlp_text
    assert "the opposition" in layout.nlp_text
    assert "point.\nA new" in layout.nlp_text


def test_heading_lines_keep_their_breaks() -> None:
    text = "Council Approves New Budget\nSummary\nThe council voted on Monday."
    layout = analyse_layout(text)
    assert layout.nlp_text == text
    kinds = [b.kind for b in layout.blocks]
    assert kinds == [HEADING, BOILERPLATE, BODY]


def test_boilerplate_lines() -> None:
    for line in [
        "Home » Politics » Council approves budget",
        "See also  “Something else”: another story",
        "Editor in charge: Jane Doe",
        "(Proofreading/Wang Lei)",
        "Reporting by Ann Smith; Editing by Bob Jones",
        "Write to Pat Lee at pat.lee@example.com",
        "This website uses cookies to improve your experience. Accept",
        "Leave a Comment",
        "by admin",
    ]:
        assert classify_line(line) == BOILERPLATE, line
    for line in [
        "The council voted on Monday to approve the budget, officials said.",
        "“We are pleased,” said the mayor, Ann Smith.",
    ]:
        assert classify_line(line) == BODY, line


def test_headline_case() -> None:
    assert is_headline_case("Mayor Calls for Calm After Flooding in River Towns")
    assert not is_headline_case("The mayor called for calm after flooding in river towns")
    assert not is_headline_case("It Rained. Then It Flooded. The Mayor Called for Calm in Towns.")


def test_wire_credits_are_boilerplate() -> None:
    for line in [
        "Associated Press writer Jo Lane in Denver contributed to this report.",
        "Staff writer Sam Oduya contributed reporting to this story.",
    ]:
        assert classify_line(line) == BOILERPLATE, line
    assert classify_line("Volunteers contributed food and blankets to the shelter.") == BODY
