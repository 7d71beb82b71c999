"""What the attribution tests share: the extraction fixture's type and a quote-to-speaker map."""

from __future__ import annotations

from collections.abc import Callable

from variorum.core.extract import Extraction

Run = Callable[[str], Extraction]


def said(x: Extraction) -> dict[str, str]:
    """Quote text (first 20 characters) -> speaker name."""
    return {q.text[:20]: s.name for s in x.speakers for q in s.quotes}
