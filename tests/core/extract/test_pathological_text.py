"""Extraction steps on text built to make them backtrack or go quadratic ("By By By ...", a
run of 300,000 em dashes, thousands of people): each finishes in a worker process under a
CPU-time limit that the old code overran by far."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.core.extract import pathological_jobs as jobs
from variorum.core.extract.layout import MAX_RUN, analyse_layout
from variorum.core.sandbox import Limits, WorkerPool

BOUND = Limits(cpu_seconds=20, memory_bytes=2 << 30)


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool() as shared:
        yield shared


def test_acronym_rule_on_a_long_run_of_capitalised_words(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.acronyms_after_a_run_of_capitalised_words, 100_000, limits=BOUND)
    assert outcome.ok, outcome.detail
    assert outcome.value == [(300_009, 300_038)]  # "International Transport Forum" still found


def test_place_rules_among_thousands_of_people(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.places_among_many_people, 30_000, limits=BOUND)
    assert outcome.ok, outcome.detail
    assert outcome.value == 1  # "Paris"


def test_the_tokenizer_never_gets_a_run_of_100_000_dashes(pool: WorkerPool) -> None:
    outcome = pool.run(jobs.tokens_of_a_long_run, 100_000, limits=BOUND)
    assert outcome.ok, outcome.detail
    assert outcome.value is not None and outcome.value < 10  # a run of dashes is no text


def test_long_runs_are_broken_without_moving_any_offset() -> None:
    text = "Intro. " + "ab" * 1000 + " https://example.com/a/path end " + "#" * 500 + " x"
    layout = analyse_layout(text)
    assert len(layout.nlp_text) == len(text)
    assert max(len(run) for run in layout.nlp_text.split()) <= MAX_RUN
    assert "https://example.com/a/path" in layout.nlp_text  # ordinary tokens untouched
    assert "#" not in layout.nlp_text  # a run of symbols alone is no text for the model
