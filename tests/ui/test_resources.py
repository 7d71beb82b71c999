"""The icon, the desktop entry and the AppStream file are valid and say what they must."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from variorum.ui.resources import app_icon, resources_dir

pytestmark = pytest.mark.gui
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_resources_dir_is_the_checkouts() -> None:
    assert resources_dir() == RESOURCES


def test_svg_icon_renders_and_png_is_256(qapp) -> None:
    renderer = QSvgRenderer(str(RESOURCES / "icons" / "variorum.svg"))
    assert renderer.isValid()
    image = QImage(str(RESOURCES / "icons" / "variorum-256.png"))
    assert (image.width(), image.height()) == (256, 256)
    assert not app_icon().isNull()


def test_desktop_entry_opens_files_with_variorum() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(RESOURCES / "variorum.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "variorum %F"
    assert entry["Icon"] == "variorum"
    mime = entry["MimeType"].split(";")
    assert "text/plain" in mime and "text/html" in mime and entry["MimeType"].endswith(";")


def test_metainfo_names_the_desktop_file() -> None:
    files = list(RESOURCES.glob("*.metainfo.xml"))
    assert len(files) == 1
    root = ET.parse(files[0]).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "variorum.desktop"
