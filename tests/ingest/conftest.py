"""Fixtures for ingest tests: seed texts, word similarity, a Qt-made PDF of any text."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from tests.conftest import seed_path

WORD_RE = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD_RE.findall(text)]


def word_similarity(a: str, b: str) -> float:
    """Share of words in common, in order (difflib ratio over word lists)."""
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


@pytest.fixture(scope="session")
def seed000(seeds_dir: Path) -> Path:
    return seed_path(seeds_dir, "000")


@pytest.fixture(scope="session")
def seed002(seeds_dir: Path) -> Path:
    return seed_path(seeds_dir, "002")


@pytest.fixture
def make_pdf(qapp: object, tmp_path: Path) -> Callable[[str], bytes]:
    """Print plain text to a PDF with Qt (tests only: core never imports Qt)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    def make(text: str, title: str = "") -> bytes:
        path = tmp_path / "made.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(title)
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(writer)
        del writer  # the file is finished when the writer goes away
        return path.read_bytes()

    return make
