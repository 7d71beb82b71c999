"""The installed Qt binding must not leak references to Python singletons.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every Qt call that
returns nothing; after a few thousand calls the interpreter aborts ("none_dealloc").
pyproject.toml pins below it; this test catches a future binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_and_emits_keep_singleton_refcounts(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before_none = sys.getrefcount(None)
    before_false = sys.getrefcount(False)
    for _ in range(2000):
        widget.setMinimumWidth(5)
        widget.setEnabled(True)
        widget.windowTitleChanged.emit("x")
    assert sys.getrefcount(None) - before_none > -50
    assert sys.getrefcount(False) - before_false > -50
