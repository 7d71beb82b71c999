"""The real seed texts through the window: drop the folder, select 000 and 001, and the pane
receives the real edits and no quote-style or non-breaking-space noise. Skips without the
shared corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.test_main_window import drop, settle

pytestmark = [pytest.mark.gui, pytest.mark.corpus]

_NOISE = re.compile(r"^[\s\u00a0\"'“”‘’«»\-–—]*$")


def test_seeds_000_001_show_real_edits_only(qtbot, make_window, seeds_dir: Path) -> None:
    window = make_window()
    drop(window, seeds_dir)
    settle(qtbot, window)
    assert window.statusBar().currentMessage().startswith("Loaded 4 articles")
    model = window.model
    rows = {
        Path(e.source_path or "").name[:3]: e.article.id for e in model.entries()
    }
    window.article_list.select_ids([rows["002"]])
    window.article_list.select_ids([rows["000"], rows["001"]])
    settle(qtbot, window)
    a, b, comparison = window.pane.last("comparison")
    assert Path(a.source_path).name.startswith("000")
    assert Path(b.source_path).name.startswith("001")
    pairs = [(c.a_text, c.b_text) for c in comparison.changes]
    assert any("semiconductor" in x and "chip" in y for x, y in pairs)
    assert any("will deliver" in x and "delivered" in y for x, y in pairs)
    assert any("American OpenAI CEO urges" in y for _x, y in pairs)  # the added lede
    noise = [(x, y) for x, y in pairs if _NOISE.match(x) and _NOISE.match(y)]
    assert noise == []
    assert "_GoBack" not in b.text
