"""The spaCy pipeline is loaded once per test session: loading takes about a second."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from variorum.core.extract import Extraction, extract, load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language):  # type: ignore[no-untyped-def]
    def _run(text: str) -> Extraction:
        return extract(text, nlp)

    return _run
