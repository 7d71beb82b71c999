"""The quotation frame: '“...,” X verbed' attributes a quote whatever the verb.

A quote that opens its sentence, ends inside its marks with a comma, "!" or "?", and is followed
at once by a subject and its verb ("Bennett shot back", "beamed Donald Hartley") is that
subject's speech: the punctuation leaves the sentence open for exactly the clause that says
who spoke. The verb need not be on any list of speech verbs, which is why the frame finds the
attributions that a list misses (verbs of manner: "gushed", "fumed", "chimed in"). A quote ending
with a full stop, or words quoted in the middle of a sentence ("In “The Apprentice,” Trump
fired ..."), is not framed this way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from variorum.core.extract.clauses import SUBJECT_DEPS, has_subject, is_speech_verb
from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.vocab import (
    ARTICLES,
    INDEFINITE_SPEAKERS,
    LISTENER_VERBS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from variorum.core.extract.quotes import QuoteSpan

FRAME_MARKS = frozenset(",!?")
"""What may end the quoted words when the attributing clause follows."""
LOOK_AHEAD_CHARS = 60
"""How far after the closing mark the subject and its verb must start."""
_SUBJECT_DEPS = frozenset({"nsubj"})
FRAME_SUBJECT_WORDS = 6
"""The subject's head word must come within this many words after the closing mark."""


def opens_sentence(doc: Doc, text: str, q: QuoteSpan, after: int) -> bool:
    """Nothing but punctuation between the start of the quote's sentence (or ``after``, the
    end of the quote before it) and the opening mark."""
    here = doc.char_span(q.start, q.end, alignment_mode="expand")
    if here is None or not len(here):
        return False
    lo = max(here[0].sent.start_char, after)
    return not any(c.isalnum() for c in text[lo : q.outer_start])


def ends_open(text: str, q: QuoteSpan) -> bool:
    """The quoted words end with a comma, "!" or "?" before the closing mark."""
    tail = text[q.start : q.outer_end].rstrip("\"'”’` \u00a0\n")
    return bool(tail) and tail[-1] in FRAME_MARKS


def framed_speaker(doc: Doc, text: str, q: QuoteSpan, after: int) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause that frames the quote, or None."""
    if not ends_open(text, q) or not opens_sentence(doc, text, q, after):
        return None
    span = doc.char_span(
        q.outer_end, min(len(text), q.outer_end + LOOK_AHEAD_CHARS), alignment_mode="contract"
    )
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    if not words or "\n" in text[q.outer_end : words[0].idx]:
        return None
    first = words[0]
    if first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ", "VBP"):
        # inverted: "beamed Donald Hartley"
        subject = next((c for c in first.rights if c.dep_ in _SUBJECT_DEPS), None)
        return (first, subject) if subject is not None else None
    if first.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
        return None
    # "Bennett shot back", "the senator then fumed", "X, founder of Y, tells": the subject's
    # phrase (with its apposition), then its verb
    for tok in words[:FRAME_SUBJECT_WORDS]:
        head = tok.head
        if (
            tok.dep_ in _SUBJECT_DEPS
            and head.pos_ == "VERB"
            and head.i > tok.i
            and next(t for t in tok.subtree if not t.is_punct).i == first.i
            and all(
                t.pos_ in ("ADV", "PART") or tok.left_edge.i <= t.i <= tok.right_edge.i
                for t in doc[tok.i + 1 : head.i]
            )
        ):
            return head, tok
    return None


def ends_sentence(text: str, q: QuoteSpan) -> bool:
    """Nothing but punctuation follows the quote to the end of its paragraph, or the quote
    ends with . ! or ? and a new sentence follows."""
    end = text.find("\n", q.outer_end)
    rest = text[q.outer_end : end if end >= 0 else len(text)].lstrip(" .\u00a0")
    if not rest:
        return True
    return q.text.rstrip().endswith((".", "!", "?")) and (rest[0].isupper() or rest[0] in '“"')


def sentence_subject(doc: Doc, q: QuoteSpan) -> Token | None:
    """The subject of the main verb of the quote's sentence, when it comes before the quote."""
    here = doc.char_span(q.start, q.end, alignment_mode="expand")
    if here is None or not len(here):
        return None
    root = here[0].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.idx < q.outer_start else None


def clause_subject(doc: Doc, q: QuoteSpan) -> Token | None:
    """The subject of the nearest verb whose object or complement holds the quoted words
    ("Sanders has pushed his promise of “free college”": Sanders), going up through verbs
    that share their subject with the one they are joined to ("X stood up and called it “a
    disgrace”"), and from a reported clause to the one who reports it ("Analysts found the
    force is “the best in the world”": the analysts, not the force). None when the words
    only describe the subject ("X is a “good candidate”") or hang on a phrase of
    circumstance ("ended in a “virtual tie”", "landed in Phoenix for a “policy address”"):
    such quotes are as often the writer's as anyone's."""
    here = doc.char_span(q.start, q.end, alignment_mode="expand")
    if here is None or not len(here):
        return None
    tok = here.root
    found = None
    while tok.head.i != tok.i:
        below, tok = tok, tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if found is None and below.dep_ == "prep":
            return None
        if lemma(tok).lower() == "be":
            if tok.dep_ != "ccomp":
                return found
            continue  # "Y is “Z”" reported by someone: the reporter, not Y
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            found = subject
        if tok.dep_ == "ccomp":
            continue  # a reported clause: whoever reports it speaks
        if subject is not None or tok.dep_ not in ("conj", "xcomp", "advcl"):
            return found
    return found


def speech_verb_follows(doc: Doc, q: QuoteSpan) -> bool:
    """ "“Nonsense,” replied X": a speech verb right after the closing mark makes even a
    one-word quote speech."""
    after = doc.char_span(
        q.outer_end, min(len(doc.text), q.outer_end + 20), alignment_mode="contract"
    )
    words = [t for t in after or () if not t.is_punct and not t.is_space]
    return bool(words) and is_speech_verb(words[0])


def is_sentence(text: str) -> bool:
    """A quoted whole sentence: opens with a capital, ends with . ! or ? (scare quotes and
    titles do not)."""
    words = text.strip().rstrip("\"'”’»").rstrip()
    return len(words.split()) >= 2 and words[:1].isupper() and words.endswith((".", "!", "?"))


NOT_A_SPEAKERS_DEPS = frozenset({"pobj", "dobj", "dative", "poss"})
"""Dependencies of a mention that is not who speaks: an object or an owner ("wrote on
Twitter", "told Fox 35", "his campaign", "put him in charge")."""


def nearest_speaker(doc: Doc, index: MentionIndex, lo: int, hi: int, pos: int) -> MentionRef | None:
    """The usable mention in [lo, hi) nearest ``pos`` that is not an object or a possessive."""
    best: tuple[int, MentionRef] | None = None
    for m in index.mentions_within(lo, hi):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in NOT_A_SPEAKERS_DEPS:
            continue  # "wrote on Twitter", "told Fox 35", "his campaign": not the speaker
        distance = pos - m.end if m.end <= pos else max(0, m.start - pos)
        if best is None or distance < best[0]:
            best = (distance, m)
    return best[1] if best else None


ROLE_WORDS_BEFORE_NAME = 3
"""Lower-case words allowed between a quote and the name before its verb ("screenwriter",
"former state senator")."""
ROLE_PHRASE_CHARS = 60
"""Longest role phrase, name included, after an inverted speech verb."""


def _words_after_open_quote(doc: Doc, text: str, q: QuoteSpan) -> list[Token]:
    """The words on the quote's line right after it, when a comma, "!" or "?" leaves it open."""
    if not ends_open(text, q):
        return []
    span = doc.char_span(
        q.outer_end, min(len(text), q.outer_end + LOOK_AHEAD_CHARS), alignment_mode="contract"
    )
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    if not words or "\n" in text[q.outer_end : words[0].idx]:
        return []
    return words


SET_OFF_CHARS = 160
"""Longest phrase set off by commas between a name and its speech verb."""


def set_off_speaker(doc: Doc, text: str, index: MentionIndex, q: QuoteSpan) -> MentionRef | None:
    """ "“...,” Texas delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” pins, said
    ...": a person named right after a quote left open, then a phrase set off by commas,
    then a speech verb with no subject of its own. The parse loses the name when the phrase
    holds a quote or a participle."""
    words = _words_after_open_quote(doc, text, q)
    if not words:
        return None
    limit = words[min(len(words), ROLE_WORDS_BEFORE_NAME + 1) - 1]
    named = next(
        (
            m
            for m in index.mentions_within(q.outer_end, limit.idx + len(limit.text))
            if m.label == PERSON
        ),
        None,
    )
    if named is None or not text[named.end :].startswith(","):
        return None
    after = doc.char_span(
        named.end, min(len(text), named.end + SET_OFF_CHARS), alignment_mode="contract"
    )
    for tok in after or ():
        if "\n" in text[named.end : tok.idx]:
            break  # the phrase ends with its paragraph
        if (
            is_speech_verb(tok)
            and text[: tok.idx].rstrip().endswith(",")
            and not any(
                c.dep_ in SUBJECT_DEPS and not q.start <= c.idx < q.end for c in tok.children
            )  # a subject inside the quote is the parser's mistake
        ):
            return named
    return None


_SET_OFF_END_RE = re.compile(r",\s*(?:(?:had|has|have|would|will|could|then|also|later)\s+)?$")
"""The end of a phrase set off before a speech verb: "X, asked about it, said" or "had said"."""


def set_off_before(doc: Doc, text: str, index: MentionIndex, verb: Token) -> MentionRef | None:
    """ "after Mr. Trump, asked about the deaths of journalists, had said, “...”": a speech
    verb with no subject, right after a phrase set off by commas that follows a person's
    name. The parse hangs the name elsewhere (here on "after")."""
    if has_subject(verb):
        return None
    before = text[max(0, verb.idx - SET_OFF_CHARS) : verb.idx]
    if not _SET_OFF_END_RE.search(before):
        return None  # the phrase must end with a comma before the verb (or its auxiliary)
    lo = verb.idx - len(before)
    people = [m for m in index.mentions_within(lo, verb.idx) if m.label == PERSON]
    for m in reversed(people):
        between = text[m.end : verb.idx]
        if not between.startswith(",") or "\n" in between:
            continue
        span = doc.char_span(m.end, verb.idx, alignment_mode="contract")
        if span is not None and any(is_speech_verb(t) and has_subject(t) for t in span):
            return None  # "X, who said no, had said": the verb between has its own speaker
        # ("X, asked about it, said": a participle about X, with no subject, is no other)
        return m
    return None


def _named_after_role(text: str, people: list[MentionRef], words: list[Token]) -> MentionRef | None:
    """ "mused Blaze co-host Stu Burguiere.": after an inverted speech verb, the person who
    ends the phrase of role words before the next comma or full stop (a name inside the role,
    "Clinton campaign manager Robby Mook", is someone else's)."""
    if len(words) < 2:
        return None
    start = words[1].idx
    stop = re.search(r"[,.;:!?]\s|[,;:]|\n", text[start : start + ROLE_PHRASE_CHARS])
    end = start + (stop.start() if stop else ROLE_PHRASE_CHARS)
    inside = [m for m in people if start <= m.start and m.end <= end]
    if not inside or text[inside[-1].end : end].strip():
        return None  # the name must close the phrase
    return inside[-1]


def adjacent_speaker(doc: Doc, text: str, index: MentionIndex, q: QuoteSpan) -> MentionRef | None:
    """ "“...,” recalled Mr. Rhodes." / "“...,” screenwriter Cole Haddon wrote on Twitter.": a
    person named right after, or right before, the speech verb that follows a quote left open
    by a comma, "!" or "?", whatever the parse made of the name (the small model reads an
    inverted subject as the verb's object, and a role word before a name as a verb)."""
    words = _words_after_open_quote(doc, text, q)
    at = next(
        (k for k, t in enumerate(words[: ROLE_WORDS_BEFORE_NAME + 4]) if is_speech_verb(t)), None
    )
    if at is None:
        return None
    verb = words[at]
    reach = words[min(len(words), ROLE_WORDS_BEFORE_NAME + 6) - 1]
    people = [
        m
        for m in index.mentions_within(q.outer_end, reach.idx + len(reach.text))
        if m.label == PERSON
    ]
    if at == 0:
        if lemma(verb).lower() in LISTENER_VERBS:
            return None
        follows = [t.idx for t in words[1:3]]  # "recalled Mr. Rhodes", "said Sen. X"
        named = next((m for m in people if m.start in follows), None)
        if named is None:
            named = _named_after_role(text, people, words)
        if named is None and len(words) > 3 and words[2].lower_ in ("'s", "’s"):
            # "“...,” opined Cleveland's Plain Dealer": a name after its place's "'s", which
            # the parse reads as the verb's object
            named = next(
                (
                    m
                    for m in index.mentions_within(words[3].idx, reach.idx + len(reach.text))
                    if m.label in (ORG, PERSON) and m.start == words[3].idx
                ),
                None,
            )
        return named
    named = next(
        (m for m in people if m.end <= verb.idx and not text[m.end : verb.idx].strip()), None
    )
    if named is None:
        return None
    before = [t for t in words[:at] if t.idx < named.start]
    if len(before) > ROLE_WORDS_BEFORE_NAME or any(not t.is_lower for t in before):
        return None
    return named


DESCRIPTION_WORDS = 10
"""An inverted description ends at the first punctuation, or after this many words."""


def inverted_description(doc: Doc, text: str, q: QuoteSpan) -> tuple[int, int] | None:
    """ "“...,” said the 46-year-old.", "“...,” tweeted a user from Hanover.": the phrase after
    the speech verb that follows a quote left open, when it opens with an article (the parse
    often leaves such a verb without a subject); it speaks as the description it is. So does
    a lone word for someone unnamed ("“...,” read one.")."""
    words = _words_after_open_quote(doc, text, q)
    if len(words) < 2 or not is_speech_verb(words[0]):
        return None
    if lemma(words[0]).lower() in LISTENER_VERBS:
        return None
    after = doc[words[1].i + 1] if words[1].i + 1 < len(doc) else None
    if words[1].lower_ in INDEFINITE_SPEAKERS and (after is None or after.is_punct):
        return words[1].idx, words[1].idx + len(words[1].text)  # "“...,” read one."
    if len(words) < 3 or words[1].lower_ not in ARTICLES:
        return None
    phrase = []
    for tok in doc[words[1].i : words[1].i + DESCRIPTION_WORDS]:
        joined = tok.text == "-" and not tok.whitespace_ and not doc[tok.i - 1].whitespace_
        if tok.is_space or tok.is_quote or (tok.is_punct and not joined):
            break  # a hyphen inside a word ("46-year-old") is not the phrase's end
        if tok.tag_ in ("MD", "VBD", "VBZ", "VBP"):
            return None  # "said the candidate could be ...": a reported clause, no speaker
        phrase.append(tok)
    if len(phrase) < 2:
        return None
    end = phrase[-1].idx + len(phrase[-1].text)
    if phrase[-1].pos_ in ("ADP", "DET"):
        # "wrote the authors of the “Growth Project”": the phrase goes on through a title
        title = re.match(r"\s*[“\"][^”\"\n]{1,80}[”\"]", text[end:])
        if title is None:
            return None
        end += title.end()
    return phrase[0].idx, end


DESCRIBED_FRAME_WORDS = 6
"""At most this many words between the article and the speech verb in a described frame."""


def described_frame(doc: Doc, text: str, q: QuoteSpan) -> tuple[int, int] | None:
    """ "“...,” the email read.", "“...,” a voice-over in the ad states.": an article-led
    phrase right after a quote left open, ending in a speech verb that closes the clause,
    speaks as the description it is. Read on the words: the tagger often takes such a verb
    for a noun ("the email read" as one compound), which no parse-based rule then sees."""
    words = _words_after_open_quote(doc, text, q)
    if len(words) < 3 or words[0].lower_ not in ARTICLES:
        return None
    for k in range(2, min(len(words), DESCRIBED_FRAME_WORDS + 2)):
        verb = words[k]
        if verb.pos_ in ("VERB", "AUX") and not is_speech_verb(verb):
            return None  # the phrase has a verb of its own: not a frame
        if lemma(verb).lower() not in SPEECH_VERBS or verb.is_title:
            continue
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if after is not None and not (after.is_punct or after.is_space or after.pos_ == "ADP"):
            return None  # "the Saudis state in the white paper" closes the clause too
        if any(t.is_punct and t.text != "-" for t in doc[words[0].i : verb.i]):
            return None  # "the group's director, Luis Ortega, said": the name speaks
        return words[0].idx, words[k - 1].idx + len(words[k - 1].text)
    return None


__all__ = [
    "NOT_A_SPEAKERS_DEPS",
    "adjacent_speaker",
    "described_frame",
    "ends_open",
    "ends_sentence",
    "framed_speaker",
    "inverted_description",
    "is_sentence",
    "nearest_speaker",
    "opens_sentence",
    "sentence_subject",
    "set_off_before",
    "set_off_speaker",
    "speech_verb_follows",
]
