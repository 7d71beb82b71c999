"""E-mail: body text or HTML part, subject as title, sender and date."""

from __future__ import annotations

import pytest

from tests.ingest.builders import eml_bytes
from variorum.core.ingest import load_bytes
from variorum.core.ingest.errors import EmptyFileError

BODY = (
    "The harbour authority approved the expansion on Tuesday.\n\n"
    "“We have listened to every objection,” said Maria Lopez, the authority’s chair."
)


def test_plain_text_email() -> None:
    article = load_bytes(eml_bytes(BODY, subject="Harbour plan approved"), "news.eml")
    assert article.format == "eml"
    assert article.title == "Harbour plan approved"
    assert article.byline == "Desk Editor <desk@example.com>"
    assert article.published == "2023-06-10T09:30:00+00:00"
    assert article.paragraph_texts() == BODY.split("\n\n")


def test_html_only_email_goes_through_the_html_extractor() -> None:
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</body></html>"
    article = load_bytes(eml_bytes("", subject="Newsletter", html=html), "letter.eml")
    assert article.format == "eml"
    assert "Maria Lopez" in article.text
    assert "<p>" not in article.text


def test_plain_part_preferred_over_html() -> None:
    data = eml_bytes(BODY, subject="Both", html="<p>HTML VERSION of the text here</p>")
    assert "HTML VERSION" not in load_bytes(data, "both.eml").text


def test_latin1_email_body() -> None:
    data = eml_bytes("Le garçon a mangé une crème brûlée.", subject="Café", charset="latin-1")
    assert "crème brûlée" in load_bytes(data, "fr.eml").text


def test_email_detected_from_content() -> None:
    article = load_bytes(eml_bytes(BODY, subject="Sniffed"), "message.txt")
    assert article.format == "eml"


def test_email_without_body() -> None:
    data = b"From: a@example.com\nTo: b@example.com\nSubject: Empty\nDate: Sat, 10 Jun 2023\n\n"
    with pytest.raises(EmptyFileError):
        load_bytes(data, "empty.eml")
