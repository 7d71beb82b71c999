"""Wrap the one-folder build (dist/variorum/) into a Debian package with dpkg-deb
(``make deb``):

    /opt/variorum/                  the frozen application
    /usr/bin/variorum               a link to /opt/variorum/variorum
    /usr/share/applications/        io.github.variorum.Variorum.desktop
    /usr/share/metainfo/            io.github.variorum.Variorum.metainfo.xml
    /usr/share/icons/hicolor/       the icon at every size, named after the application id
    /usr/share/man/man1/            variorum.1.gz (from the program's own parsers)
    /usr/share/doc/variorum/        copyright, changelog.gz, README.md

Depends lists the system libraries the bundle leaves to the host: every library a bundled
ELF file needs (DT_NEEDED) that the bundle does not carry itself, mapped to the Debian package
that provides it on this build machine (``dpkg -S``); libc6 gets the glibc floor, the highest
GLIBC_x.y symbol version any bundled file references (``objdump -T``). No maintainer scripts:
dpkg's triggers refresh the desktop, MIME and icon caches.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from manpage import manpage  # noqa: E402

from variorum import __version__  # noqa: E402
from variorum.resources import APP_ID  # noqa: E402

PACKAGE = "variorum"
MAINTAINER = "Variorum team <variorum@users.noreply.github.com>"
HOMEPAGE = "https://github.com/variorum/variorum"
ELF_MAGIC = b"\x7fELF"


@dataclass(frozen=True)
class HostNeeds:
    packages: dict[str, list[str]]
    """Debian package -> the sonames the bundle needs from it."""
    glibc_floor: tuple[int, int]
    glibc_floor_file: str
    """The bundled file that needs the newest glibc symbol version."""
    unresolved: list[str]
    """Sonames no installed package provides (would be a broken dependency)."""


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def needed(elf: Path) -> list[str]:
    out = subprocess.run(
        ["objdump", "-p", str(elf)], capture_output=True, text=True, check=True
    ).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)", out, flags=re.M)


def glibc_versions(elf: Path) -> set[tuple[int, int]]:
    """GLIBC_x.y versions of the dynamic symbols the file imports (``*UND*``), i.e. what the
    host's libc must provide."""
    out = subprocess.run(
        ["objdump", "-T", str(elf)], capture_output=True, text=True, check=False
    ).stdout
    versions = set()
    for line in out.splitlines():
        if "*UND*" in line:
            match = re.search(r"\bGLIBC_(\d+)\.(\d+)", line)
            if match:
                versions.add((int(match.group(1)), int(match.group(2))))
    return versions


def providing_package(soname: str) -> str | None:
    """The installed Debian package that ships ``soname`` (the real file, in a library dir)."""
    run = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True)
    for line in run.stdout.splitlines():
        package, _, path = line.partition(": ")
        if re.search(
            r"/lib(32|64|x32)?(/[^/]+-linux-gnu[^/]*)?/" + re.escape(soname) + "$", path.strip()
        ):
            return package.split(":")[0].split(",")[0].strip()
    return None


def host_needs(bundle: Path) -> HostNeeds:
    files = elf_files(bundle)
    carried = {p.name for p in bundle.rglob("*.so*")}
    wanted: dict[str, set[str]] = {}
    floor, floor_file = (2, 2), ""
    for elf in files:
        for soname in needed(elf):
            if soname not in carried:
                wanted.setdefault(soname, set()).add(str(elf.relative_to(bundle)))
        for version in glibc_versions(elf):
            if version > floor:
                floor, floor_file = version, str(elf.relative_to(bundle))
    packages: dict[str, list[str]] = {}
    unresolved = []
    for soname in sorted(wanted):
        package = providing_package(soname)
        if package is None:
            unresolved.append(soname)
        else:
            packages.setdefault(package, []).append(soname)
    return HostNeeds(packages, floor, floor_file, unresolved)


def shlibdeps_versions(bundle: Path) -> dict[str, str]:
    """The minimum versions Debian's own tool derives from the libraries' symbols files
    (``dpkg-shlibdeps``, package -> "package (>= version)"), or nothing without dpkg-dev.
    It also names packages for libraries the bundle carries (it prefers the system's copy),
    so only its versions are taken, for the packages :func:`host_needs` found."""
    if shutil.which("dpkg-shlibdeps") is None:
        return {}
    files = [str(p) for p in elf_files(bundle)]
    dirs = sorted({f"-l{Path(f).parent}" for f in files})
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8"
        )
        run = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *dirs, "-e", *files],
            cwd=work, capture_output=True, text=True, check=False,
        )  # fmt: skip
    line = next((s for s in run.stdout.splitlines() if s.startswith("shlibs:Depends=")), "")
    versions = {}
    for part in line.removeprefix("shlibs:Depends=").split(", "):
        name = part.split(" ", 1)[0]
        if "(" in part and "|" not in part:
            versions[name] = part.strip()
    return versions


def depends_line(needs: HostNeeds, versions: dict[str, str] | None = None) -> str:
    """One entry per package :func:`host_needs` found, with dpkg-shlibdeps's minimum version
    where it has one; libc6 at least at the glibc floor measured from the symbols."""
    known = versions or {}
    floor = f"libc6 (>= {needs.glibc_floor[0]}.{needs.glibc_floor[1]})"
    parts = [known.get(package, package) for package in needs.packages if package != "libc6"]
    libc = known.get("libc6", floor)
    if _version_key(floor) > _version_key(libc):
        libc = floor
    return ", ".join(sorted([*parts, libc]))


def _version_key(entry: str) -> tuple[int, ...]:
    match = re.search(r">= ([\d.]+)", entry)
    return tuple(int(n) for n in match.group(1).split(".") if n) if match else ()


def copyright_text() -> str:
    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Variorum
Source: {HOMEPAGE}

Files: *
Copyright: Variorum team
License: MIT

Files: opt/variorum/_internal/*
Copyright: the authors of each bundled component
License: various
 /opt/variorum/_internal holds the Python 3.11 runtime (PSF-2.0) and the libraries Variorum
 runs on, each under its own licence, listed in its *.dist-info folder there: Qt 6 and
 PySide6 (LGPL-3.0), spaCy, thinc and the en_core_web_sm pipeline (MIT), NumPy (BSD-3-Clause,
 with OpenBLAS, BSD-3-Clause), lxml (BSD-3-Clause), trafilatura (Apache-2.0), pypdf
 (BSD-3-Clause), python-docx (MIT), and their dependencies.

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify, merge,
 publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
 INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
 FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 DEALINGS IN THE SOFTWARE.
"""


def changelog_text() -> str:
    return (
        f"{PACKAGE} ({__version__}) unstable; urgency=medium\n\n"
        "  * Release built from the checkout with PyInstaller (one folder) and dpkg-deb.\n\n"
        f" -- {MAINTAINER}  {formatdate(localtime=False)}\n"
    )


def write_gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes (reproducible package).
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))


def stage(bundle: Path, root: Path, depends: str, arch: str) -> None:
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = root / "usr" / "share"
    for source, target in (
        (ROOT / "resources" / f"{APP_ID}.desktop", share / "applications"),
        (ROOT / "resources" / f"{APP_ID}.metainfo.xml", share / "metainfo"),
    ):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target / source.name)
    shutil.copytree(
        ROOT / "desktop" / "variorum" / "resources" / "icons" / "hicolor",
        share / "icons" / "hicolor",
    )
    write_gz(
        share / "man" / "man1" / f"{PACKAGE}.1.gz", manpage(__import__("datetime").date.today())
    )
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    write_gz(doc / "changelog.gz", changelog_text())
    shutil.copy(ROOT / "README.md", doc / "README.md")
    size_kb = (
        sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    )
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kb}\n"
        f"Depends: {depends}\n"
        "Section: text\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        "Description: compare versions of news articles\n"
        " Variorum loads versions of a news story (text, web pages, Word, OpenDocument,\n"
        " RTF and PDF files, saved e-mails), shows word by word what changed between\n"
        " two of them, including moved text, and lists who is quoted saying what.\n",
        encoding="utf-8",
    )
    for path in root.rglob("*"):  # dpkg-deb wants 0755 directories, no group/other write
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022 | (0o755 if path.is_dir() else 0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist" / PACKAGE))
    parser.add_argument("--out", default=str(ROOT / "dist"))
    args = parser.parse_args()
    bundle = Path(args.bundle)
    if not (bundle / PACKAGE).is_file():
        print(f"no bundle at {bundle}: run `make package` first", file=sys.stderr)
        return 2
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    needs = host_needs(bundle)
    if needs.unresolved:
        print(
            f"no installed package provides {needs.unresolved}: install it and rerun",
            file=sys.stderr,
        )
        return 1
    staging = ROOT / "build" / "deb" / f"{PACKAGE}_{__version__}_{arch}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    depends = depends_line(needs, shlibdeps_versions(bundle))
    stage(bundle, staging, depends, arch)
    out = Path(args.out) / f"{PACKAGE}_{__version__}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    print(f"Depends: {depends}")
    print(
        f"glibc floor {needs.glibc_floor[0]}.{needs.glibc_floor[1]}, needed by "
        f"{needs.glibc_floor_file}"
    )
    for package, sonames in sorted(needs.packages.items()):
        print(f"  {package}: {', '.join(sonames)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
