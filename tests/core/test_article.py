from __future__ import annotations

from variorum.core.article import ArticleDraft, build_article, content_id, count_words


def test_paragraph_offsets_point_into_text() -> None:
    draft = ArticleDraft(format="text", paragraphs=["  Title ", "", "First para.", "Second one."])
    draft.headings.add(0)
    article = build_article(draft, "/x.txt")
    assert article.text == "Title\n\nFirst para.\n\nSecond one."
    assert [article.text[p.start : p.end] for p in article.paragraphs] == [
        "Title",
        "First para.",
        "Second one.",
    ]
    assert article.paragraphs[0].kind == "heading"
    assert article.title == "Title"
    assert article.words == 5


def test_id_ignores_whitespace_layout_but_not_words() -> None:
    assert content_id("a  b\n\nc") == content_id("a b c")
    assert content_id("a b c") != content_id("a b d")


def test_word_count_keeps_contractions_and_hyphens_whole() -> None:
    assert count_words("Don't re-post U.S. news — 40 words.") == 6
