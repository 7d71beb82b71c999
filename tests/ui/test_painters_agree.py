"""One rendering, three painters: the pane, the terminal word diff and the HTML report show the
same marked runs, in the same order, as the segments they are all painted from, on real pairs
(the seeds, the demo story, Darwin's 1859 and 1872 editions), and the same separators between
a replacement's old and new words. A painter that walked the changes on its own would sooner
or later disagree here."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS_DIR, SAMPLES_DIR, seed_path
from tests.reports.htmlruns import read
from variorum.cli.word_diff import write_word_diff
from variorum.core.diff import compare_texts
from variorum.core.ingest import load_file
from variorum.core.options import CompareOptions
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import GAP_TEXT, SegKind, Segment
from variorum.present.side import side_layout
from variorum.present.style import LIGHT, sgr
from variorum.reports.html import comparison_html
from variorum.reports.model import ComparisonReport

pytestmark = pytest.mark.gui

SHOWN_APART = {
    SegKind.INSERT,
    SegKind.DELETE,
    SegKind.MOVE,
    SegKind.MARKER,
    SegKind.HEADING,
    SegKind.GAP,
}


def pair_paths(name: str) -> tuple[Path, Path]:
    if name == "demo":
        return SAMPLES_DIR / "01-wire-original.txt", SAMPLES_DIR / "02-repost-edited.txt"
    if not CORPUS_DIR.is_dir():
        pytest.skip("shared corpus not present")
    if name == "seeds":
        seeds = CORPUS_DIR / "seeds"
        return seed_path(seeds, "000"), seed_path(seeds, "001")
    darwin = CORPUS_DIR / "darwin"
    return darwin / "darwin-origin-ch1-1859.txt", darwin / "darwin-origin-ch1-1872.txt"


def runs_of(segments: list[Segment]) -> list[tuple[str, str]]:
    """What a painter must set apart, consecutive segments of one kind joined (newlines at
    the edges of a run dropped: the pane reads a block break there as no character)."""
    runs: list[tuple[str, str]] = []
    last: SegKind | None = None
    for seg in segments:
        if seg.kind not in SHOWN_APART:
            last = None if seg.text else last
            continue
        if runs and seg.kind == last:
            runs[-1] = (runs[-1][0], runs[-1][1] + seg.text)
        else:
            runs.append((str(seg.kind), seg.text))
        last = seg.kind
    return edges(runs)


def edges(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(kind, text.strip("\n")) for kind, text in runs]


def terminal_runs(text: str) -> list[tuple[str, str]]:
    """Read the coloured word diff back through the style table's codes (a thin space alone
    between two marked runs is the separator)."""
    kinds = {sgr(LIGHT.style(kind)): kind for kind in SegKind if sgr(LIGHT.style(kind))}
    runs: list[tuple[str, str]] = []
    kind: SegKind | None = None
    last: SegKind | None = None
    for piece in re.split(r"(\x1b\[[\d;]*m)", text):
        if piece.startswith("\x1b["):
            kind = kinds.get(piece)
            continue
        if not piece:
            continue
        if kind is None and GAP_TEXT in (piece[:1], piece[-1:]):
            # the separator, between two marks or between text and one of our markers
            runs.extend(("gap", GAP_TEXT) for _ in range(1 if piece == GAP_TEXT else
                        piece.startswith(GAP_TEXT) + piece.endswith(GAP_TEXT)))  # fmt: skip
            last = SegKind.GAP
            continue
        if kind not in SHOWN_APART:
            last = None
            continue
        if runs and kind == last:
            runs[-1] = (runs[-1][0], runs[-1][1] + piece)
        else:
            runs.append((str(kind), piece))
        last = kind
    return edges(runs)


@pytest.mark.parametrize("name", ["seeds", "demo", "darwin"])
def test_pane_terminal_and_report_paint_the_same_segments(pane, name: str) -> None:
    path_a, path_b = pair_paths(name)
    a, b = load_file(path_a), load_file(path_b)
    comparison = compare_texts(a.text, b.text)
    inline = inline_segments(comparison, EqualRunMap(comparison))
    expected = runs_of(inline)
    assert {s.change.index for s in inline if s.change} == set(range(len(comparison.changes)))

    pane.show_comparison(a, b, comparison)
    assert edges(pane.rendered_spans()) == expected

    out = io.StringIO()
    write_word_diff(comparison, out, color=True)
    assert terminal_runs(out.getvalue()) == expected

    report = ComparisonReport(a, b, comparison, CompareOptions())
    assert edges(read(comparison_html(report), within="flow").runs) == expected

    cells = [cell for row in side_layout(comparison).cells for cell in row]
    expected_side = [run for cell in cells for run in runs_of(cell)]  # a run stays in its cell
    pane.set_view_mode("side_by_side")
    assert edges(pane.rendered_spans()) == expected_side
    report = ComparisonReport(a, b, comparison, CompareOptions(), layout="side_by_side")
    assert edges(read(comparison_html(report), within="side").runs) == expected_side
