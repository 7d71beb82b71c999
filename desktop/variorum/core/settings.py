"""Typed settings with a schema version, upgrades, and atomic JSON storage.

A corrupt file is moved aside (``settings.json.bad-<timestamp>``) rather than overwritten, so a
user who edited it by hand can still recover what they wrote; the app tells them once.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from variorum.core.options import CompareOptions
from variorum.core.stories.params import DEFAULT_THRESHOLD as DEFAULT_STORY_THRESHOLD

SCHEMA_VERSION = 2
MAX_RECENT = 10
VIEW_MODES = ("inline", "side_by_side")
DISPLAY_SETTINGS = frozenset({"changes_only", "change_list_views", "text_size"})
"""The settings the comparison pane changes itself (its View menu and zoom keys)."""
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 6, 40
MAX_SIZE_LIMIT_MB = 2048
MAX_SPLITTER_SIZE = 100_000
MAX_FILE_BYTES = 1024 * 1024
"""A settings file is a few hundred bytes; anything past 1 MB is not ours to read."""
_BASE64_RE = re.compile(r"[A-Za-z0-9+/=]*")


@dataclass(frozen=True)
class Settings:
    schema_version: int = SCHEMA_VERSION
    window_geometry: str = ""
    """Base64 of QWidget.saveGeometry(): opaque here, so core needs no Qt."""
    window_state: str = ""
    splitter_sizes: tuple[int, ...] = ()
    recent_files: tuple[str, ...] = ()
    compare: CompareOptions = field(default_factory=CompareOptions)
    view_mode: str = "inline"
    size_limit_mb: int = 50
    spacy_model: str = ""
    """Empty: the best installed English pipeline."""
    show_boilerplate: bool = False
    last_selection: tuple[str, ...] = ()
    """Ids of the articles selected when the window closed, selected again at the next start."""
    story_threshold: float = DEFAULT_STORY_THRESHOLD
    """Pair score (0..1) from which two articles are versions of one story."""
    export_folder: str = ""
    """Where the last report or speaker list was exported; the next export starts there."""
    changes_only: bool = False
    """Unchanged paragraphs folded to one line each."""
    change_list_views: tuple[str, ...] = ("inline",)
    """The views that show the change list beside the text (side by side needs the width)."""
    text_size: int = 0
    """Points of the compared text (zoom); 0: the system's size."""

    def with_recent(self, path: str) -> Settings:
        recent = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        return replace(self, recent_files=tuple(recent))


def _upgrade_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept comparison flags at top level and the view mode as a bool."""
    compare = {k: raw.pop(k) for k in list(raw) if k in _COMPARE_KEYS}
    raw.setdefault("compare", compare)
    if "side_by_side" in raw:
        raw["view_mode"] = "side_by_side" if raw.pop("side_by_side") else "inline"
    return raw


_COMPARE_KEYS = {f.name for f in fields(CompareOptions)}
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def settings_from_dict(raw: dict[str, Any]) -> Settings:
    version = int(raw.get("schema_version", 1))
    if version > SCHEMA_VERSION:
        raise ValueError(f"settings written by a newer Variorum (schema {version})")
    while version < SCHEMA_VERSION:
        raw = UPGRADES[version](dict(raw))
        version += 1
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {k: v for k, v in raw.items() if k in known}
    values["schema_version"] = SCHEMA_VERSION
    compare = values.get("compare", {})
    if not isinstance(compare, dict):
        raise ValueError("compare options are not an object")
    values["compare"] = CompareOptions(
        **{k: bool(v) for k, v in compare.items() if k in _COMPARE_KEYS}
    )
    values["splitter_sizes"] = tuple(
        min(max(int(x), 0), MAX_SPLITTER_SIZE) for x in values.get("splitter_sizes", ())
    )
    values["recent_files"] = tuple(str(x) for x in values.get("recent_files", ()))[:MAX_RECENT]
    values["last_selection"] = tuple(str(x) for x in values.get("last_selection", ()))[:2]
    views = values.get("change_list_views", ("inline",))
    values["change_list_views"] = tuple(v for v in VIEW_MODES if v in list(views))
    values["changes_only"] = bool(values.get("changes_only", False))
    size = int(values.get("text_size", 0))
    values["text_size"] = 0 if size <= 0 else min(max(size, MIN_TEXT_SIZE), MAX_TEXT_SIZE)
    if values.get("view_mode", "inline") not in VIEW_MODES:
        values["view_mode"] = "inline"
    for name in ("window_geometry", "window_state", "spacy_model", "export_folder"):
        if not isinstance(values.get(name, ""), str):
            raise ValueError(f"{name} has the wrong type")
    for name in ("window_geometry", "window_state"):
        if not _BASE64_RE.fullmatch(values.get(name, "")):
            raise ValueError(f"{name} is not base64 text")
    values["size_limit_mb"] = min(max(1, int(values.get("size_limit_mb", 50))), MAX_SIZE_LIMIT_MB)
    threshold = float(values.get("story_threshold", DEFAULT_STORY_THRESHOLD))
    values["story_threshold"] = min(max(threshold, 0.05), 1.0)
    return Settings(**values)


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    data = asdict(settings)
    data["splitter_sizes"] = list(settings.splitter_sizes)
    data["recent_files"] = list(settings.recent_files)
    data["last_selection"] = list(settings.last_selection)
    data["change_list_views"] = list(settings.change_list_views)
    return data


class SettingsStore:
    """Loads once, saves atomically; ``notice`` holds the one-time message after a recovery."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notice: str | None = None

    def load(self) -> Settings:
        if not os.path.lexists(self.path):
            return Settings()
        try:
            raw = json.loads(_read_regular(self.path, MAX_FILE_BYTES).decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
            return settings_from_dict(raw)
        except RecursionError:  # a file nested thousands of levels deep
            return self._set_aside("nested too deeply")
        except (OSError, ValueError, TypeError, KeyError, OverflowError) as exc:
            return self._set_aside(str(exc))

    def _set_aside(self, why: str) -> Settings:
        """Move the unreadable file aside (never delete what a user may have written) and
        start from the defaults, with a notice saying so once."""
        aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            where = f"; the old file was kept as {aside.name}"
        except OSError:
            where = ""
        self.notice = f"Settings could not be read ({why}); defaults are used{where}."
        return Settings()

    def save(self, settings: Settings) -> None:
        """Atomically: a new file renamed over the old one. When the settings path is a
        symbolic link, the link itself is replaced by the file; what it pointed to is never
        written through it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(settings_to_dict(settings), indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _read_regular(path: Path, limit: int) -> bytes:
    """The content of ``path`` if it is a regular file of at most ``limit`` bytes. Opened
    non-blocking and checked on the open handle, so a FIFO or a device put in its place can
    neither block start-up nor feed it forever."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a regular file")
        if st.st_size > limit:
            raise ValueError(f"larger than {limit // 1024} kB")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise ValueError(f"larger than {limit // 1024} kB")
        return b"".join(chunks)
    finally:
        os.close(fd)
