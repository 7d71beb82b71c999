"""Which language an article is in, and the warning for text the English extraction cannot
serve (the identifier ships its model inside its package)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import seed_path
from variorum.core.ingest import load_bytes, load_file
from variorum.core.ingest.language import ENGLISH_ONLY, identify

FRENCH = (
    "Le conseil du port a voté mardi l'achat d'un nouveau ferry électrique pour la ligne de "
    "l'île. Le navire transportera deux cents passagers et entrera en service au printemps."
)
GERMAN = (
    "Der Hafenrat hat am Dienstag beschlossen, eine neue elektrische Fähre für die Inselroute "
    "zu kaufen. Das Schiff wird zweihundert Fahrgäste befördern und im Frühjahr fahren."
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de")])
def test_text_in_another_language_gets_the_warning(text: str, code: str) -> None:
    article = load_bytes(f"Titre\n\n{text}".encode(), "article.txt")
    assert article.language == code
    assert f"not in English ({code}): {ENGLISH_ONLY}" in article.warnings


def test_a_declared_language_is_kept_and_the_text_decides_the_warning() -> None:
    page = f'<html lang="en"><body><h1>Ferry</h1><p>{FRENCH}</p><p>{FRENCH}</p></body></html>'
    article = load_bytes(page.encode(), "page.html")
    assert article.language == "en"
    assert any(w.startswith("not in English (fr)") for w in article.warnings)


def test_english_seed_articles_get_no_warning(seeds_dir: Path) -> None:
    for number in ("000", "001", "002"):
        article = load_file(seed_path(seeds_dir, number))
        assert article.language in (None, "en") or article.language.startswith("en")
        assert not any("English only" in w for w in article.warnings)


def test_too_little_text_is_not_identified() -> None:
    assert identify("Brexit") == (None, 0.0)
