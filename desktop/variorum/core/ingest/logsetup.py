"""A rotating log file for loader failures, so "internal error" always comes with a traceback
the user can send us. Called once by the app and the CLI."""

from __future__ import annotations

import logging
from collections.abc import Callable
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
    from logging.handlers import RotatingFileHandler  # ~10 ms, only when a file is set up

    handler = RotatingFileHandler(
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


class DeferredFileLog(logging.Handler):
    """Sets up the log file on the first record, not at start-up: a batch command that logs
    nothing (the usual case) never pays for platformdirs and the rotating handler."""

    def __init__(self, log_dir: Callable[[], Path], *, level: int = logging.INFO) -> None:
        super().__init__(level)
        self._log_dir = log_dir
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._failed:
            return
        root = logging.getLogger("variorum")
        try:
            path = configure_file_logging(self._log_dir(), level=self.level)
        except OSError:
            self._failed = True  # a read-only home must not break the command
            return
        root.removeHandler(self)
        for handler in root.handlers:
            if getattr(handler, _HANDLER_FLAG, None) == str(path):
                handler.handle(record)


def defer_file_logging(log_dir: Callable[[], Path], *, level: int = logging.INFO) -> None:
    """Install a :class:`DeferredFileLog` on the ``variorum`` logger, replacing an earlier one
    (the last caller's folder wins, as when a test calls the CLI twice with two base dirs)."""
    root = logging.getLogger("variorum")
    for old in [h for h in root.handlers if isinstance(h, DeferredFileLog)]:
        root.removeHandler(old)
    root.addHandler(DeferredFileLog(log_dir, level=level))
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
