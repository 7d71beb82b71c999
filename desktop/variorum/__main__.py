"""``python -m variorum`` and the frozen (PyInstaller) executable: the same entry point as the
``variorum`` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: in a frozen build a worker process started with "spawn" re-runs this
    # executable, and freeze_support() turns that run into the worker instead of the app.
    multiprocessing.freeze_support()

    from variorum.cli.main import main

    sys.exit(main())
