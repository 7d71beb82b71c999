"""``variorum extract``: speakers with their quotes, organizations and people, per file.

The JSON is a contract other tools read (see :mod:`variorum.reports.speakers`); offsets are
into the article text exactly as ``variorum inspect`` reports it. ``--csv OUT.csv`` also writes
one table of every speaker, quote, organization and person. Files that cannot be loaded are
reported as ``{"path", "error"}`` and make the exit code 2, without stopping the others.
"""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False  # typing itself is not imported at run time: ~3 ms, only for annotations
if TYPE_CHECKING:
    from typing import Any

    from variorum.core.article import Article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--csv",
        metavar="OUT.csv",
        help="also write speakers, quotes, organizations and people as CSV (UTF-8, for "
        "spreadsheets)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: the best installed English one)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes that run the model (default: one per core, at most two)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    # The extraction code logs through ``logging`` directly (not the loader's lazy logger):
    # the file log goes in first. spaCy imports ``logging`` anyway.
    from variorum.core.ingest.lazylog import activate

    activate()
    # spaCy is imported here, not at module level, so `variorum --help` stays fast.
    from variorum.cli.output import print_results
    from variorum.core.extract import ModelUnavailableError
    from variorum.core.extract.workers import AnalysisFailure, ExtractionPool
    from variorum.core.ingest import IngestError, load_file
    from variorum.reports.speakers import ArticleSpeakers, articles_csv, extraction_json, write_csv

    # The model runs in worker processes (both cores, and a time limit no text can pass);
    # this process never imports spaCy. They start loading it now, while the files are read.
    pool = ExtractionPool(args.model, size=args.workers)
    pool.prestart(len(args.files))
    loaded: list[tuple[int, str, Article]] = []
    results: list[dict[str, Any] | None] = []
    found: list[ArticleSpeakers] = []
    failed = False
    with pool:
        for path in args.files:
            try:
                loaded.append((len(results), path, load_file(path)))
                results.append(None)
            except IngestError as err:
                failed = True
                results.append({"path": path, "error": err.reason})
        texts = [article.text for _, _, article in loaded]
        try:
            for (slot, path, _), result in zip(loaded, pool.map(texts), strict=True):
                if isinstance(result, AnalysisFailure):
                    failed = True
                    results[slot] = {"path": path, "error": result.reason}
                else:
                    results[slot] = extraction_json(path, result)
                    found.append(ArticleSpeakers(path, result))
        except ModelUnavailableError as err:
            print(f"variorum extract: {err}", file=sys.stderr)
            return 1
    if args.csv:
        try:
            write_csv(args.csv, articles_csv(found))
        except OSError as err:
            print(f"variorum extract: cannot write {args.csv}: {err}", file=sys.stderr)
            return 1
    final = [r for r in results if r is not None]
    print_results(final, as_json=args.json, summary=_print_summary)
    return 2 if failed else 0


def _print_summary(item: dict[str, Any]) -> None:
    print(item["path"])
    if "error" in item:
        print(f"  error: {item['error']}")
        return
    if not item["speakers"]:
        print("  no quotes found")
    for speaker in item["speakers"]:
        quotes = speaker["quotes"]
        print(f"  {speaker['name']} — {len(quotes)} quote{'s' if len(quotes) != 1 else ''}")
        for q in quotes:
            text = " ".join(q["text"].split())
            short = text if len(text) <= 90 else text[:87] + "..."
            print(f"      “{short}” ({q['verb']})")
    for title, key in (("Organizations", "organizations"), ("People", "people")):
        entries = item[key]
        if entries:
            listed = ", ".join(f"{e['name']} ({e['mentions']})" for e in entries)
            print(f"  {title}: {listed}")
