"""The segments of a small pair, inline and side by side, checked against a stored golden file:
any change to what the views, the terminal and the reports paint shows up here as a diff to
review. Run with VARIORUM_UPDATE_GOLDEN=1 to rewrite the file after an intended change."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from variorum.core.diff import compare_texts
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import Segment
from variorum.present.side import side_layout

GOLDEN = Path(__file__).parent / "golden" / "small_pair.json"

A = (
    "Harbour council approves ferry\n\n"
    "The council voted on Tuesday to buy a new electric ferry for the island route.\n\n"
    "The ferry will carry 200 passengers, the mayor said.\n\n"
    "Fishing boats will keep the old pier.\n\n"
    "The mayor said the vote was one of the best decisions of the year."
)
B = (
    "Harbour council approves ferry\n\n"
    "The mayor said the vote was the best decision of the year.\n\n"
    "The council voted on Tuesday to buy an electric ferry for the northern route.\n\n"
    "The ferry will carry 250 passengers, the mayor said.\n\n"
    "The vote was unanimous."
)


def encode(segments: list[Segment]) -> list[list[Any]]:
    return [
        [
            str(s.kind),
            s.witness,
            s.start,
            s.text,
            None if s.change is None else [s.change.version, s.change.index],
            None if s.link is None else s.link.token(),
        ]
        for s in segments
    ]


def test_segments_of_a_small_pair_match_the_golden_file() -> None:
    comparison = compare_texts(A, B)
    layout = side_layout(comparison)
    actual = {
        "changes": [[str(c.kind), c.a_text, c.b_text] for c in comparison.changes],
        "inline": encode(inline_segments(comparison, EqualRunMap(comparison))),
        "side": [
            {"role": row.role, "twin": row.twin, "cells": [encode(cell) for cell in cells]}
            for row, cells in zip(layout.rows, layout.cells, strict=True)
        ],
    }
    if os.environ.get("VARIORUM_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert actual == expected
