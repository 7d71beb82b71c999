"""Plain text in every encoding analysts meet, and each refusal's message."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from variorum.core.ingest import DEFAULT_SIZE_LIMIT, load_bytes, load_file
from variorum.core.ingest.errors import EmptyFileError, NotTextError, TooLargeError

SAMPLE = "Café society: “quotes” and naïve résumés — 10 € each.\n\nSecond paragraph here."


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_round_trip(encoded: bytes, encoding: str) -> None:
    article = load_bytes(encoded, "note.txt")
    assert article.paragraph_texts() == [SAMPLE.split("\n\n")[0], "Second paragraph here."]
    assert article.warnings == ()


def test_latin1_without_curly_quotes() -> None:
    text = "Le garçon à l'école a mangé une crème brûlée très sucrée, dit-il à sa sœur." * 3
    article = load_bytes(text.replace("œ", "oe").encode("latin-1"), "fr.txt")
    assert "garçon à l'école" in article.text


def test_central_european_code_page_is_kept() -> None:
    text = (
        "Zażółć gęślą jaźń. Wczoraj w Warszawie odbyło się spotkanie ministrów, którzy "
        "rozmawiali o współpracy gospodarczej i o przyszłości regionu."
    )
    article = load_bytes(text.encode("cp1250"), "pl.txt")
    assert "spotkanie ministrów" in article.text
    assert "współpracy" in article.text


def test_gb18030() -> None:
    text = "人工智能的发展需要中美两国研究人员的合作。" * 5 + "\n\n北京会议吸引了大量观众。" * 3
    article = load_bytes(text.encode("gb18030"), "cn.txt")
    assert "人工智能的发展" in article.text
    assert "北京会议" in article.text


def test_undecodable_bytes_load_with_replacement_and_warning() -> None:
    data = b"\xef\xbb\xbfValid start of an article about the summit. broken \xc3\x28 byte"
    article = load_bytes(data, "bad.txt")
    assert "\ufffd" in article.text
    assert "Valid start" in article.text
    assert any("undecodable" in w for w in article.warnings)


def test_not_a_text_file() -> None:
    with pytest.raises(NotTextError, match=r"^not a text file$"):
        load_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "photo.txt")
    with pytest.raises(NotTextError):
        load_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "program")
    with pytest.raises(NotTextError):
        load_bytes(bytes(range(256)) * 4, "data.txt")  # control bytes, no magic


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n  ", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyFileError) as info:
        load_file(path)
    assert info.value.reason in {"empty file", "no text found"}


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(TooLargeError, match=r"^file too large \(limit 50 MB\)$"):
        load_file(path)
    assert DEFAULT_SIZE_LIMIT == 50 * 1024 * 1024


def test_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("word " * 600_000)  # 3 MB
    with pytest.raises(TooLargeError, match=r"limit 2 MB"):
        load_file(path, size_limit=2 * 1024 * 1024)
    assert load_file(path).words == 600_000


def test_markdown_headings() -> None:
    article = load_bytes(b"# Big news\n\nThe body of the story.\n", "story.md")
    assert article.format == "markdown"
    assert article.paragraphs[0].kind == "heading"
    assert article.paragraph_texts()[0] == "Big news"


def test_txt_that_is_really_html_is_read_as_html() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Real page</title></head><body>"
        "<nav>Home | World | Sport</nav><article><p>"
        + "The council approved the harbour plan after a long debate on Tuesday. " * 4
        + "</p></article></body></html>"
    )
    article = load_bytes(page.encode(), "saved.txt")
    assert article.format == "html"
    assert "<p>" not in article.text
    assert "harbour plan" in article.text
