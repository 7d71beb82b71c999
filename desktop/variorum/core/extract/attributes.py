"""The model's ``attribute_ruler`` applied as table look-ups, and its ``lemmatizer`` deferred
to :mod:`lemmas`: the same part of speech, morphology and lemma on every token that is read,
for about a seventh less of the pipeline's time.

Why: the small English pipeline's attribute ruler is a spaCy ``Matcher`` of 179 patterns (the
old tag map and morph rules: ``{"TAG": "NN"}`` -> POS NOUN ...) tried at every token, about 13 %
of the whole pipeline's CPU time. A token's outcome depends only on its tag, lower-case form,
dependency label and space flag (and, for the seven two-token patterns, on its neighbour's),
so each distinct combination is worked out once, with the Matcher's semantics (every pattern
matched on the tokens as they came from the parser, then applied in the order the patterns
were added, the later winning), and remembered; a document then costs a few array
operations. ``tests/core/test_extract_attributes.py`` checks the result token by token against
the original components. Patterns of a kind not handled here keep the original components
(:func:`replace_attribute_ruler` returns False and changes nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""Token attributes the patterns may test (what the bundled and official pipelines use)."""
SET = ("POS", "MORPH", "DEP", "TAG", "LEMMA")
"""Attributes the rules may set (DEP and TAG: on space tokens), in the column order used
below."""


class Unsupported(ValueError):
    """A pattern this table cannot reproduce exactly: keep spaCy's components."""


def _value_test(value: Any) -> Callable[[Any], bool]:
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = set(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = set(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: bool(pattern.search(v))
    raise Unsupported(f"pattern value {value!r}")


FieldTest = tuple[int, Callable[[Any], bool] | int]
"""(index in KEYS, the test of that value); for LOWER, the number of the test in the table's
list of lower-case tests instead, whose outcomes are looked up per word (see ``_word_class``)."""


def _field_tests(spec: dict[str, Any], lower_tests: list[Callable[[Any], bool]]) -> list[FieldTest]:
    tests: list[FieldTest] = []
    for key, value in spec.items():
        if key not in KEYS:
            raise Unsupported(f"pattern key {key!r}")
        test = _value_test(value)
        if key == "LOWER":
            lower_tests.append(test)
            tests.append((1, len(lower_tests) - 1))
        else:
            tests.append((KEYS.index(key), test))
    return tests


@dataclass(frozen=True)
class _Rule:
    positions: tuple[int, ...]
    """Column of each pattern token's test in the feature matrix."""
    index: int
    """Which token of the match gets the attributes (negative: from the end)."""
    values: dict[str, int]
    """Attribute -> hash to set."""


class AttributeTable:
    """A pipeline component equal to the pipeline's ``attribute_ruler``."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        strings = ruler.vocab.strings
        self._tests: list[list[FieldTest]] = []
        self._lower_tests: list[Callable[[Any], bool]] = []
        self._rules: list[_Rule] = []
        # The ruler applies matches sorted by the order the patterns were added: later wins.
        for key in sorted(range(len(ruler.attrs)), key=int):
            attrs = ruler.attrs[key]
            values: dict[str, int] = {}
            for attr, value in attrs.items():  # normalised by the ruler: attribute ids, hashes
                name = next((n for n in SET if IDS[n] == attr), None)
                if name is None or not isinstance(value, int):
                    raise Unsupported(f"attribute {attr!r} = {value!r}")
                values[name] = value
            for pattern in ruler.matcher.get(str(key))[1]:
                if any(set(spec) - set(KEYS) for spec in pattern) or any(
                    "OP" in spec for spec in pattern
                ):
                    raise Unsupported(f"pattern {pattern!r}")
                positions = []
                for spec in pattern:
                    positions.append(len(self._tests))
                    self._tests.append(_field_tests(spec, self._lower_tests))
                index = ruler.indices[key]
                if not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"index {index} of {pattern!r}")
                self._rules.append(_Rule(tuple(positions), index, values))
        self._strings = strings
        self._word_classes: dict[int, int] = {}
        self._class_numbers: dict[tuple[bool, ...], int] = {}
        self._class_outcomes: list[tuple[bool, ...]] = []
        self._rows: dict[tuple[int, int, int, int], np.ndarray] = {}

    def _word_class(self, lower: int) -> int:
        """Words that pass the same lower-case tests (most words: none) share a number, so
        the table below has a row per tag, dependency and class, not per word."""
        number = self._word_classes.get(lower)
        if number is None:
            word = self._strings[lower]
            outcome = tuple(test(word) for test in self._lower_tests)
            number = self._class_numbers.setdefault(outcome, len(self._class_numbers))
            if number == len(self._class_outcomes):
                self._class_outcomes.append(outcome)
            self._word_classes[lower] = number
        return number

    def _row(self, key: tuple[int, int, int, int]) -> np.ndarray:
        """Which token tests pass for a token of this tag, word class, dependency and space
        flag."""
        row = self._rows.get(key)
        if row is None:
            tag, word_class, dep, space = key
            s = self._strings
            features = (s[tag] if tag else "", None, s[dep] if dep else "", bool(space))
            lower = self._class_outcomes[word_class]
            row = np.fromiter(
                (
                    all(
                        lower[test] if isinstance(test, int) else test(features[field])
                        for field, test in token
                    )
                    for token in self._tests
                ),
                bool,
                len(self._tests),
            )
            self._rows[key] = row
        return row

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        n = len(doc)
        if n == 0:
            return doc
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        words, at = np.unique(keys[:, 1], return_inverse=True)
        classes = np.fromiter((self._word_class(int(w)) for w in words), np.uint64, len(words))
        keys[:, 1] = classes[at.reshape(-1)]
        unique, inverse = np.unique(keys, axis=0, return_inverse=True)
        table = np.stack([self._row((int(t), int(c), int(d), int(sp))) for t, c, d, sp in unique])
        matched = table[inverse.reshape(-1)]
        out: Any = doc.to_array([POS, MORPH, DEP, TAG, LEMMA])
        for rule in self._rules:
            length = len(rule.positions)
            if length > n:
                continue
            hits = matched[: n - length + 1, rule.positions[0]].copy()
            for offset, column in enumerate(rule.positions[1:], 1):
                hits &= matched[offset : n - length + 1 + offset, column]
            starts = np.flatnonzero(hits)
            if not len(starts):
                continue
            targets = starts + (rule.index if rule.index >= 0 else length + rule.index)
            for name, value in rule.values.items():
                out[targets, SET.index(name)] = value
        doc.from_array([POS, MORPH, DEP, TAG, LEMMA], out)
        return doc


NAME = "variorum_attributes"


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put an :class:`AttributeTable` where the pipeline's attribute ruler was, and take out
    the lemmatizer that follows it (in rule mode, not overwriting), its lemmas computed on
    demand by :func:`variorum.core.extract.lemmas.lemma`. False, and the pipeline untouched,
    when the pipeline is of another shape."""
    from spacy.language import Language as SpacyLanguage

    from variorum.core.extract.lemmas import defer

    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if (
        names.index("lemmatizer") != names.index("attribute_ruler") + 1
        or getattr(lemmatizer, "mode", None) != "rule"
        or getattr(lemmatizer, "overwrite", True)
    ):
        return False
    try:
        table = AttributeTable(nlp.get_pipe("attribute_ruler"))
    except Unsupported:
        return False
    component = f"{NAME}_{id(table)}"  # one factory per table: it holds this pipeline's rules
    SpacyLanguage.component(component, func=table)
    nlp.remove_pipe("lemmatizer")
    nlp.add_pipe(component, name=NAME, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    defer(nlp.vocab, lemmatizer)
    return True
