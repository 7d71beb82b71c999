"""A long PDF alone still shows progress and can be cancelled while it is being read."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from tests.ingest.builders import pdf_with_text
from variorum.core.library import Library
from variorum.ui.loading import load_into_library


class RecordingToken:
    """Stands in for the worker's TaskToken: records reports, cancels on request."""

    def __init__(self, cancel_at_page: int | None = None) -> None:
        self.reports: list[tuple[Any, ...]] = []
        self._cancel_at = cancel_at_page
        self._cancelled = False

    def report(self, value: Any) -> None:
        self.reports.append(value)
        if self._cancel_at is not None and value[0] == "pages" and value[1] >= self._cancel_at:
            self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled


def _long_pdf(tmp_path: Path, pages: int) -> Path:
    page = PdfReader(io.BytesIO(pdf_with_text(["A line of a long report about water."]))).pages[0]
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(page)
    out = tmp_path / "report.pdf"
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def test_page_progress_reaches_the_dialog_channel(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    token = RecordingToken()
    outcome = load_into_library(
        [str(_long_pdf(tmp_path, 120))],
        library,
        size_limit=50 << 20,
        token=token,  # type: ignore[arg-type]
    )
    pages = [r for r in token.reports if r[0] == "pages"]
    assert pages and pages[-1][2] == 120
    assert len(library) == 1 and not outcome.failures


def test_cancel_inside_one_long_pdf_stops_it(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite3")
    token = RecordingToken(cancel_at_page=10)
    outcome = load_into_library(
        [str(_long_pdf(tmp_path, 400))],
        library,
        size_limit=50 << 20,
        token=token,  # type: ignore[arg-type]
    )
    pages = [r for r in token.reports if r[0] == "pages"]
    assert max(p[1] for p in pages) < 400
    assert outcome.cancelled
    assert len(library) == 0
    assert [f.reason for f in outcome.failures] == ["cancelled"]
