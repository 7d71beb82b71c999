"""Loading articles from files: one module per format, detection, bounded reading.

Public entry points: :func:`load_file`, :func:`load_bytes` (clipboard: name it
"clipboard.html" or "clipboard.txt"), :func:`load_many` (progress + cancel),
:func:`expand_paths`; :class:`Limits` bounds time, unpacking and PDF pages;
``variorum.core.ingest.logsetup.configure_file_logging`` sends loader tracebacks to a file
(``lazylog.defer_file_logging`` does so for batch commands without importing ``logging`` until
a record is due).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is not imported at run time (~3 ms): annotations only
if TYPE_CHECKING:
    from typing import Any

    from variorum.core.ingest.errors import IngestError
    from variorum.core.ingest.limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Limits, PageProgress
    from variorum.core.ingest.loader import (
        DEFAULT_SIZE_LIMIT,
        expand_paths,
        load_bytes,
        load_file,
        load_many,
        register_loader,
    )
    from variorum.core.ingest.report import LoadFailure, LoadReport

# The format modules pull in trafilatura, lxml, pypdf...: imported on first use, so importing
# ``variorum.core.ingest.logsetup`` (done before the first window) costs nothing.
_LAZY = {
    "IngestError": "errors",
    "DEFAULT_LIMITS": "limits",
    "DEFAULT_TIMEOUT": "limits",
    "Limits": "limits",
    "PageProgress": "limits",
    "DEFAULT_SIZE_LIMIT": "loader",
    "LoadFailure": "report",
    "LoadReport": "report",
    "expand_paths": "loader",
    "load_bytes": "loader",
    "load_file": "loader",
    "load_many": "loader",
    "register_loader": "loader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_SIZE_LIMIT",
    "DEFAULT_TIMEOUT",
    "IngestError",
    "Limits",
    "LoadFailure",
    "LoadReport",
    "PageProgress",
    "expand_paths",
    "load_bytes",
    "load_file",
    "load_many",
    "register_loader",
]
