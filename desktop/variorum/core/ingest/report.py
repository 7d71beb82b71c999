"""What :func:`variorum.core.ingest.load_many` returns. Its own module so that loading one file
(a batch command) does not pay ~1 ms at start-up for creating these two dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from variorum.core.article import Article


@dataclass(frozen=True)
class LoadFailure:
    path: str
    """As shown to the user."""
    reason: str
    needs_password: bool = False
    """An encrypted document that the right password opens."""
    source: str = ""
    """The path to read again (``path`` may show an undecodable name escaped)."""


@dataclass
class LoadReport:
    articles: list[Article] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)
