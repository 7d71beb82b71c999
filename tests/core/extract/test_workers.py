"""Extraction in worker processes: the same results as in this process, both workers used for
a batch, and a text that would run for minutes stopped by the CPU-time limit and named, while
the texts around it are still analysed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from variorum.core.extract import ModelUnavailableError, extract_many
from variorum.core.extract import workers as module
from variorum.core.extract.workers import AnalysisFailure, ExtractionPool
from variorum.core.ingest import load_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    with ExtractionPool(size=2) as shared:
        yield shared


def test_a_batch_in_two_workers_equals_the_extraction_here(
    pool: ExtractionPool,
    nlp,  # type: ignore[no-untyped-def]
    corpus_dir: Path,
) -> None:
    news = sorted((corpus_dir / "polnear-train" / "text").glob("*.txt"))[:12]
    texts = [load_file(p).text for p in news]
    assert sum(len(t) for t in texts) > 2 * module.GROUP_CHARS  # several calls
    here = list(extract_many(texts, nlp))
    there = list(pool.map(texts))
    assert there == here
    assert pool.workers_started == 2


def test_a_text_over_the_cpu_limit_is_stopped_and_named_the_others_analysed(
    pool: ExtractionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text that needs more CPU time than its limit (a long run of "By By By", a minute
    of work once the rules were quadratic on it) is killed at the limit and fails with that
    reason; the texts around it are analysed, by a fresh worker where needed."""
    monkeypatch.setattr(module, "BASE_CPU_SECONDS", 1.0)
    monkeypatch.setattr(module, "CPU_SECONDS_PER_MB", 0.0)
    good = "“We will reopen the mill,” said Ingrid Solberg, the plant manager."
    results = list(pool.map([good, "By " * 40_000, good]))
    assert isinstance(results[1], AnalysisFailure)
    assert results[1].reason == "took too long to analyse (stopped after 1 s)"
    assert [s.name for s in results[0].speakers] == ["Ingrid Solberg"]  # type: ignore[union-attr]
    assert results[2] == results[0]


def test_no_pipeline_is_an_error_not_a_failed_article() -> None:
    with (
        ExtractionPool("no_such_pipeline", size=1) as missing,
        pytest.raises(ModelUnavailableError, match="no_such_pipeline"),
    ):
        missing.run(["Some text."])


_WITHOUT_CLI = """
import sys
from variorum.core.extract.model import import_spacy_without_cli, load_pipeline
{setup}
import_spacy_without_cli()
nlp = load_pipeline()
doc = nlp("Ilsa Varga said the bridge would open in May.")
loaded = sorted(m for m in ("weasel", "typer", "requests", "httpx", "rich") if m in sys.modules)
print([e.text for e in doc.ents], loaded)
"""

_FAIL_ONCE = """
import importlib.abc, sys
class FailOnce(importlib.abc.MetaPathFinder):
    # a spaCy that needs more of its command line on import: the first import fails
    failed = False
    def find_spec(self, name, path=None, target=None):
        if name == "spacy.language" and not FailOnce.failed:
            FailOnce.failed = True
            raise ImportError("needs spacy.cli")
        return None
sys.meta_path.insert(0, FailOnce())
"""


@pytest.mark.parametrize(("setup", "without"), [("", True), (_FAIL_ONCE, False)])
def test_a_worker_imports_spacy_without_its_command_line(setup: str, without: bool) -> None:
    """Workers run pipelines, never spaCy's command line, whose imports cost ~20 MB each;
    should spaCy need it on import after all, it is imported whole and still works."""
    import subprocess

    code = _WITHOUT_CLI.format(setup=setup)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "'Ilsa Varga'" in out
    assert out.strip().endswith("[]") is without


_AFTER_A_CALL = """
from variorum.core.extract.workers import extract_texts, warm

def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0])

warm(None)
blocks = [bytes(1000) for _ in range(100_000)]  # 100 MB in the C heap...
kept = blocks[::64]  # ...of which a block in 64 stays, so freeing the rest leaves holes
del blocks
holding = rss()
extract_texts(["Ilsa Varga said the bridge would open in May."], None)
print(holding - rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's heap, /proc")
def test_a_worker_gives_back_the_memory_of_its_last_call() -> None:
    """An idle worker (the window keeps two) does not go on holding memory its work freed:
    glibc keeps freed memory for reuse unless it lies at the top of the heap, so a worker
    would otherwise hold its largest parse's memory for as long as the window is open. Here
    the freed memory is made to lie between blocks still in use, as a parse leaves it; a
    worker call gives it back (measured: about 90 MB; without: none)."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _AFTER_A_CALL], capture_output=True, text=True, check=True
    ).stdout
    assert int(out) > 50_000  # kB given back
