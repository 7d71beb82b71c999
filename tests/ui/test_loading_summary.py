"""The status-bar sentence after a load names what happened to every file."""

from __future__ import annotations

from variorum.core.article import ArticleDraft, build_article
from variorum.core.ingest import LoadFailure
from variorum.core.library import LibraryEntry
from variorum.ui.loading import LoadOutcome, summarize


def entry(path: str) -> LibraryEntry:
    article = build_article(ArticleDraft("text", ["T", f"Body {path}"]), path)
    return LibraryEntry(article, path, 0.0, 0)


def test_loaded_and_skipped() -> None:
    outcome = LoadOutcome(
        added=[entry("/x/a.txt"), entry("/x/b.txt"), entry("/x/c.txt")],
        failures=[LoadFailure("/x/photo.png", "not a text file")],
    )
    assert summarize(outcome) == "Loaded 3 articles; skipped photo.png: not a text file"


def test_many_failures_point_to_the_problems_list() -> None:
    failures = [LoadFailure(f"/x/{i}.txt", "empty file") for i in range(5)]
    assert summarize(LoadOutcome(failures=failures)) == "Skipped 5 files (see Problems)"


def test_duplicates_and_cancel() -> None:
    outcome = LoadOutcome(
        added=[entry("/x/a.txt")],
        duplicates=[entry("/x/b.txt"), entry("/x/c.txt")],
        duplicate_sources=["/y/b.txt", "/y/c.txt"],
        cancelled=True,
    )
    assert summarize(outcome) == "Loaded 1 article; 2 articles already in the library (cancelled)"


def test_nothing_at_all() -> None:
    assert summarize(LoadOutcome()) == "Loaded 0 articles"
