"""Shared test set-up: Qt runs offscreen, the real corpus is found beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT / "desktop" / "variorum" / "resources" / "samples"
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus, or skip: CI clones have it beside them, other machines may not."""
    if not CORPUS_DIR.is_dir():
        pytest.skip("shared corpus not present")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def seeds_dir(corpus_dir: Path) -> Path:
    return corpus_dir / "seeds"


def seed_path(seeds: Path, number: str) -> Path:
    """Seeds are named NNN_<hash>.txt; tests name them by number."""
    matches = sorted(seeds.glob(f"{number}_*.txt"))
    if not matches:
        pytest.skip(f"seed {number} not present")
    return matches[0]
