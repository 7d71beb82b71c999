"""Whom the word that attributes a quote stands for.

The cue rules of :mod:`attribution` point at one token, usually the subject of a speech verb:
"Altman", "he", "the company", "a spokeswoman for the ministry", "industry analysts". Several
``source.*`` rules (``rules/attribution.toml``) may each propose a speaker for that token; the
proposal with the highest weight wins, and for equal weights the one whose words lie nearest
the token. A proposal is a listed entity, a name the entity model missed, the description
itself ("the team", which is how the article names that speaker) or an unresolved pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from variorum.core.extract import rules
from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.layout import Layout
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.namespans import clean_person_tokens
from variorum.core.extract.orgcontext import name_run
from variorum.core.extract.pronouns import PronounRanker
from variorum.core.extract.vocab import (
    GENERIC_ORG_NOUNS,
    INDEFINITE_SPEAKERS,
    NON_SPEAKER_NOUNS,
    ORG_HEADS,
    ORG_NOUNS,
    POLL_NOUNS,
    POST_NOMINALS,
    PRONOUNS_GROUP,
    PRONOUNS_ORG,
    PRONOUNS_PERSON,
    SHARE_WORDS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = frozenset({"acl", "relcl"})
FORWARD_WINDOW = 600
"""How far after "the industry regulator said" its name may come ("... The X Regulation
Commission (XRC) had ..."): the next paragraph or so."""
DESCRIPTION_MAX_TOKENS = 12
"""A description longer than this is cut after its head noun's own phrase."""


@dataclass(frozen=True)
class Source:
    """A proposed speaker for one attributing token."""

    mention: tuple[int, int]
    """The attributing words ("Altman", "he", "the team")."""
    group: int | None = None
    """A listed person or organization (an entity group)."""
    name_span: tuple[int, int] | None = None
    """A person's name the entity model missed (``group`` is None)."""
    description: str | None = None
    """The speaker is only described ("the team", "a joint statement")."""
    unresolved: str | None = None
    """A pronoun with no fitting antecedent ("he")."""
    rule: str = ""

    @property
    def named(self) -> bool:
        return self.group is not None or self.name_span is not None


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


class SourceResolver:
    def __init__(
        self,
        doc: Doc,
        layout: Layout,
        index: MentionIndex,
        ranker: PronounRanker,
        quoted: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.layout = layout
        self.index = index
        self.ranker = ranker
        self.quoted = quoted
        self._resolved: dict[int, Source | None] = {}

    def inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    # ------------------------------------------------------------------ the vote

    def resolve(self, tok: Token, previous_speaker: int | None = None) -> Source | None:
        """The best proposal for ``tok`` (highest weight, then nearest), or None. A token
        stands for one speaker: the first answer is kept for every quote that asks again."""
        if tok.i in self._resolved:
            return self._resolved[tok.i]
        found = self._best(tok, previous_speaker)
        self._resolved[tok.i] = found
        return found

    def _best(self, tok: Token, previous_speaker: int | None) -> Source | None:
        best: tuple[float, int, Source] | None = None
        for source in self.proposals(tok, previous_speaker):
            w = rules.weight(source.rule)
            if w <= 0:
                continue
            distance = abs(source.mention[0] - tok.idx)
            if best is None or (w, -distance) > (best[0], -best[1]):
                best = (w, distance, source)
        return best[2] if best else None

    def proposals(self, tok: Token, previous_speaker: int | None) -> list[Source]:
        doc = self.doc
        if tok.lower_ in POST_NOMINALS and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN":
            tok = doc[tok.i - 1]  # "Judge Guy Kearl KC said": the name before the letters
        span = (tok.idx, tok.idx + len(tok.text))
        out: list[Source] = []
        found = self.index.at(*span)
        if found:
            out.append(Source((found.start, found.end), found.group, rule="source.mention"))
        lower = tok.lower_
        if lower in ("which", "who", "that") and tok.head.dep_ == "relcl":
            out.extend(self._relative(tok, span))
            return out
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_ORG or lower in PRONOUNS_GROUP:
            out.append(self._pronoun(tok, span, previous_speaker))
            return out
        age = self._age_reference(tok, previous_speaker)
        if age is not None:
            out.append(age)
            return out
        if lower in INDEFINITE_SPEAKERS and tok.pos_ in ("PRON", "NUM", "DET", "ADJ"):
            out.extend(self._indefinite(tok, span))
            return out
        if (
            tok.pos_ == "NOUN"
            and (lower in ORG_NOUNS or lower in ORG_HEADS)
            and any(c.lower_ in ("the", "this") for c in tok.lefts)
        ):
            out.extend(self._org_for_noun(tok, span))
        if found is None or found.label != PERSON:
            # a person named already is not renamed by another name beside them, which the
            # parser hung there ("said X, a pollster who worked for Y's opponent, Z")
            apposed = self._apposition(tok, person_only=tok.pos_ == "PROPN")
            if apposed is not None:
                out.append(apposed)
        if tok.pos_ == "PROPN":
            named = self._after_title(tok)
            if named is not None:
                out.append(named)
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        clauses = [c for c in tok.rights if c.dep_ in _CLAUSE_DEPS]
        clauses += [t for t in sub if t.i > tok.i and t.dep_ == "relcl"]
        for clause in clauses:
            # "a source speaking to X", "a Democrat who said X ...": a name in a clause
            # about the subject is someone it deals with, not who it is; so is one in a
            # relative clause the parser hung on a word of the subject ("one Democrat
            # familiar with the talks, who added that X ...")
            hi = min(hi, next(clause.subtree).idx)
        inner = self.index.within_label(lo, hi, PERSON) or self.index.within(lo, hi)
        if inner and not self.inside_quote(inner.start):
            out.append(Source((inner.start, inner.end), inner.group, rule="source.inner-name"))
        if tok.pos_ == "NOUN" and lower in TITLE_WORDS:
            out.extend(self._spokes_body(tok, sub, span))
        if tok.pos_ == "PROPN":
            unlisted = self._unlisted_name(tok)
            if unlisted is not None:
                out.append(unlisted)
        if tok.pos_ == "NOUN":
            author = self._author(tok)
            if author is not None:
                out.append(author)
        poll = self._poll(tok)
        if poll is not None:
            out.append(poll)
        description = self._description(tok)
        if description is not None:
            out.append(description)
        return out

    def _poll(self, tok: Token) -> Source | None:
        """ "In a September X-Y poll, 75 percent of Republicans said “...”": a share of the
        people a poll asked speaks through the poll, when the sentence names it; the quoted
        words are the poll's wording, not anyone's speech."""
        sub = list(tok.subtree)
        if not any(t.lower_ in SHARE_WORDS for t in sub) and not (
            tok.like_num and any(t.lower_ == "in" for t in sub)
        ):
            return None
        for noun in tok.sent:
            if (
                noun.pos_ == "NOUN"
                and lemma(noun).lower() in POLL_NOUNS
                and not (sub[0].i <= noun.i <= sub[-1].i)
                and not self.inside_quote(noun.idx)
            ):
                start = noun.left_edge.idx
                words = " ".join(self.layout.text[start : noun.idx + len(noun.text)].split())
                return Source(
                    (start, noun.idx + len(noun.text)), description=words, rule="source.poll"
                )
        return None

    def _author(self, noun: Token) -> Source | None:
        """ "a fundraising email sent by X", "a statement issued by the ministry": a text
        speaks for whoever the participle after it says made it (its passive agent), when
        that one is a listed person or organization."""
        for clause in noun.rights:
            if clause.dep_ != "acl" or clause.tag_ != "VBN":
                continue
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    found = self.index.at(obj.idx, obj.idx + len(obj.text))
                    if found is not None and not self.inside_quote(found.start):
                        return Source((found.start, found.end), found.group, rule="source.author")
        return None

    # ------------------------------------------------------------------ proposals

    def _relative(self, tok: Token, span: tuple[int, int]) -> list[Source]:
        """ "X, a joint venture between ..., which said": the relative clause's noun. When
        that noun is itself in apposition to a name ("Ana Costa, the director of ..., who
        said"), the clause is about the named one: an apposition and its head are one. Like
        "he", the attributing word is the relative pronoun itself; the speaker is whom it
        stands for."""
        antecedent = tok.head.head
        named = self._apposed_name(antecedent, person_only=tok.lower_ == "who")
        if named is not None:
            return [Source(span, named.group, rule="source.relative-appos")]
        found = self.index.at(antecedent.idx, antecedent.idx + len(antecedent.text))
        if found:
            return [Source(span, found.group, rule="source.relative-antecedent")]
        if antecedent.pos_ == "NOUN" and antecedent.lower_ in ORG_NOUNS:
            prior = self.index.before(tok.idx, ORG)
            if prior:
                return [Source(span, prior.group, rule="source.relative-antecedent")]
        if antecedent.pos_ in ("NOUN", "PROPN"):
            described = self._description(antecedent)
            if described is not None:
                return [Source(span, description=described.description, rule=described.rule)]
        return []

    def _apposed_name(self, antecedent: Token, person_only: bool) -> MentionRef | None:
        """The name an apposition describes, when the relative clause hangs on that
        apposition's noun ("Ana Costa, the director of X, who said"), or, for "who", on a
        noun inside it (the parser often hangs it on "X"; "who" is a person, not X)."""
        inside = antecedent.dep_ != "appos"
        if inside and not person_only:
            return None
        node = (
            next((a for a in antecedent.ancestors if a.dep_ == "appos"), None)
            if inside
            else antecedent
        )
        if node is None or node.pos_ != "NOUN":
            return None
        named = self.index.at(node.head.idx, node.head.idx + len(node.head.text))
        if named is None or (inside and named.label != PERSON):
            return None
        return named

    def _pronoun(self, tok: Token, span: tuple[int, int], previous: int | None) -> Source:
        lower = tok.lower_
        labels = (PERSON,) if lower in PRONOUNS_PERSON else (ORG,)
        prior = self.ranker.resolve(tok.idx, tok.text, labels, previous)
        if prior is not None and lower in PRONOUNS_GROUP and prior.group not in self.ranker.spoken:
            prior = None  # "they" is mostly people the text describes, rarely a named body:
            # only one already quoted in the article ("the agency said ... they added")
        if prior is not None:
            return Source(span, prior.group, rule="source.pronoun")
        return Source(span, unresolved=tok.text.lower(), rule="source.pronoun-unresolved")

    def _apposition(self, tok: Token, person_only: bool) -> Source | None:
        """The name an apposition gives the token ("the editor, Ana Costa,"). After a
        name, only a person's (a body there belongs to a noun before it: "Vian, the editor
        of the paper, L'Osservatore Romano")."""
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            inner = self.index.at(appos.idx, appos.idx + len(appos.text))
            if inner is not None and (inner.label == PERSON or not person_only):
                return Source((inner.start, inner.end), inner.group, rule="source.apposition")
        return None

    def _indefinite(self, tok: Token, span: tuple[int, int]) -> list[Source]:
        """ "One of her aides said", "yet another said": a speaker the text does not name,
        unless an apposition does ("one of the executives, Michael Sexton,"). With its "of"
        phrase it is a description ("one of her aides"; a name inside that phrase is the
        group, not the speaker); alone it is shown as the word, unresolved, like a pronoun
        with no antecedent."""
        if not rules.enabled("source.indefinite"):
            return []
        apposed = self._apposition(tok, person_only=True)
        out = [apposed] if apposed is not None else []
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        described = self._description(group) if group is not None else None
        if described is None:
            out.append(Source(span, unresolved=tok.lower_, rule="source.indefinite"))
            return out
        start, end = tok.idx, described.mention[1]
        text = " ".join(self.layout.text[start:end].split())
        out.append(Source((start, end), description=text, rule="source.indefinite"))
        return out

    def _age_reference(self, tok: Token, previous: int | None) -> Source | None:
        """ "“...,” the 43-year-old said": news refers back to a person by age alone, as by
        "he" or "she" but without the gender, so the person is found as a pronoun's would be;
        the words themselves are the mention. With a noun ("the 43-year-old senator") the
        phrase is an ordinary description."""
        if not rules.enabled("source.age-reference") or tok.pos_ != "ADJ":
            return None
        if tok.lower_ != "old" or not any(c.lower_ in ("year", "years") for c in tok.children):
            return None
        det = next((c for c in tok.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            return None
        span = (det.idx, tok.idx + len(tok.text))
        words = self.layout.text[span[0] : span[1]]  # Doc.text is rebuilt on every access
        prior = self.ranker.resolve(tok.idx, words, (PERSON,), previous)
        if prior is None:
            return None
        return Source(span, prior.group, rule="source.age-reference")

    def named_like(self, noun: Token) -> MentionRef | None:
        """The organization whose name holds the noun that stands for it ("the tribunal" ->
        "X Appeal Tribunal", "the industry regulator" -> "X Regulation Commission", "a council
        spokeswoman" -> "X Borough Council"): the last one named before, else (except for
        nouns any body is called, like "company") the first named soon after."""
        key = lemma(noun).lower() or noun.lower_
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
        if key in GENERIC_ORG_NOUNS or noun.lower_ in GENERIC_ORG_NOUNS:
            return None
        for m in self.index.all_after(noun.idx, ORG):
            if m.start > noun.idx + FORWARD_WINDOW:
                break
            if fits(m):
                return m
        return None

    def _org_for_noun(self, noun: Token, span: tuple[int, int]) -> list[Source]:
        """ "the tribunal", "the committee": the organization named like the noun. "The
        company" with no company named like it stays a description: the last company named
        is a guess, and annotators of real news call that speaker "the company"."""
        named = self.named_like(noun)
        if named is not None:
            return [Source(span, named.group, rule="source.named-like")]
        return []

    def _spokes_body(self, tok: Token, sub: list[Token], span: tuple[int, int]) -> list[Source]:
        """ "a spokeswoman for the office", "a council spokesman": the organization that
        phrase refers back to."""
        out: list[Source] = []
        for t in sub:
            if (
                t.i == tok.i
                or t.pos_ != "NOUN"
                or not (t.lower_ in ORG_NOUNS or t.lower_ in ORG_HEADS)
            ):
                continue
            if any(c.lower_ == "the" for c in t.lefts):
                out.extend(self._org_for_noun(t, span))
            elif t.dep_ == "compound" and t.head.i == tok.i:
                # "a union spokesman": only a body named like it; there may be several
                # unions, hospitals or councils, and the last one named is a guess
                named = self.named_like(t)
                if named is not None:
                    out.append(Source(span, named.group, rule="source.named-like"))
        return out

    def _after_title(self, tok: Token) -> Source | None:
        """ "Central Bank governor Ana Costa said", the model having missed her: the name
        after the title speaks, not the body named before it. So does the person named right
        after a title the parse took for the subject ("said Army Sgt. Maria Delgado")."""
        if tok.lower_ in TITLE_WORDS or tok.lower_.rstrip(".") in TITLE_WORDS:
            after = [t for t in self.doc[tok.i + 1 : tok.i + 3] if t.text != "."]
            m = self.index.at(after[0].idx, after[0].idx + 1) if after else None
            if m is not None and m.label == PERSON and m.start == after[0].idx:
                return Source((m.start, m.end), m.group, rule="source.title-name")
        run = name_run(tok)
        before = self.doc.char_span(*run, alignment_mode="expand") if run else None
        if before is None or before.start == 0:
            return None
        title = self.doc[before.start - 1]
        if title.text.islower() and title.lower_ in TITLE_WORDS:
            named = self._unlisted_name(tok)
            if named is not None:
                return replace(named, rule="source.title-name")
        return None

    def _unlisted_name(self, tok: Token) -> Source | None:
        """The full name (two words or more) of the proper-noun run ending at ``tok``, for a
        speaker the entity model did not find."""
        run = name_run(tok)
        if run:
            span_tokens = self.doc.char_span(*run, alignment_mode="expand")
            name = clean_person_tokens(list(span_tokens)) if span_tokens else None
            if name and " " in self.layout.text[name[0] : name[1]]:
                return Source(name, None, name, rule="source.unlisted-name")
        return None

    def _description(self, tok: Token) -> Source | None:
        """ "the team", "a joint statement", "industry analysts", "Nielsen": the speaker as
        the article names it, when nothing better is known. The phrase is the token's own
        noun phrase, without a relative clause or an apposition after it."""
        if tok.pos_ not in ("NOUN", "PROPN") or self.inside_quote(tok.idx):
            return None
        if lemma(tok).lower() in NON_SPEAKER_NOUNS and rules.enabled("source.non-speaker"):
            return None
        words = [t for t in tok.subtree]
        cut = [
            c
            for c in tok.rights
            if c.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl")
        ]
        if cut:
            first_cut = min(c.left_edge.i for c in cut)
            words = [t for t in words if t.i < first_cut]
        if len(words) > DESCRIPTION_MAX_TOKENS:
            words = [t for t in words if t.i <= tok.i]
        while words and (words[-1].is_punct or words[-1].is_space or words[-1].tag_ == "POS"):
            words.pop()  # "the council's slogan": the owner is "the council"
        while words and (words[0].is_punct or words[0].is_space):
            words.pop(0)
        if not words or any(self.inside_quote(t.idx) for t in words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = " ".join(self.layout.text[start:end].split())
        return Source((start, end), description=text, rule="source.description")
