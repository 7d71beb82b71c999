"""How every batch command prints its results, so the commands agree on the form."""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False  # typing itself is not imported at run time: ~3 ms, only for annotations
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any


def print_results(
    results: Iterable[dict[str, Any]],
    *,
    as_json: bool,
    summary: Callable[[dict[str, Any]], None],
) -> None:
    """A JSON array (the same text as ``json.dumps(list, indent=2)``), or each item's readable
    summary; each item is written and flushed as soon as it is ready, so a reader that leaves
    (``| head``) or a full disk stops the command at once instead of after the last file.
    Write errors propagate (the dispatcher turns them into one line and an exit status)."""
    out = sys.stdout
    if not as_json:
        for item in results:
            summary(item)
            out.flush()
        return
    first = True
    for item in results:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + text)
        out.flush()
        first = False
    out.write("[]\n" if first else "\n]\n")
