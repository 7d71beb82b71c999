"""Keep PySide6 from holding the source text of every module the window imports.

PySide6 looks at each module imported after it to learn whether that module uses PySide6 (its
``__feature__`` switches apply only to those). It does so with ``inspect.getsource``, which
reads the file through ``linecache``, and ``linecache`` keeps every line of every file it has
read for the life of the process: in the window, once the comparison, the story grouping and
numpy are loaded, about 6.5 MB of source lines that nothing reads again (measured with
``tracemalloc`` on the Darwin pair; the sidebar's memory target counts every megabyte).

The same question is answered here by reading the file once and keeping only the answer. When
PySide6 changes the hook's shape, nothing is replaced and its own check runs as before.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from types import ModuleType
from typing import Any

MARKER = b"PySide6"
"""What PySide6's own check searches a module's source for."""


def _uses_pyside(original: Callable[[ModuleType], bool]) -> Callable[[Any], bool]:
    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # compiled or frozen: PySide6's check finds no source
        try:
            with open(path, "rb") as handle:
                return MARKER in handle.read()
        except OSError:
            return False

    return uses_pyside


def stop_keeping_module_sources() -> bool:
    """Replace PySide6's check (once) and drop the lines it has cached so far; False when
    this PySide6 has no such check."""
    try:
        from shibokensupport import feature
    except ImportError:
        return False
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original) or getattr(original, "_variorum", False):
        return bool(original)
    replacement = _uses_pyside(original)
    replacement._variorum = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = replacement
    linecache.clearcache()
    return True
