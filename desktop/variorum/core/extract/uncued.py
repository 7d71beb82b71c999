"""Quotes no cue vote reaches: who the text still says speaks them.

:class:`~variorum.core.extract.attribution.Attributor` asks these rules, in this order, only
for a quote none of its cue rules voted for: a credit line under it, the quote before it
going on (``cue.continuation``) or the sentence before it leading in (``cue.lead-in``), the
owner of a noun of something said (``cue.possessor``), the subject of the sentence
(``cue.sentence-subject``) or of the clause that holds the words (``cue.clause-subject``).
Each is weaker evidence than a cue, which is why they come after the votes, not among them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.clauses import climbed_subject, is_speech_verb
from variorum.core.extract.credits import credited_speaker
from variorum.core.extract.data import PERSON
from variorum.core.extract.frames import (
    clause_subject,
    ends_sentence,
    opens_sentence,
    sentence_subject,
)
from variorum.core.extract.layout import BODY, Block, Layout
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.mentions import MentionIndex
from variorum.core.extract.pronouns import PronounRanker
from variorum.core.extract.quotes import QuoteSpan
from variorum.core.extract.sources import Source, SourceResolver
from variorum.core.extract.vocab import DISTANCING_WORDS, POSSESSIVES_PERSON, SPEECH_NOUNS
from variorum.core.extract.votes import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_QUOTE_WORDS = 4
"""Shorter quotes count only with a cue in their sentence (else: scare quotes)."""
SUBJECT_NAMED = frozenset(
    {"source.mention", "source.apposition", "source.unlisted-name", "source.title-name"}
)
"""Sources by which the subject names the speaker itself (not "he", nor "Trump's victories")."""
POSSESSOR_STEPS = 4
"""How far up from the quoted words a noun of something said may be ("her remark that ...")."""


class UncuedRules:
    """The rules for a quote with no cue vote; the attributor holds the state they read."""

    doc: Doc
    layout: Layout
    quotes: list[QuoteSpan]
    index: MentionIndex
    ranker: PronounRanker
    sources: SourceResolver
    _quoted: list[tuple[int, int]]
    _cues: dict[int, list[tuple[str, Token, Token]]]
    _opening: dict[int, bool]
    """Quote start -> whether the quote opens its sentence (asked by several rules)."""

    def _inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self._quoted)

    def _opens_sentence(self, q: QuoteSpan) -> bool:
        if q.outer_start not in self._opening:
            prior = [p.outer_end for p in self.quotes if p.outer_end <= q.outer_start]
            after = prior[-1] if prior else 0
            self._opening[q.outer_start] = opens_sentence(self.doc, self.layout.nlp_text, q, after)
        return self._opening[q.outer_start]

    def _credited(self, q: QuoteSpan) -> Attribution | None:
        name = (
            credited_speaker(self.layout, self.index, q)
            if rules.enabled("cue.credit-line")
            else None
        )
        if name is None:
            return None
        why = ("cue.credit-line", "source.mention")
        return Attribution(q, "-", (name.start, name.end), name.group, rules=why)

    def _sentence_subject(self, q: QuoteSpan, previous: int | None) -> Attribution | None:
        """ "Sanders went further, endorsing eight candidates “who embody the spirit of our
        revolution.”": a quote of four words or more inside a sentence with no speech verb
        is the words of the one the sentence is about, when its main verb's subject is a
        name (not "Trump's victories", not a pronoun the ranker would have to guess, nor a
        mere description)."""
        if not rules.enabled("cue.sentence-subject") or q.words < MIN_QUOTE_WORDS:
            return None
        subject = None if self._opens_sentence(q) else sentence_subject(self.doc, q)
        if subject is None or self._inside_quote(subject.idx):
            return None
        src = self.sources.resolve(subject, previous)
        if src is None or src.rule not in SUBJECT_NAMED:
            return None
        return Attribution.of(q, subject.head.text, src, "cue.sentence-subject")

    def _clause_subject(self, q: QuoteSpan, previous: int | None) -> Attribution | None:
        """ "Ryan lamented the “disheartened” state of the campaign": words quoted inside a
        clause with no speech verb, however short, are the words of the one the clause is
        about, when its subject names someone or is a pronoun the ranker resolves
        (``cue.clause-subject-pronoun``); not an unresolved pronoun, nor a mere
        description: those quotes are as often the writer's scare quotes."""
        if not rules.enabled("cue.clause-subject") or self._opens_sentence(q):
            return None
        if not any(w.islower() for w in q.text.split()) or not self._in_body(q):
            return None  # a date, a figure, a name; or a headline's paraphrase
        before = self.layout.nlp_text[max(0, q.outer_start - 20) : q.outer_start]
        if before.rstrip().lower().endswith(DISTANCING_WORDS):
            return None
        subject = clause_subject(self.doc, q)
        if subject is None or self._inside_quote(subject.idx):
            return None
        src = self.sources.resolve(subject, previous)
        if src is None:
            return None
        rule = "cue.clause-subject"
        if src.rule == "source.pronoun" and rules.enabled("cue.clause-subject-pronoun"):
            rule = "cue.clause-subject-pronoun"
        elif src.rule not in SUBJECT_NAMED:
            return None
        return Attribution.of(q, subject.head.text, src, rule)

    def _possessor(self, q: QuoteSpan) -> Attribution | None:
        """ "after her March comment that “...”", "his calls to end the “rigged economy”": words
        quoted in a noun of something said are said by whoever the noun belongs to (a name,
        a description, or "his"/"her" as the pronoun ranker resolves it; an unresolved one
        gives nobody)."""
        if not rules.enabled("cue.possessor"):
            return None
        here = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if here is None or not len(here):
            return None
        tok = here.root
        rule = "cue.possessor"
        for _ in range(POSSESSOR_STEPS):
            if tok.head.i == tok.i:
                return None
            if tok.head.pos_ in ("VERB", "AUX"):
                # "Her answer was that “...”": the thing said is the subject of "be"
                said = self._said_subject_of_be(tok.head)
                if said is None:
                    return None
                tok, rule = said, "cue.possessor-be"
            else:
                tok = tok.head
            if tok.pos_ != "NOUN" or lemma(tok).lower() not in SPEECH_NOUNS:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or self._inside_quote(owner.idx):
                return None
            span = (owner.idx, owner.idx + len(owner.text))
            if owner.lower_ in POSSESSIVES_PERSON:
                found = self.ranker.resolve(owner.idx, owner.text, (PERSON,), None)
                if found is None:
                    return None
                src = Source(span, found.group, rule="source.pronoun")
            else:
                m = self.index.at(*span)
                described = self.sources.resolve(owner, None) if m is None else None
                if m is not None:
                    src = Source((m.start, m.end), m.group, rule="source.mention")
                elif described is not None:
                    src = described  # "The senator's answer was that": a description
                else:
                    return None
            return Attribution.of(q, tok.text, src, rule)
        return None

    @staticmethod
    def _said_subject_of_be(verb: Token) -> Token | None:
        """The subject of a form of "be" when it is a thing said ("Her answer was that
        “...”", "Barrett's dictum to his interns was, “...”"), else None."""
        if lemma(verb).lower() != "be" or not rules.enabled("cue.possessor-be"):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or lemma(subject).lower() not in SPEECH_NOUNS:
            return None
        return subject

    def _in_body(self, q: QuoteSpan) -> bool:
        at = self.layout.block_index(q.outer_start)
        return at is not None and self.layout.blocks[at].kind == BODY

    def _lead_in(self, q: QuoteSpan, previous: int | None) -> Attribution | None:
        """ "X responded, saying the campaign had lied. / “I am so sick of it.”": a quote
        that opens its sentence with no cue and no quote before it to go on from is said by
        the one the sentence just before it has speaking (a speech verb's subject), when
        that sentence quotes nothing itself and names who speaks."""
        if not rules.enabled("cue.lead-in") or not self._opens_sentence(q):
            return None
        if not ends_sentence(self.layout.nlp_text, q):
            return None  # '"...," opined X': words after the quote attribute it themselves
        here = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if here is None or not len(here):
            return None
        i = here[0].sent.start - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].is_quote):
            i -= 1
        if i < 0:
            return None
        sent = self.doc[i].sent
        if any(sent.start_char < e and s < sent.end_char for s, e in self._quoted):
            return None
        best: tuple[int, Attribution] | None = None
        cues = list(self._cues.get(sent.start, []))
        for tok in sent:
            # "X distanced himself from them by saying he would help. / “...”"
            climbed = climbed_subject(tok) if is_speech_verb(tok) else None
            if climbed is not None:
                cues.append(("cue.climbed-subject", tok, climbed))
        for rule, cue, speaker in cues:
            if rule == "cue.according-to" or self._inside_quote(speaker.idx):
                continue
            source = self.sources.resolve(speaker, previous)
            if source is None or not source.named or (best and best[0] > cue.i):
                continue
            # the speech verb nearest the quote
            best = (cue.i, Attribution.of(q, cue.text, source, "cue.lead-in"))
        return best[1] if best else None

    def _continuation(
        self,
        q: QuoteSpan,
        block: int,
        blocks: list[Block],
        last_by_block: dict[int, Attribution | None],
    ) -> Attribution | None:
        """The speaker of the previous quote in this paragraph, or of the last quote of the
        previous paragraph when this quote opens its paragraph. Only a quote that opens its
        own sentence goes on speaking: words quoted inside a sentence with no cue ("a
        candidate who has called for "a hell of a lot worse"") are someone else's, cited. A
        heading or a credit line between the two paragraphs ends the speech."""
        if not self._opens_sentence(q):
            return None
        prev: Attribution | None = None
        if block in last_by_block:
            prev = last_by_block[block]
        elif block > 0 and not self.layout.nlp_text[blocks[block - 1].end : q.outer_start].strip():
            prev = last_by_block.get(block - 1)  # nothing between: no heading, no credit line
        if prev is None:
            return None
        return Attribution(
            q,
            prev.verb,
            prev.mention,
            prev.group,
            prev.name_span,
            prev.description,
            prev.unresolved,
            ("cue.continuation", *prev.rules[1:]),
        )


__all__ = ["MIN_QUOTE_WORDS", "UncuedRules"]
