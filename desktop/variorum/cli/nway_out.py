"""``variorum compare A B C...``: a base and several versions (the N-way comparison).

With ``--json``: ``{"base", "versions", "comparisons", "passages"}``. ``comparisons`` holds one
object per version in the two-file ``compare --json`` shape (A is always the base);
``passages`` cuts the base wherever any version changes it: ``{"start", "end", "text",
"changed", "readings": [{"version", "kind", "start", "end", "text", "change"}]}``, offsets
into the base (``start == end``: text added there) and into each version's text, ``kind``
same / changed / deleted / moved, ``change`` the index into that version's ``changes``.
Without ``--json``: each version's word diff against the base, one after the other.
"""

from __future__ import annotations

import argparse
import json
import sys

from variorum.cli.compare_cmd import comparison_json, differ_code
from variorum.cli.word_diff import write_word_diff
from variorum.core.ingest import IngestError, load_file
from variorum.core.options import CompareOptions
from variorum.core.stories.nway import NWay, compare_many

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def compare_nway(args: argparse.Namespace, options: CompareOptions) -> int:
    paths = [args.a, args.b, *args.more]
    texts: list[str] = []
    for path in paths:
        try:
            texts.append(load_file(path).text)
        except IngestError as err:
            print(f"variorum: cannot compare {path}: {err}", file=sys.stderr)
            return 2
    nway = compare_many(texts[0], texts[1:], options)
    out = sys.stdout
    if args.json:
        out.write(json.dumps(nway_json(paths, nway), ensure_ascii=False, indent=2) + "\n")
    else:
        color = out.isatty()
        for path, comparison in zip(paths[1:], nway.comparisons, strict=True):
            out.write(f"=== {paths[0]} -> {path}\n")
            write_word_diff(comparison, out, color=color)
    out.flush()
    return differ_code(args, list(nway.comparisons))


def nway_json(paths: list[str], nway: NWay) -> dict[str, Any]:
    base = nway.base_text
    return {
        "base": paths[0],
        "versions": paths[1:],
        "comparisons": [
            comparison_json(paths[0], path, c)
            for path, c in zip(paths[1:], nway.comparisons, strict=True)
        ],
        "passages": [
            {
                "start": p.start,
                "end": p.end,
                "text": base[p.start : p.end],
                "changed": p.changed,
                "readings": [
                    {
                        "version": r.version,
                        "kind": str(r.kind),
                        "start": r.start,
                        "end": r.end,
                        "text": r.text,
                        "change": r.change,
                    }
                    for r in p.readings
                ],
            }
            for p in nway.passages
        ],
    }
