"""The rule table: every extraction rule's id, what it votes for and how much, as data.

Rules live in ``rules/*.toml`` beside this module. Each ``[[rule]]`` has an ``id``, a ``label``
(what its vote says: a speaker, PERSON, ORG, PLACE...), a ``weight`` and a one-line ``doc``;
a rule that is a spaCy pattern also has ``matcher = "token"`` (a ``Matcher`` pattern) or
``matcher = "dependency"`` (a ``DependencyMatcher`` pattern) and its ``pattern``. Rules whose
test is code (an acronym's initials, a quote's layout) name the code by their id. In a pattern
``"@NAME"`` stands for the word list ``NAME`` of :mod:`vocab`, so each list is written once.

Rules vote; they never override each other by the order they run in. Every decision is the
highest total weight among the votes for one span (entities) or one quote (speakers), with the
precedence for equal totals stated where the votes are counted. A rule can be switched off by
id (:func:`switched_off`) to measure what it adds; ``benchmarks/polnear.py --off`` does that.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from typing import TYPE_CHECKING, Any

from variorum.core.extract import vocab
from variorum.core.extract.lemmas import lemma

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher, Matcher
    from spacy.vocab import Vocab


def _rule_files() -> list[Traversable]:
    """The rule files, read as package data so an installed or frozen build finds them
    (a frozen build has no source folder; PyInstaller's spec collects ``rules/*.toml``).
    An install without any is broken, and says so rather than running with no rules."""
    folder = resources.files("variorum.core.extract").joinpath("rules")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    if not files:
        raise FileNotFoundError(f"no rule files in {folder}: the installation is incomplete")
    return files


OFF_ENV = "VARIORUM_RULES_OFF"
"""Comma-separated rule ids to switch off (for measurement; the app never sets it)."""


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    weight: float
    doc: str
    matcher: str = ""
    """"token", "dependency" or "" (a rule whose test is code)."""
    pattern: tuple[Any, ...] = ()


def _resolve(value: Any) -> Any:
    """ "@SPEECH_VERBS" -> the sorted words of vocab.SPEECH_VERBS, anywhere in a pattern."""
    if isinstance(value, str) and value.startswith("@"):
        words = getattr(vocab, value[1:])
        return sorted(words)
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    return value


@functools.cache
def table() -> dict[str, Rule]:
    """Every rule by id, from all rule files (ids are unique across files)."""
    rules: dict[str, Rule] = {}
    for path in _rule_files():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("rule", []):
            rule = Rule(
                str(raw["id"]),
                str(raw["label"]),
                float(raw["weight"]),
                str(raw.get("doc", "")),
                str(raw.get("matcher", "")),
                tuple(_resolve(raw.get("pattern", []))),
            )
            if rule.id in rules:
                raise ValueError(f"rule id {rule.id!r} defined twice ({path.name})")
            rules[rule.id] = rule
    return rules


@functools.cache
def parameters(name: str) -> dict[str, float]:
    """A named table of numbers from the rule files (``[parameters.NAME]``), e.g. the
    weights of the pronoun ranker."""
    found: dict[str, float] = {}
    for path in _rule_files():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found.update({k: float(v) for k, v in data.get("parameters", {}).get(name, {}).items()})
    if not found:
        raise KeyError(f"no parameters named {name!r}")
    return found


_off: set[str] = {r for r in os.environ.get(OFF_ENV, "").split(",") if r}


def enabled(rule_id: str) -> bool:
    if rule_id not in table():
        raise KeyError(f"unknown rule id {rule_id!r}")
    return rule_id not in _off


def weight(rule_id: str) -> float:
    """The rule's weight, 0 when it is switched off."""
    return table()[rule_id].weight if enabled(rule_id) else 0.0


@contextlib.contextmanager
def switched_off(ids: set[str] | frozenset[str]) -> Iterator[None]:
    """Run with these rules off (for measurement and tests)."""
    unknown = set(ids) - set(table())
    if unknown:
        raise KeyError(f"unknown rule ids {sorted(unknown)}")
    saved = set(_off)
    _off.update(ids)
    try:
        yield
    finally:
        _off.clear()
        _off.update(saved)


@functools.lru_cache(maxsize=4)
def _matchers(vocab_obj: Vocab) -> tuple[Matcher, DependencyMatcher, Matcher]:
    """The token and dependency matchers, and a matcher of the tokens whose lemma a pattern
    tests: every LEMMA test's token with its other tests (lemmas are computed on demand,
    see :mod:`lemmas`, so those tokens get theirs before the patterns run)."""
    from spacy.matcher import DependencyMatcher, Matcher

    token = Matcher(vocab_obj)
    dependency = DependencyMatcher(vocab_obj)
    lemma_read = Matcher(vocab_obj)
    for rule in table().values():
        if rule.matcher == "token":
            token.add(rule.id, [list(rule.pattern)])
            nodes = list(rule.pattern)
        elif rule.matcher == "dependency":
            dependency.add(rule.id, [list(rule.pattern)])
            nodes = [node.get("RIGHT_ATTRS", {}) for node in rule.pattern]
        else:
            continue
        for node in nodes:
            if "LEMMA" in node:
                rest = {k: v for k, v in node.items() if k not in ("LEMMA", "OP")}
                lemma_read.add(f"{rule.id}:lemma", [[rest]])
    return token, dependency, lemma_read


@dataclass(frozen=True)
class Match:
    rule: str
    tokens: tuple[int, ...]
    """Token indices: the pattern's tokens in pattern order (a token pattern: its span)."""


def matches(doc: Any) -> list[Match]:
    """Every pattern rule's matches in ``doc``, switched-off rules left out."""
    token, dependency, lemma_read = _matchers(doc.vocab)
    strings = doc.vocab.strings
    if len(lemma_read):
        for _, start, _ in lemma_read(doc):
            lemma(doc[start])
    found = []
    if len(token):
        found = [
            Match(strings[key], tuple(range(start, end)))
            for key, start, end in token(doc)
            if enabled(strings[key])
        ]
    if len(dependency):
        found.extend(
            Match(strings[key], tuple(ids)) for key, ids in dependency(doc) if enabled(strings[key])
        )
    return found
