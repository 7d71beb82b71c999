"""Who said each quote: cue rules vote for the word that names the speaker.

For every quote the ``cue.*`` rules (``rules/attribution.toml``; most are DependencyMatcher
patterns) propose (cue, speaker token) pairs in the sentences of the quote, outside any quoted
text. :mod:`sources` says whom each token stands for. Precedence, stated once: a vote's score is
its cue rule's weight plus the weight of the source rule that resolved its token, minus
``DISTANCE_COST`` per character between the cue and the quote; the highest score wins, and for
equal scores the cue nearer the quote, then the earlier one. So "said Jenny Xiao" beats a
"said" two clauses away, and a named speaker beats a mere description. A quote a colon
introduces also gets the vote of :mod:`colon`. When no cue is found,
the weaker rules of :mod:`uncued` may still name a speaker (the quote before going on, the
owner of "her remark", the subject of the clause that holds the words). Quoted titles
("Bletchley Declaration") are names, not speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.clauses import (
    climbed_subject,
    is_speech_verb,
    participle_owner,
    reports_other,
)
from variorum.core.extract.colon import ColonRules
from variorum.core.extract.data import PERSON
from variorum.core.extract.frames import (
    NOT_A_SPEAKERS_DEPS,
    adjacent_speaker,
    described_frame,
    ends_open,
    framed_speaker,
    inverted_description,
    is_sentence,
    nearest_speaker,
    set_off_before,
    set_off_speaker,
    speech_verb_follows,
)
from variorum.core.extract.layout import BODY, Layout, is_title
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.nesting import weigh_nested
from variorum.core.extract.pronouns import PronounRanker
from variorum.core.extract.quotes import QuoteSpan
from variorum.core.extract.sources import Source, SourceResolver
from variorum.core.extract.uncued import MIN_QUOTE_WORDS, UncuedRules
from variorum.core.extract.vocab import (
    INDEFINITE_SPEAKERS,
    NAMING_VERBS,
    OBJECT_PRONOUNS_PERSON,
    PRONOUNS_ORG,
    PRONOUNS_PERSON,
    REPORTING_VERBS,
    WORK_VERBS,
)
from variorum.core.extract.votes import DISTANCE_COST, Attribution, Vote, aside, chars_between

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FALLBACK_WINDOW = 80
"""How far from the quote (characters) ``cue.nearby-verb`` looks for a speech verb."""
ADJACENT_CHARS = 30
"""A cue in the sentence after the quote counts when it starts this close to the closing mark."""
GOVERNS_BONUS = 4.0
"""Added when the quote lies inside the cue's own phrase ("X said it was "..."")."""
ADJACENT_BONUS = 2.0
"""Added when the cue is right next to the quote ("“...,” he said")."""
SOURCE_SHARE = 0.2
"""Share of the source rule's weight in a vote: a named speaker beats a description only when
the cues are otherwise about as good."""


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
"""The model's labels for names of people, bodies and places (not of works: a title
introduced by a speech verb is said)."""


class Attributor(ColonRules, UncuedRules):
    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        quotes: list[QuoteSpan],
        index: MentionIndex,
        genders: dict[int, str] | None = None,
        counts: dict[int, int] | None = None,
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.quotes = quotes
        self.index = index
        self._quoted = [(q.outer_start, q.outer_end) for q in quotes]
        self.ranker = PronounRanker(doc, index, genders or {}, counts or {})
        self.sources = SourceResolver(doc, layout, index, self.ranker, self._quoted)
        self._opening: dict[int, bool] = {}
        self._cues: dict[int, list[tuple[str, Token, Token]]] = {}
        """Sentence start -> (rule, cue token, speaker token) of the pattern rules."""
        for match in rules.matches(doc):
            cue, speaker = doc[match.tokens[0]], doc[match.tokens[-1]]
            self._cues.setdefault(cue.sent.start, []).append((match.rule, cue, speaker))

    def _region(self, i: int) -> tuple[int, int]:
        """The stretch of the quote's block between its neighbouring quotes."""
        q = self.quotes[i]
        at = self.layout.block_index(q.outer_start)
        block = None if at is None else self.layout.blocks[at]
        lo, hi = (block.start, block.end) if block else (0, len(self.layout.text))
        if i > 0 and self.quotes[i - 1].outer_end > lo:
            lo = self.quotes[i - 1].outer_end
        if i + 1 < len(self.quotes) and self.quotes[i + 1].outer_start < hi:
            hi = self.quotes[i + 1].outer_start
        return lo, hi

    def _sentences(self, q: QuoteSpan) -> tuple[set[int], int | None] | None:
        """Starts of the sentences of the quoted words (the opening mark itself is sometimes
        parsed into the previous sentence), and of the sentence after the closing mark when
        the parser put the words right after it in a new one ("“We won!” said X")."""
        doc = self.doc
        outer = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if outer is None or inner is None or not len(outer) or not len(inner):
            return None
        sents = {inner[0].sent.start, inner[-1].sent.start, outer[0].sent.start}
        after = None
        if outer.end < len(doc) and doc[outer.end].sent.start not in sents:
            after = doc[outer.end].sent.start
        return sents, after

    def _votes(self, i: int, lo: int, hi: int, previous: int | None) -> list[Vote]:
        q = self.quotes[i]
        found = self._sentences(q)
        if found is None:
            return []
        sents, after = found
        pairs: list[tuple[str, Token, Token]] = []
        if after is not None:
            # only a cue that follows the closing mark at once: a new sentence after a
            # quote that ends its own sentence is about something else; a retort ("X fired
            # back") after a finished sentence answers it
            pairs.extend(
                p
                for p in self._cues.get(after, [])
                if 0 <= p[1].idx - q.outer_end <= ADJACENT_CHARS
                and (p[0] != "cue.retort" or ends_open(self.layout.nlp_text, q))
            )
        framed = self._framed(i)
        if framed is not None:
            pairs.append(("cue.frame", *framed))
        for start in sents:
            pairs.extend(self._cues.get(start, []))
            for cue in self.doc[start : self.doc[start].sent.end]:
                if not is_speech_verb(cue) and lemma(cue).lower() not in REPORTING_VERBS:
                    continue
                owner = participle_owner(cue)
                if owner is not None:
                    pairs.extend(
                        ("cue.participle-owner", cue, s)
                        for s in owner.children
                        if s.dep_ == "nsubj"
                    )
                climbed = climbed_subject(cue)
                if climbed is not None:
                    pairs.append(("cue.climbed-subject", cue, climbed))
        votes: list[Vote] = []
        quote_aside = aside(self.layout.nlp_text, q.outer_start)
        for rule, cue, speaker in pairs:
            if self._inside_quote(cue.idx):
                continue
            if aside(self.layout.nlp_text, cue.idx) not in (None, quote_aside):
                continue
            if not lo <= cue.idx < hi and not self._reaches(cue, q):
                continue
            if self._inside_quote(speaker.idx) or not rules.enabled(rule):
                continue
            if rule == "cue.subject-of-reporting-verb" and not self._governs(cue, q):
                continue
            if reports_other(cue, q):
                continue
            if any(c.dep_ == "neg" and not self._inside_quote(c.idx) for c in cue.children):
                continue  # "Y cannot say that "..."": Y is the one who does not say it
            source = self.sources.resolve(speaker, previous)
            if source is None:
                continue
            distance = chars_between(q, cue)
            score = (
                rules.weight(rule)
                + SOURCE_SHARE * rules.weight(source.rule)
                + GOVERNS_BONUS * self._holds(cue, q)
                + ADJACENT_BONUS * (distance <= ADJACENT_CHARS)
                - DISTANCE_COST * distance
            )
            votes.append(Vote(score, distance, cue, source, rule))
        colon = self._by_colon(q, previous)
        if colon is not None and not any(
            v.cue.idx >= q.outer_end and v.distance <= ADJACENT_CHARS for v in votes
        ):
            # "X seemed irritated: “...,” she wrote": the verb right after the quote says
            # who speaks more surely than the clause before the colon
            votes.append(colon)
        return weigh_nested(votes)

    def _reaches(self, cue: Token, q: QuoteSpan) -> bool:
        """ "X said on "This Week" that he would "take a look"": a cue on the other side of
        another quote still speaks for this one when the quote lies in its reported clause
        (and in the same block). A quote of its own between them does not cut the clause."""
        block = next((b for b in self.layout.blocks if b.start <= q.outer_start < b.end), None)
        if block is None or not block.start <= cue.idx < block.end:
            return False
        return any(
            child.dep_ in ("ccomp", "xcomp", "dobj", "prep") and self._in_subtree(child, q)
            for child in cue.children
        )

    @staticmethod
    def _in_subtree(tok: Token, q: QuoteSpan) -> bool:
        sub = list(tok.subtree)
        return sub[0].idx <= q.outer_start and q.end <= sub[-1].idx + len(sub[-1].text) + 2

    def _holds(self, cue: Token, q: QuoteSpan) -> bool:
        """The quote lies inside the cue's phrase (its clause or object), or the cue inside
        the quote's sentence-long span ("“...,” he said, “...”")."""
        sub = list(cue.subtree)
        return sub[0].idx <= q.start and q.end <= sub[-1].idx + len(sub[-1].text) + 2

    def _governs(self, verb: Token, q: QuoteSpan) -> bool:
        """The quote lies in the verb's object or complement ("praised the "..."")."""
        return lemma(verb).lower() in REPORTING_VERBS and self._holds(verb, q)

    def _by_words(self, i: int, lo: int, hi: int, previous: int | None) -> Vote | None:
        """No parse found a cue: a speech verb within a few words of the quote, and the name
        (or pronoun) nearest that verb; never one that is the object of a preposition ("wrote
        on Twitter")."""
        if not rules.enabled("cue.nearby-verb"):
            return None
        q = self.quotes[i]
        doc = self.doc
        quote_aside = aside(self.layout.nlp_text, q.outer_start)
        windows = [(q.outer_end, min(hi, q.outer_end + FALLBACK_WINDOW))]
        windows.append((max(lo, q.outer_start - FALLBACK_WINDOW), q.outer_start))
        for w_lo, w_hi in windows:
            span = doc.char_span(w_lo, w_hi, alignment_mode="contract")
            if span is None:
                continue
            for verb in span:
                if not is_speech_verb(verb) or self._inside_quote(verb.idx):
                    continue
                if aside(self.layout.nlp_text, verb.idx) not in (None, quote_aside):
                    continue
                near_lo, near_hi = max(w_lo, verb.idx - 50), min(w_hi, verb.idx + 50)
                subject = next(
                    (
                        c
                        for c in verb.children
                        if c.dep_ == "nsubj" and not self._inside_quote(c.idx)
                    ),
                    None,
                )
                rule, m = "cue.nearby-verb", None
                if subject is None and rules.enabled("cue.set-off-name"):
                    m = set_off_before(self.doc, self.layout.nlp_text, self.index, verb)
                    rule = "cue.nearby-verb" if m is None else "cue.set-off-name"
                if subject is None and m is None:
                    m = nearest_speaker(self.doc, self.index, near_lo, near_hi, verb.idx)
                source: Source | None = None
                if subject is not None:
                    source = self.sources.resolve(subject, previous)
                elif m is not None:
                    source = Source((m.start, m.end), m.group, rule="source.mention")
                else:
                    near = doc.char_span(near_lo, near_hi, alignment_mode="contract")
                    pron = next(
                        (
                            t
                            for t in near or ()
                            if t.lower_ in PRONOUNS_PERSON | PRONOUNS_ORG
                            and t.dep_ not in NOT_A_SPEAKERS_DEPS  # "put him in charge"
                        ),
                        None,
                    )
                    if pron is not None:
                        source = self.sources.resolve(pron, previous)
                if source is not None and source.named:
                    distance = chars_between(q, verb)
                    score = rules.weight(rule) + rules.weight(source.rule)
                    return Vote(score, distance, verb, source, rule)
        return None

    def attribute(self) -> list[Attribution]:
        results: list[Attribution] = []
        last_by_block: dict[int, Attribution | None] = {}
        """The last quote's attribution per block; None after a quote of nobody we list."""
        blocks = [b for b in self.layout.blocks if b.kind == BODY]
        block_of = {}
        for i, q in enumerate(self.quotes):
            block_of[i] = next(
                (k for k, b in enumerate(blocks) if b.start <= q.outer_start < b.end), -1
            )
        previous: int | None = None
        for i, q in enumerate(self.quotes):
            capitalised = q.text.strip()[:1].isupper()
            if q.words == 1 and capitalised and not speech_verb_follows(self.doc, q):
                continue  # a quoted name or title ("Skyreach" sold ...), not speech
            lo, hi = self._region(i)
            votes = self._votes(i, lo, hi, previous)
            adjacent = None
            if q.words >= MIN_QUOTE_WORDS and all(v.distance > ADJACENT_CHARS for v in votes):
                # the parse-free reading of the words right after the quote, when the parse
                # offers no cue or only far ones ("“...,” X, [a long description], said when
                # Y asked"), and before the title filter ("“Yes, I Support Ted Cruz,” Brent
                # Bozell III, founder of ..., tells": the parse lost the subject, the words
                # did not)
                adjacent = self._adjacent(q)
            candidates = [*votes, adjacent] if adjacent else votes
            if q.words <= 8 and is_title(q.text) and not self._said_after(q, candidates):
                continue  # a title ("The Walking Dead"), not speech
            if not votes and q.words >= MIN_QUOTE_WORDS:
                nearby = adjacent
                if nearby is None and not self._goes_on(q, last_by_block.get(block_of[i])):
                    nearby = self._by_words(i, lo, hi, previous)
                candidates = [nearby] if nearby else []
            votes = candidates
            attribution: Attribution | None = None
            if votes:
                best = max(votes, key=lambda v: (v.score, -v.distance, -v.cue.i))
                attribution = Attribution.of(q, best.cue.text, best.source, best.rule)
            elif credited := self._credited(q):
                attribution = credited
            elif (q.words >= MIN_QUOTE_WORDS or is_sentence(q.text)) and rules.enabled(
                "cue.continuation"
            ):
                # a short whole sentence ("This ends that.") after a quote goes on speaking
                attribution = self._continuation(q, block_of[i], blocks, last_by_block)
                lead = self._lead_in(q, previous)
                if lead is not None and (attribution is None or lead.group != attribution.group):
                    # "“...,” X said. Y answered by saying .... / “...”": the sentence right
                    # before the quote has someone else speaking
                    attribution = lead
            if attribution is None:
                attribution = self._possessor(q)
            if attribution is None:
                attribution = self._sentence_subject(q, previous)
            if attribution is None and q.words >= 2:
                attribution = self._clause_subject(q, previous)
            if attribution is not None:
                results.append(attribution)
                last_by_block[block_of[i]] = attribution
                if attribution.group is not None:
                    previous = attribution.group
                    self.ranker.spoken.add(attribution.group)
        return results

    def _goes_on(self, q: QuoteSpan, before: Attribution | None) -> bool:
        """ "“...,” X said. “More words.”": a quote opening its sentence after an attributed
        quote of the same paragraph goes on speaking; a speech verb near it without a parse
        (often the one that attributed the quote before, or a name in the next sentence)
        is weaker evidence than the paragraph's own speaker."""
        return before is not None and rules.enabled("cue.continuation") and self._opens_sentence(q)

    def _adjacent(self, q: QuoteSpan) -> Vote | None:
        """The parse-free fallbacks for a quote left open with its verb right after it."""
        text = self.layout.nlp_text
        m = adjacent_speaker(self.doc, text, self.index, q)
        rule = "cue.adjacent-name"
        if m is None or not rules.enabled(rule):
            m = set_off_speaker(self.doc, text, self.index, q)
            rule = "cue.set-off-name"
        if m is not None and rules.enabled(rule):
            source = Source((m.start, m.end), m.group, rule="source.mention")
        else:
            found = inverted_description(self.doc, text, q)
            rule = "cue.inverted-description"
            if found is None or not rules.enabled(rule):
                found = described_frame(self.doc, text, q)
                rule = "cue.described-frame"
            if found is None or not rules.enabled(rule):
                return None
            words = " ".join(self.layout.text[found[0] : found[1]].split())
            # a comma or full stop set inside a title's closing mark is no part of the name
            words = re.sub(r"[,.]([”\"])$", r"\1", words)
            if words.lower() in INDEFINITE_SPEAKERS:
                source = Source(found, unresolved=words.lower(), rule="source.indefinite")
            else:
                source = Source(found, description=words, rule="source.description")
        cue = self.doc.char_span(*source.mention, alignment_mode="expand")
        if cue is None:
            return None
        score = rules.weight(rule) + rules.weight(source.rule)
        return Vote(score, source.mention[0] - q.outer_end, cue.root, source, rule)

    def _said_after(self, q: QuoteSpan, votes: list[Vote]) -> bool:
        """ "“Nusra Is Al Qaeda,” Mr. Kerry said": a quote opening its sentence, left open
        by a comma, "!" or "?", with its cue (or its speaker) right after it, is speech even
        in headline case, and so are words a speech verb introduces after a comma or a colon
        ("X tweeted, “Thank You Indiana!”"); so is the name a speaker calls someone ("X called
        Y “Little Marco”")."""
        text = self.layout.nlp_text
        after = [
            v
            for v in votes
            if v.cue.idx >= q.outer_end
            and (
                v.distance <= ADJACENT_CHARS
                or 0 <= v.source.mention[0] - q.outer_end <= ADJACENT_CHARS
            )  # "“...,” Brent Bozell III, founder of the center, tells ..."
        ]
        if after and ends_open(text, q) and self._opens_sentence(q):
            return True
        if is_sentence(q.text) and any(v.rule == "cue.colon" for v in votes):
            # "X emailed a link with one sentence: “THIS IS NOT OK.”": a sentence, with a
            # verb (not a name: "could not bring herself to utter: “Piet Dufresne.”")
            words = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if words is not None and any(t.pos_ in ("VERB", "AUX") for t in words):
                return True
        if any(  # "X tweeted, "Thank You Indiana!"": the verb introduces them
            v.cue.idx < q.outer_start and is_speech_verb(v.cue) and self._introduces(v.cue, q)
            for v in votes
        ) and not self._only_a_name(q):
            return True
        return any(
            lemma(v.cue).lower() in NAMING_VERBS
            and v.cue.idx < q.outer_start
            and self._in_complement(v.cue, q)
            and self._names_a_person(v.cue, q)
            for v in votes
        )

    def _introduces(self, verb: Token, q: QuoteSpan) -> bool:
        """The speech verb introduces the quote: only a comma or a colon stands between them,
        or nothing when the quote is the verb's own complement ("she declared “What a
        Night!”", "demonstrators chanting "Bernie or Bust""), not a title in a phrase of
        its own after it."""
        between = self.layout.nlp_text[verb.idx + len(verb.text) : q.outer_start].strip()
        if between in (",", ":"):
            return True
        if between or lemma(verb).lower() in WORK_VERBS:
            return False
        return self._in_complement(verb, q)

    def _only_a_name(self, q: QuoteSpan) -> bool:
        """ "could not bring himself to utter: “Donald Trump.”": the quoted words are a name
        the model found (of a person, a body or a place; a work's title is said)."""
        words = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        return words is not None and all(t.ent_type_ in _NAME_TYPES for t in words if t.is_alpha)

    def _names_a_person(self, verb: Token, q: QuoteSpan) -> bool:
        """A person stands between the verb and the quote ("called Rubio", "called her"): a
        name given to someone, not a thing's title ("calling their dataset the “Alpine Ice
        Ledger”"). Read on the words, not the parse, which often hangs such a name on the
        quoted one."""
        end = verb.idx + len(verb.text)
        between = self.doc.char_span(end, q.outer_start, alignment_mode="contract")
        for tok in between or ():
            if tok.lower_ in OBJECT_PRONOUNS_PERSON:
                return True
            m = self.index.at(tok.idx, tok.idx + len(tok.text))
            if m is not None and m.label == PERSON:
                return True
        return False

    def _in_complement(self, verb: Token, q: QuoteSpan) -> bool:
        """The quote lies in what follows the verb in its own phrase (its object or
        complement), not in its subject. The opening mark may hang on the verb itself."""
        return any(child.i > verb.i and self._holds(child, q) for child in verb.children)

    def _framed(self, i: int) -> tuple[Token, Token] | None:
        if not rules.enabled("cue.frame"):
            return None
        after = self.quotes[i - 1].outer_end if i > 0 else 0
        return framed_speaker(self.doc, self.layout.nlp_text, self.quotes[i], after)


__all__ = ["Attribution", "Attributor", "MentionRef"]
