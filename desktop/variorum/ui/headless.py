"""What ``--screenshot`` needs to run anywhere a CI job or a release script runs it: a Qt
platform that needs no display, and Qt's own messages in the log file rather than on stderr
(whose silence is how a smoke test tells success)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("variorum.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

EXPECTED_OFFSCREEN = ("This plugin does not support",)
"""What the offscreen platform says about window-manager features it lacks: expected when
rendering without a screen, so logged at debug level only."""


def choose_offscreen_platform(
    environ: MutableMapping[str, str] | None = None, platform: str = sys.platform
) -> bool:
    """Use Qt's offscreen platform when no display server is reachable and the user chose no
    platform; returns whether it did. Qt would otherwise try xcb and abort with a message
    about a missing xcb library, which is not the problem. Windows and macOS always have
    their native platform."""
    env = os.environ if environ is None else environ
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return False
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return False
    env["QT_QPA_PLATFORM"] = "offscreen"
    return True


def _to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if message.startswith(EXPECTED_OFFSCREEN):
        level = logging.DEBUG
    category = context.category if context.category not in (None, "", "default") else ""
    log.log(level, "%s%s", f"{category}: " if category else "", message)


def qt_messages_to_log() -> Any:
    """From now on Qt's warnings go to ``variorum.log`` (see ``core.ingest.logsetup``);
    returns the handler replaced, to restore it."""
    return qInstallMessageHandler(_to_log)
