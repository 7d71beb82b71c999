"""core/ must work where Qt cannot even be imported: the CLI and batch scripts rely on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import variorum.core

CORE_DIR = Path(variorum.core.__file__).parent

_PROBE = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
import variorum.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "variorum.core.")]
for name in names:
    importlib.import_module(name)
loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
assert not loaded, loaded
print(len(names))
"""


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= len(list(CORE_DIR.glob("*.py"))) - 1


def test_no_qt_import_statement_in_core_sources() -> None:
    offenders = [
        str(path)
        for path in CORE_DIR.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
    ]
    assert offenders == []
