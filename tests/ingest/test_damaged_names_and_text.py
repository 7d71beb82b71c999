"""Lone surrogates and file names in another encoding are data to clean at the edge: they
never fail a batch, and what is stored, shown and printed is valid text."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.ingest.builders import pdf_with_tounicode
from variorum.core.ingest import load_bytes, load_many
from variorum.core.ingest.sanitize import cap_combining_runs, display_path, fix_surrogates
from variorum.core.library import Library

STORY = "The harbour council voted on Tuesday to buy a new electric ferry.\n"
LATIN1_NAME = b"caf\xe9-story.txt"  # "café" written by a Latin-1 system: not valid UTF-8

posix_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="file names must be able to hold any bytes"
)


def test_rtf_unicode_escape_to_a_surrogate_is_replaced() -> None:
    article = load_bytes(rb"{\rtf1\ansi A story \u-10240? about a ferry.}", "x.rtf")
    assert "\ufffd" in article.text
    article.text.encode("utf-8")
    assert "1 invalid character(s) (lone surrogates) replaced" in article.warnings


def test_pdf_font_map_to_a_surrogate_is_replaced() -> None:
    article = load_bytes(pdf_with_tounicode([STORY.strip() + " ZZ"], {"Z": "D800"}), "x.pdf")
    assert article.text.endswith("\ufffd\ufffd.") or "\ufffd\ufffd" in article.text
    assert any("lone surrogates" in w for w in article.warnings)


def test_surrogate_pairs_are_joined_and_lone_ones_replaced() -> None:
    assert fix_surrogates("a\ud83d\ude00b\udc00") == ("a\U0001f600b\ufffd", 1)
    assert fix_surrogates("plain") == ("plain", 0)


def test_combining_runs_are_capped_at_the_stream_safe_bound() -> None:
    text, dropped = cap_combining_runs("x" + "\u0301" * 40 + " ok e\u0301")
    assert dropped == 10 and text == "x" + "\u0301" * 30 + " ok e\u0301"


@posix_bytes_names
def test_a_file_name_in_latin1_does_not_fail_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("First story\n\n" + STORY)
    weird = os.path.join(os.fsencode(folder), LATIN1_NAME)
    with open(weird, "wb") as handle:
        handle.write(("Second story\n\n" + STORY.replace("Tuesday", "Monday")).encode())
    (folder / "z.rtf").write_bytes(rb"{\rtf1\ansi Third \u-10240? story about the ferry.}")
    report = load_many([folder])
    assert not report.failures
    names = sorted(Path(a.source_path or "").name for a in report.articles)
    assert names == ["a.txt", "caf\ufffd-story.txt", "z.rtf"]
    library = Library(tmp_path / "lib.sqlite3")
    for article in report.articles:
        assert library.add(article).added
    assert len(library.entries()) == 3


def test_display_path_keeps_valid_names_as_they_are() -> None:
    assert display_path("/home/ana/café.txt") == "/home/ana/café.txt"
    if os.name == "posix":
        assert display_path(os.fsdecode(b"/tmp/caf\xe9.txt")) == "/tmp/caf\ufffd.txt"


def test_mojibake_is_repaired_with_a_warning_and_curly_quotes_kept() -> None:
    text = "Mojibake story\n\nâ€œIt will workâ€\u009d, she said at the CafÃ©.\n\nA “normal” line."
    article = load_bytes(text.encode("utf-8"), "story.txt")
    assert "“It will work”, she said at the Café." in article.text
    assert "A “normal” line." in article.text  # good text and its curly quotes untouched
    assert any(w.startswith("mojibake repaired in 1 passage") for w in article.warnings)


def test_clean_text_is_never_touched_by_the_mojibake_repair() -> None:
    text = "Déjà vu at the Café: “naïve” Straße, Zürich — 北京, Привет, ½ price™"
    article = load_bytes(("Title\n\n" + text).encode("utf-8"), "clean.txt")
    assert article.text.endswith(text) and article.warnings == ()
