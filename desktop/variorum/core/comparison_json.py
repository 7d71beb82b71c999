"""A Comparison as compact JSON, for the library's analysis cache (one entry per pair).

Only offsets, kinds and figures are stored: the texts of the changes are slices of the two
articles' texts, which the caller has anyway, so an entry is small and cannot disagree with
the articles it belongs to. The cache version names the engine version and the options, so a
new engine or other options never read an old result.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from variorum.core.changes import (
    Change,
    ChangeKind,
    CompareStats,
    Comparison,
    EqualRun,
    UnitPair,
    UnitStatus,
)
from variorum.core.options import CompareOptions

ENGINE_VERSION = 1
"""Bump whenever the engine's output for the same input changes."""
CACHE_KIND = "compare"


def cache_address(a_id: str, b_id: str, options: CompareOptions) -> tuple[str, str, str]:
    """(article_id, kind, version) for ``Library.get_analysis`` / ``put_analysis``: the pair
    in its order (A is the base), the engine version and the options."""
    fingerprint = hashlib.sha256(
        json.dumps(asdict(options), sort_keys=True).encode("utf-8")
    ).hexdigest()[:12]
    return f"{a_id}>{b_id}", CACHE_KIND, f"{ENGINE_VERSION}:{fingerprint}"


def dumps(comparison: Comparison) -> str:
    def change(c: Change) -> list[Any]:
        row: list[Any] = [c.kind.value, c.a_start, c.a_end, c.b_start, c.b_end]
        if c.detail:
            row.append([change(d) for d in c.detail])
        return row

    s = comparison.stats
    payload = {
        "similarity": comparison.similarity,
        "stats": [s.inserted_words, s.deleted_words, s.moved_words, s.changed_units],
        "changes": [change(c) for c in comparison.changes],
        "units": [
            [u.status.value, u.a_start, u.a_end, u.b_start, u.b_end, int(u.coarse)]
            for u in comparison.units
        ],
        "equal": [[e.a_start, e.a_end, e.b_start, e.b_end] for e in comparison.equal_runs],
        "notices": list(comparison.notices),
    }
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def loads(payload: str, a_text: str, b_text: str) -> Comparison:
    """The Comparison stored by :func:`dumps` for these two texts; raises ValueError when the
    payload is damaged or does not fit the texts (the caller then recomputes)."""
    try:
        data = json.loads(payload)
        changes = tuple(_change(row, a_text, b_text) for row in data["changes"])
        units = tuple(
            UnitPair(UnitStatus(st), a0, a1, b0, b1, bool(coarse))
            for st, a0, a1, b0, b1, coarse in data["units"]
        )
        equal = tuple(EqualRun(*row) for row in data["equal"])
        stats = CompareStats(*data["stats"])
        similarity = float(data["similarity"])
        notices = tuple(str(n) for n in data["notices"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a stored comparison: {exc}") from exc
    return Comparison(
        a_text, b_text, changes, stats, similarity, units, notices, equal_runs=equal
    )


def _change(row: list[Any], a_text: str, b_text: str) -> Change:
    kind, a0, a1, b0, b1 = row[:5]
    if not (0 <= a0 <= a1 <= len(a_text) and 0 <= b0 <= b1 <= len(b_text)):
        raise ValueError("offsets outside the texts")
    detail = tuple(_change(d, a_text, b_text) for d in row[5]) if len(row) > 5 else ()
    return Change(ChangeKind(kind), a0, a1, b0, b1, a_text[a0:a1], b_text[b0:b1], detail)
