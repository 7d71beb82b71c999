"""Files the application reads at run time (icons, the demo story), shipped as package data.

They are found through :mod:`importlib.resources`, never relative to a checkout, so an editable
install, ``pip install .``, pipx and a frozen (PyInstaller) build all find the same files. No
Qt here: the CLI, tests and benchmarks use it too.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

APP_ID = "io.github.variorum.Variorum"
"""The reverse-DNS application id: the .desktop file's name, the icons' name, the AppStream
id and the Wayland app_id."""

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The PNG sizes beside the SVG (``icons/hicolor/<N>x<N>/apps/<APP_ID>.png``): the freedesktop
hicolor sizes desktops ask for, up to the 512 px software centres show."""

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _real_path(relative: str) -> Path:
    """A filesystem path to one packaged file. Installed and frozen builds keep package data as
    plain files; an import from a zip archive gets a temporary copy, removed at exit."""
    resource = resources.files(__name__).joinpath(relative)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))


def demo_articles() -> list[Path]:
    """The demo story we wrote: three versions of one article and one related article, in the
    order they are meant to be read."""
    folder = resources.files(__name__).joinpath("samples")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".txt"))
    return [_real_path(f"samples/{name}") for name in names]


def icon_theme_dir() -> Path:
    """``icons/hicolor``: laid out as the freedesktop icon theme, so installers copy it whole
    to ``/usr/share/icons/hicolor``."""
    return _real_path("icons/hicolor")


def icon_files() -> list[Path]:
    """The SVG first (it scales to any size), then the PNGs from the smallest: the window icon
    is built from all of them, so Qt picks the closest when the SVG plugin is absent."""
    svg = f"icons/hicolor/scalable/apps/{APP_ID}.svg"
    pngs = [f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES]
    return [_real_path(name) for name in (svg, *pngs)]
