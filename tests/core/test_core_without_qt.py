"""core/, present/ and reports/ must work where Qt cannot even be imported: the CLI, batch
scripts and the HTML/CSV reports rely on them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import variorum

PACKAGE_DIR = Path(variorum.__file__).parent
QT_FREE = ["core", "present", "reports"]

_PROBE = r"""
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
for name in names:
    importlib.import_module(name)
loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
assert not loaded, loaded
print(len(names))
"""


@pytest.mark.parametrize("package", QT_FREE)
def test_every_module_imports_without_qt(package: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, f"variorum.{package}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    modules = list((PACKAGE_DIR / package).glob("*.py"))
    assert modules and int(result.stdout.strip()) >= len(modules) - 1


@pytest.mark.parametrize("package", QT_FREE)
def test_no_qt_import_statement_in_sources(package: str) -> None:
    offenders = [
        str(path)
        for path in (PACKAGE_DIR / package).rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
    ]
    assert offenders == []
