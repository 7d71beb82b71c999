"""The icons, the desktop entry and the AppStream file: valid, named after the application id,
and registering exactly the file types ingest reads."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from variorum.core.ingest.detect import EXTENSION_FORMATS
from variorum.resources import APP_ID, ICON_SIZES, icon_files, icon_theme_dir
from variorum.resources.filetypes import FILE_TYPES, extensions, mime_types
from variorum.ui.app import make_application
from variorum.ui.resources import app_icon

pytestmark = pytest.mark.gui
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SHARED_MIME_INFO = Path("/usr/share/mime/packages/freedesktop.org.xml")
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
    "Network", "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_icons_are_packaged_at_every_size_under_the_id(qapp) -> None:
    svg, *pngs = icon_files()
    assert svg == icon_theme_dir() / "scalable" / "apps" / f"{APP_ID}.svg"
    assert QSvgRenderer(str(svg)).isValid()
    for size, png in zip(ICON_SIZES, pngs, strict=True):
        assert png == icon_theme_dir() / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() == 255
    icon = app_icon()
    assert not icon.isNull() and icon.pixmap(48, 48).width() == 48


def test_the_application_names_its_desktop_file(qapp) -> None:
    assert make_application().desktopFileName() == APP_ID


def test_file_types_are_exactly_what_ingest_reads_except_doc() -> None:
    assert sorted(extensions()) == sorted(set(EXTENSION_FORMATS) - {".doc"})
    assert len(set(mime_types())) == len(FILE_TYPES)


@pytest.mark.skipif(not SHARED_MIME_INFO.is_file(), reason="shared-mime-info not installed")
def test_every_mime_type_is_one_the_desktop_knows() -> None:
    declared = ET.parse(SHARED_MIME_INFO).getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    known = {m.get("type") for m in declared.iter(f"{ns}mime-type")}
    assert set(mime_types()) <= known


def test_desktop_entry_opens_every_file_type_with_variorum() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry.get("Version", "1.0") == "1.0"
    assert entry["Exec"] == "variorum %F"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].endswith(";")
    assert entry["MimeType"].rstrip(";").split(";") == mime_types()
    categories = entry["Categories"].rstrip(";").split(";")
    assert len(MAIN_CATEGORIES.intersection(categories)) == 1


def test_metainfo_matches_the_desktop_file_and_the_file_types() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert [m.text for m in root.iterfind("provides/mediatype")] == mime_types()
    assert root.findtext("provides/binary") == "variorum"
    assert root.findtext("url[@type='homepage']", "").startswith("https://")
    assert root.findtext("developer/name")
    assert root.find("releases/release") is not None
    assert root.findtext("screenshots/screenshot/image", "").endswith(".png")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry() -> None:
    run = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout + run.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_appstreamcli_validates_the_metainfo() -> None:
    run = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    problems = [line for line in run.stdout.splitlines() if line[:2] in {"E:", "W:"}]
    assert problems == []
