"""The fast whole-word search finds what the look-behind regular expression finds."""

from __future__ import annotations

import random
import re

from variorum.core.extract.engine import _whole_word_spans


def _reference(text: str, form: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])")
    return [m.span() for m in pattern.finditer(text)]


def test_same_spans_as_the_regular_expression() -> None:
    cases = [
        ("Smith said. Smith-Jones and Smiths, Smith", "Smith"),
        ("aa aaa a-aa aa", "aa"),
        ("ab ab ab", "ab ab"),
        ("Łukasz Łukasz-owi żŁukasz Łukasz", "Łukasz"),
        ("x.Tom, Tom.", "Tom"),
        ("", "Tom"),
    ]
    rng = random.Random(13)
    for _ in range(500):
        alphabet = "ab -.é"
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        form = "".join(rng.choice("ab é") for _ in range(rng.randint(1, 4)))
        cases.append((text, form))
    for text, form in cases:
        assert list(_whole_word_spans(text, form)) == _reference(text, form), (text, form)
