"""Comparison options: what counts as a change. Stored in settings, passed to the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CompareOptions:
    fold_quotes: bool = True
    fold_dashes: bool = True
    collapse_whitespace: bool = True
    ignore_case: bool = False
    ignore_punctuation: bool = False
    fold_numbers: bool = False
    fold_accents: bool = False
    ignore_moves: bool = False

    @classmethod
    def strict(cls) -> CompareOptions:
        """No normalisation at all (``variorum compare --strict``)."""
        return cls(False, False, False, False, False, False, False, False)


OPTION_LABELS: dict[str, str] = {
    "fold_quotes": "Ignore quote style (\" “ ” ' ‘ ’ « »)",
    "fold_dashes": "Ignore dash style (- – —)",
    "collapse_whitespace": "Ignore spacing (incl. non-breaking spaces)",
    "ignore_case": "Ignore upper/lower case",
    "ignore_punctuation": "Ignore punctuation",
    "fold_numbers": "Ignore thousands separators (1,000 = 1000)",
    "fold_accents": "Ignore accents (café = cafe)",
    "ignore_moves": "Ignore moved text (only edits inside it count)",
}
"""What each option does, in the words of the toolbar's Options menu, Preferences and the
reports alike: one place, so they never disagree."""
