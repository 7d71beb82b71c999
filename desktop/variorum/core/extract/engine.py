"""Extraction of one article or a batch: the stages put together.

layout -> spaCy -> entity candidates -> label vote -> alias groups -> every mention of a found
name -> quotes -> attribution -> :class:`Extraction`. The batch form feeds texts through
``nlp.pipe`` and yields each result as soon as it is ready, so a GUI worker can post results
while the rest of the batch is still running.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from variorum.core.extract.aliases import Group, NameInfo, group_names
from variorum.core.extract.attribution import Attribution, Attributor
from variorum.core.extract.data import (
    DESCRIPTION,
    ORG,
    PERSON,
    UNRESOLVED,
    Entity,
    Extraction,
    Mention,
    Quote,
    Speaker,
)
from variorum.core.extract.entities import (
    collect_candidates,
    confirmed_names,
    label_rules,
    normalise_name,
    vote_labels,
)
from variorum.core.extract.gender import guess_genders
from variorum.core.extract.layout import BOILERPLATE, Layout, analyse_layout
from variorum.core.extract.lemmas import lemma
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.model import pipeline_label
from variorum.core.extract.quotes import find_quotes
from variorum.core.extract.vocab import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _name_infos(
    doc: Doc, layout: Layout, trace: dict[int | str, tuple[str, ...]] | None = None
) -> tuple[list[NameInfo], list[tuple[int, int, str]]]:
    candidates = collect_candidates(doc, layout)
    labels = vote_labels(candidates)
    if trace is not None:
        trace.update(
            (f"entity:{key}", tuple(sorted(ids)))
            for key, ids in label_rules(candidates, labels).items()
        )
    confirmed = confirmed_names(candidates)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    infos: dict[str, NameInfo] = {}
    spans: list[tuple[int, int, str]] = []
    for cand in candidates:
        key = normalise_name(cand.name)
        if key not in confirmed or not key or labels[key] not in (PERSON, ORG):
            continue
        forms[key][cand.name] += 1
        info = infos.setdefault(key, NameInfo(key, cand.name, labels[key], 0, cand.start))
        info.count += 1
        spans.append((cand.start, cand.end, key))
    for key, info in infos.items():
        info.display = forms[key].most_common(1)[0][0]
    return list(infos.values()), spans


def _speaking_positions(doc: Doc) -> set[int]:
    """Character offsets of words followed by a speech verb ("Tom said", "Lei wrote")."""
    return {
        tok.idx
        for tok in doc[:-1]
        if doc[tok.i + 1].pos_ in ("VERB", "AUX") and lemma(doc[tok.i + 1]).lower() in SPEECH_VERBS
    }


_WORD_OR_DASH = re.compile(r"[\w\-]")


def _whole_word_spans(text: str, form: str) -> Iterator[tuple[int, int]]:
    r"""The spans ``re.finditer(r"(?<![\w\-])FORM(?![\w\-])", text)`` gives, found ten
    times faster: a pattern that starts with the literal lets ``re`` skip ahead to the next
    occurrence, where one that starts with the look-behind tries every position of a
    book-length text. A start the look-behind would refuse is tried again one character on,
    as the regular expression engine does."""
    pattern = re.compile(re.escape(form) + r"(?![\w\-])")
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        start, end = found.span()
        if start and _WORD_OR_DASH.match(text, start - 1):
            pos = start + 1
            continue
        yield start, end
        pos = end if end > start else end + 1


def _all_mentions(
    layout: Layout, groups: list[Group], spans: list[tuple[int, int, str]], doc: Doc
) -> list[MentionRef]:
    """The model's mentions plus every other occurrence of a found name (the model tags a
    name in one sentence and misses it in the next)."""
    group_of = {m.key: gi for gi, g in enumerate(groups) for m in g.members}
    taken: list[MentionRef] = [
        MentionRef(s, e, group_of[k], groups[group_of[k]].label) for s, e, k in spans
    ]
    occupied = sorted((m.start, m.end) for m in taken)
    text = layout.nlp_text

    speaking = _speaking_positions(doc)

    def claim(form: str, gi: int, label: str, only_speaking: bool = False) -> None:
        """Every free match outside site chrome becomes a mention of group ``gi``."""
        for s, e in _whole_word_spans(text, form):
            if only_speaking and s not in speaking:
                continue
            if layout.kind_at(s) == BOILERPLATE or any(os < e and s < oe for os, oe in occupied):
                continue
            occupied.append((s, e))
            taken.append(MentionRef(s, e, gi, label))

    for gi, group in enumerate(groups):
        forms = {m.display for m in group.members}
        full = group.canonical.display.split()
        if group.label == PERSON and len(full) >= 2:
            forms.add(full[-1])  # "Wielgosz" for Tomasz Wielgosz, even if the model missed it
        for form in sorted(forms, key=len, reverse=True):
            claim(form, gi, group.label)
        if group.label == PERSON and len(full) == 2:
            # "Lei wrote" for Lei Jun (family name first), "Tom said" for Tom Wells: the first
            # name alone, but only as the one who speaks, where it cannot be anyone else's
            claim(full[0], gi, group.label, only_speaking=True)
    return sorted(taken, key=lambda m: m.start)


def _quote_text(text: str) -> str:
    return text.rstrip(" ,;:\u00a0")


def extract_doc(
    text: str,
    doc: Doc,
    layout: Layout | None = None,
    model: str = "",
    trace: dict[int | str, tuple[str, ...]] | None = None,
) -> Extraction:
    """Extraction from an already parsed text (``doc`` parsed from ``layout.nlp_text``).
    ``trace``, when given, receives each quote's start -> the ids of the rules that decided
    its speaker, and "entity:<normalised name>" -> the ids of the rules that voted for the
    name's label (for the per-rule precision tables of ``benchmarks/``)."""
    layout = layout or analyse_layout(text)
    infos, spans = _name_infos(doc, layout, trace)
    groups = group_names(infos, text)
    mentions = _all_mentions(layout, groups, spans, doc)
    quotes = find_quotes(layout)
    index = MentionIndex(mentions, [(q.outer_start, q.outer_end) for q in quotes])
    genders = guess_genders(doc, mentions)
    counts = Counter(m.group for m in mentions)
    attributions = Attributor(doc, layout, quotes, index, genders, counts).attribute()
    if trace is not None:
        trace.update((a.quote.start, a.rules) for a in attributions)

    # Speakers the parse found but the entity model did not (an unknown name as subject of
    # "said") become people.
    group_by_key = {m.key: gi for gi, g in enumerate(groups) for m in g.members}
    by_group: dict[int, list[Attribution]] = defaultdict(list)
    unnamed: dict[tuple[str, str], list[Attribution]] = defaultdict(list)
    """Speakers only described ("the team") or named by an unresolved pronoun ("he")."""
    for att in attributions:
        if att.group is None and att.name_span is None:
            if att.description:
                unnamed[(DESCRIPTION, att.description)].append(att)
            elif att.unresolved:
                unnamed[(UNRESOLVED, f"{att.unresolved} (unresolved)")].append(att)
            continue
        gi = att.group
        if gi is None and att.name_span is not None:
            name = " ".join(text[att.name_span[0] : att.name_span[1]].split())
            key = normalise_name(name)
            gi = group_by_key.get(key)
            if gi is None:
                info = NameInfo(key, name, PERSON, 1, att.name_span[0])
                groups.append(Group(info, [info]))
                gi = group_by_key[key] = len(groups) - 1
                mentions.append(MentionRef(*att.name_span, gi, PERSON))
        if gi is not None:
            by_group[gi].append(att)

    mentions_by_group: dict[int, list[MentionRef]] = defaultdict(list)
    for m in mentions:
        mentions_by_group[m.group].append(m)

    def aliases(group: Group) -> tuple[str, ...]:
        """Other names the article uses for it: what its mentions actually say."""
        gi = groups.index(group)
        names = {text[m.start : m.end] for m in mentions_by_group[gi]}
        names |= {m.display for m in group.members}
        names = {" ".join(n.split()) for n in names}
        return tuple(sorted(names - {group.canonical.display}))

    def entity(gi: int) -> Entity:
        group = groups[gi]
        ms = sorted(mentions_by_group[gi], key=lambda m: m.start)
        return Entity(
            group.canonical.display,
            group.label,
            aliases(group),
            tuple(Mention(text[m.start : m.end], m.start, m.end) for m in ms),
        )

    def quotes_of(name: str, atts: list[Attribution]) -> tuple[Quote, ...]:
        return tuple(
            Quote(
                _quote_text(a.quote.text),
                a.quote.start,
                a.quote.start + len(_quote_text(a.quote.text)),
                name,
                a.verb,
                Mention(text[a.mention[0] : a.mention[1]], *a.mention),
            )
            for a in sorted(atts, key=lambda a: a.quote.start)
        )

    speakers = []
    for gi, atts in by_group.items():
        group = groups[gi]
        name = group.canonical.display
        speakers.append(Speaker(name, group.label, aliases(group), quotes_of(name, atts)))
    described: dict[tuple[str, str], list[Attribution]] = defaultdict(list)
    for (label, name), atts in unnamed.items():
        described[(label, normalise_name(name))].extend(atts)
    for (label, _), atts in described.items():
        forms = Counter(a.description or f"{a.unresolved} (unresolved)" for a in atts).most_common()
        name = forms[0][0]
        others = tuple(sorted({f for f, _ in forms} - {name}))
        speakers.append(Speaker(name, label, others, quotes_of(name, atts)))
    speakers.sort(key=lambda s: s.quotes[0].start)
    entities = [entity(gi) for gi in range(len(groups)) if mentions_by_group[gi]]

    def order(e: Entity) -> tuple[int, int]:
        return (-len(e.mentions), e.mentions[0].start)

    people = tuple(sorted((e for e in entities if e.label == PERSON), key=order))
    orgs = tuple(sorted((e for e in entities if e.label == ORG), key=order))
    return Extraction(tuple(speakers), orgs, people, model)


ONE_AT_A_TIME = ("tok2vec", "ner")
"""Components given one piece at a time while the others get the whole batch: their working
memory grows with the tokens they see at once (about 25 MB each for two 5,000-character
pieces of the small English pipeline, the largest part of a worker's peak), while the tagger
and the parser gain most from batching. Measured on the Darwin pair's pieces, six alternated
runs: parse peak 30.5 MB -> 17.9 MB (traced), CPU +3.7 % (every component one at a time:
+7.5 %)."""


CHUNK_CHARS = 5_000
"""Longer texts are parsed in pieces cut at line breaks and joined again: spaCy refuses texts
over ``nlp.max_length`` and its memory grows with the length of what one call holds (a worker
parsing a Darwin chapter peaks about 45 MB higher with 20,000-character pieces than with
5,000). Measured on 120 PolNeAR articles over 5,000 characters and two Darwin chapters, the
extractions are the same with either size, and a little faster with the smaller one
(``benchmarks/extraction_speed.py``)."""


def split_for_parsing(text: str, size: int) -> list[str]:
    """Pieces of at most about ``size`` characters that concatenate back to ``text``, cut
    after a line break where there is one (else after a space, else anywhere)."""
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > size:
        window = text[pos : pos + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        pieces.append(text[pos : pos + cut])
        pos += cut
    pieces.append(text[pos:])
    return pieces


def extract(text: str, nlp: Language) -> Extraction:
    """Extraction from one article text (``Article.text``); offsets point into ``text``."""
    return next(extract_many([text], nlp, batch_size=1))


def extract_many(texts: Iterable[str], nlp: Language, batch_size: int = 16) -> Iterator[Extraction]:
    """Extractions in input order, one as soon as it is ready (``nlp.pipe`` batches the model
    work, which is most of the cost)."""
    return (x for x in extract_steps(texts, nlp, batch_size) if x is not None)


def extract_steps(
    texts: Iterable[str], nlp: Language, batch_size: int = 16
) -> Iterator[Extraction | None]:
    """:func:`extract_many`, also yielding None after each parsed piece of a long text that
    does not finish it: a caller that holds a lock around each step can release it, or stop,
    between the pieces of a book-length text instead of after minutes of parsing."""
    import numpy
    from spacy.tokens import Doc as SpacyDoc

    # The rules never read the model's token vectors, and a book-length text's pieces would
    # hold them all until the last piece is parsed (5 MB per 70,000 characters, twice while
    # they are joined): each piece drops its own as it comes out of the model, so the join has
    # none to copy.
    no_tensor = numpy.zeros((0,), dtype="float32")
    label = pipeline_label(nlp)
    pending: dict[int, Layout] = {}

    def prepared() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, text in enumerate(texts):
            layout = analyse_layout(text)
            pending[i] = layout
            parts = split_for_parsing(layout.nlp_text, CHUNK_CHARS)
            for part in parts:
                yield part, (i, len(parts))

    parts: list[Doc] = []
    batches = {name: {"batch_size": 1} for name in ONE_AT_A_TIME if name in nlp.pipe_names}
    for doc, (i, count) in nlp.pipe(
        prepared(), as_tuples=True, batch_size=batch_size, component_cfg=batches
    ):
        doc.tensor = no_tensor
        parts.append(doc)
        if len(parts) < count:
            yield None
            continue
        whole = parts[0] if count == 1 else SpacyDoc.from_docs(parts, ensure_whitespace=False)
        parts = []
        layout = pending.pop(i)
        yield extract_doc(layout.text, whole, layout, label)
