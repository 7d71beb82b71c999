"""The demo story shipped with the app: a wire original, an edited re-post, a rewritten
summary, and a related story about the same plant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES_DIR
from variorum.core.ingest import load_file
from variorum.core.stories import StoryInput


@pytest.fixture(scope="session")
def samples() -> dict[str, StoryInput]:
    """By short name: original, repost, rewrite, related (ids are the file names)."""
    names = {"01": "original", "02": "repost", "03": "rewrite", "04": "related"}
    out: dict[str, StoryInput] = {}
    for path in sorted(Path(SAMPLES_DIR).glob("*.txt")):
        article = load_file(path)
        out[names[path.name[:2]]] = StoryInput(path.name, article.text, article.title)
    return out
