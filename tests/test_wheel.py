"""A normal (non-editable) install carries the package data: the wheel holds the icons and the
demo story, and the code finds them inside it, with no checkout beside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from variorum.resources import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

FIND = """
from variorum.resources import demo_articles, icon_files
files = demo_articles() + icon_files()
assert all(f.is_file() for f in files), files
print(len(files), files[0].parents[2])
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the sources, so the checkout gets no build/ or egg-info."""
    pytest.importorskip("setuptools", minversion="77")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "desktop",
        source / "desktop",
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"),
    )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("variorum-*.whl")
    return built


def test_the_wheel_holds_icons_and_samples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert f"variorum/resources/icons/hicolor/scalable/apps/{APP_ID}.svg" in names
    for size in ICON_SIZES:
        assert f"variorum/resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in names
    assert len([n for n in names if n.startswith("variorum/resources/samples/")]) == 4


def test_an_installed_copy_finds_them_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # -S: no site-packages, so nothing but the unpacked wheel provides ``variorum``.
    run = subprocess.run(
        [sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(site)!r})\n{FIND}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        timeout=60,
    )
    count, where = run.stdout.split()
    assert int(count) == 4 + 1 + len(ICON_SIZES)
    assert Path(where) == site / "variorum"
