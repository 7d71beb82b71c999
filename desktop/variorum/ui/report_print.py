"""The comparison report on paper: PDF and print, painted by Qt from the report's HTML
(:mod:`variorum.reports.html`, with Qt's page breaks), so they show what the HTML file shows.

Qt's document printing lays the text out page by page, with a 2 cm margin and the page number
at the foot of every page; the PDF keeps the text as text (selectable, searchable). The page
size follows the locale: Letter where it is the custom (the Americas' Letter countries and the
Philippines), A4 elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from variorum import __version__
from variorum.reports.files import write_atomic

_LETTER = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.Philippines,
    QLocale.Country.PuertoRico,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
    QLocale.Country.Panama,
    QLocale.Country.DominicanRepublic,
    QLocale.Country.ElSalvador,
}


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    territory = (locale or QLocale()).territory()
    size = QPageSize.PageSizeId.Letter if territory in _LETTER else QPageSize.PageSizeId.A4
    return QPageSize(size)


def report_document(html: str, parent: QWidget | None = None) -> QTextDocument:
    """The report laid out by Qt (build it on the GUI thread: it measures with fonts)."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    font = QFont("DejaVu Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(10.0)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def pdf_bytes(document: QTextDocument, title: str, page_size: QPageSize | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(page_size or page_size_for())
    writer.setTitle(title)
    writer.setCreator(f"Variorum {__version__}")
    document.print_(writer)
    del writer  # finishes the file
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF"):
        raise OSError("Qt produced no PDF")
    return data


def write_pdf(html: str, path: str | Path, title: str, page_size: QPageSize | None = None) -> int:
    """Write the report as a PDF at ``path`` (whole or not at all); returns its size in bytes.
    Raises OSError with the reason when it cannot. Safe in a worker thread of the app's task
    runner (the document is built there and never shown)."""
    return write_atomic(path, pdf_bytes(report_document(html), title, page_size))
