"""Other files with an article's content: the library stores one article per content (its id is
the content hash), so a page saved twice or a re-post that changed nothing is remembered as a
copy of the article already there, and the list can say the text came from several files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

ALL_COPIES = "SELECT article_id, source_path FROM copies ORDER BY loaded_at, rowid"
COPIES_OF = (
    "SELECT article_id, source_path FROM copies WHERE article_id = ? ORDER BY loaded_at, rowid"
)


def by_article(rows: Iterable[tuple[Any, ...]]) -> dict[str, tuple[str, ...]]:
    """(article id, path) rows, in the order they were loaded, grouped by article."""
    found: dict[str, list[str]] = {}
    for article_id, path in rows:
        found.setdefault(str(article_id), []).append(str(path))
    return {article_id: tuple(paths) for article_id, paths in found.items()}
