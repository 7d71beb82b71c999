"""Quote drift as rich text: the two wordings merged, deletions struck through and insertions
underlined (never colour alone), in the comparison pane's colour-blind-safe palette."""

from __future__ import annotations

import html

from variorum.core.changes import ChangeKind
from variorum.core.extract.drift_data import QuoteDrift
from variorum.ui.widgets.compare.palette import DiffColors


def inline_diff_html(drift: QuoteDrift, colors: DiffColors) -> str:
    """One paragraph: A's words with B's changes written in."""
    a_text, b_text = drift.a.text, drift.b.text
    deleted = (
        f"text-decoration:line-through; color:{colors.delete_fg}; "
        f"background-color:{colors.delete_bg}"
    )
    inserted = (
        f"text-decoration:underline; color:{colors.insert_fg}; background-color:{colors.insert_bg}"
    )
    parts: list[str] = []
    pos = 0
    for change in sorted(drift.changes, key=lambda c: (c.a_start, c.b_start)):
        if change.a_start > pos:
            parts.append(html.escape(a_text[pos : change.a_start]))
        if change.kind in (ChangeKind.DELETE, ChangeKind.REPLACE, ChangeKind.MOVE):
            old = a_text[change.a_start : change.a_end]
            if old:
                parts.append(f'<span style="{deleted}">{html.escape(old)}</span>')
        if change.kind in (ChangeKind.INSERT, ChangeKind.REPLACE, ChangeKind.MOVE):
            new = b_text[change.b_start : change.b_end]
            if new:
                # keep the words apart: "hope <ins>that</ins> Chinese", not "hopethat"
                if change.kind is not ChangeKind.INSERT or not a_text[: change.a_start].endswith(
                    " "
                ):
                    parts.append(" ")
                parts.append(f'<span style="{inserted}">{html.escape(new)}</span>')
        pos = max(pos, change.a_end)
    parts.append(html.escape(a_text[pos:]))
    return "“" + "".join(parts) + "”"


def drift_card_html(index: int, drift: QuoteDrift, colors: DiffColors) -> str:
    """Speaker, the merged quote, and links that locate each wording in its version."""
    percent = round(drift.similarity * 100)
    return (
        f"<p style='margin:0'><b>{html.escape(drift.speaker)}</b>"
        f" <span style='color:{colors.muted_fg}'>· {percent}% alike</span></p>"
        f"<p style='margin:2px 0'>{inline_diff_html(drift, colors)}</p>"
        f"<p style='margin:0'><a href='drift:{index}:a'>show in A</a>"
        f" &nbsp; <a href='drift:{index}:b'>show in B</a></p>"
    )
