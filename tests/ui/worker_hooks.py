"""Warm-ups for a loading worker process in GUI tests (the worker is a fresh interpreter, so
what a test wants broken there is broken by a function run in it)."""

from __future__ import annotations

import re

from variorum.core.article import ArticleDraft


def _backtracking(data: bytes) -> ArticleDraft:
    """One C call that holds the GIL for minutes: what froze the window before workers."""
    re.match(r"(a+)+$", "a" * 64 + "b")
    return ArticleDraft(format="html", paragraphs=["never"])


def hang_html_loader() -> None:
    from variorum.core.ingest import loader

    loader.LOADERS["html"] = _backtracking
