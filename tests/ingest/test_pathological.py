"""Every crafted file that once hung a loader or grew it to gigabytes, loaded in a worker
process under a time limit: each must load, or be refused with its reason, well within it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ingest.pathological import CASES, Case
from variorum.core.ingest import IngestError, isolation
from variorum.core.ingest.errors import InternalError, MemoryLimitError, TimeLimitError
from variorum.core.ingest.limits import Limits
from variorum.core.sandbox import WorkerPool

LIMIT_S = 20.0
"""Far above what each case takes now (under 2 s); each took minutes, or for ever, before."""


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with isolation.loading_pool() as shared:
        yield shared


@pytest.mark.parametrize("case", [c for c in CASES if not c.big], ids=lambda c: c.name)
def test_a_pathological_file_loads_or_is_refused_in_time(pool: WorkerPool, case: Case) -> None:
    data = case.build()
    try:
        article = isolation.load_in_pool(
            pool,
            data,
            case.name,
            source_path=None,
            size_limit=50 << 20,
            limits=Limits(timeout=LIMIT_S),
            page_progress=None,
            cancelled=None,
        )
    except (TimeLimitError, MemoryLimitError, InternalError) as err:
        pytest.fail(f"{case.name}: {err.reason}")
    except IngestError as err:
        assert case.expect.startswith("refuse: "), f"{case.name} refused: {err.reason}"
        assert case.expect.removeprefix("refuse: ") in err.reason
        return
    assert case.expect == "load", f"{case.name} loaded, expected {case.expect}"
    assert article.text.encode("utf-8")  # no lone surrogate survives
    assert article.words > 0
