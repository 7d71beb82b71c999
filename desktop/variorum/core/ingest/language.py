"""Which language an article is written in, so a user is told when the speaker and name
extraction (English models and rules) cannot serve it.

The identifier is py3langid (a small naive Bayes model over byte n-grams, 97 languages, its
model shipped inside the package; nothing is downloaded). Loading it costs about a second, so
text whose words are plainly English (a quarter or more of them English function words; real
English prose runs at 40-50 %) is settled without it: the model is loaded only for the other
texts, once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SAMPLE_CHARS = 5000
MIN_LETTERS = 40
"""Shorter text is not identified (a headline alone misleads any identifier)."""
CONFIDENT = 0.9
ENGLISH_SHARE = 0.25

_WORD_RE = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS_TEXT = (
    "the of and to a in is that it for on was with as he she said by at from his her be "
    "have has had are were this an not but they their which will would its who or been"
)
_ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
ENGLISH_ONLY = "speakers and names are found for English only"


def identify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0-1) of ``text``'s language; (None, 0) when too short."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD_RE.findall(sample)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return None, 0.0
    english = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    if english >= ENGLISH_SHARE * len(words):
        return "en", 1.0
    language, confidence = _identifier().classify(sample)
    return str(language), float(confidence)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_note(text: str, declared: str | None) -> tuple[str | None, str | None]:
    """(the language to record, a warning or None). The record keeps what the document
    declares (the ``inspect`` contract: the language as read) and is filled from the text when
    nothing is declared; the warning follows the text itself when the model is confident (a
    page template may declare "en" around French text), else the declaration."""
    found, confidence = identify(text)
    identified = found if found is not None and confidence >= CONFIDENT else None
    language = declared.lower() if declared else identified
    spoken = identified or language
    if spoken is None or spoken.split("-")[0] == "en":
        return language, None
    return language, f"{NOT_ENGLISH_PREFIX}{spoken}): {ENGLISH_ONLY}"


NOT_ENGLISH_PREFIX = "not in English ("


def english_only_warning(warnings_by_label: dict[str, tuple[str, ...]]) -> str | None:
    """One line for the sidebar when any article in view was found not to be English (from
    the warning :func:`language_note` left on it at load time), naming which ("A", "B" or
    the article) and its language, since its speakers and names would be unreliable."""
    found = []
    for label, warnings in warnings_by_label.items():
        for warning in warnings:
            if warning.startswith(NOT_ENGLISH_PREFIX):
                spoken = warning[len(NOT_ENGLISH_PREFIX) :].split(")", 1)[0]
                found.append(f"{label} is not in English ({spoken})")
    if not found:
        return None
    return "; ".join(found) + f": {ENGLISH_ONLY}."
