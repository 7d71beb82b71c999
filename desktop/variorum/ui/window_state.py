"""Saving and restoring the window's shape through the typed settings (which keep Qt's opaque
geometry blobs as base64 text, so core needs no Qt), and the one-time startup notice."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from variorum.core.settings import Settings

DEFAULT_WINDOW_SIZE = (1280, 800)


def restore_window(window: QMainWindow, settings: Settings) -> None:
    if settings.window_geometry:
        window.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode("ascii")))
    else:
        window.resize(*DEFAULT_WINDOW_SIZE)
    if settings.window_state:
        window.restoreState(QByteArray.fromBase64(settings.window_state.encode("ascii")))


def snapshot_window(window: QMainWindow, splitter: QSplitter, settings: Settings) -> Settings:
    return replace(
        settings,
        window_geometry=_text(window.saveGeometry()),
        window_state=_text(window.saveState()),
        splitter_sizes=tuple(splitter.sizes()),
    )


def _text(blob: QByteArray) -> str:
    return bytes(blob.toBase64().data()).decode("ascii")


def show_notice_box(parent: QWidget, notices: list[str]) -> QMessageBox:
    """Non-modal: the user reads it while the window is already usable."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Variorum", "\n\n".join(notices), parent=parent)
    box.setObjectName("startupNotice")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
