"""Runtime hook replacing PyInstaller's PySide6 one in Variorum's bundle (the spec swaps them).

The stock hook imports ``PySide6.QtCore`` at every start, only to check for an embedded
qt.conf that the PyPI PySide6 wheel always creates itself when Qt is first imported. That is
0.2-0.5 s which every batch command, every second launch handing off its files and every
loader worker process would pay before running a line of ours. This sets the same environment
and imports nothing."""


def _pyi_rthook() -> None:
    import os
    import sys

    base = sys._MEIPASS  # type: ignore[attr-defined]
    windows = sys.platform.startswith("win")
    qt = os.path.join(base, "PySide6") if windows else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if windows:  # QtNetwork finds OpenSSL DLLs collected beside the executable
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_pyi_rthook()
del _pyi_rthook
