"""The window does not keep the source lines of the modules it imports (PySide6's import hook
read them through linecache), and PySide6 still learns which modules use it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import linecache, sys
    sys.path.insert(0, sys.argv[1])
    from variorum.ui.app import make_application
    make_application()
    from shibokensupport import feature
    if not hasattr(feature, "_mod_uses_pyside"):
        print("NO-HOOK")
        raise SystemExit(0)
    import qt_user, plain_module
    cached = [name for name in linecache.cache if name.endswith(("qt_user.py", "plain_module.py"))]
    print(cached, feature.pyside_feature_dict.get("qt_user"),
          feature.pyside_feature_dict.get("plain_module"))
    """
)


def test_imported_modules_are_classified_without_keeping_their_source(tmp_path: Path) -> None:
    (tmp_path / "qt_user.py").write_text("from PySide6.QtCore import QObject\n" * 50)
    (tmp_path / "plain_module.py").write_text("VALUE = 1\n" * 50)
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(desktop), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "NO-HOOK":
        pytest.skip("this PySide6 has no such hook: nothing is replaced, nothing is kept")
    # nothing cached; a module that names PySide6 takes its features (0), another is ignored
    assert done.stdout.split() == ["[]", "0", "-1"]
