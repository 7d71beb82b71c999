"""Where Variorum keeps its files: platformdirs' per-user folders, or all under ``--basedir``.

Tests and smoke runs pass a base dir so they never touch a real user's settings or library.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "variorum"
APP_AUTHOR = "Variorum"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def library_file(self) -> Path:
        return self.data_dir / "library.sqlite3"

    def ensure(self) -> AppPaths:
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(basedir: str | Path | None = None) -> AppPaths:
    if basedir is not None:
        root = Path(basedir).expanduser().absolute()
        return AppPaths(root / "config", root / "data", root / "log", root / "cache")
    return AppPaths(
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )
