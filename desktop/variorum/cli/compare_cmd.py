"""``variorum compare A B``: the word-level comparison as JSON or as a terminal word diff.

The JSON keys are a contract other tools read (see :func:`comparison_json`); offsets are into
each article's text as ``variorum inspect`` reports it. Without ``--json`` the output reads like
``git diff --word-diff`` (painted from the inline view's segments by :mod:`.word_diff`).
No Qt here: this must start fast, and the engine is imported only when used, so
``variorum compare --help`` does not wait for it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

TYPE_CHECKING = False  # typing itself is not imported at run time: ~3 ms, only for annotations
if TYPE_CHECKING:
    from typing import Any, TextIO

    from variorum.core.article import Article
    from variorum.core.changes import Change, Comparison
    from variorum.core.options import CompareOptions

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Without --json, B's text is printed with the changes marked: coloured on a terminal, "
        "[-deleted-] {+inserted+} {>moved here<} otherwise; with --html or --pdf only the "
        "report is written. Exit status 0 when compared, 1 when a report cannot be written "
        "or the speakers cannot be found (--quotes), 2 when a file cannot be read."
    )
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.add_argument("--ignore-case", action="store_true", help="upper/lower case is no change")
    parser.add_argument(
        "--ignore-punctuation", action="store_true", help="punctuation marks are no change"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="no normalisation at all (quote styles, dashes, spacing all count)",
    )
    parser.add_argument(
        "--html", metavar="OUT.html", help="write the comparison report as one HTML file"
    )
    parser.add_argument(
        "--pdf", metavar="OUT.pdf", help="write the comparison report as PDF (A4 or Letter)"
    )
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="the report shows A and B in two columns (default: B with A's deletions inline)",
    )
    parser.add_argument(
        "--no-speakers",
        action="store_true",
        help="leave speakers and quote drift out of the report (no language model loaded)",
    )
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="also list who is quoted in A, in B or in both, and each quote reworded between "
        "them (JSON: \"speakers\" and \"quote_drift\"; runs the language model)",
    )
    parser.add_argument("a", metavar="A", help="the base version")
    parser.add_argument("b", metavar="B", help="the version compared with it")
    parser.add_argument(
        "more", nargs="*", metavar="C", help="more versions: each compared with A (N-way)"
    )


def options_from(args: argparse.Namespace) -> CompareOptions:
    from variorum.core.options import CompareOptions

    base = CompareOptions.strict() if args.strict else CompareOptions()
    fields = vars(base) | {
        "ignore_case": args.ignore_case or base.ignore_case,
        "ignore_punctuation": args.ignore_punctuation or base.ignore_punctuation,
    }
    return CompareOptions(**fields)


def run(args: argparse.Namespace) -> int:
    """Compare, with the cyclic garbage collector paused: two files, then the process ends, and
    nearly everything is freed by reference counting. Its ~30 collections (mostly traversing
    the engine's freshly imported modules) cost ~6 ms of a Darwin-chapter compare to find
    ~200 objects in cycles, which stay until exit."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _compare(args)
    finally:
        if was_enabled:
            gc.enable()


def _compare(args: argparse.Namespace) -> int:
    if getattr(args, "more", None):
        from variorum.cli.nway_out import compare_nway

        if args.html or args.pdf or args.quotes:
            print("variorum compare: a report (--html, --pdf) or --quotes compares two files, "
                  "A and B", file=sys.stderr)  # fmt: skip
            return 2

        return compare_nway(args, options_from(args))
    from variorum.core.diff import compare_texts
    from variorum.core.ingest import IngestError, load_file

    articles: list[Article] = []
    for path in (args.a, args.b):
        try:
            articles.append(load_file(path))
        except IngestError as err:
            print(f"variorum: cannot compare {path}: {err}", file=sys.stderr)
            return 2
    options = options_from(args)
    comparison = compare_texts(articles[0].text, articles[1].text, options)
    if args.html or args.pdf:
        from variorum.cli.report_out import write_reports

        code = write_reports(args, articles[0], articles[1], comparison, options)
        if code or not args.json:
            return code
    drift = None
    if args.quotes:
        from variorum.cli.quotes_out import QuotesUnavailableError, quote_drift

        try:
            drift = quote_drift(articles[0], articles[1])
        except QuotesUnavailableError as err:
            print(f"variorum compare: speakers could not be found: {err}", file=sys.stderr)
            return 1
    out = sys.stdout
    try:
        if args.json:
            import json

            data = comparison_json(args.a, args.b, comparison)
            if drift is not None:
                from variorum.cli.quotes_out import quotes_json

                data |= quotes_json(drift)
            # One write: json.dump with indent writes each fragment separately (~15,000
            # writes for the Darwin pair, tens of milliseconds).
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            from variorum.cli.word_diff import write_word_diff

            write_word_diff(comparison, out, color=_use_color(out))
            if drift is not None:
                from variorum.cli.quotes_out import write_quotes

                write_quotes(drift, out)
        out.flush()
    except BrokenPipeError:  # `variorum compare A B | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def comparison_json(a: str, b: str, comparison: Comparison) -> dict[str, Any]:
    """The compare contract; keep the keys stable."""
    stats = comparison.stats
    return {
        "a": a,
        "b": b,
        "similarity": round(comparison.similarity, 4),
        "stats": {
            "inserted_words": stats.inserted_words,
            "deleted_words": stats.deleted_words,
            "moved_words": stats.moved_words,
            "changed_units": stats.changed_units,
        },
        "changes": [_change_json(c) for c in comparison.changes],
    }


def _change_json(c: Change) -> dict[str, Any]:
    """One change; ``detail`` lists the word edits inside a moved passage (same keys, their
    own ``detail`` empty), and is empty for every other change."""
    return {
        "kind": str(c.kind),
        "a_start": c.a_start,
        "a_end": c.a_end,
        "b_start": c.b_start,
        "b_end": c.b_end,
        "a_text": c.a_text,
        "b_text": c.b_text,
        "detail": [_change_json(d) for d in c.detail],
    }


def _use_color(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
