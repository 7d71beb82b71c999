"""Article.id and .words are computed on first read for articles the loader builds, and behave
as stored fields everywhere else (constructor, asdict, equality); load_many computes them in
its own thread."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

from variorum.core.article import Article, content_id, count_words
from variorum.core.ingest import load_bytes, load_many

TEXT = b"Harbour plan approved\n\nThe council approved the harbour plan on Tuesday, 12-3.\n"


def test_computed_on_first_read() -> None:
    article = load_bytes(TEXT, "story.txt")
    assert article.__dict__["_id"] is None and article.__dict__["_words"] is None
    assert article.words == count_words(article.text) == 12
    assert article.id == content_id(article.text)
    assert article.__dict__["_id"] == article.id


def test_a_stored_field_everywhere_else() -> None:
    article = load_bytes(TEXT, "story.txt")
    data = asdict(article)
    assert data["id"] == content_id(article.text) and data["words"] == 12
    data["paragraphs"] = article.paragraphs
    again = Article(**data)
    assert again == article and hash(again) == hash(article)
    given = replace(article, id="fixed", words=7)
    assert (given.id, given.words) == ("fixed", 7)
    assert "words=12" in repr(article)


def test_load_many_computes_them_in_its_thread(tmp_path: Path) -> None:
    """The window loads through load_many in a worker: the hash of a long article must not be
    computed later on the window's thread when the list first shows it."""
    (tmp_path / "a.txt").write_bytes(TEXT)
    (article,) = load_many([tmp_path]).articles
    assert article.__dict__["_id"] == content_id(article.text)
    assert article.__dict__["_words"] == 12
