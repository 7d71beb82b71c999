"""File › Export Report…, Export Speakers… and Print…, driven from the menu like a user: the
file dialog answered, the file written in the background, the status bar and the settings."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.reports.htmlruns import read
from tests.ui.test_main_window import drop, settle

pytestmark = pytest.mark.gui


@pytest.fixture
def answer(monkeypatch):  # type: ignore[no-untyped-def]
    """The save dialog returns the path a test sets, and records where it started."""
    asked: dict[str, str] = {}

    def fake(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked["caption"], asked["start"] = caption, start
        return asked["path"], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def compared(qtbot, make_window, texts, **extra):  # type: ignore[no-untyped-def]
    window = make_window(**extra)
    drop(window, texts["a.txt"], texts["b.txt"])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.menu_actions.export_report.isEnabled(), timeout=20000)
    return window


def status(window) -> str:  # type: ignore[no-untyped-def]
    return window.statusBar().currentMessage()


def test_export_report_from_the_file_menu(qtbot, make_window, texts, answer, tmp_path) -> None:
    window = make_window()
    actions = window.menu_actions
    file_menu = window.menuBar().actions()[0].menu()
    assert {actions.export_report, actions.export_speakers, actions.print_report} <= set(
        file_menu.actions()
    )
    assert actions.print_report.shortcut().toString() == "Ctrl+P"
    assert not actions.export_report.isEnabled() and not actions.print_report.isEnabled()
    window.close()
    window = compared(qtbot, make_window, texts)
    out = tmp_path / "exports" / "report"
    out.parent.mkdir()
    answer["path"] = str(out)  # no extension typed: the chosen filter's (HTML) is added
    window.menu_actions.export_report.trigger()
    qtbot.waitUntil(lambda: "Exported the report" in status(window), timeout=20000)
    html = (tmp_path / "exports" / "report.html").read_text(encoding="utf-8")
    runs = read(html, within="flow").runs
    # b.txt is the story's base (a.txt lies mostly in it): the list shows it first, as A
    assert ("delete", "northern") in runs and ("insert", "island") in runs
    assert "Harbour council approves new ferry" in html
    assert "report.html" in status(window) and "KB" in status(window)
    assert window.settings.export_folder == str(out.parent)
    assert window.store.load().export_folder == str(out.parent)  # saved at once
    # The next export starts in that folder.
    answer["path"] = str(out.parent / "second.pdf")
    window.menu_actions.export_report.trigger()
    assert answer["start"].startswith(str(out.parent))
    assert "Exporting the report to second.pdf" in status(window)  # said while it runs
    qtbot.waitUntil(lambda: status(window).startswith("Exported the report"), timeout=30000)
    assert "second.pdf" in status(window)
    assert (out.parent / "second.pdf").read_bytes().startswith(b"%PDF")


def test_failed_export_says_why_without_blocking(qtbot, make_window, texts, answer, tmp_path):
    window = compared(qtbot, make_window, texts)
    target = tmp_path / "gone" / "r.html"
    answer["path"] = str(target)
    window.menu_actions.export_report.trigger()
    qtbot.waitUntil(lambda: "Could not export" in status(window), timeout=20000)
    assert str(target) in status(window) and "No such file or directory" in status(window)
    box = window.findChild(QMessageBox, "exportFailed")
    assert box is not None and box.isVisible() and not box.isModal()
    box.close()


def test_print_preview_shows_the_report(qtbot, make_window, texts) -> None:
    window = compared(qtbot, make_window, texts)
    window.menu_actions.print_report.trigger()
    qtbot.waitUntil(lambda: window.exports.preview is not None, timeout=20000)
    preview = window.exports.preview
    qtbot.waitUntil(preview.isVisible)
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 3, timeout=20000)  # a page per section
    preview.close()


@pytest.mark.slow
def test_export_speakers_of_the_pair(qtbot, make_window, texts, answer, tmp_path) -> None:
    window = compared(qtbot, make_window, texts, sidebar=True)
    answer["path"] = str(tmp_path / "speakers.csv")
    window.menu_actions.export_speakers.trigger()
    qtbot.waitUntil(lambda: "Exported the speaker list" in status(window), timeout=60000)
    raw = (tmp_path / "speakers.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    holt = next(r for r in rows if r["kind"] == "speaker")
    assert holt["name"] == "Ann Holt" and (holt["in_a"], holt["in_b"]) == ("yes", "yes")
    quotes = {r["version"] for r in rows if r["kind"] == "quote"}
    assert quotes == {"A", "B"}
    window.article_list.select_rows([0])
    qtbot.waitUntil(lambda: not window.menu_actions.export_report.isEnabled())
    answer["path"] = str(tmp_path / "one.json")
    window.menu_actions.export_speakers.trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Exported"), timeout=60000)
    assert "one.json" in status(window)
    assert '"speakers"' in (tmp_path / "one.json").read_text(encoding="utf-8")
