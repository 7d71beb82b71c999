"""The words every painter uses about a comparison: a change in one line, the figures, the
similarity. One wording, so the pane, the terminal and the reports say the same thing."""

from __future__ import annotations

from dataclasses import fields

from variorum.core.changes import Change, ChangeKind, Comparison
from variorum.core.options import CompareOptions
from variorum.present.figures import paragraphs_changed

SNIPPET = 48

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

KIND_LABELS = {
    ChangeKind.INSERT: "Inserted",
    ChangeKind.DELETE: "Deleted",
    ChangeKind.REPLACE: "Replaced",
    ChangeKind.MOVE: "Moved",
}


def snippet(text: str, limit: int = SNIPPET) -> str:
    """One line, whitespace folded, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit] + "…"


def describe(change: Change, limit: int = SNIPPET) -> str:
    label = KIND_LABELS[change.kind]
    if change.kind == ChangeKind.REPLACE:
        half = max(limit // 2, 8)
        return f"{label}: “{snippet(change.a_text, half)}” → “{snippet(change.b_text, half)}”"
    text = change.a_text if change.kind == ChangeKind.DELETE else change.b_text
    return f"{label}: “{snippet(text, limit)}”"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def changes_text(comparison: Comparison) -> str:
    """The two figures a reader counts with: "47 changes in 30 paragraphs"."""
    changes = count(len(comparison.changes), "change")
    if not comparison.changes:
        return "no changes"
    return f"{changes} in {count(paragraphs_changed(comparison), 'paragraph')}"


def stats_line(comparison: Comparison) -> str:
    """The figures in one line: changes, paragraphs changed, then the words."""
    s = comparison.stats
    if not comparison.changes:
        return changes_text(comparison)
    return (
        f"{changes_text(comparison)} · +{s.inserted_words} words inserted, "
        f"−{s.deleted_words} deleted, {s.moved_words} moved"
    )


def summary_line(comparison: Comparison) -> str:
    return f"{similarity_text(comparison.similarity)} · {stats_line(comparison)}"


FIGURES_HELP = (
    "A change is one place where the two versions differ: words inserted, deleted or "
    "replaced, or a passage moved (F7 / Shift+F7 step through them; the change list has one "
    "line per change).\n"
    "Paragraphs changed: paragraphs that hold at least one change; a paragraph and its new "
    "version count once.\n"
    "Words inserted, deleted and moved count the words of those changes.\n"
    "Similar: the share of the words of both versions that they have in common."
)
"""What the figures mean, in the words of the header's tooltip (the README says the same)."""


def similarity_text(similarity: float) -> str:
    return f"{round(max(0.0, min(1.0, similarity)) * 100)} % similar"


def options_text(options: CompareOptions) -> str:
    """The options in force, as a list of labels ("none" for the strict comparison)."""
    on = [
        OPTION_LABELS.get(f.name, f.name.replace("_", " "))
        for f in fields(options)
        if getattr(options, f.name) is True
    ]
    return "; ".join(on) if on else "none (every character counts)"
