"""RTF via striprtf: code pages, Unicode escapes, fields, tables, hidden destinations,
metadata, and damaged input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.conftest import word_similarity
from variorum.core.ingest import load_bytes
from variorum.core.ingest.errors import CorruptFileError, IngestError

HEADER = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\colortbl;\red255\green0\blue0;}"
INFO = (
    r"{\info{\title Harbour plan approved}{\author Jane Doe}"
    r"{\creatim\yr2023\mo6\dy10\hr9\min30}}"
)


def _rtf(body: str, info: str = INFO) -> bytes:
    return (HEADER + info + r"\f0 " + body + "}").encode("ascii")


def test_text_metadata_and_hidden_parts() -> None:
    body = (
        r"The council approved the plan.\par "
        r"{\b Bold} text continues caf\'e9 \u8220?quoted\u8221?.\par "
        r"{\*\bkmkstart _GoBack}{\*\bkmkend _GoBack}{\*\annotation a reviewer comment}"
        r'See {\field{\*\fldinst{HYPERLINK "http://x"}}{\fldrslt{the report}}} online.\par '

        r"{\pict\pngblip 89504e470d0a1a0a}Last line.\par"
    )
    article = load_bytes(_rtf(body), "letter.rtf")
    assert article.format == "rtf"
    assert article.paragraph_texts() == [
        "The council approved the plan.",
        "Bold text continues café “quoted”.",
        "See the report online.",
        "Last line.",
    ]
    assert (article.title, article.byline, article.published) == (
        "Harbour plan approved", "Jane Doe", "2023-06-10T09:30",
    )


def test_code_page_and_tables() -> None:
    cyrillic = (
        r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times;}}\f0 "
        r"\'cf\'f0\'e8\'e2\'e5\'f2 \'ec\'e8\'f0\par "
        r"\trowd\cellx1000\cellx2000 A1\cell B1\cell\row After.\par}"
    )
    article = load_bytes(cyrillic.encode("ascii"), "ru.rtf")
    assert article.paragraph_texts()[0] == "Привет мир"
    assert "A1|B1|" in article.text
    assert article.title == "Привет мир"  # no \info title: the first paragraph


def test_rtf_from_seed_000_matches_text(seed000: Path) -> None:
    raw = seed000.read_text(encoding="utf-8")

    def escape(line: str) -> str:
        out = line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in out)

    body = "".join(escape(line) + r"\par " for line in raw.split("\n") if line.strip())
    article = load_bytes(_rtf(body, info=""), "seed.rtf")
    assert word_similarity(raw, article.text) >= 0.98


def test_detected_without_extension() -> None:
    assert load_bytes(_rtf(r"Plain words here.\par"), "letter").format == "rtf"


@pytest.mark.parametrize(
    "data",
    [rb"{\rtf1 \u-99999999999? broken}", rb"{\rtf1 " + b"{" * 5000 + b"x", rb"{\rtf1}"],
)
def test_damaged_rtf_is_refused_cleanly(data: bytes) -> None:
    try:
        article = load_bytes(data, "broken.rtf")
    except CorruptFileError as err:
        assert err.reason.startswith("damaged RTF")
    except IngestError as err:
        assert not err.reason.startswith("internal error"), err.reason
    else:
        assert article.text.strip()
