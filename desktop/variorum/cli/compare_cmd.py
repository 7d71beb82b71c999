"""``variorum compare A B``: the word-level comparison as JSON or as a terminal word diff.

The JSON keys are a contract other tools read (see :func:`comparison_json`); offsets are into
each article's text as ``variorum inspect`` reports it. Without ``--json`` the output reads like
``git diff --word-diff``: colours on a terminal, ``[-deleted-]{+inserted+}`` otherwise, and
``{>moved<}`` for text that moved to that place, with the edits made inside it marked within
(``{>the [-island-]{+northern+} route<}``). No Qt here: this must start fast, and the engine
is imported only when used, so ``variorum compare --help`` does not wait for it.
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

# Red struck-out deletions, green underlined insertions, cyan moves: told apart without colour
# too (strike-out vs underline), as the design asks.
_STYLE = {
    "del": ("\x1b[9;31m", "\x1b[m"),
    "ins": ("\x1b[4;32m", "\x1b[m"),
    "move": ("\x1b[36m", "\x1b[m"),
}
_PLAIN = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "move": ("{>", "<}")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Without --json, B's text is printed with the changes marked: coloured on a terminal, "
        "[-deleted-] {+inserted+} {>moved here<} otherwise. Exit status 0 when compared, "
        "2 when a file cannot be read."
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
    comparison = compare_texts(articles[0].text, articles[1].text, options_from(args))
    out = sys.stdout
    try:
        if args.json:
            import json

            data = comparison_json(args.a, args.b, comparison)
            # One write: json.dump with indent writes each fragment separately (~15,000
            # writes for the Darwin pair, tens of milliseconds).
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            write_word_diff(comparison, out, color=_use_color(out))
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


def write_word_diff(comparison: Comparison, out: TextIO, *, color: bool) -> None:
    """B's text with the changes marked in place; deletions where they were, moved text where
    it now is; notices (coarse passages) first, so nothing is silently simplified."""
    from variorum.core.changes import ChangeKind

    style = _STYLE if color else _PLAIN
    for notice in comparison.notices:
        out.write(f"# {notice}\n")
    b = comparison.b_text
    pos = 0
    pieces: list[str] = []
    for change in comparison.changes:
        start = max(change.b_start, pos)
        pieces.append(b[pos:start])
        if change.kind is ChangeKind.MOVE:
            pieces.append(_moved(style, b, start, change, color=color))
        else:
            if change.a_text:
                deleted = _mark(style["del"], change.a_text)
                if _whole_paragraph(comparison.a_text, change.a_start, change.a_end):
                    # a deleted paragraph stays a paragraph of its own
                    at_break = start == 0 or b[start - 1] == "\n"
                    deleted = deleted + "\n\n" if at_break else "\n\n" + deleted
                elif (change.b_end == start and b[start : start + 1].isspace() and start > 0
                      and _after_space(comparison.a_text, change.a_start)):
                    # "is [-one of-] the", not "is[-one of-] the"; but "us[-,-] is"
                    deleted = " " + deleted
                pieces.append(deleted)
            if change.b_end > start:
                pieces.append(_mark(style["ins"], b[start : change.b_end]))
        pos = max(pos, change.b_end)
    pieces.append(b[pos:])
    out.write("".join(pieces))
    out.write("\n")


def _moved(style: dict[str, tuple[str, str]], b: str, start: int, move: Change, *,
           color: bool) -> str:
    """A moved passage with the word edits made inside it marked within the move:
    ``{>the [-island-]{+northern+} route<}``. In colour the move's colour resumes after each
    inner mark (its reset would end it)."""
    opener, closer = style["move"]
    resume = opener if color else ""
    a = move.a_text
    a_base = move.a_start
    pos = start
    inner: list[str] = []
    for d in sorted(move.detail, key=lambda d: (d.b_start, d.a_start)):
        at = min(max(d.b_start, pos), move.b_end)
        inner.append(b[pos:at])
        if d.a_text:
            deleted = _mark(style["del"], d.a_text) + resume
            if (d.b_end <= at and at > start and b[at : at + 1].isspace()
                    and _after_space(a, d.a_start - a_base)):
                deleted = " " + deleted  # "the [-old-] route", not "the[-old-] route"
            inner.append(deleted)
        end = min(max(d.b_end, at), move.b_end)
        if end > at:
            inner.append(_mark(style["ins"], b[at:end]) + resume)
        pos = max(pos, end)
    inner.append(b[pos : move.b_end])
    return f"{opener}{''.join(inner)}{closer}"


def _after_space(a_text: str, start: int) -> bool:
    """Whether deleted text stood apart from the word before it in A (a word does; a comma
    that followed its word does not, and is marked against that word)."""
    return start <= 0 or a_text[start - 1].isspace()


def _whole_paragraph(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _mark(style: tuple[str, str], text: str) -> str:
    return f"{style[0]}{text}{style[1]}"


def _use_color(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
