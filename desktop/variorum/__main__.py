"""``python -m variorum``: the same entry point as the ``variorum`` command."""

import sys

from variorum.cli.main import main

sys.exit(main())
