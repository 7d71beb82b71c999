"""Extraction results cached in the library, so reopening an article is instant.

The key is the article id (a hash of its content), the kind "extract" and a version that
combines our rules' schema version with the spaCy pipeline's name and version: changing
either makes old entries miss instead of showing stale results.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from variorum.core.extract.data import SCHEMA_VERSION, Extraction
from variorum.core.extract.engine import extract
from variorum.core.extract.model import pipeline_label

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

KIND = "extract"


class AnalysisStore(Protocol):
    """What we need from :class:`variorum.core.library.Library`."""

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None: ...

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None: ...


def cache_version(model_label: str) -> str:
    return f"{SCHEMA_VERSION}:{model_label}"


def load_cached(store: AnalysisStore, article_id: str, model_label: str) -> Extraction | None:
    payload = store.get_analysis(article_id, KIND, cache_version(model_label))
    if payload is None:
        return None
    try:
        return Extraction.from_json(payload)
    except (ValueError, KeyError, TypeError):
        log.warning("discarding unreadable cached extraction for %s", article_id)
        return None


def store_result(store: AnalysisStore, article_id: str, result: Extraction) -> None:
    store.put_analysis(article_id, KIND, cache_version(result.model), result.to_json())


def extract_cached(store: AnalysisStore, article_id: str, text: str, nlp: Language) -> Extraction:
    """The cached extraction of this article, computing and storing it on a miss."""
    label = pipeline_label(nlp)
    cached = load_cached(store, article_id, label)
    if cached is not None:
        return cached
    result = extract(text, nlp)
    store_result(store, article_id, result)
    return result
