"""Who said each quote.

First the dependency parse: a speech verb next to the quote (same sentence, outside any quoted
text) whose subject names the speaker ("Altman said", "said Jenny Xiao", "Altman warned that
..."), or "according to X". Then a rule-based fallback on the raw words (a speech verb and a
name or pronoun close to the quote). "he"/"she" resolve to the most recent person named
before them; a quote with no attribution that follows a quote of the same paragraph, or opens
the paragraph after one, keeps that speaker. Short quotes without an attributing verb, and
quoted titles ("Bletchley Declaration"), are scare quotes or names, not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.entities import clean_person_tokens
from variorum.core.extract.gender import gender_of_pronoun
from variorum.core.extract.layout import BODY, Block, Layout, is_headline_case
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.orgcontext import name_run
from variorum.core.extract.quotes import QuoteSpan
from variorum.core.extract.vocab import (
    ORG_HEADS,
    ORG_NOUNS,
    POST_NOMINALS,
    PRONOUNS_ORG,
    PRONOUNS_PERSON,
    SPEECH_VERB_ALTERNATION,
    SPEECH_VERB_FORMS,
    SPEECH_VERBS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_QUOTE_WORDS = 4
"""Shorter quotes count only with an attributing verb in their sentence (else: scare quotes)."""
FALLBACK_WINDOW = 80
_FALLBACK_VERB_RE = re.compile(r"\b(" + SPEECH_VERB_ALTERNATION + r")\b", re.I)
_PRONOUN_RE = re.compile(r"\b(he|she|it)\b", re.I)
FORWARD_WINDOW = 600
"""How far after "the industry regulator said" its name may come ("... The X Regulation
Commission (XRC) had ..."): the next paragraph or so."""
_GENERIC_ORG_NOUNS = frozenset(
    {"company", "firm", "group", "business", "organization", "organisation", "unit"}
)
"""Nouns any organization is called: their name is never looked for after them."""
_DOCUMENT_NOUNS = frozenset({"statement", "release", "letter", "filing", "note", "post"})
"""What "the statement said" stands for: whoever issued it just before."""


def _same_stem(noun: str, word: str) -> bool:
    """ "tribunal" ~ "Tribunal", "regulator" ~ "Regulation", "council" ~ "Councils"."""
    word = word.lower()
    if noun == word or word in (noun + "s", noun + "es"):
        return True
    common = 0
    for a, b in zip(noun, word, strict=False):
        if a != b:
            break
        common += 1
    return common >= 6


def _is_sentence(text: str) -> bool:
    """A quoted whole sentence: opens with a capital, ends with . ! or ? (scare quotes and
    titles do not)."""
    words = text.strip().rstrip("\"'”’»").rstrip()
    return len(words.split()) >= 2 and words[:1].isupper() and words.endswith((".", "!", "?"))


def _participle_owner(verb: Token) -> Token | None:
    """ "The board rejected the argument that the agency had erred, describing it as "...":
    a participle set off by a comma at the end of a clause that reports or explains something
    (a "that" clause of a noun, a reported clause) belongs to the main clause, whose subject
    is the one describing; the parser hangs it on the inner verb."""
    doc = verb.doc
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    owner = verb.head
    climbed = False
    while owner.dep_ in ("acl", "ccomp") and owner.head.i != owner.i:
        owner = owner.head
        if owner.pos_ in ("NOUN", "PROPN") and owner.head.i != owner.i:
            owner = owner.head  # "the argument that ...": up to the verb of "argument"
        climbed = True
    return owner if climbed and owner.pos_ in ("VERB", "AUX") else None


@dataclass(frozen=True)
class Attribution:
    quote: QuoteSpan
    verb: str
    mention: tuple[int, int]
    """The attributing words ("Altman", "he")."""
    group: int | None
    """The speaker's entity group, or None for a name only the parse found."""
    name_span: tuple[int, int] | None = None
    """For ``group is None``: the span of the new speaker's name."""


@dataclass(frozen=True)
class _Speaker:
    mention: tuple[int, int]
    group: int | None
    name_span: tuple[int, int] | None = None


class Attributor:
    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        quotes: list[QuoteSpan],
        index: MentionIndex,
        genders: dict[int, str] | None = None,
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.quotes = quotes
        self.index = index
        self.genders = genders or {}
        """Entity group -> "f"/"m" where the text says so (see :mod:`gender`)."""
        self._quoted = [(q.outer_start, q.outer_end) for q in quotes]

    def _inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self._quoted)

    def _region(self, i: int) -> tuple[int, int]:
        """The stretch of the quote's block between its neighbouring quotes."""
        q = self.quotes[i]
        block = next((b for b in self.layout.blocks if b.start <= q.outer_start < b.end), None)
        lo, hi = (block.start, block.end) if block else (0, len(self.layout.text))
        if i > 0 and self.quotes[i - 1].outer_end > lo:
            lo = self.quotes[i - 1].outer_end
        if i + 1 < len(self.quotes) and self.quotes[i + 1].outer_start < hi:
            hi = self.quotes[i + 1].outer_start
        return lo, hi

    def _antecedent(self, pos: int, pronoun: str, label: str) -> MentionRef | None:
        """The most recent fitting mention: "she" skips people the text calls men."""
        wanted = gender_of_pronoun(pronoun)
        if wanted is None:
            return self.index.before(pos, label)
        genders = self.genders
        return self.index.before(pos, label, lambda g: genders.get(g, wanted) != wanted)

    def _subject_org_before(self, pos: int) -> MentionRef | None:
        """The organization "the company" stands for: the last one named as the subject of
        its clause within the previous two sentences ("X, which is owned by Y, said ...":
        X, not Y), else the last one named."""
        doc = self.doc
        here = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if here is None:
            return self.index.before(pos, ORG)
        sent = here[0].sent
        floor = sent.start
        if floor > 0:
            floor = doc[floor - 1].sent.start
        if floor > 0:
            floor = doc[floor - 1].sent.start
        last: MentionRef | None = None
        for m in self.index.all_before(pos, ORG):
            last = last or m
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if span.start < floor:
                break
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ != "relcl":
                return m
        return last

    def _named_like(self, noun: Token) -> MentionRef | None:
        """The organization whose name holds the noun that stands for it ("the tribunal" ->
        "X Appeal Tribunal", "the industry regulator" -> "X Regulation Commission", "a council
        spokeswoman" -> "X Borough Council"): the last one named before, else (except for
        nouns any body is called, like "company") the first named soon after."""
        key = noun.lemma_.lower() or noun.lower_
        text = self.layout.text
        words: dict[int, set[str]] = {}

        def fits(m: MentionRef) -> bool:
            if m.group not in words:
                # the name's own words, and the word right after a mention of it: "the RMT
                # union", "the Unite union" name the kind of body after the name
                words[m.group] = {
                    w
                    for r in self.index.of_group(m.group)
                    for w in (*text[r.start : r.end].split(), *text[r.end : r.end + 40].split()[:1])
                }
            return any(_same_stem(key, w.strip(".,;:'’\"”)")) for w in words[m.group])

        for m in self.index.all_before(noun.idx, ORG):
            if fits(m):
                return m
        if key in _GENERIC_ORG_NOUNS or noun.lower_ in _GENERIC_ORG_NOUNS:
            return None
        for m in self.index.all_after(noun.idx, ORG):
            if m.start > noun.idx + FORWARD_WINDOW:
                break
            if fits(m):
                return m
        return None

    def _org_for_noun(self, noun: Token) -> MentionRef | None:
        """ "the tribunal", "the company": an organization named like the noun, else (for a
        noun that describes organizations, not "the court" or "the police", which may be
        ones the text never names) the last one named as a subject."""
        named = self._named_like(noun)
        if named is not None or noun.lower_ not in ORG_NOUNS:
            return named
        return self._subject_org_before(noun.idx)

    def _issuer(self, tok: Token) -> _Speaker | None:
        """ "the statement said": who made the statement named just before ("X said in a
        statement ...", "X issued a statement")."""
        doc = self.doc
        floor = tok.sent.start
        for _ in range(3):
            if floor > 0:
                floor = doc[floor - 1].sent.start
        for t in reversed(doc[floor : tok.i]):
            if t.lower_ != tok.lower_ or t.pos_ != "NOUN":
                continue
            verb = t.head.head if t.head.dep_ == "prep" else t.head
            if t.dep_ not in ("pobj", "dobj") or verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].lower_ != tok.lower_:
                return self._resolve_token(subjects[0])
        return None

    def _resolve_token(self, tok: Token) -> _Speaker | None:
        """The speaker a subject token stands for."""
        if tok.lower_ in POST_NOMINALS and tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN":
            tok = self.doc[tok.i - 1]  # "Judge Guy Kearl KC said": the name before the letters
        span = (tok.idx, tok.idx + len(tok.text))
        found = self.index.at(*span)
        if found:
            return _Speaker((found.start, found.end), found.group)
        lower = tok.lower_
        if lower in ("which", "who", "that") and tok.head.dep_ == "relcl":
            # "X, a joint venture between ..., which said": the relative clause's noun
            antecedent = tok.head.head
            found = self.index.at(antecedent.idx, antecedent.idx + len(antecedent.text))
            if found:
                return _Speaker((found.start, found.end), found.group)
            if antecedent.pos_ == "NOUN" and antecedent.lower_ in ORG_NOUNS:
                prior = self.index.before(tok.idx, ORG)
                if prior:
                    return _Speaker(span, prior.group)
            return None
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_ORG:
            label = PERSON if lower in PRONOUNS_PERSON else ORG
            prior = self._antecedent(tok.idx, tok.text, label)
            return _Speaker(span, prior.group) if prior else None
        # "the company said", "the tribunal ruled": the organization it stands for
        if (
            tok.pos_ == "NOUN"
            and (tok.lower_ in ORG_NOUNS or tok.lower_ in ORG_HEADS)
            and any(c.lower_ in ("the", "this") for c in tok.lefts)
        ):
            prior = self._org_for_noun(tok)
            if prior:
                return _Speaker(span, prior.group)
        if tok.pos_ == "NOUN" and tok.lower_ in _DOCUMENT_NOUNS:
            issuer = self._issuer(tok)
            if issuer:
                return _Speaker(span, issuer.group, issuer.name_span)
        # "a spokesperson for X", "an analysis from X": a named entity inside the phrase.
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        # "The UN envoy for the region, Pieter van Dijk, said": the person, if one is named;
        # first the one in apposition ("Vermeulen's lawyer, Pascal Dumont, said")
        inner = None
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            inner = self.index.at(appos.idx, appos.idx + len(appos.text))
            if inner is not None:
                break
        if inner is None and tok.pos_ == "PROPN":
            # "Central Bank governor Ana Costa said", the model having missed her: the name
            # after the title speaks, not the body named before it
            run = name_run(tok)
            before = self.doc.char_span(*run, alignment_mode="expand") if run else None
            if before is not None and before.start > 0:
                title = self.doc[before.start - 1]
                if title.text.islower() and title.lower_ in TITLE_WORDS:
                    named = self._unlisted_name(tok)
                    if named is not None:
                        return named
        inner = inner or self.index.within_label(lo, hi, PERSON) or self.index.within(lo, hi)
        if inner:
            return _Speaker((inner.start, inner.end), inner.group)
        # "a spokeswoman for the office", "a council spokesman": the organization that
        # phrase refers back to
        if tok.pos_ == "NOUN" and tok.lower_ in TITLE_WORDS:
            for t in sub:
                if t.pos_ != "NOUN" or not (t.lower_ in ORG_NOUNS or t.lower_ in ORG_HEADS):
                    continue
                if t.i == tok.i:
                    continue
                if any(c.lower_ == "the" for c in t.lefts):
                    prior = self._org_for_noun(t)
                elif t.dep_ == "compound" and t.head.i == tok.i:
                    # "a union spokesman": only a body named like it; there may be several
                    # unions, hospitals or councils, and the last one named is a guess
                    prior = self._named_like(t)
                else:
                    continue
                if prior:
                    return _Speaker(span, prior.group)
        if tok.pos_ == "PROPN":
            return self._unlisted_name(tok)
        return None

    def _unlisted_name(self, tok: Token) -> _Speaker | None:
        """The full name (two words or more) of the proper-noun run ending at ``tok``, for a
        speaker the entity model did not find."""
        run = name_run(tok)
        if run:
            span_tokens = self.doc.char_span(*run, alignment_mode="expand")
            name = clean_person_tokens(list(span_tokens)) if span_tokens else None
            if name and " " in self.layout.text[name[0] : name[1]]:
                return _Speaker(name, None, name)
        return None

    def _by_parse(self, i: int, lo: int, hi: int) -> tuple[str, _Speaker | None] | None:
        """(verb, speaker); speaker None for an unnamed source; None when no verb is found."""
        q = self.quotes[i]
        doc = self.doc
        first = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None or inner is None:
            return None
        # The sentences of the quoted words and of the word after the closing mark: the
        # opening mark itself is sometimes parsed into the previous sentence.
        sents = {inner[0].sent.start, inner[-1].sent.start}
        if first.end < len(doc):
            sents.add(doc[first.end].sent.start)
        candidates: list[tuple[int, Token]] = []
        for tok in doc[first[0].sent.start : first[-1].sent.end]:
            if tok.sent.start not in sents or not lo <= tok.idx < hi:
                continue
            if self._inside_quote(tok.idx):
                continue
            is_speech = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS
            if is_speech or tok.lower_ == "according":
                distance = (
                    q.outer_start - tok.idx if tok.idx < q.outer_start else tok.idx - q.outer_end
                )
                candidates.append((distance, tok))
        for _, verb in sorted(candidates, key=lambda c: c[0]):
            if verb.lower_ == "according":
                for to in verb.children:
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            sub = list(obj.subtree)
                            m = self.index.within(sub[0].idx, sub[-1].idx + len(sub[-1].text))
                            if m:
                                return "according to", _Speaker((m.start, m.end), m.group)
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                not subjects
                and verb.dep_ in ("conj", "xcomp", "advcl")
                and verb.head.pos_ == "VERB"
            ):
                owner = _participle_owner(verb) or verb.head
                subjects = [c for c in owner.children if c.dep_ == "nsubj"]
            subjects = [s for s in subjects if not self._inside_quote(s.idx)]
            if not subjects:
                continue
            # the parser sometimes splits "lead author Tomas Wrede" into two subjects: the
            # first that stands for someone speaks
            speaker = next(
                (sp for sp in map(self._resolve_token, subjects) if sp is not None), None
            )
            if speaker is None:
                verbs = {v.i for _, v in candidates}
                if any(a.i in verbs for a in verb.ancestors):
                    # "X told reporters the delegations had agreed to '...'": the unnamed
                    # subject of a clause inside another speech verb's report; ask that verb
                    continue
                return verb.text, None  # an unnamed source ("industry leaders said")
            return verb.text, speaker
        return None

    def _by_words(self, i: int, lo: int, hi: int) -> tuple[str, _Speaker] | None:
        q = self.quotes[i]
        text = self.layout.nlp_text
        windows = [(q.outer_end, min(hi, q.outer_end + FALLBACK_WINDOW))]
        windows.append((max(lo, q.outer_start - FALLBACK_WINDOW), q.outer_start))
        for w_lo, w_hi in windows:
            for verb in _FALLBACK_VERB_RE.finditer(text, w_lo, w_hi):
                near_lo, near_hi = max(w_lo, verb.start() - 50), min(w_hi, verb.end() + 50)
                m = self.index.nearest(near_lo, near_hi, verb.start())
                if m:
                    return verb.group(1), _Speaker((m.start, m.end), m.group)
                pron = _PRONOUN_RE.search(text, near_lo, near_hi)
                if pron:
                    label = PERSON if pron.group(1).lower() != "it" else ORG
                    prior = self._antecedent(pron.start(), pron.group(1), label)
                    if prior:
                        return verb.group(1), _Speaker((pron.start(), pron.end()), prior.group)
        return None

    def attribute(self) -> list[Attribution]:
        results: list[Attribution] = []
        last_by_block: dict[int, Attribution | None] = {}
        """The last quote's attribution per block; None after a quote of an unnamed source."""
        blocks = [b for b in self.layout.blocks if b.kind == BODY]
        block_of = {}
        for i, q in enumerate(self.quotes):
            block_of[i] = next(
                (k for k, b in enumerate(blocks) if b.start <= q.outer_start < b.end), -1
            )
        for i, q in enumerate(self.quotes):
            if q.words <= 8 and is_headline_case(q.text):
                continue
            if q.words == 1 and q.text.strip()[:1].isupper() and not self._verb_follows(q):
                continue  # a quoted name or title ("Skyreach" sold ...), not speech
            lo, hi = self._region(i)
            found = self._by_parse(i, lo, hi)
            if found is None and q.words >= MIN_QUOTE_WORDS:
                found = self._by_words(i, lo, hi)
            if found is None:
                found = self._by_colon(q)
            attribution: Attribution | None = None
            if found is not None:
                verb, sp = found
                if sp is not None and (sp.group is not None or sp.name_span is not None):
                    attribution = Attribution(q, verb, sp.mention, sp.group, sp.name_span)
                else:  # said by someone the text does not name: nobody we can list
                    last_by_block[block_of[i]] = None
            elif q.words >= MIN_QUOTE_WORDS or _is_sentence(q.text):
                # a short whole sentence ("This ends that.") after a quote goes on speaking
                attribution = self._continuation(q, block_of[i], blocks, last_by_block)
            if attribution is not None:
                results.append(attribution)
                last_by_block[block_of[i]] = attribution
        return results

    def _by_colon(self, q: QuoteSpan) -> tuple[str, _Speaker] | None:
        """ "Mining minister Peter Okafor was blunt: “The licence is gone.”": a quote opened
        right after a colon is said by the subject of the clause before the colon, when that
        subject names someone."""
        before = self.layout.nlp_text[: q.outer_start].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is None:
            return None
        for tok in colon[0].sent:
            if tok.i >= colon[0].i:
                break
            if tok.dep_ in ("nsubj", "nsubjpass") and not self._inside_quote(tok.idx):
                speaker = self._resolve_token(tok)
                if speaker is not None and (speaker.group is not None or speaker.name_span):
                    return tok.head.text, speaker
        return None

    def _verb_follows(self, q: QuoteSpan) -> bool:
        """ "“Nonsense,” replied X": a speech verb right after the closing mark makes even a
        one-word quote speech."""
        after = self.layout.nlp_text[q.outer_end : q.outer_end + 20].split()
        return bool(after) and after[0].strip(",.").lower() in SPEECH_VERB_FORMS

    def _continuation(
        self,
        q: QuoteSpan,
        block: int,
        blocks: list[Block],
        last_by_block: dict[int, Attribution | None],
    ) -> Attribution | None:
        """The speaker of the previous quote in this paragraph, or of the last quote of the
        previous paragraph when this quote opens its paragraph."""
        prev: Attribution | None = None
        if block in last_by_block:
            prev = last_by_block[block]
        elif block > 0 and not self.layout.nlp_text[blocks[block].start : q.outer_start].strip():
            prev = last_by_block.get(block - 1)
        if prev is None:
            return None
        return Attribution(q, prev.verb, prev.mention, prev.group, prev.name_span)


__all__ = ["Attribution", "Attributor", "MentionRef"]
