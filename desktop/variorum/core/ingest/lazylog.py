"""Loader logging for batch commands without importing ``logging`` until a record is due.

``logging`` (with threading, traceback, weakref...) costs ~5 ms of a ~60 ms ``variorum
compare``, and a clean run logs nothing. So the command only notes where the log file would go
(:func:`defer_file_logging`); the loader asks :func:`get_logger` when something went wrong, and
that is when ``logging`` is imported and the file log of
:func:`variorum.core.ingest.logsetup.defer_file_logging` installed. Where ``logging`` is already
imported (the window, tests) the file log is installed at once, as before.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing is not imported at run time (~3 ms): annotations only
if TYPE_CHECKING:
    import logging
    from collections.abc import Callable
    from pathlib import Path

_pending: Callable[[], Path] | None = None


def defer_file_logging(log_dir: Callable[[], Path]) -> None:
    """Send the ``variorum`` loggers to ``log_dir()/variorum.log`` from their first record on;
    a later call replaces the folder (the last caller wins)."""
    global _pending
    _pending = log_dir
    if "logging" in sys.modules:
        activate()


def activate() -> None:
    """Install the noted file log now. Commands whose code logs through ``logging`` directly
    (``extract``) call this before running it."""
    global _pending
    if _pending is None:
        return
    from variorum.core.ingest.logsetup import defer_file_logging

    log_dir, _pending = _pending, None
    defer_file_logging(log_dir)


def get_logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)``, with the noted file log installed first."""
    import logging

    activate()
    return logging.getLogger(name)
