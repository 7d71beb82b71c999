"""Analyst corrections in the window, driven as a user would: keys and the context menu on
the sidebar's lists, answers typed into the dialog, Edit › Undo / Redo, a restart, and the
quote drift of a pair under the corrected names.

The extractions are put in the library's analysis cache first (hand-made, for texts written
here), so these tests check the corrections and not the model; the model must not even be
loaded for a cached result, which the fixture makes sure of."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QMenu, QTreeView

from tests.ui.test_main_window import settle
from variorum.core.extract import Entity, Extraction, Mention, Quote, Speaker
from variorum.core.extract.cache import store_result
from variorum.core.extract.corrections import UNATTRIBUTED
from variorum.core.extract.model import installed_label
from variorum.core.ingest import load_file
from variorum.ui.main_window import MainWindow
from variorum.ui.widgets.sidebar.items import NAME_ROLE

pytestmark = pytest.mark.gui

A_TEXT = (
    "Ferry vote\n\n"
    "“It is a good day for the island,” said Holte.\n\n"
    "“The council listened to us at last,” said Port Users, speaking for the Harbour Council."
)
B_TEXT = (
    "Ferry vote\n\n"
    "“It is a great day for the whole island,” said Ann Holt.\n\n"
    "The Harbour Council met on Tuesday."
)


def _mention(text: str, form: str, after: int = 0) -> Mention:
    start = text.index(form, after)
    return Mention(form, start, start + len(form))


def _quote(text: str, words: str, speaker: str, said_by: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), speaker, "said", _mention(text, said_by, start))


def _extraction_a(text: str, label: str) -> Extraction:
    return Extraction(
        speakers=(
            Speaker(
                "Holte",
                "PERSON",
                (),
                (_quote(text, "It is a good day for the island", "Holte", "Holte"),),
            ),
            Speaker(
                "Port Users",
                "PERSON",
                (),
                (_quote(text, "The council listened to us at last", "Port Users", "Port Users"),),
            ),
        ),
        organizations=(Entity("Harbour Council", "ORG", (), (_mention(text, "Harbour Council"),)),),
        people=(
            Entity("Holte", "PERSON", (), (_mention(text, "Holte"),)),
            Entity("Port Users", "PERSON", (), (_mention(text, "Port Users"),)),
        ),
        model=label,
    )


def _extraction_b(text: str, label: str) -> Extraction:
    return Extraction(
        speakers=(
            Speaker(
                "Ann Holt",
                "PERSON",
                (),
                (_quote(text, "It is a great day for the whole island", "Ann Holt", "Ann Holt"),),
            ),
        ),
        organizations=(Entity("Harbour Council", "ORG", (), (_mention(text, "Harbour Council"),)),),
        people=(Entity("Ann Holt", "PERSON", (), (_mention(text, "Ann Holt"),)),),
        model=label,
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    out = {}
    for name, text in (("a.txt", A_TEXT), ("b.txt", B_TEXT)):
        (folder / name).write_text(text, encoding="utf-8")
        out[name] = folder / name
    return out


@pytest.fixture
def no_model(monkeypatch):  # type: ignore[no-untyped-def]
    """Loading the spaCy pipeline fails the test: every result here comes from the cache."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the model was loaded for a cached result")

    monkeypatch.setattr("variorum.core.extract.model.load_pipeline", refuse)
    monkeypatch.setattr("variorum.core.extract.load_pipeline", refuse, raising=False)


def _open(qtbot, make_window, files, basedir: Path, names: list[str]) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(basedir=basedir, sidebar=True)
    label = installed_label()
    assert label is not None
    for name, build in (("a.txt", _extraction_a), ("b.txt", _extraction_b)):
        article = load_file(files[name])
        store_result(window.library, article.id, build(article.text, label))
    window.open_paths([str(files[n]) for n in names])
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            "Speakers (" in window.sidebar.tabs.tabText(0)
            and window.sidebar.speakers.model().rowCount() > 0
        ),
        timeout=20000,
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _names(view: QTreeView) -> list[str]:
    model = view.model()
    return sorted(str(model.index(r, 0).data(NAME_ROLE)) for r in range(model.rowCount()))


def _row(view: QTreeView, name: str):  # type: ignore[no-untyped-def]
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data(NAME_ROLE) == name:
            return model.index(r, 0)
    raise AssertionError(f"{name} not in {_names(view)}")


def _focus_row(qtbot, view: QTreeView, name: str) -> None:  # type: ignore[no-untyped-def]
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    view.setCurrentIndex(_row(view, name))
    qtbot.waitUntil(view.hasFocus)


def _answer(qtbot, window: MainWindow, text: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Type into the open correction dialog and press Enter."""
    qtbot.waitUntil(lambda: window.sidebar.corrections.dialog is not None)
    dialog = window.sidebar.corrections.dialog
    assert isinstance(dialog, QInputDialog)
    qtbot.waitUntil(dialog.isVisible)
    if text is not None:
        combo = dialog.findChild(QComboBox)
        field = combo if combo is not None and combo.isVisible() else dialog.focusWidget()
        if combo is not None and combo.isVisible() and not combo.isEditable():
            index = combo.findText(text)
            assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
            for _ in range(index):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
        else:
            if combo is not None and combo.isVisible():
                field = combo.lineEdit()
            field.selectAll()
            qtbot.keyClicks(field, text)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.sidebar.corrections.dialog is None)


def _context_menu(qtbot, view: QTreeView, name: str) -> QMenu:  # type: ignore[no-untyped-def]
    index = _row(view, name)
    pos = view.visualRect(index).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = view.findChild(QMenu, "correctionMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def test_rename_with_f2_undoes_redoes_and_survives_a_restart(
    qtbot,
    make_window,
    files,
    tmp_path,
    no_model,  # type: ignore[no-untyped-def]
) -> None:
    basedir = tmp_path / "base"
    window = _open(qtbot, make_window, files, basedir, ["a.txt"])
    speakers = window.sidebar.speakers
    assert _names(speakers) == ["Holte", "Port Users"]
    _focus_row(qtbot, speakers, "Holte")
    qtbot.keyClick(speakers, Qt.Key.Key_F2)
    _answer(qtbot, window, "Ann Holt")
    assert _names(speakers) == ["Ann Holt", "Port Users"]
    assert _names(window.sidebar.people) == ["Ann Holt", "Port Users"]  # the person too
    assert speakers.currentIndex().data(NAME_ROLE) == "Ann Holt"  # the keyboard stays on it
    assert "Rename “Holte” to “Ann Holt”" in window.statusBar().currentMessage()
    assert window.menu_actions.undo.text().replace("&", "") == "Undo Rename “Holte” to “Ann Holt”"

    qtbot.keyClick(speakers, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(speakers) == ["Holte", "Port Users"]
    assert window.statusBar().currentMessage().startswith("Undone: Rename")
    window.menu_actions.redo.trigger()
    assert _names(speakers) == ["Ann Holt", "Port Users"]
    window.close()

    again = make_window(basedir=basedir, sidebar=True)
    again.article_list.select_rows([0])
    settle(qtbot, again)
    qtbot.waitUntil(lambda: again.sidebar.speakers.model().rowCount() == 2, timeout=20000)
    assert _names(again.sidebar.speakers) == ["Ann Holt", "Port Users"]


def test_context_menu_marks_not_a_person_and_a_quote_is_given_to_someone(
    qtbot,
    make_window,
    files,
    tmp_path,
    no_model,  # type: ignore[no-untyped-def]
) -> None:
    window = _open(qtbot, make_window, files, tmp_path / "base", ["a.txt"])
    speakers = window.sidebar.speakers
    menu = _context_menu(qtbot, speakers, "Port Users")
    labels = [a.text().replace("&", "") for a in menu.actions()]
    assert labels == ["Rename…", "Merge Into…", "Not a Person"]
    shortcuts = [a.shortcut().toString() for a in menu.actions()]
    assert shortcuts == ["F2", "Ctrl+Shift+M", "Del"]  # shown in the menu
    qtbot.keyClick(menu, Qt.Key.Key_P)  # the menu's accelerator: Not a &Person
    assert _names(speakers) == ["Holte", UNATTRIBUTED]
    assert "Port Users" not in _names(window.sidebar.people)

    # the orphaned quote goes to Holte from its row, with the keyboard
    unattributed = _row(speakers, UNATTRIBUTED)
    speakers.expand(unattributed)
    quote_row = speakers.model().index(0, 0, unattributed)
    speakers.setFocus()
    speakers.setCurrentIndex(quote_row)
    qtbot.keyClick(
        speakers,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _answer(qtbot, window, "Holte")
    assert _names(speakers) == ["Holte"]
    holt = _row(speakers, "Holte")
    assert speakers.model().rowCount(holt) == 2
    assert speakers.model().index(holt.row(), 1).data() == "2"

    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _names(speakers) == ["Holte", "Port Users"]


def test_a_pair_compares_quotes_under_the_corrected_names(
    qtbot,
    make_window,
    files,
    tmp_path,
    no_model,  # type: ignore[no-untyped-def]
) -> None:
    window = _open(qtbot, make_window, files, tmp_path / "base", ["a.txt", "b.txt"])
    sidebar = window.sidebar
    speakers = sidebar.speakers
    assert _names(speakers) == ["Ann Holt", "Holte", "Port Users"]
    assert "No quote of the same speaker" in sidebar.drift_body.text()

    menu = _context_menu(qtbot, speakers, "Holte")
    qtbot.keyClick(menu, Qt.Key.Key_M)  # &Merge Into…
    _answer(qtbot, window, "Ann Holt")
    assert _names(speakers) == ["Ann Holt", "Port Users"]
    ann = _row(speakers, "Ann Holt")
    assert speakers.model().index(ann.row(), 2).data() == "A B"  # now in both versions
    assert "1 quote worded differently" in sidebar.drift_title.text()
    assert "great" in sidebar.drift_body.text() and "whole" in sidebar.drift_body.text()

    window.undo_stack.undo()
    assert _names(speakers) == ["Ann Holt", "Holte", "Port Users"]
    assert "No quote of the same speaker" in sidebar.drift_body.text()


def test_exported_speakers_carry_the_corrections(
    qtbot, make_window, files, tmp_path, no_model, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    """File › Export Speakers writes what the sidebar shows: the corrected names."""
    import csv
    import io

    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "speakers.csv"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args: (str(out), "CSV (*.csv)")),
    )
    window = _open(qtbot, make_window, files, tmp_path / "base", ["a.txt", "b.txt"])
    speakers = window.sidebar.speakers
    _focus_row(qtbot, speakers, "Port Users")
    qtbot.keyClick(speakers, Qt.Key.Key_Delete)  # not a person
    _focus_row(qtbot, speakers, "Holte")
    qtbot.keyClick(speakers, Qt.Key.Key_F2)
    _answer(qtbot, window, "Ann Holt")
    qtbot.waitUntil(lambda: window.menu_actions.export_speakers.isEnabled(), timeout=20000)
    window.menu_actions.export_speakers.trigger()
    qtbot.waitUntil(lambda: out.is_file(), timeout=60000)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    names = {r["name"] for r in rows if r["kind"] == "speaker"}
    assert names == {"Ann Holt", UNATTRIBUTED}
    ann = next(r for r in rows if r["kind"] == "speaker" and r["name"] == "Ann Holt")
    assert (ann["in_a"], ann["in_b"]) == ("yes", "yes")
    assert "Port Users" not in {r["name"] for r in rows if r["kind"] == "person"}
