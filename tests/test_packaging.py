"""The installer recipes agree with the code: the Windows installer registers the file types
ingest reads, the man page lists the options the parsers accept, the .deb's dependency
scan finds what an ELF file needs from the host, and the smoke test's inputs all load."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from variorum.cli.main import COMMANDS, _command_module, _global_parser
from variorum.resources import demo_articles
from variorum.resources.filetypes import extensions

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def load(path: Path) -> ModuleType:
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(path.parent))


def test_the_windows_installer_offers_exactly_the_types_ingest_reads() -> None:
    script = (PACKAGING / "windows" / "variorum.nsi").read_text(encoding="utf-8")
    listed = re.findall(r'!insertmacro \$\{MACRO\} "(\.[a-z]+)"', script)
    assert listed == extensions()
    # "Open with" only: an extension's default value (its default program) is never written.
    assert not re.search(r'WriteRegStr HKCU "\$\{CLASSES\}\\\$\{EXT\}" ""', script)
    assert "RequestExecutionLevel user" in script and 'Section "Uninstall"' in script


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS not installed")
def test_the_windows_installer_compiles(tmp_path: Path) -> None:
    """makensis on a stand-in of the bundle: the script is valid NSIS (the real bundle can
    only be frozen on Windows)."""
    dist = tmp_path / "dist"
    (dist / "_internal").mkdir(parents=True)
    for name in ("variorum.exe", "variorum-gui.exe", "_internal/python311.dll"):
        (dist / name).write_bytes(b"MZ stand-in")
    out = tmp_path / "Variorum-0.1.0-setup.exe"
    run = subprocess.run(
        ["makensis", "-V2", "-DVERSION=0.1.0", f"-DDIST={dist}", f"-DOUTFILE={out}",
         str(PACKAGING / "windows" / "variorum.nsi")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "warning" not in (run.stdout + run.stderr).lower()
    assert out.read_bytes()[:2] == b"MZ"


def test_the_man_page_lists_every_option_of_every_command() -> None:
    page = load(PACKAGING / "linux" / "manpage.py").manpage(datetime.date(2026, 1, 2))
    parsers = [_global_parser()]
    for name in COMMANDS:
        assert f".SS {name}" in page
        parser = __import__("argparse").ArgumentParser()
        _command_module(name).add_arguments(parser)
        parsers.append(parser)
    for parser in parsers:
        for action in parser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert "\\fB" + option.replace("-", "\\-") + "\\fR" in page, option


@pytest.mark.skipif(shutil.which("man") is None, reason="man not installed")
def test_the_man_page_renders_without_warnings(tmp_path: Path) -> None:
    page = tmp_path / "variorum.1"
    page.write_text(load(PACKAGING / "linux" / "manpage.py").manpage(datetime.date.today()))
    run = subprocess.run(
        ["man", "--warnings", "-l", str(page)],
        capture_output=True,
        text=True,
        env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        check=False,
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert "variorum compare [OPTIONS] A B" in run.stdout


@pytest.mark.skipif(
    shutil.which("objdump") is None or shutil.which("dpkg") is None, reason="Debian tools"
)
def test_the_deb_depends_on_what_a_binary_needs_from_the_host(tmp_path: Path) -> None:
    build_deb = load(PACKAGING / "linux" / "build_deb.py")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy("/bin/ls", bundle / "ls")  # needs libc (and libselinux on Debian)
    needs = build_deb.host_needs(bundle)
    assert needs.unresolved == []
    assert "libc.so.6" in needs.packages["libc6"]
    assert needs.glibc_floor >= (2, 3) and needs.glibc_floor_file == "ls"
    floor = f"{needs.glibc_floor[0]}.{needs.glibc_floor[1]}"
    assert f"libc6 (>= {floor})" in build_deb.depends_line(needs)
    # dpkg-shlibdeps's versions are taken where it has them, never below the glibc floor.
    versions = {"libc6": "libc6 (>= 2.2.5)", "libselinux1": "libselinux1 (>= 3.1~)"}
    line = build_deb.depends_line(needs, versions).split(", ")
    assert f"libc6 (>= {floor})" in line
    if "libselinux1" in needs.packages:
        assert "libselinux1 (>= 3.1~)" in line
    # A library the bundle carries itself is not asked of the host.
    libc = next(
        Path(p)
        for p in (
            "/lib/x86_64-linux-gnu/libc.so.6",
            "/lib64/libc.so.6",
            "/usr/lib/x86_64-linux-gnu/libc.so.6",
        )
        if Path(p).exists()
    )
    shutil.copy(libc, bundle / "libc.so.6")
    assert "libc.so.6" not in build_deb.host_needs(bundle).packages.get("libc6", [])


def test_the_smoke_tests_inputs_are_every_format_and_all_load(tmp_path: Path) -> None:
    smoke = load(PACKAGING / "smoke_test.py")
    files = smoke.build_inputs(tmp_path, demo_articles())
    run = subprocess.run(
        [sys.executable, "-m", "variorum", "inspect", "--json", *map(str, files)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    entries = json.loads(run.stdout)
    assert [e for e in entries if "error" in e] == []
    assert {e["format"] for e in entries} >= {
        "text", "markdown", "html", "docx", "odt", "rtf", "pdf", "eml"
    }  # fmt: skip
