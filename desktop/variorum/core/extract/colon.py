"""Quotes a colon (or a dash) introduces: who speaks them.

``cue.colon``: the subject of the clause the colon ends ("Mining minister X was blunt: "...""),
``cue.colon-label``: a name set off right before the colon ("Pollsters agree - X: "..."").
:class:`~variorum.core.extract.attribution.Attributor` adds the vote to the cue votes of the
quote, unless a speech verb right after the quote says who speaks more surely.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.clauses import has_subject, is_speech_verb
from variorum.core.extract.layout import Layout
from variorum.core.extract.mentions import MentionIndex
from variorum.core.extract.quotes import QuoteSpan
from variorum.core.extract.sources import Source, SourceResolver
from variorum.core.extract.uncued import MIN_QUOTE_WORDS
from variorum.core.extract.votes import DISTANCE_COST, Vote, chars_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class ColonRules:
    """The colon rules; the attributor holds the state they read."""

    doc: Doc
    layout: Layout
    index: MentionIndex
    sources: SourceResolver

    if TYPE_CHECKING:

        def _inside_quote(self, pos: int) -> bool: ...  # the attributor's (uncued.py)

    def _by_colon(self, q: QuoteSpan, previous: int | None) -> Vote | None:
        """ "Mining minister Peter Okafor was blunt: “The licence is gone.”": a quote opened
        right after a colon is said by the subject of the clause before the colon, when that
        subject names someone."""
        before = self.layout.nlp_text[: q.outer_start].rstrip()
        dash = before.endswith(("--", "—", "–")) and self._opens_sentence_after_dash(q)
        if not before.endswith(":") and not dash:
            return None
        if not dash:
            labelled = self._colon_label(before, q)
            if labelled is not None:
                return labelled
        if not rules.enabled("cue.colon"):
            return None
        colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is None:
            return None
        for tok in self._colon_subjects(colon[0]):
            source = self.sources.resolve(tok, previous)
            # "The result was clear:" names no speaker, but "the committee said:" does
            if source is not None and (source.named or is_speech_verb(tok.head)):
                gap = chars_between(q, tok)
                score = rules.weight("cue.colon") + rules.weight(source.rule)
                return Vote(score - DISTANCE_COST * gap, gap, tok.head, source, "cue.colon")
        return None

    def _colon_subjects(self, colon: Token) -> list[Token]:
        """The subjects that may have said what a colon introduces, in the order of the
        sentence (the main clause's subject usually comes first, and a reported clause
        belongs to its reporter). Two kinds of clause do not speak for the colon: a
        circumstance ("When W died, C released this statement:"), unless it is itself an
        attribution ("as X observed, ..."), and the first of two coordinated statements
        when the colon's own has a subject ("The Times made these claims, and the group
        responded:")."""
        last = colon.nbor(-1) if colon.i > colon.sent.start else colon
        lo = colon.sent.start
        for tok in (last, *last.ancestors):
            if tok.dep_ == "conj" and has_subject(tok):
                lo = tok.left_edge.i
                break
        return [
            tok
            for tok in colon.doc[lo : colon.i]
            if tok.dep_ in ("nsubj", "nsubjpass")
            and not self._inside_quote(tok.idx)
            and not self._in_circumstance(tok, last)
        ]

    @staticmethod
    def _in_circumstance(tok: Token, last: Token) -> bool:
        return any(
            up.dep_ == "advcl" and not is_speech_verb(up) and last not in up.subtree
            for up in (tok.head, *tok.head.ancestors)
        )

    def _opens_sentence_after_dash(self, q: QuoteSpan) -> bool:
        """A whole sentence quoted after a dash ("X embraced the idea -- “I think ...”") is
        introduced as after a colon; words quoted inside a dash's aside are not."""
        return q.text.strip()[:1].isupper() and q.words >= MIN_QUOTE_WORDS

    def _colon_label(self, before: str, q: QuoteSpan) -> Vote | None:
        """ "Pollsters agree - Carl Bialik: “...”": a listed name right before the colon, set
        off from what precedes it (a line start, a dash, a full stop), labels the speaker, as
        in a transcript or a digest."""
        if not rules.enabled("cue.colon-label"):
            return None
        m = self.index.at(len(before) - 2, len(before) - 1)
        if m is None or m.end != len(before) - 1:
            return None
        lead = before[: m.start].rstrip()
        if (
            lead
            and not lead.endswith(("-", "–", "—", ".", "|"))
            and "\n" not in self.layout.nlp_text[len(lead) : m.start]
        ):
            return None
        tok = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if tok is None:
            return None
        source = Source((m.start, m.end), m.group, rule="source.mention")
        score = rules.weight("cue.colon-label") + rules.weight(source.rule)
        return Vote(score, chars_between(q, tok.root), tok.root, source, "cue.colon-label")
