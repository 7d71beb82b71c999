"""pathnames gives pathlib's answers without importing pathlib: checked against pathlib."""

from __future__ import annotations

import itertools
import os
from pathlib import Path, PurePath

import pytest

from variorum.core.ingest import pathnames

ODD = [
    "", ".", "..", "a", "a/", "a//b", "./a", "a/./b", "/", "//", "///a", "//a/b", "/a/b",
    "a/..", "../x.txt", "..txt", ".bashrc", "x.", "a.tar.gz", "a/b.TXT", "a\\b.txt", "x/.",
    "/x/./", ".hidden.md", "a b/c d.txt", "é/ü.md", "dir/.txt", "a/b/",
]
PIECES = ["a", ".", "..", "/", "x.txt", ".md", "b."]


def cases() -> list[str]:
    built = ["".join(p) for n in range(1, 5) for p in itertools.product(PIECES, repeat=n)]
    return ODD + built


@pytest.mark.parametrize("cwd", ["/", None])
def test_same_answers_as_pathlib(cwd: str | None, tmp_path: Path) -> None:
    before = os.getcwd()
    os.chdir(cwd or tmp_path)
    try:
        for path in cases():
            assert pathnames.normal_path(path) == str(Path(path)), path
            assert pathnames.file_name(path) == PurePath(path).name, path
            assert pathnames.absolute_path(path) == str(Path(path).absolute()), path
            assert pathnames.suffix(path) == PurePath(path).suffix, path
    finally:
        os.chdir(before)


def test_path_objects_are_accepted(tmp_path: Path) -> None:
    assert pathnames.normal_path(tmp_path / "x.txt") == str(tmp_path / "x.txt")
