"""Boilerplate set aside and metadata read from the text, never at the cost of a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from variorum.core.ingest import load_bytes, load_file
from variorum.core.ingest.boilerplate import is_boilerplate, split_boilerplate
from variorum.core.ingest.textmeta import (
    find_dateline,
    parse_byline,
    parse_date,
    read_text_metadata,
)

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)", re.M)


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_every_sentence_of_seed_000_survives(seed000: Path) -> None:
    raw = seed000.read_text(encoding="utf-8")
    article = load_file(seed000)
    text = _norm(article.text)
    sentences = [s.strip() for s in SENTENCE_RE.findall(raw) if len(s.split()) >= 2]
    assert len(sentences) > 40
    missing = [s for s in sentences if _norm(s) not in text]
    assert missing == []
    assert article.boilerplate == ()
    assert article.byline == "Karen Hao"  # from "Write to Karen Hao at ...", which stays


def test_seed_002_chrome_is_set_aside(seed002: Path) -> None:
    article = load_file(seed002)
    aside = set(article.boilerplate)
    for chrome in [
        "Home » OpenAI CEO calls for U.S.-China cooperation to tackle AI risks",
        "#AI#",
        "(Proofreading/Zhao Yue)",
        "Editor in charge: Li Mei",
        "WeChat: jiayou_zj",
        "You may also like",
        "Leave a Comment",
        "Privacy & Cookies Policy",
    ]:
        assert chrome in aside, chrome
        assert chrome not in article.text
    assert any(a.startswith("See also") for a in aside)
    assert any("Akismet" in a for a in aside)
    assert any("uses cookies" in a for a in aside)
    assert "cookies" not in article.text
    assert article.byline == "admin"
    assert article.site == "Aijiwei"
    # the story itself is intact: every long paragraph of the file is in the text
    raw = seed002.read_text(encoding="utf-8")
    story = [p.strip() for p in raw.split("\n\n") if len(p.split()) > 25]
    assert len(story) >= 6
    for paragraph in story:
        if "cookies" in paragraph:
            continue
        assert _norm(paragraph) in _norm(article.text)
    assert article.paragraph_texts()[0] == (
        "OpenAI CEO calls for U.S.-China cooperation to tackle AI risks"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Home » News » Technology",
        "share",
        "Share this article",
        "See also: Ten things you missed",
        "Leave a Reply",
        "Privacy & Cookies Policy",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Editing by Jane Roe",
        "E-mail this to a friend",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the announcement.",
        "Home secretary Jane Roe said the plan would go ahead.",
        "See also the minister's statement, which contradicts the report in several places "
        "and was published a day later by the ministry on its own website for all to read, "
        "alongside the original letter from the committee and a list of the people who signed.",
        "The company said cookies were the best-selling product of the year.",
        "Summary",
    ],
)
def test_real_sentences_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_repeated_title_keeps_first() -> None:
    split = split_boilerplate(["Big news today", "Big news today", "Body text of the story."])
    assert split.kept == [0, 2]
    assert split.boilerplate == ["Big news today"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("June 10, 2023", "2023-06-10"),
        ("Sat 10 June 2023", "2023-06-10"),
        ("Published: 3 Jan. 2021 at 5:30 pm", "2021-01-03T17:30"),
        ("Last Updated: Saturday, 21 October 2006, 14:41 GMT 15:41 UK", "2006-10-21T14:41"),
        ("2023-06-10T12:30:00Z", "2023-06-10T12:30"),
        ("2023/06/10", "2023-06-10"),
        ("10.06.2023", "2023-06-10"),
        ("2023年6月10日", "2023-06-10"),
        ("no date here", None),
        ("February 30, 2023", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_bylines_and_datelines() -> None:
    assert parse_byline("By Jane Doe and John Roe | Reuters") == "Jane Doe and John Roe"
    assert parse_byline("by admin") == "admin"
    assert parse_byline("By some metrics, China now produces more papers than") is None
    assert find_dateline("HONG KONG—As the U.S. seeks to contain") == "HONG KONG"
    assert find_dateline("WASHINGTON (Reuters) - The Senate voted") == "WASHINGTON"
    assert find_dateline("OpenAI doesn’t make available its services") is None


def test_standalone_metadata_lines_are_taken_out() -> None:
    meta = read_text_metadata(
        ["Headline", "By Jane Doe", "June 10, 2023", "Source: Xinhua", "Body of the story."]
    )
    assert (meta.byline, meta.published, meta.source) == ("Jane Doe", "2023-06-10", "Xinhua")
    assert meta.consumed == {1, 2, 3}


def test_text_loader_applies_cleanup() -> None:
    data = (
        "Home » World\n\nHarbour plan approved\n\nBy Jane Doe\n\n6 hours ago\n\n"
        "The council approved the harbour plan on Tuesday after a long debate.\n\nshare\n"
    ).encode()
    article = load_bytes(data, "page.txt")
    assert article.paragraph_texts() == [
        "Harbour plan approved",
        "The council approved the harbour plan on Tuesday after a long debate.",
    ]
    assert article.byline == "Jane Doe"
    assert article.boilerplate == ("Home » World", "By Jane Doe", "6 hours ago", "share")
