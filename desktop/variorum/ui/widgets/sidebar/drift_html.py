"""Quote drift as rich text: the two wordings merged (:mod:`variorum.present.drift`), deletions
struck through and insertions underlined (never colour alone), in the style table's colours."""

from __future__ import annotations

import html

from variorum.core.extract.drift_data import QuoteDrift
from variorum.present.drift import drift_segments
from variorum.present.style import Theme, css


def inline_diff_html(drift: QuoteDrift, colors: Theme) -> str:
    """One paragraph: A's words with B's changes written in."""
    parts: list[str] = []
    for seg in drift_segments(drift):
        text = html.escape(seg.text)
        style = css(colors.style(seg.kind))
        parts.append(f'<span style="{style}">{text}</span>' if style else text)
    return "“" + "".join(parts) + "”"


def drift_card_html(index: int, drift: QuoteDrift, colors: Theme) -> str:
    """Speaker, the merged quote, and links that locate each wording in its version."""
    percent = round(drift.similarity * 100)
    return (
        f"<p style='margin:0'><b>{html.escape(drift.speaker)}</b>"
        f" <span style='color:{colors.muted}'>· {percent}% alike</span></p>"
        f"<p style='margin:2px 0'>{inline_diff_html(drift, colors)}</p>"
        f"<p style='margin:0'><a href='drift:{index}:a'>show in A</a>"
        f" &nbsp; <a href='drift:{index}:b'>show in B</a></p>"
    )
