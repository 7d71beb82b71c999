"""A synthetic news archive with known stories, made from real text (polnear-train).

Originals are runs of real paragraphs; each story gets versions made the way sites make
them:

- re-posts: paragraphs cut (or the end truncated), unrelated paragraphs inserted, paragraphs
  reordered, quote styles and spacing changed, site boilerplate added, the headline rewritten
  (each re-post draws a few of these);
- rewrites: shortened to about half, every quote kept word for word and every capitalised
  name kept, and every other word rephrased: dropped, replaced by another word of the corpus,
  or kept, with clauses reordered.

About 45 % of stories are a lone article. Half the stories carry publication dates (the
original earliest). The corpus has about 19,000 usable paragraphs; once each has been used in
one original, new paragraphs (and the paragraphs re-posts insert) are made of 2-4 real
sentences from different articles, so sentences recur across unrelated stories ("reuse":
paragraphs needed per corpus paragraph) but paragraphs do not. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

from variorum.core.stories import StoryInput

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear-train" / "text"

ORIGINAL, REPOST, REWRITE = "original", "re-post", "rewrite"
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘A-Z])")
_QUOTE_RE = re.compile(r"[\"“][^\"“”]{8,}[\"”]")
_WORD_RE = re.compile(r"\w+|[^\w\s]+")
BOILERPLATE = [
    "Subscribe to our newsletter for the day's top stories.",
    "Share this article on Facebook Twitter Email",
    "Advertisement",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Related: More politics coverage",
    "Copyright 2016. All rights reserved. This material may not be republished without permission.",
    "Click here to sign up for breaking news alerts.",
    "Follow us on social media for live updates.",
    "Read more: Election 2016 live coverage",
    "Comments are closed for this article.",
]


@dataclass(frozen=True)
class Archive:
    docs: list[StoryInput]
    story: list[int]
    """True story number of each doc."""
    kind: list[str]
    """original, re-post or rewrite."""
    reuse: float
    """How many originals each corpus paragraph was used in, on average."""
    recombined: list[bool]
    """Whether each doc's story was made of recombined sentences (the corpus paragraphs
    had run out): such stories share sentences with unrelated ones, as real news rarely
    does, so the benchmark also reports the stories made of unshared paragraphs apart."""


def corpus_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n")]
        paragraphs += [b for b in blocks[1:] if len(b.split()) >= 15]
    return paragraphs


def build(
    n: int,
    seed: int = 1,
    paragraphs: list[str] | None = None,
    length: tuple[int, int] = (6, 14),
) -> Archive:
    """``n`` articles; originals of ``length`` paragraphs (fewer make a quicker archive)."""
    rng = random.Random(seed)
    pool = paragraphs if paragraphs is not None else corpus_paragraphs()
    vocab = sorted({w for p in pool[:3000] for w in re.findall(r"[a-z]{4,}", p)})
    order = list(range(len(pool)))
    rng.shuffle(order)
    sentences = [x for p in pool for x in _SENTENCE_RE.split(p) if len(x.split()) >= 6]
    cursor = used = 0
    docs: list[StoryInput] = []
    story: list[int] = []
    kind: list[str] = []
    recombined: list[bool] = []
    arrived: list[int] = []
    s = 0
    while len(docs) < n:
        size = 1 if rng.random() < 0.45 else rng.randint(2, 8)
        size = min(size, n - len(docs))
        count = rng.randint(*length)
        picked = []
        mixed = cursor + count > len(order)
        for _ in range(count):
            if cursor < len(order):
                picked.append(pool[order[cursor]])
                cursor += 1
            else:
                picked.append(_mixed_paragraph(sentences, rng))
            used += 1
        title = _headline(picked[0], rng)
        dated = rng.random() < 0.5
        day = rng.randint(1, 300)
        versions = [(title, picked, ORIGINAL)]
        for _ in range(size - 1):
            if rng.random() < 0.35:
                versions.append((_retitle(title, rng), _rewrite(picked, rng, vocab), REWRITE))
            else:
                versions.append(_repost(title, picked, sentences, rng))
        for v, (head, paras, what) in enumerate(versions):
            published = (
                f"2016-{1 + (day + v) // 28 % 12:02d}-{1 + (day + v) % 28:02d}" if dated else None
            )
            text = head + "\n\n" + "\n\n".join(paras)
            docs.append(StoryInput(f"a{len(docs):07d}", text, head, published))
            arrived.append(day + v)
            story.append(s)
            kind.append(what)
            recombined.append(mixed)
        s += 1
    # An archive holds articles in the order they arrived: by day, a story's versions on the
    # days they appeared among every other story of those days, not side by side (dated or
    # not, an article arrives when it is published).
    # (its own random order within a day, so the archive's text is the same as before)
    within_day = random.Random(seed + 1)
    ties = [within_day.random() for _ in docs]
    arrival = sorted(range(len(docs)), key=lambda i: (arrived[i], ties[i]))
    return Archive(
        [replace(docs[i], id=f"a{k:07d}") for k, i in enumerate(arrival)],
        [story[i] for i in arrival],
        [kind[i] for i in arrival],
        used / len(pool),
        [recombined[i] for i in arrival],
    )


def _headline(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split()[: rng.randint(6, 10)]
    return " ".join(w.capitalize() if len(w) > 3 else w for w in words).rstrip(",.;:")


def _retitle(title: str, rng: random.Random) -> str:
    words = title.split()
    rng.shuffle(words)
    return " ".join(words[: max(3, len(words) - 2)]) + rng.choice(
        ["", " - Update", ": What We Know"]
    )


def _mixed_paragraph(sentences: list[str], rng: random.Random) -> str:
    """A paragraph of real sentences from different articles: once every corpus paragraph
    is used, new text is made this way, so unrelated stories never share a paragraph."""
    return " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 4)))


def _repost(
    title: str, paras: list[str], sentences: list[str], rng: random.Random
) -> tuple[str, list[str], str]:
    out = list(paras)
    edits = rng.sample(
        ["cut", "insert", "reorder", "quotes", "spaces", "boiler", "headline", "truncate"],
        k=rng.randint(2, 4),
    )
    if "cut" in edits:
        out = [p for p in out if rng.random() > 0.25] or out[:1]
    if "truncate" in edits:
        out = out[: max(2, int(len(out) * rng.uniform(0.5, 0.9)))]
    if "insert" in edits:
        for _ in range(rng.randint(1, 2)):
            out.insert(rng.randint(0, len(out)), _mixed_paragraph(sentences, rng))
    if "reorder" in edits and len(out) > 2:
        i, j = rng.sample(range(len(out)), 2)
        out[i], out[j] = out[j], out[i]
    if "quotes" in edits:
        out = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in out]
        out = [p.replace("'", "\u2019") for p in out]
    if "spaces" in edits:
        out = [p.replace(". ", ".  ").replace(", ", ",\u00a0") for p in out]
    if "boiler" in edits:
        out = [rng.choice(BOILERPLATE), *out, *rng.sample(BOILERPLATE, 2)]
    head = _retitle(title, rng) if "headline" in edits else title
    return head, out, REPOST


def _rewrite(paras: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    kept = [p for p in paras if rng.random() < 0.55] or paras[:2]
    out = []
    for p in kept:
        sentences = _SENTENCE_RE.split(p)
        new = []
        for sentence in sentences:
            if _QUOTE_RE.search(sentence):
                new.append(_rephrase_around_quotes(sentence, rng, vocab))
            elif rng.random() < 0.8:
                new.append(_rephrase(sentence, rng, vocab))
        if new:
            out.append(" ".join(new))
    return out or [_rephrase(paras[0], rng, vocab)]


def _rephrase_around_quotes(sentence: str, rng: random.Random, vocab: list[str]) -> str:
    parts = re.split(r"([\"“][^\"“”]{8,}[\"”])", sentence)
    return "".join(
        part if _QUOTE_RE.fullmatch(part) else _rephrase(part, rng, vocab) for part in parts
    )


def _rephrase(text: str, rng: random.Random, vocab: list[str]) -> str:
    """Names (capitalised words) and numbers stay; of the other words about 40 % stay, 30 %
    go and 30 % become another word; clauses may swap."""
    out = []
    for token in _WORD_RE.findall(text):
        if not token[0].isalpha() or token[0].isupper():
            out.append(token)
            continue
        r = rng.random()
        if r < 0.4:
            out.append(token)
        elif r < 0.7:
            out.append(rng.choice(vocab))
    sentence = " ".join(out)
    clauses = sentence.split(" , ")
    if len(clauses) > 1 and rng.random() < 0.5:
        clauses = clauses[1:] + clauses[:1]
    return " , ".join(clauses).replace(" ,", ",").replace(" .", ".")
