"""Loading articles from files: one module per format, detection, bounded reading."""

from variorum.core.ingest.errors import IngestError
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
    "DEFAULT_SIZE_LIMIT",
    "IngestError",
    "LoadFailure",
    "LoadReport",
    "expand_paths",
    "load_bytes",
    "load_file",
    "load_many",
    "register_loader",
]
