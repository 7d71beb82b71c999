"""--screenshot picks a platform that needs no display only when none is reachable."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from variorum.ui.headless import choose_offscreen_platform, qt_messages_to_log


@pytest.mark.parametrize(
    ("environ", "platform", "chosen"),
    [
        ({}, "linux", "offscreen"),
        ({"DISPLAY": ":0"}, "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", "xcb"),
        ({}, "freebsd14", "offscreen"),
        ({}, "win32", None),
        ({}, "darwin", None),
    ],
)
def test_offscreen_only_without_a_display(environ, platform, chosen) -> None:
    env = dict(environ)
    changed = choose_offscreen_platform(env, platform)
    assert env.get("QT_QPA_PLATFORM") == chosen
    assert changed == (chosen == "offscreen" and "QT_QPA_PLATFORM" not in environ)


def test_qt_messages_go_to_the_log_not_stderr(qapp, caplog, capfd) -> None:
    previous = qt_messages_to_log()
    try:
        with caplog.at_level(logging.DEBUG, logger="variorum.qt"):
            qWarning("This plugin does not support propagateSizeHints()")
            qWarning("something unexpected")
    finally:
        qInstallMessageHandler(previous)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.DEBUG, "This plugin does not support propagateSizeHints()"),
        (logging.WARNING, "something unexpected"),
    ]
    assert capfd.readouterr().err == ""
