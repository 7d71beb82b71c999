"""People, organizations and quotes in an article (no Qt; spaCy is imported lazily).

Entry points: :func:`load_pipeline` (slow, call off the GUI thread), :func:`extract`,
:func:`extract_many` (batched, yields as results arrive), :func:`compare_extractions` (quote
drift between two versions) and the cache helpers for the library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from variorum.core.extract.cache import extract_cached, load_cached, store_result
    from variorum.core.extract.data import (
        FORMAT_VERSION,
        ORG,
        PERSON,
        Entity,
        Extraction,
        Mention,
        Quote,
        Speaker,
    )
    from variorum.core.extract.drift import compare_extractions
    from variorum.core.extract.drift_data import Drift, Passage, Presence, QuoteDrift, Side
    from variorum.core.extract.engine import extract, extract_doc, extract_many, extract_steps
    from variorum.core.extract.model import (
        BUNDLED_ENTS_F,
        BUNDLED_PIPELINE,
        ModelUnavailableError,
        default_pipeline,
        installed_pipelines,
        load_pipeline,
        pipeline_label,
    )

# Each name's module, imported on first use: the rules (regex tables, the diff engine) cost
# ~150 ms to import, which the window must not pay before it is shown.
_LAZY = {
    **dict.fromkeys(("extract_cached", "load_cached", "store_result"), "cache"),
    **dict.fromkeys(
        ("ORG", "PERSON", "FORMAT_VERSION", "Entity", "Extraction", "Mention", "Quote", "Speaker"),
        "data",
    ),
    "compare_extractions": "drift",
    **dict.fromkeys(("Drift", "Passage", "Presence", "QuoteDrift", "Side"), "drift_data"),
    **dict.fromkeys(("extract", "extract_doc", "extract_many", "extract_steps"), "engine"),
    **dict.fromkeys(
        (
            "BUNDLED_ENTS_F",
            "BUNDLED_PIPELINE",
            "ModelUnavailableError",
            "default_pipeline",
            "installed_pipelines",
            "load_pipeline",
            "pipeline_label",
        ),
        "model",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BUNDLED_ENTS_F",
    "BUNDLED_PIPELINE",
    "FORMAT_VERSION",
    "ORG",
    "PERSON",
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
    "extract_steps",
    "installed_pipelines",
    "load_cached",
    "load_pipeline",
    "pipeline_label",
    "store_result",
]
