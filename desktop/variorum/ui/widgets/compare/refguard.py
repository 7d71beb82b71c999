"""Keep None/True/False alive under PySide6 6.12.0 on CPython 3.11.

That PySide6 build returns None (every void method, e.g. ``QTextCursor.insertText``) and
True/False (e.g. ``Signal.emit``) without taking a reference. On CPython < 3.12 these singletons
are not immortal, so after a few thousand Qt calls their reference count reaches zero and the
interpreter aborts with "none_dealloc: deallocating None". We cannot fix the binding here, so
we hold a reserve of references and top it up whenever it runs low. The fault is measured at
import, so with a sound binding (6.11.3 is) this module does nothing. Each reserve chunk is itself
leaked on purpose (an extra reference nobody drops), so interpreter shutdown does not release
the reserve while the missing references are still missing. On CPython >= 3.12 the singletons
are immortal and this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

_RESERVE: list[list[object]] = []
_LOW_WATER = 200_000
_TOP_UP = 400_000


def _binding_drops_references() -> bool:
    """Measure it: eight void calls, and see whether None lost references. (PySide6 6.11.3
    does not; 6.12.0 does.)"""
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


_NEEDED = _binding_drops_references()


def top_up() -> None:
    """Cheap check (three refcount reads); call it from anything that drives many Qt calls."""
    if not _NEEDED:
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _LOW_WATER:
            chunk: list[object] = [singleton] * _TOP_UP
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))
            _RESERVE.append(chunk)


def keep_topped_up(parent: QObject) -> QTimer:
    """Top up every second for as long as ``parent`` lives: the whole window's Qt calls drain
    the reserve, not only ours."""
    timer = QTimer(parent)
    timer.setInterval(1000)
    timer.timeout.connect(top_up)
    timer.start()
    return timer


top_up()
