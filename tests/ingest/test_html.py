"""HTML: the 2006 BBC page, modern pages built here, charsets, and hostile markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.builders import html_page
from tests.ingest.conftest import word_similarity
from variorum.core.ingest import load_bytes, load_file
from variorum.core.ingest.html import Extraction, choose_body, declared_charset
from variorum.core.ingest.htmltext import Block

STORY = [
    "The harbour authority approved the long-delayed expansion of the container terminal on "
    "Tuesday, ending a decade of argument over dredging the eastern channel.",
    "“We have listened to every objection,” said Maria Lopez, the authority’s chair, adding "
    "that the first berth would open in 2026.",
    "Fishermen’s groups said they would challenge the decision in court, citing damage to "
    "spawning grounds that the environmental report had underestimated.",
    "The project is expected to cost 1.2 billion euros and create about 800 permanent jobs, "
    "according to estimates published by the regional government last year.",
]


@pytest.fixture(scope="module")
def bbc(corpus_dir: Path) -> Path:
    return corpus_dir / "bbc" / "6072486-A.html"


def test_bbc_2006_page_is_the_story_alone(bbc: Path) -> None:
    article = load_file(bbc)
    assert article.format == "html"
    assert article.title == "Son-in-law remanded over killing"
    assert article.published is not None and article.published.startswith("2006-10-21")
    texts = article.paragraph_texts()
    assert texts[0] == "Son-in-law remanded over killing"
    assert article.paragraphs[0].kind == "heading"
    assert texts[1] == (
        "The son-in-law of a 73-year-old Castleford widow has been charged with her murder."
    )
    assert texts[-1].startswith("He denied the charges against him")
    for chrome in ["E-mail this to a friend", "Printable version", "BBC NEWS CHANNEL",
                   "RELATED INTERNET LINKS", "News feeds", "Most Popular", "FEATURES"]:
        assert chrome.casefold() not in article.text.casefold(), chrome
    assert article.words < 120


def test_bbc_chrome_is_kept_aside_for_the_reader(bbc: Path) -> None:
    """What the extractor removed is not lost: View › Show Boilerplate shows it."""
    article = load_file(bbc)
    aside = article.boilerplate
    for chrome in ["E-mail this to a friend", "Printable version", "BBC NEWS CHANNEL"]:
        assert chrome in aside, chrome
    assert not set(aside) & set(article.paragraph_texts())  # none of the story itself
    assert len(aside) == len(set(aside))


def test_bbc_copies_load_identically(corpus_dir: Path) -> None:
    a = load_file(corpus_dir / "bbc" / "6072486-A.html")
    b = load_file(corpus_dir / "bbc" / "6072486-B.html")
    assert a.id == b.id and a.text == b.text


def test_modern_page_metadata_and_clean_body() -> None:
    page = html_page(STORY, title="Harbour expansion approved after decade of argument")
    article = load_bytes(page.encode(), "page.html")
    assert article.title == "Harbour expansion approved after decade of argument"
    assert article.site == "Example News"
    assert article.byline == "Karen Hao"
    assert article.published is not None and article.published.startswith("2023-06-10")
    for para in STORY:
        assert para in article.text
    for chrome in ["Share on Facebook", "Related stories", "cheap watches", "uses cookies",
                   "Technology", "All rights reserved"]:
        assert chrome not in article.text, chrome
        # set aside, not thrown away: the reader can check what was removed
        assert any(chrome in line for line in article.boilerplate), chrome
    assert not any(para in line for para in STORY for line in article.boilerplate)


def test_json_ld_metadata() -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Harbour plan approved",'
        '"datePublished":"2021-03-04T10:00:00Z",'
        '"author":{"@type":"Person","name":"Jane Doe"},'
        '"publisher":{"@type":"Organization","name":"Coastal Times"}}</script>'
    )
    page = html_page(STORY, title="Harbour plan approved", extra_head=ld).replace(
        '<meta name="author" content="Karen Hao">', ""
    ).replace('<meta property="article:published_time" content="2023-06-10T09:30:00Z">', "")
    page = page.replace('<p class="byline">By Karen Hao</p>', "").replace(
        '<meta property="og:site_name" content="Example News">', ""
    )
    article = load_bytes(page.encode(), "ld.html")
    assert article.byline == "Jane Doe"
    assert article.published is not None and article.published.startswith("2021-03-04")
    assert article.site == "Coastal Times"


def test_declared_charset_is_honoured() -> None:
    page = html_page(STORY, title="Café crème à la française", charset="iso-8859-1")
    data = page.encode("cp1252")
    assert declared_charset(data) == "iso-8859-1"
    article = load_bytes(data, "latin.html")
    assert "Café crème à la française" in article.text
    assert "“We have listened" in article.text  # cp1252 quotes under an ISO-8859-1 label
    assert article.warnings == ()


def test_undeclared_charset_is_detected() -> None:
    page = html_page(STORY, title="Café crème à la française").replace(
        '<meta charset="utf-8">', ""
    )
    article = load_bytes(page.encode("cp1252"), "nolabel.html")
    assert "Café crème" in article.text


def test_html_from_seed_000_matches_text(seed000: Path) -> None:
    raw = seed000.read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip()]
    page = html_page(lines[1:], title=lines[0])
    article = load_bytes(page.encode(), "seed.html")
    assert word_similarity(raw, article.text) >= 0.98


def test_clipboard_html_fragment() -> None:
    fragment = (
        '<meta http-equiv="content-type" content="text/html; charset=utf-8">'
        + "".join(f"<p>{p}</p>" for p in STORY)
    )
    article = load_bytes(fragment.encode(), "clipboard.html")
    assert article.format == "html"
    assert STORY[0] in article.text


def test_clipboard_text() -> None:
    article = load_bytes("\n\n".join(STORY).encode(), "clipboard.txt")
    assert article.format == "text"
    assert article.paragraph_texts() == STORY


def test_billion_laughs_and_external_entities_are_inert(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    lol = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">' + lol
        + f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        + '<html><body><article><p>'
        + " ".join(STORY) + " &lol9; &xxe;</p></article></body></html>"
    )
    article = load_bytes(page.encode(), "evil.xhtml")
    assert "TOP-SECRET" not in article.text
    assert article.text.count("lol") < 50
    assert STORY[0][:40] in article.text


def test_scripts_and_remote_references_are_not_used() -> None:
    page = (
        "<html><head><script>document.write('INJECTED BY SCRIPT')</script>"
        '<link rel="stylesheet" href="http://192.0.2.1/x.css">'
        '<base href="http://192.0.2.1/"></head><body>'
        '<iframe src="http://192.0.2.1/frame"></iframe><img src="http://192.0.2.1/a.png">'
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "<noscript>Enable JavaScript</noscript></body></html>"
    )
    article = load_bytes(page.encode(), "script.html")
    assert "INJECTED" not in article.text
    assert "Enable JavaScript" not in article.text
    assert STORY[1] in article.text


def test_html_without_tags_is_text() -> None:
    article = load_bytes("\n\n".join(STORY).encode(), "mislabelled.html")
    assert article.format == "text"


def _ex(name: str, texts: list[str], in_table: bool = False) -> Extraction:
    return Extraction(name, [Block(t, in_table=in_table) for t in texts])


def test_choose_body_prefers_readability_on_layout_tables() -> None:
    long = "word " * 40
    tra = _ex("trafilatura", ["BBC NEWS CHANNEL", long], in_table=True)
    rdb = _ex("readability", [long])
    assert choose_body(tra, rdb) is rdb


def test_choose_body_restores_a_dropped_lead() -> None:
    lead = "The lead sentence that one extractor dropped from the page."
    rest = ["Second paragraph " * 5, "Third paragraph " * 5]
    chosen = choose_body(_ex("trafilatura", rest), _ex("readability", [lead, *rest]))
    assert chosen is not None
    assert [b.text for b in chosen.blocks] == [lead, *rest]


def test_choose_body_keeps_trafilatura_on_modern_pages() -> None:
    tra = _ex("trafilatura", ["Body " * 60])
    rdb = _ex("readability", ["Body " * 60, "Comment spam " * 10])
    assert choose_body(tra, rdb) is tra


def test_standfirst_dropped_by_both_extractors_is_put_back() -> None:
    teaser = "Teaser for another story that sits above the headline in the page header area."
    page = (
        '<html><head><meta charset="utf-8"><title>Harbour plan</title></head><body>'
        f'<div class="promo"><p>{teaser}</p></div>'
        '<div id="content"><div class="headline"><h1>Harbour plan</h1></div>'
        f'<div class="standfirst"><p>{STORY[0]}</p></div>'
        '<div class="story-body">' + "".join(f"<p>{p}</p>" for p in STORY[1:]) + "</div>"
        '<div class="sidebar"><ul><li><a href="/x">Other news of the day in the region</a>'
        "</li></ul></div></div></body></html>"
    )
    article = load_bytes(page.encode(), "standfirst.html")
    assert article.paragraph_texts()[:3] == ["Harbour plan", STORY[0], STORY[1]]
    assert teaser not in article.text


def test_saved_from_comment_windows_clipboard_and_language() -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    ie_page = f'<!-- saved from url=(0022)http://example.com/ -->\n<html lang="fr-FR"><body>{body}'
    article = load_bytes(ie_page.encode(), "old-save.txt")
    assert article.format == "html"
    assert article.language == "fr-fr"
    cf_html = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000999\r\n"
        "StartFragment:0000000141\r\nEndFragment:0000000900\r\n"
        f"<html><body><!--StartFragment-->{body}<!--EndFragment--></body></html>"
    )
    article = load_bytes(cf_html.encode(), "clipboard.html")
    assert article.text.startswith(STORY[0])
    assert "StartHTML" not in article.text


def test_single_file_saved_page_mhtml() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "Harbour expansion approved | Example News"
    message["Date"] = "Sat, 10 Jun 2023 09:30:00 -0000"
    message["MIME-Version"] = "1.0"
    message.make_related()
    page = html_page(STORY, title="Harbour expansion approved")
    message.add_related(page, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG fake image", maintype="image", subtype="png")
    article = load_bytes(message.as_bytes(), "page.mhtml")
    assert article.format == "mhtml"
    assert article.title == "Harbour expansion approved"
    assert article.byline == "Karen Hao"
    assert STORY[2] in article.text
    assert "Share on Facebook" not in article.text


def test_page_without_dates_has_no_published_date() -> None:
    page = (
        "<html><head><title>Plain page</title></head><body><article><h1>Plain page</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</article></body></html>"
    )
    article = load_bytes(page.encode(), "undated.html")
    assert article.published is None  # never "today" from a guess
    assert article.title == "Plain page"
