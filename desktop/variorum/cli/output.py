"""How every batch command prints its results, so the commands agree on the form."""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False  # typing itself is not imported at run time: ~3 ms, only for annotations
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def print_results(
    results: list[dict[str, Any]],
    *,
    as_json: bool,
    summary: Callable[[dict[str, Any]], None],
) -> None:
    """A JSON array in one write (``json.dump`` with indent writes thousands of fragments), or
    each item's readable summary."""
    if as_json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        for item in results:
            summary(item)
