"""Whom "he", "she" or "it" stands for: a ranking of the people (or organizations) named before.

The most recent name is often wrong: it may be the object of the sentence ("Trump attacked
Cruz, and he said"), a man where the text says "she", or a name inside a quote. Each person
named in the last sentences is a candidate, described by a few features read from the text
(how far back, whether it was the subject of its clause, whether the text's own evidence about
gender agrees, whether it is the speaker of the quote before, how often the article names it);
a linear score over those features, with weights from ``[parameters.pronoun_ranker]`` in
``rules/pronouns.toml`` (fitted on PolNeAR's training split by
``benchmarks/train_pronoun_ranker.py``), picks the best. When no candidate scores above the
threshold the pronoun stays unresolved rather than being guessed, unless exactly one candidate
is of the pronoun's gender by the text's own evidence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.gender import gender_of_pronoun
from variorum.core.extract.mentions import MentionIndex, MentionRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_CANDIDATES = 8
"""Distinct names considered, the most recent first."""
MAX_SENTENCES_BACK = 12
"""Names further back than this many sentences are not candidates."""
FEATURES = (
    "bias",
    "sentences_back",
    "rank",
    "subject",
    "object",
    "possessive",
    "gender_agrees",
    "gender_clashes",
    "previous_speaker",
    "salience",
    "same_sentence",
    "is_org",
    "nearest_subject",
    "has_spoken",
    "other_paragraph",
    "main_subject",
)


@dataclass(frozen=True)
class Candidate:
    mention: MentionRef
    features: dict[str, float]


def _role(doc: Doc, m: MentionRef) -> tuple[str, int]:
    """(dependency of the mention's root, index of its sentence start); the dependency is
    "main" for the subject of the sentence's own verb (not of a clause inside it)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "", -1
    root = span.root
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if root.dep_ == "nsubj" and verb.dep_ == "ROOT":
        return "main", span[0].sent.start
    return root.dep_, span[0].sent.start


class PronounRanker:
    observer: Callable[[PronounRanker, int, str, list[Candidate]], None] | None = None
    """Called with every ranking (the training script records them); None in the app."""

    def __init__(
        self, doc: Doc, index: MentionIndex, genders: dict[int, str], counts: dict[int, int]
    ) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy builds Doc.text on every access
        self.index = index
        self.genders = genders
        self.counts = counts
        self.weights = rules.parameters("pronoun_ranker")
        self._sent_starts = sorted({s.start_char for s in doc.sents})
        self.spoken: set[int] = set()
        """Groups already given a quote in this article (the attributor adds them)."""

    def _sentence_number(self, pos: int) -> int:
        import bisect

        return bisect.bisect_right(self._sent_starts, pos)

    def candidates(
        self, pos: int, pronoun: str, labels: tuple[str, ...], previous_speaker: int | None
    ) -> list[Candidate]:
        """The distinct entity groups named before ``pos``, nearest first, with features."""
        wanted = gender_of_pronoun(pronoun)
        here = self._sentence_number(pos)
        seen: dict[int, Candidate] = {}
        mentions: list[MentionRef] = []
        for label in labels:
            mentions.extend(self.index.all_before(pos, label))
        mentions.sort(key=lambda m: -m.start)
        for m in mentions:
            back = here - self._sentence_number(m.start)
            if back > MAX_SENTENCES_BACK or len(seen) >= MAX_CANDIDATES:
                break
            if m.group in seen:
                cand = seen[m.group]
                dep, _ = _role(self.doc, m)
                if dep in ("nsubj", "nsubjpass", "main") and back <= 1:
                    cand.features["subject"] = 1.0
                if dep == "main" and back <= 1:
                    cand.features["main_subject"] = 1.0
                continue
            dep, _ = _role(self.doc, m)
            gender = self.genders.get(m.group)
            seen[m.group] = Candidate(
                m,
                {
                    "bias": 1.0,
                    "sentences_back": math.log1p(back),
                    "rank": float(len(seen)),
                    "subject": 1.0 if dep in ("nsubj", "nsubjpass", "main") else 0.0,
                    "main_subject": 1.0 if dep == "main" else 0.0,
                    "object": 1.0 if dep in ("dobj", "pobj", "iobj", "dative") else 0.0,
                    "possessive": 1.0 if dep == "poss" else 0.0,
                    "gender_agrees": 1.0 if wanted and gender == wanted else 0.0,
                    "gender_clashes": 1.0 if wanted and gender and gender != wanted else 0.0,
                    "previous_speaker": 1.0 if m.group == previous_speaker else 0.0,
                    "salience": math.log1p(self.counts.get(m.group, 1)),
                    "same_sentence": 1.0 if back == 0 else 0.0,
                    "is_org": 1.0 if m.label != "PERSON" else 0.0,
                    "nearest_subject": 0.0,
                    "has_spoken": 1.0 if m.group in self.spoken else 0.0,
                    "other_paragraph": 1.0 if "\n" in self.text[m.end : pos] else 0.0,
                },
            )
        found = list(seen.values())
        subject = next((c for c in found if c.features["subject"]), None)
        if subject is not None:
            subject.features["nearest_subject"] = 1.0
        return found

    def score(self, cand: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) * v for f, v in cand.features.items())

    def resolve(
        self, pos: int, pronoun: str, labels: tuple[str, ...], previous_speaker: int | None
    ) -> MentionRef | None:
        """The best candidate scoring above the threshold; ties go to the nearer one."""
        best: tuple[float, int, MentionRef] | None = None
        candidates = self.candidates(pos, pronoun, labels, previous_speaker)
        if PronounRanker.observer is not None:
            PronounRanker.observer(self, pos, pronoun, candidates)
        for cand in candidates:
            s = self.score(cand)
            key = (s, cand.mention.start, cand.mention)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            return None
        if best[0] < self.weights.get("threshold", -math.inf):
            # no one near enough, but the one candidate the text itself calls "she" (or
            # "he"): that person, rather than an unresolved pronoun
            agreeing = [c for c in candidates if c.features["gender_agrees"]]
            return agreeing[0].mention if len(agreeing) == 1 else None
        return best[2]
