"""What pathlib says about a path (its normal form, name, suffix, absolute form), without
importing pathlib for the paths a command line usually holds.

Importing pathlib costs ~5 ms (urllib.parse, ipaddress, fnmatch...) of a ~60 ms ``variorum
compare``. On POSIX a path string whose parts are neither empty nor "." is already in
pathlib's normal form, so the answers below are plain string work; any other path (and any path
on Windows) is handed to pathlib itself, so the results are always exactly pathlib's.
"""

from __future__ import annotations

import os


def _is_normal(path: str) -> bool:
    """True when ``str(PurePosixPath(path)) == path`` for certain: no empty part (a doubled or
    trailing slash), no "." part; a single leading slash is the root."""
    if not path or os.name != "posix":
        return False
    first, *rest = path.split("/")
    return first != "." and all(part not in ("", ".") for part in rest)


def normal_path(path: str | os.PathLike[str]) -> str:
    """``str(Path(path))``: the path the file system is asked about."""
    if isinstance(path, str) and _is_normal(path):
        return path
    from pathlib import Path

    return str(Path(path))


def file_name(path: str) -> str:
    """``Path(path).name``."""
    if _is_normal(path):
        return path.rpartition("/")[2]
    from pathlib import PurePath

    return PurePath(path).name


def absolute_path(path: str) -> str:
    """``str(Path(path).absolute())``: the working directory prepended, nothing resolved."""
    if _is_normal(path):
        if path.startswith("/"):
            return path
        cwd = os.getcwd()
        if _is_normal(cwd):
            return os.path.join(cwd, path)
    from pathlib import Path

    return str(Path(path).absolute())


def suffix(name: str) -> str:
    """``PurePath(name).suffix``: the final part's last ".ext", if any."""
    if not _is_normal(name):
        from pathlib import PurePath

        return PurePath(name).suffix
    last = name.rpartition("/")[2]
    i = last.rfind(".")
    return last[i:] if 0 < i < len(last) - 1 else ""
