"""The PDF painter: paper size by locale, a whole file or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize

from variorum.ui.report_print import page_size_for, write_pdf


@pytest.mark.parametrize(
    ("locale", "size"),
    [
        ("en_US", QPageSize.PageSizeId.Letter),
        ("fr_CA", QPageSize.PageSizeId.Letter),
        ("es_MX", QPageSize.PageSizeId.Letter),
        ("en_GB", QPageSize.PageSizeId.A4),
        ("de_DE", QPageSize.PageSizeId.A4),
        ("ja_JP", QPageSize.PageSizeId.A4),
    ],
)
def test_paper_follows_the_locale(locale: str, size: QPageSize.PageSizeId) -> None:
    assert page_size_for(QLocale(locale)).id() == size


def test_pdf_is_written_whole_or_not_at_all(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html = "<h1>Title one</h1>" + "<p>Some words here.</p>" * 200
    out = tmp_path / "r.pdf"
    size = write_pdf(html, out, "Title one", QPageSize(QPageSize.PageSizeId.Letter))
    reader = PdfReader(str(out))
    assert size == out.stat().st_size and len(reader.pages) >= 2
    assert reader.metadata is not None and reader.metadata.title == "Title one"
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792)  # Letter, in points
    assert reader.pages[1].extract_text().split()[-1] == "2"  # numbered pages
    with pytest.raises(OSError):
        write_pdf(html, tmp_path / "missing" / "r.pdf", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]
