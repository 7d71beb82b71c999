"""A rotating log file for loader failures, so "internal error" always comes with a traceback
the user can send us. Called once by the app and the CLI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "variorum.log"
_HANDLER_FLAG = "_variorum_file_handler"


def configure_file_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``variorum`` loggers to ``log_dir/variorum.log`` (rotated at 1 MB, 3 kept) and
    return the file's path. Calling it again with the same directory adds no second handler."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger("variorum")
    for handler in root.handlers:
        if getattr(handler, _HANDLER_FLAG, None) == str(path):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    setattr(handler, _HANDLER_FLAG, str(path))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
