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


def test_news_sentences_that_begin_like_chrome_are_body() -> None:
    """A sentence is chrome only by a label, a structure or being a short line of its own:
    business and tech copy often begins with "Share prices", "Privacy campaigners", "Credit
    card", "Phone makers", and mentions newsletters or cookies in passing."""
    for line in [
        "Share prices in Norvik Energy fell 4 percent on Monday after the regulator acted.",
        "Privacy campaigners at Data Watch said the ruling was “a turning point”.",
        "Credit card companies have until March to comply, the authority said.",
        "Phone makers including Lumen and Vexa said they would appeal.",
        "Contact tracing teams from the health ministry were sent to the village.",
        "Photo agencies said the images had been altered before publication.",
        "Print advertising revenue at the Herald fell by a third, its chief executive said.",
        "Copyright lawyers for the studio said the claim was baseless.",
        "In a newsletter to members, the union said it would strike in May.",
        "The bakery's cookies won first prize at the county show, organisers said.",
        "Parents in the district joined an opt-out movement against state exams, Dale said.",
        "The ministry does not track opt-out rates for the new donor register.",
    ]:
        assert classify_line(line) == BODY, line
    for line in [
        "Photo: Lena Ortiz/Harbour Times",
        "Image copyright Getty Images",
        "Source: Xinhua",
        "Copyright 2024 Harbour Times. All rights reserved.",
        "Privacy policy",
        "Sign up for our newsletter",
        "Share on Facebook",
        "We will email you once a week. You can opt out at any time.",
        "Unsubscribe",
    ]:
        assert classify_line(line) == BOILERPLATE, line


def test_a_paragraph_beginning_share_prices_keeps_its_quote_and_names(run) -> None:  # type: ignore[no-untyped-def]
    """End to end: such a paragraph used to be skipped as chrome, losing who was quoted."""
    x = run(
        "Norvik Energy shares slump\n\n"
        "Share prices in Norvik Energy fell 4 percent on Monday after the Financial Conduct "
        "Authority opened an inquiry. “This is a serious matter,” said Helen Marsh, an analyst "
        "at Caldwell Brooks.\n\nThe company declined to comment."
    )
    assert [(s.name, len(s.quotes)) for s in x.speakers] == [("Helen Marsh", 1)]
    assert {"Financial Conduct Authority", "Caldwell Brooks"} <= {o.name for o in x.organizations}


def test_a_copyright_footer_names_its_holder_a_sentence_does_not(run) -> None:  # type: ignore[no-untyped-def]
    assert classify_line("Copyright Coastal Wire Service. Republished with permission.") == (
        BOILERPLATE
    )
    x = run(
        "Studio sues streamer\n\nCopyright lawyers for Vexa Studios said the claim against "
        "Northwind Media was baseless. “We will win,” said Dana Hale, a partner at Morrow & "
        "Pike.\n\nCopyright Harbour Wire Service. Republished with permission."
    )
    orgs = {o.name for o in x.organizations}
    assert {"Vexa Studios", "Morrow & Pike"} <= orgs
    assert not any("Harbour" in name for name in orgs)
