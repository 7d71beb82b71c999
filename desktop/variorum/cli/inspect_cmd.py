"""``variorum inspect``: what the loader made of each file, as JSON or a readable summary."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing itself is not imported at run time: ~3 ms, only for annotations
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from variorum.core.article import Article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument("files", nargs="+", metavar="FILE")


def article_json(path: str, article: Article) -> dict[str, Any]:
    """The inspect contract; keep the keys stable: other tools read them."""
    return {
        "path": path,
        "format": article.format,
        "title": article.title or None,
        "site": article.site,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "words": article.words,
        "text": article.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "kind": p.kind} for p in article.paragraphs
        ],
        "boilerplate": list(article.boilerplate),
        "warnings": list(article.warnings),
    }


def run(args: argparse.Namespace) -> int:
    # Imported here so that `variorum inspect --help` does not load the loader.
    from variorum.cli.output import print_results
    from variorum.core.ingest import IngestError, load_file

    failed = False

    def results() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for path in args.files:
            try:
                yield article_json(path, load_file(path))
            except IngestError as err:
                failed = True
                yield {"path": path, "error": err.reason}

    print_results(results(), as_json=args.json, summary=_print_summary)
    return 2 if failed else 0


def _print_summary(item: dict[str, Any]) -> None:
    if "error" in item:
        print(f"{item['path']}: error: {item['error']}")
        return
    print(f"{item['path']}")
    print(f"  title:     {item['title']}")
    for key in ("format", "site", "byline", "published", "language"):
        if item[key]:
            print(f"  {key + ':':<10} {item[key]}")
    print(f"  words:     {item['words']} in {len(item['paragraphs'])} paragraphs")
    for note in item["warnings"]:
        print(f"  warning:   {note}")
    if item["boilerplate"]:
        print(f"  set aside: {len(item['boilerplate'])} boilerplate line(s)")
    print("  text:")
    text = item["text"]
    for para in item["paragraphs"]:
        kind = "" if para["kind"] == "body" else f"[{para['kind']}] "
        body = " ".join(text[para["start"] : para["end"]].split())
        print(f"    {kind}{body}")
