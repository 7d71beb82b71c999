"""PDF: Qt-printed round trip, headers/footers, scans, encryption, damage, huge page counts."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ingest.builders import pdf_blank_pages
from tests.ingest.conftest import word_similarity
from variorum.core.ingest import load_bytes
from variorum.core.ingest.errors import (
    CancelledError,
    CorruptFileError,
    EncryptedError,
    NoTextLayerError,
)
from variorum.core.ingest.limits import Limits
from variorum.core.ingest.pdf import join_lines, strip_running_lines

BODY = (
    "The harbour authority approved the long-delayed expansion of the container terminal on "
    "Tuesday, ending a decade of argument over dredging the eastern channel."
)


def test_pdf_from_seed_000_matches_text(seed000: Path, make_pdf: Callable[..., bytes]) -> None:
    raw = seed000.read_text(encoding="utf-8")
    article = load_bytes(make_pdf(raw, title="OpenAI CEO Calls"), "seed.pdf")
    assert article.format == "pdf"
    assert article.title == "OpenAI CEO Calls"
    assert word_similarity(raw, article.text) >= 0.98
    texts = article.paragraph_texts()
    assert "As the U.S. seeks to contain China’s progress in artificial intelligence through " \
        "sanctions, OpenAI CEO Sam Altman is choosing engagement." in texts
    assert "U.S.-blacklisted" in article.text  # a line-end hyphen after "U.S." is kept


def test_running_headers_footers_and_page_numbers_removed() -> None:
    words = ["one", "two", "three", "four", "five", "six"]
    bodies = [[f"Line {w} of sheet {sheet}, long enough to be prose." for w in words]
              for sheet in "abcd"]
    pages = [
        ["Harbour Gazette — Tuesday edition", *body, f"Page {i} of 4"]
        for i, body in enumerate(bodies, start=1)
    ]
    pages[2].insert(1, "A line only on page three.")
    cleaned = strip_running_lines(pages)
    assert cleaned[0] == bodies[0]
    assert cleaned[2] == ["A line only on page three.", *bodies[2]]
    assert all("Gazette" not in line for page in cleaned for line in page)
    assert strip_running_lines([["- 7 -", "Text"]]) == [["Text"]]


def test_hyphenation_and_paragraphs_are_rebuilt() -> None:
    lines = [
        "The committee said on Monday that the inter-",
        "national agreement would be signed by all of",
        "the members next week.",
        "A second paragraph starts here and runs to the",
        "end of the line.",
    ]
    assert join_lines(lines, [lines]) == [
        "The committee said on Monday that the international agreement would be signed by all "
        "of the members next week.",
        "A second paragraph starts here and runs to the end of the line.",
    ]


def test_pdf_without_text_layer() -> None:
    with pytest.raises(NoTextLayerError, match=r"^no text layer \(scanned document\?\)$"):
        load_bytes(pdf_blank_pages(3), "scan.pdf")


def test_encrypted_pdf(make_pdf: Callable[..., bytes]) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(BODY))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(EncryptedError, match="password required"):
        load_bytes(out.getvalue(), "locked.pdf")


def test_pdf_with_empty_user_password_opens(make_pdf: Callable[..., bytes]) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(BODY))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "harbour authority" in load_bytes(out.getvalue(), "noprint.pdf").text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
        b"%PDF-" + b"\xff" * 500,
    ],
)
def test_corrupt_pdf(data: bytes) -> None:
    with pytest.raises((CorruptFileError, NoTextLayerError)):
        load_bytes(data, "broken.pdf")


def test_truncated_pdf(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf(BODY * 20)
    with pytest.raises((CorruptFileError, NoTextLayerError)):
        load_bytes(data[: len(data) // 3], "cut.pdf")


@pytest.fixture
def many_pages(make_pdf: Callable[..., bytes]) -> bytes:
    """3,000 pages that each carry text (one Qt page shared 3,000 times)."""
    from pypdf import PdfReader, PdfWriter

    page = PdfReader(io.BytesIO(make_pdf(BODY))).pages[0]
    writer = PdfWriter()
    for _ in range(3000):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_many_pages_are_capped(many_pages: bytes) -> None:
    article = load_bytes(many_pages, "long.pdf", limits=Limits(max_pdf_pages=20))
    assert "only the first 20 of 3000 pages were read" in article.warnings
    assert article.text.count("harbour authority") == 20


def test_many_pages_stop_at_the_time_limit(many_pages: bytes) -> None:
    article = load_bytes(many_pages, "long.pdf", limits=Limits(timeout=4.0))
    assert any("(time limit)" in w for w in article.warnings)
    assert article.text.count("harbour authority") >= 1


def test_many_pages_progress_and_cancel(many_pages: bytes) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 5

    with pytest.raises(CancelledError):
        load_bytes(many_pages, "long.pdf", page_progress=progress)
    assert seen[0] == (0, 2000)  # the default page cap
    assert seen[-1] == (5, 2000)


def _encrypted(user_password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    from tests.ingest.builders import pdf_with_text

    source = PdfReader(io.BytesIO(pdf_with_text(["The harbour council voted on Tuesday."])))
    writer = PdfWriter()
    writer.append_pages_from_reader(source)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_aes_encrypted_pdf_with_an_empty_password_opens() -> None:
    from variorum.core.ingest import load_bytes

    assert load_bytes(_encrypted(""), "locked.pdf").text == "The harbour council voted on Tuesday."


def test_an_aes_encrypted_pdf_with_a_password_says_so() -> None:
    import pytest

    from variorum.core.ingest import load_bytes
    from variorum.core.ingest.errors import EncryptedError

    with pytest.raises(EncryptedError, match=r"encrypted PDF \(password required\)"):
        load_bytes(_encrypted("secret"), "locked.pdf")


def test_the_right_password_opens_an_encrypted_pdf_and_a_wrong_one_says_so(
    tmp_path: Path,
) -> None:
    from variorum.core.ingest import load_bytes, load_many
    from variorum.core.ingest.errors import PasswordRequiredError

    data = _encrypted("secret")
    text = "The harbour council voted on Tuesday."
    assert load_bytes(data, "locked.pdf", password="secret").text == text
    with pytest.raises(PasswordRequiredError, match=r"wrong password"):
        load_bytes(data, "locked.pdf", password="guess")
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(data)
    report = load_many([locked])
    (failure,) = report.failures
    assert failure.needs_password and failure.source == str(locked)
    report = load_many([locked], passwords={str(locked): "secret"})
    assert [a.text for a in report.articles] == [text]


def test_the_password_reaches_the_loading_worker() -> None:
    from variorum.core.ingest import load_bytes
    from variorum.core.ingest.errors import PasswordRequiredError
    from variorum.core.ingest.isolation import loading_pool

    pool = loading_pool()
    try:
        data = _encrypted("secret")
        loaded = load_bytes(data, "locked.pdf", password="secret", pool=pool)
        assert loaded.text == "The harbour council voted on Tuesday."
        with pytest.raises(PasswordRequiredError, match=r"password required"):
            load_bytes(data, "locked.pdf", pool=pool)
    finally:
        pool.close()
