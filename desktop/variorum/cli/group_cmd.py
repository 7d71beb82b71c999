"""``variorum group``: files and folders grouped into stories of versions.

Each story lists its versions, base first, with their role (base, re-post, rewrite, related)
and derivation hints; related stories are linked. ``--json`` prints the contract (only ever
gains keys): ``{"stories": [{"id", "title", "base", "members": [{"path", "role",
"similarity_to_base", "containment_in_base", "closest", ...}]}], "related": [{"a", "b",
"score"}]}``. ``--scheduler`` runs the same grouping on a Dask cluster (``pip install
variorum[scale]``); ``--save`` writes the articles and their stories into the library the
window opens (``--library FILE``: another one). No Qt here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

TYPE_CHECKING = False  # typing itself is not imported at run time: annotations only
if TYPE_CHECKING:
    from typing import Any

    from variorum.core.article import Article
    from variorum.core.stories.model import Grouping


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Folders are read recursively. Exit status 0 when every file was read, 2 when some "
        "could not be (the others are still grouped)."
    )
    parser.add_argument("--json", action="store_true", help="print the stories as JSON")
    parser.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help="pair score (0-1) from which two articles are one story (default: the setting, 0.5)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster: tcp://HOST:PORT, or local:N for N local worker processes",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="also store the articles and their stories in the app's library (the one the "
        "window opens; under --basedir when given)",
    )
    parser.add_argument(
        "--library", metavar="FILE", help="also store them in this library file instead"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")


def run(args: argparse.Namespace) -> int:
    from variorum.core.stories.params import GroupingParams

    threshold = args.threshold if args.threshold is not None else _setting(args.basedir)
    if not 0.0 < threshold <= 1.0:
        print("variorum group: --threshold must be above 0 and at most 1", file=sys.stderr)
        return 2
    params = GroupingParams(threshold=threshold)
    if args.scheduler:
        outcome = _on_cluster(args, params)
        if outcome is None:
            return 2
        grouping, articles, failures = outcome
    else:
        grouping, articles, failures = _here(args.paths, params)
    for path, reason in failures:
        print(f"variorum: skipped {path}: {reason}", file=sys.stderr)
    if args.save or args.library:
        _store(args, articles, grouping)
    if args.json:
        from variorum.core.stories.serialize import grouping_to_json

        sys.stdout.write(
            json.dumps(grouping_to_json(grouping), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        _print_stories(grouping)
    return 2 if failures else 0


def _setting(basedir: str | None) -> float:
    from variorum.core.paths import app_paths
    from variorum.core.settings import SettingsStore

    return SettingsStore(app_paths(basedir).settings_file).load().story_threshold


def _here(paths: list[str], params: Any) -> tuple[Grouping, list[Article], list[tuple[str, str]]]:
    from variorum.core.ingest import load_many
    from variorum.core.stories.index import group
    from variorum.core.stories.model import StoryInput

    report = load_many(paths)
    docs = [
        StoryInput(_shown(a.source_path), a.text, a.title, a.published, a.source_path)
        for a in report.articles
    ]
    grouping = group(docs, params, progress=_progress())
    return grouping, report.articles, [(f.path, f.reason) for f in report.failures]


def _shown(path: str | None) -> str:
    return os.path.normpath(path) if path else ""


def _on_cluster(
    args: argparse.Namespace, params: Any
) -> tuple[Grouping, list[Article], list[tuple[str, str]]] | None:
    from variorum.core.ingest import expand_paths
    from variorum.core.stories.scale import client_for, group_on_cluster

    failures: list[tuple[str, str]] = []
    found = expand_paths(args.paths, lambda p, r: failures.append((p, r)))
    files = [_shown(os.path.abspath(p)) for p in found]
    try:
        client = client_for(args.scheduler)
    except ImportError:
        print(
            "variorum group: --scheduler needs Dask: pip install 'variorum[scale]'", file=sys.stderr
        )
        return None
    except (ValueError, OSError) as exc:
        print(
            f"variorum group: cannot reach the scheduler {args.scheduler}: {exc}", file=sys.stderr
        )
        return None
    try:
        say = _progress_text()
        result = group_on_cluster(
            client, files, params, keep_articles=bool(args.save or args.library), progress=say
        )
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and args.scheduler.startswith("local:"):
            cluster.close()
    return result.grouping, result.articles, failures + result.failures


def _store(args: argparse.Namespace, articles: list[Article], grouping: Grouping) -> None:
    from pathlib import Path

    from variorum.core.library import LibraryError
    from variorum.core.library_open import open_library
    from variorum.core.paths import app_paths
    from variorum.core.stories.store import rekey, save_grouping

    path = Path(args.library) if args.library else app_paths(args.basedir).library_file
    opened = open_library(path)
    library = opened.library
    try:
        ids: dict[str, str] = {}
        for article in articles:
            ids[_shown(article.source_path)] = library.add(article).entry.article.id
        save_grouping(library, rekey(grouping, ids))
        print(
            f"variorum: stored {len(articles)} articles and their stories in {path}",
            file=sys.stderr,
        )
    except LibraryError as err:
        print(f"variorum: could not store in {path}: {err.reason}", file=sys.stderr)
    finally:
        library.close()


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\rsketched {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


def _progress_text() -> Any:
    if not sys.stderr.isatty():
        return None
    return lambda text: print(text, file=sys.stderr)


def _print_stories(grouping: Grouping) -> None:
    number = {s.id: n for n, s in enumerate(grouping.stories, start=1)}
    for story in grouping.stories:
        dates = story.dates()
        when = (
            f", {dates[0]} to {dates[1]}"
            if dates and dates[0] != dates[1]
            else (f", {dates[0]}" if dates else "")
        )
        count = len(story.versions)
        versions = f"{count} version" + ("s" if count != 1 else "")
        print(f"Story {number[story.id]}: {story.title} ({versions}{when})")
        for v in story.versions:
            if v.role.value == "base":
                print(f"  base     {v.id}")
                continue
            closest = f", closest {v.closest}" if v.closest and v.closest != story.base.id else ""
            print(
                f"  {v.role.value:<8} {v.id} (score {v.similarity_to_base:.2f}, "
                f"{v.containment_in_base:.0%} of it in the base{closest})"
            )
        for other, score in grouping.related_to(story.id):
            print(f"  related to story {number[other]} ({score:.2f})")
