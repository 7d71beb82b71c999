"""``variorum extract``: speakers with their quotes, organizations and people, per file.

The JSON is a contract other tools read; offsets are into the article text exactly as
``variorum inspect`` reports it. Files that cannot be loaded are reported as
``{"path", "error"}`` and make the exit code 2, without stopping the others.
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
    # Accepted from older scripts; the workers group short articles themselves.
    parser.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="+", metavar="FILE")


def _entity_json(entity: Any) -> dict[str, Any]:
    return {"name": entity.name, "aliases": list(entity.aliases), "mentions": len(entity.mentions)}


def extraction_json(path: str, extraction: Any) -> dict[str, Any]:
    """The extract contract; keep the keys stable."""
    return {
        "path": path,
        "speakers": [
            {
                "name": s.name,
                "aliases": list(s.aliases),
                "quotes": [
                    {
                        "text": q.text,
                        "start": q.start,
                        "end": q.end,
                        "verb": q.verb,
                        "mention": q.mention.to_dict() if q.mention else None,
                    }
                    for q in s.quotes
                ],
            }
            for s in extraction.speakers
        ],
        "organizations": [_entity_json(e) for e in extraction.organizations],
        "people": [_entity_json(e) for e in extraction.people],
    }


def run(args: argparse.Namespace) -> int:
    # The extraction code logs through ``logging`` directly (not the loader's lazy logger):
    # the file log goes in first. spaCy imports ``logging`` anyway.
    from variorum.core.ingest.lazylog import activate

    activate()
    # spaCy is imported here, not at module level, so `variorum --help` stays fast.
    from variorum.cli.output import print_results
    from variorum.core.extract import ModelUnavailableError
    from variorum.core.extract.workers import WORKERS, AnalysisFailure, ExtractionPool
    from variorum.core.ingest import IngestError, load_file

    loaded: list[tuple[int, str, Article]] = []
    results: list[dict[str, Any] | None] = []
    failed = False
    for path in args.files:
        try:
            loaded.append((len(results), path, load_file(path)))
            results.append(None)
        except IngestError as err:
            failed = True
            results.append({"path": path, "error": err.reason})
    if loaded:
        # The model runs in worker processes (both cores, and a time limit no text can pass);
        # this process never imports spaCy.
        texts = [article.text for _, _, article in loaded]
        try:
            with ExtractionPool(args.model, size=args.workers or WORKERS) as pool:
                for (slot, path, _), result in zip(loaded, pool.map(texts), strict=True):
                    if isinstance(result, AnalysisFailure):
                        failed = True
                        results[slot] = {"path": path, "error": result.reason}
                    else:
                        results[slot] = extraction_json(path, result)
        except ModelUnavailableError as err:
            print(f"variorum extract: {err}", file=sys.stderr)
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
