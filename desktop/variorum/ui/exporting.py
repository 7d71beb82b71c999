"""File › Export Report…, Print… and Export Speakers…: what is shown, handed on.

The report is the comparison on screen (the pair, its options, the view: inline or side by
side); the speaker list is the shown article's or pair's. Finding speakers and writing a file
run in the task runner, so a long pair (or a language model still loading) never freezes the
window; the status bar says what is being written and where it went, and a failure opens a
non-modal message naming the file and the reason. The file dialogs start in the folder of the
last export (kept in the settings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.reports.model import title_of
from variorum.ui.export_jobs import (
    REPORT_SUFFIXES,
    SPEAKER_SUFFIXES,
    SpeakerSource,
    Written,
    report_html,
    write_report,
    write_speakers,
)
from variorum.ui.report_print import page_size_for, report_document
from variorum.ui.tasks import TaskRunner

REPORT_FILTERS = "HTML report (*.html *.htm);;PDF (*.pdf)"
SPEAKER_FILTERS = "CSV for spreadsheets (*.csv);;JSON (*.json)"
NO_PAIR = "Select two articles and let them be compared to export or print a report."
NO_ARTICLE = "Select an article (or two) to export its speakers."


@dataclass(frozen=True)
class Context:
    """What the window shows and how, read when an export starts."""

    options: CompareOptions
    layout: str
    source: SpeakerSource
    folder: str


class ExportController(QObject):
    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        actions: tuple[QAction, QAction, QAction],
        context: Callable[[], Context],
        remember_folder: Callable[[str], None],
        report: Callable[[str], None],
    ) -> None:
        """``actions``: export report, print, export speakers. ``report`` shows a status line."""
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self.export_action, self.print_action, self.speakers_action = actions
        self._context = context
        self._remember_folder = remember_folder
        self._report = report
        self._pair: tuple[Article, Article, Comparison] | None = None
        self._articles: list[Article] = []
        self.preview: QDialog | None = None
        self._printing: tuple[object, QTextDocument] | None = None
        """The preview's printer and document, kept alive while it is open (the dialog does
        not own them)."""
        self.export_action.triggered.connect(lambda: self.export_report())
        self.print_action.triggered.connect(self.print_report)
        self.speakers_action.triggered.connect(lambda: self.export_speakers())
        self._update()

    # --- what is shown (slots for the compare controller's signals) ------------------------
    def comparison_shown(self, a: Article, b: Article, comparison: Comparison) -> None:
        self._pair, self._articles = (a, b, comparison), [a, b]
        self._update()

    def pair_selected(self, a: Article, b: Article) -> None:
        self._pair, self._articles = None, [a, b]
        self._update()

    def article_shown(self, article: Article) -> None:
        self._pair, self._articles = None, [article]
        self._update()

    def cleared(self) -> None:
        self._pair, self._articles = None, []
        self._update()

    def _update(self) -> None:
        for action in (self.export_action, self.print_action):
            action.setEnabled(self._pair is not None)
        self.speakers_action.setEnabled(bool(self._articles))

    # --- the commands ----------------------------------------------------------------------
    def export_report(self, path: str | None = None) -> None:
        if self._pair is None:
            self._report(NO_PAIR)
            return
        a, b, comparison = self._pair
        context = self._context()
        path = path or self._ask(
            "Export Report", _suggested_name(a, b, ".html"), REPORT_FILTERS, context
        )
        if not path:
            return
        path = _with_suffix(path, REPORT_SUFFIXES, ".html")
        self._run(
            "report",
            path,
            lambda token: write_report(
                path, a, b, comparison, context.options, context.layout, context.source, token
            ),
        )

    def export_speakers(self, path: str | None = None) -> None:
        articles = list(self._articles)
        if not articles:
            self._report(NO_ARTICLE)
            return
        context = self._context()
        b = articles[1] if len(articles) > 1 else None
        path = path or self._ask(
            "Export Speakers",
            _suggested_name(articles[0], b, ".csv", "speakers"),
            SPEAKER_FILTERS,
            context,
        )
        if not path:
            return
        path = _with_suffix(path, SPEAKER_SUFFIXES, ".csv")
        source = context.source
        self._run(
            "speaker list", path, lambda token: write_speakers(path, articles, source, token)
        )

    def print_report(self) -> None:
        """The report is built in the background, then shown in a print preview (its Print
        button opens the system's print dialog)."""
        if self._pair is None:
            self._report(NO_PAIR)
            return
        a, b, comparison = self._pair
        context = self._context()
        self._report("Preparing the report to print…")
        self._tasks.submit(
            lambda token: report_html(
                a, b, comparison, context.options, context.layout, context.source, token,
                paged=True,
            ),
            lambda html: self._preview(html, f"{title_of(a)} → {title_of(b)}"),
            on_error=lambda exc: self._failed("print the report", "", exc),
        )  # fmt: skip

    # --- helpers ---------------------------------------------------------------------------
    def _ask(self, caption: str, name: str, filters: str, context: Context) -> str:
        folder = context.folder if context.folder and Path(context.folder).is_dir() else ""
        start = str(Path(folder or Path.home()) / name)
        path, chosen = QFileDialog.getSaveFileName(self._window, caption, start, filters)
        if path and not Path(path).suffix:  # no extension typed: the chosen filter's
            found = re.search(r"\*(\.\w+)", chosen)
            path += found.group(1) if found else ""
        return path

    def _run(self, what: str, path: str, job: Callable[..., Written]) -> None:
        self._remember_folder(str(Path(path).parent))
        self._report(f"Exporting the {what} to {Path(path).name}…")
        self._tasks.submit(
            job,
            lambda written: self._report(
                f"Exported the {what} to {written.path} ({_size(written.size)})"
            ),
            on_error=lambda exc: self._failed(f"export the {what}", path, exc),
        )

    def _failed(self, what: str, path: str, exc: BaseException) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        where = f" to {path}" if path else ""
        text = f"Could not {what}{where}: {reason or type(exc).__name__}"
        self._report(text)
        box = QMessageBox(QMessageBox.Icon.Warning, "Variorum", text, parent=self._window)
        box.setObjectName("exportFailed")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def _preview(self, html: str, title: str) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # only when printing

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = report_document(html, self)
        finally:
            QGuiApplication.restoreOverrideCursor()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for())
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(f"Print – {title}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda target: _print(document, target))
        dialog.finished.connect(self._preview_closed)
        self._printing = (printer, document)
        self.preview = dialog
        self._report("")
        dialog.open()


    def _preview_closed(self) -> None:
        if self._printing is not None:
            self._printing[1].deleteLater()
        self._printing = None
        self.preview = None


def _print(document: QTextDocument, printer: QPagedPaintDevice) -> None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        document.print_(printer)
    finally:
        QGuiApplication.restoreOverrideCursor()


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _suggested_name(a: Article, b: Article | None, suffix: str, what: str = "") -> str:
    """A file name from the titles: short, and safe on every file system."""
    parts = [title_of(a)] + ([title_of(b)] if b is not None else [])
    name = " vs ".join(" ".join(_UNSAFE.sub(" ", p).split())[:40].strip() for p in parts)
    return f"{name or 'report'}{' - ' + what if what else ''}{suffix}"


def _with_suffix(path: str, allowed: tuple[str, ...], default: str) -> str:
    """Keep a known extension; add the default one otherwise (the format goes by it)."""
    return path if Path(path).suffix.lower() in allowed else path + default


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
