"""The analyst's corrections (:mod:`variorum.core.extract.corrections`), kept in the library
per article, in the order they were made.

They live in their own table (see :mod:`variorum.core.migrations`), apart from the analysis
cache: the cache may be dropped and recomputed at any time, corrections never. Removing an
article keeps its corrections (like its cached analysis), so Undo or loading the same text
again brings them back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from variorum.core.extract.corrections import (
    Correction,
    apply_corrections,
    correction_from_json,
    correction_to_json,
)
from variorum.core.extract.data import Extraction
from variorum.core.library import Library, LibraryError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredCorrection:
    id: int
    """Its row: the order corrections apply in, and what Undo removes."""
    article_id: str
    correction: Correction


class CorrectionStore:
    """Read and write corrections through the library's transactions. Writes raise
    :class:`LibraryError` (busy, full disk...) with the library unchanged."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def add(self, article_id: str, correction: Correction) -> StoredCorrection:
        return self.add_many([(article_id, correction)])[0]

    def add_many(self, items: Iterable[tuple[str, Correction]]) -> list[StoredCorrection]:
        """Several in one transaction (a name corrected in both versions of a pair): all
        stored or none."""
        stored: list[StoredCorrection] = []
        with self.library.transaction() as db:
            for article_id, correction in items:
                cursor = db.execute(
                    "INSERT INTO corrections (article_id, payload, made_at) VALUES (?, ?, ?)",
                    (article_id, correction_to_json(correction), time.time()),
                )
                stored.append(StoredCorrection(int(cursor.lastrowid or 0), article_id, correction))
        return stored

    def remove(self, stored: Iterable[StoredCorrection]) -> None:
        ids = [(s.id,) for s in stored]
        with self.library.transaction() as db:
            db.executemany("DELETE FROM corrections WHERE id = ?", ids)

    def restore(self, stored: Iterable[StoredCorrection]) -> None:
        """Put removed corrections back under their old ids, so they apply in their old place
        among the others."""
        rows = [(s.id, s.article_id, correction_to_json(s.correction), time.time()) for s in stored]
        with self.library.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO corrections (id, article_id, payload, made_at)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )

    def for_article(self, article_id: str) -> list[Correction]:
        """The article's corrections in order; ones this version cannot read are skipped. A
        library that cannot be read gives none (logged): the extraction is still shown."""
        try:
            rows = self.library.read(
                "SELECT payload FROM corrections WHERE article_id = ? ORDER BY id", (article_id,)
            )
        except LibraryError as exc:
            log.warning("corrections of %s not read: %s", article_id, exc.reason)
            return []
        found = (correction_from_json(str(payload)) for (payload,) in rows)
        return [c for c in found if c is not None]

    def apply(self, article_id: str, extraction: Extraction) -> Extraction:
        """``extraction`` of this article as the analyst corrected it: what the sidebar, drift
        and reports show."""
        return apply_corrections(extraction, self.for_article(article_id))
