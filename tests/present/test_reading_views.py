"""The presentation pieces behind issue 14, without Qt: the separator between touching old and new
words, the "paragraphs changed" figure, changes-only folding (inline and side by side, with
moved rows still linked to their twins) and the boilerplate shown with a comparison."""

from __future__ import annotations

import itertools
from pathlib import Path

from tests.conftest import seed_path
from variorum.core.diff import compare_texts
from variorum.core.ingest import load_file
from variorum.present.describe import FIGURES_HELP, stats_line
from variorum.present.figures import paragraphs_changed
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import (
    BASE,
    GAP_TEXT,
    LinkKind,
    SegKind,
    Segment,
    keep_apart,
)
from variorum.present.views import Display, inline_view, side_view

PARAS = [
    "Harbour council approves new ferry",
    "The council voted on Tuesday to buy a new electric ferry for the island route.",
    "The ferry will carry 200 passengers and enter service next spring.",
    "The shipyard in the north will build the hull over the winter months.",
    "Engineers from the mainland will fit the batteries once the hull is afloat.",
    "Fishing boats will keep the old pier on the western side of the harbour.",
    "The mayor said it was a good day for the island and its people.",
]


def text(paras: list[str]) -> str:
    return "\n\n".join(paras)


# --- the separator -------------------------------------------------------------------------
def test_old_and_new_words_that_touch_get_a_gap_and_nothing_else_does() -> None:
    old = Segment(SegKind.DELETE, "So", BASE, 0)
    new = Segment(SegKind.INSERT, "so", 1, 0)
    spaced = Segment(SegKind.INSERT, " so", 1, 0)
    same = Segment(SegKind.EQUAL, "I hope", 1, 2)
    marker = Segment(SegKind.MARKER, "[moved from ↓]")
    assert [s.kind for s in keep_apart([old, new])] == ["delete", "gap", "insert"]
    assert keep_apart([old, new])[1].text == GAP_TEXT and keep_apart([old, new])[1].witness is None
    assert [s.kind for s in keep_apart([old, spaced])] == ["delete", "insert"]
    assert [s.kind for s in keep_apart([new, same])] == ["insert", "equal"]  # one witness
    assert [s.kind for s in keep_apart([marker, new])] == ["marker", "gap", "insert"]


def test_every_replacement_of_the_seeds_is_kept_apart(seeds_dir: Path) -> None:
    a = load_file(seed_path(seeds_dir, "000"))
    b = load_file(seed_path(seeds_dir, "002"))
    comparison = compare_texts(a.text, b.text)
    segments = inline_segments(comparison, EqualRunMap(comparison))
    pairs = list(itertools.pairwise(segments))
    touching = [
        (x.text[-8:], y.text[:8])
        for x, y in pairs
        if {x.kind, y.kind} == {SegKind.DELETE, SegKind.INSERT}
        and x.witness != y.witness
        and not x.text[-1:].isspace()
        and not y.text[:1].isspace()
    ]
    assert touching == []
    assert sum(s.kind is SegKind.GAP for s in segments) >= 10  # "So so", "will can", ...


# --- figures -------------------------------------------------------------------------------
def test_paragraphs_changed_counts_a_paragraph_and_its_new_version_once() -> None:
    b = list(PARAS)
    b[1] = b[1].replace("island", "northern").replace("Tuesday", "Monday")  # one paragraph
    del b[4:6]  # two paragraphs gone
    comparison = compare_texts(text(PARAS), text(b))
    assert len(comparison.changes) == 4
    assert paragraphs_changed(comparison) == 3
    assert stats_line(comparison).startswith("4 changes in 3 paragraphs · ")
    assert "unit" not in stats_line(comparison) and "Paragraphs changed" in FIGURES_HELP


def test_paragraphs_changed_is_the_same_when_swapped(seeds_dir: Path) -> None:
    for number in ("001", "002"):
        a = load_file(seed_path(seeds_dir, "000")).text
        b = load_file(seed_path(seeds_dir, number)).text
        forward, backward = compare_texts(a, b), compare_texts(b, a)
        assert paragraphs_changed(forward) == paragraphs_changed(backward) > 0


# --- changes only --------------------------------------------------------------------------
def test_inline_folds_runs_of_unchanged_paragraphs_and_unfolds_one() -> None:
    b = list(PARAS)
    b[1] = b[1].replace("island", "northern")
    b[6] = b[6].replace("good", "great")
    comparison = compare_texts(text(PARAS), text(b))
    runs = EqualRunMap(comparison)
    folded = inline_view(comparison, runs, Display(changes_only=True))
    folds = [s for s in folded if s.kind is SegKind.FOLD]
    assert [f.text for f in folds] == [
        "⋯ 1 unchanged paragraph (click to show) ⋯",
        "⋯ 4 unchanged paragraphs (click to show) ⋯",
    ]
    assert all(f.link is not None and f.link.kind is LinkKind.FOLD for f in folds)
    shown = "".join(s.text for s in folded)
    assert "northern" in shown and "great" in shown and "shipyard" not in shown
    second = folds[1].link.target if folds[1].link else -1
    opened = inline_view(comparison, runs, Display(True, frozenset({second})))
    shown = "".join(s.text for s in opened)
    assert "shipyard" in shown and "1 unchanged paragraph" in shown
    every = inline_view(comparison, runs, Display())
    assert "".join(s.text for s in every) == "".join(
        s.text for s in inline_segments(comparison, runs)
    )


def test_side_by_side_folds_identical_rows_and_keeps_moves_linked() -> None:
    b = [PARAS[0], PARAS[6], *PARAS[1:6]]  # the last paragraph moved up
    b[3] = b[3].replace("200", "250")
    comparison = compare_texts(text(PARAS), text(b))
    whole = side_view(comparison, Display())
    folded = side_view(comparison, Display(changes_only=True))
    assert len(folded.rows) < len(whole.rows)
    assert [r.role for r in folded.rows].count("fold") >= 1
    for i, row in enumerate(folded.rows):
        if row.twin is not None:
            twin = folded.rows[row.twin]
            assert twin.twin == i and {row.role, twin.role} == {"origin", "target"}
    fold = next(r for r in folded.rows if r.role == "fold")
    assert fold.spans == (None, None)


def test_boilerplate_comes_first_for_both_articles() -> None:
    b = list(PARAS)
    b[2] = b[2].replace("200", "250")
    comparison = compare_texts(text(PARAS), text(b))
    display = Display(boilerplate=(("Share on Facebook", "Most read"), ()))
    inline = inline_view(comparison, EqualRunMap(comparison), display)
    head = "".join(s.text for s in inline[:8])
    assert head.startswith("Boilerplate set aside from A (2 lines):\nShare on Facebook")
    assert "No boilerplate was set aside from B." in head
    plain = side_view(comparison, Display())
    side = side_view(comparison, display)
    assert side.rows[0].role == "boilerplate" and len(side.rows) == len(plain.rows) + 1
    left, right = side.cells[0]
    assert any(s.kind is SegKind.BOILERPLATE and s.text == "Most read" for s in left)
    assert "No boilerplate" in "".join(s.text for s in right)

