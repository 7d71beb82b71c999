"""Writing a report file: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import: mkstemp's files are private, a report is not


def write_atomic(path: str | Path, data: bytes) -> int:
    """Write ``data`` to ``path`` through a temporary file beside it, so a failed export (a
    full disk, a cancelled run) never leaves half a report; returns the size written. Raises
    OSError with the reason (no such folder, permission denied...)."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, "Is a folder", str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".variorum-", suffix=".tmp", dir=target.parent)
    except OSError as err:  # name the file asked for, not our temporary one
        raise OSError(err.errno, err.strerror, str(target)) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(err.errno, err.strerror, str(target)) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


def write_text(path: str | Path, text: str, *, bom: bool = False) -> int:
    """UTF-8 text, with a byte order mark when asked (spreadsheet programs need it for CSV)."""
    return write_atomic(path, text.encode("utf-8-sig" if bom else "utf-8"))
