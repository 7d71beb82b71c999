"""People, organizations and quotes in an article (no Qt; spaCy is imported lazily).

Entry points: :func:`load_pipeline` (slow, call off the GUI thread), :func:`extract`,
:func:`extract_many` (batched, yields as results arrive), :func:`compare_extractions` (quote
drift between two versions) and the cache helpers for the library.
"""

from variorum.core.extract.cache import extract_cached, load_cached, store_result
from variorum.core.extract.data import (
    ORG,
    PERSON,
    SCHEMA_VERSION,
    Entity,
    Extraction,
    Mention,
    Quote,
    Speaker,
)
from variorum.core.extract.drift import (
    Drift,
    Passage,
    Presence,
    QuoteDrift,
    Side,
    compare_extractions,
)
from variorum.core.extract.engine import extract, extract_doc, extract_many
from variorum.core.extract.model import (
    BUNDLED_ENTS_F,
    BUNDLED_PIPELINE,
    ModelUnavailableError,
    default_pipeline,
    installed_pipelines,
    load_pipeline,
    pipeline_label,
)

__all__ = [
    "BUNDLED_ENTS_F",
    "BUNDLED_PIPELINE",
    "ORG",
    "PERSON",
    "SCHEMA_VERSION",
    "Drift",
    "Entity",
    "Extraction",
    "Mention",
    "ModelUnavailableError",
    "Passage",
    "Presence",
    "Quote",
    "QuoteDrift",
    "Side",
    "Speaker",
    "compare_extractions",
    "default_pipeline",
    "extract",
    "extract_cached",
    "extract_doc",
    "extract_many",
    "installed_pipelines",
    "load_cached",
    "load_pipeline",
    "pipeline_label",
    "store_result",
]
