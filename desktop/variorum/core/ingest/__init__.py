"""Loading articles from files: one module per format, detection, bounded reading.

Public entry points: :func:`load_file`, :func:`load_bytes` (clipboard: name it
"clipboard.html" or "clipboard.txt"), :func:`load_many` (progress + cancel),
:func:`expand_paths`; :class:`Limits` bounds time, unpacking and PDF pages;
``variorum.core.ingest.logsetup.configure_file_logging`` sends loader tracebacks to a file.
"""

from variorum.core.ingest.errors import IngestError
from variorum.core.ingest.limits import DEFAULT_LIMITS, DEFAULT_TIMEOUT, Limits, PageProgress
from variorum.core.ingest.loader import (
    DEFAULT_SIZE_LIMIT,
    LoadFailure,
    LoadReport,
    expand_paths,
    load_bytes,
    load_file,
    load_many,
    register_loader,
)

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
