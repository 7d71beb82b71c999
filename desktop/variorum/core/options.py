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

