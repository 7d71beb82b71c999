"""Speakers with their quotes, organizations and people as CSV and JSON, for one or more
articles or for a compared pair (then each row says whether it is in A, in B or both).

CSV follows RFC 4180 (CRLF line ends, fields quoted when needed) in UTF-8 with a byte order
mark, which spreadsheet programs need to read UTF-8. A text cell that a spreadsheet would
run as a formula (starting with = + - @ or a tab) gets a leading apostrophe: article text is
untrusted input. Offsets are into the article's text as ``variorum inspect`` reports it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from variorum.core.extract.data import Entity, Extraction, Speaker
from variorum.core.extract.drift_data import Drift, Presence, Side
from variorum.reports.files import write_text

SINGLE_COLUMNS = (
    "file", "kind", "name", "label", "aliases", "quotes", "mentions",
    "text", "start", "end", "verb", "attributed_by",
)  # fmt: skip
PAIR_COLUMNS = (
    "kind", "name", "label", "aliases", "in_a", "in_b", "quotes_a", "quotes_b",
    "mentions_a", "mentions_b", "version", "text", "start", "end", "verb", "attributed_by",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ArticleSpeakers:
    """One article's extraction, and the name its rows go by (a path or a title)."""

    name: str
    extraction: Extraction


@dataclass(frozen=True)
class PairSpeakers:
    a: ArticleSpeakers
    b: ArticleSpeakers
    drift: Drift


def pair_speakers(a: ArticleSpeakers, a_text: str, b: ArticleSpeakers, b_text: str) -> PairSpeakers:
    """Both extractions and what differs between them (the texts group split quotes)."""
    from variorum.core.extract.drift import compare_extractions

    drift = compare_extractions(a.extraction, b.extraction, a_text, b_text)
    return PairSpeakers(a, b, drift)


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {"name": entity.name, "aliases": list(entity.aliases), "mentions": len(entity.mentions)}


def extraction_json(path: str, extraction: Extraction) -> dict[str, Any]:
    """The ``variorum extract --json`` contract for one article; keys are only ever added."""
    return {
        "path": path,
        "speakers": [
            {
                "name": s.name,
                "aliases": list(s.aliases),
                "description": s.label == "DESCRIPTION",
                "unresolved": s.label == "UNRESOLVED",
                "quotes": [
                    {
                        "text": q.text,
                        "start": q.start,
                        "end": q.end,
                        "verb": q.verb,
                        "mention": q.mention.to_dict() if q.mention else None,
                    }
                    for q in s.quotes
                ],
            }
            for s in extraction.speakers
        ],
        "organizations": [_entity_json(e) for e in extraction.organizations],
        "people": [_entity_json(e) for e in extraction.people],
    }


def count_of(item: Entity | Speaker | None) -> int:
    """Quotes of a speaker, mentions of an entity; 0 when absent from that version."""
    if item is None:
        return 0
    return len(item.quotes) if isinstance(item, Speaker) else len(item.mentions)


def _aliases(p: Presence) -> list[str]:
    seen: dict[str, None] = {}
    for item in (p.a, p.b):
        if item is not None:
            seen.update(dict.fromkeys(item.aliases))
    return list(seen)


def _presence_json(p: Presence, count_key: str) -> dict[str, Any]:
    return {
        "name": p.name,
        "label": p.label,
        "aliases": _aliases(p),
        "in_a": p.side is not Side.ONLY_B,
        "in_b": p.side is not Side.ONLY_A,
        f"{count_key}_a": count_of(p.a),
        f"{count_key}_b": count_of(p.b),
    }


def pair_json(pair: PairSpeakers) -> dict[str, Any]:
    """Both articles in the extract contract, then who and what is in A, in B or both, and
    the quotes worded differently (offsets of their changes into the two passages)."""
    drift = pair.drift
    return {
        "a": extraction_json(pair.a.name, pair.a.extraction),
        "b": extraction_json(pair.b.name, pair.b.extraction),
        "speakers": [_presence_json(p, "quotes") for p in drift.speakers],
        "organizations": [_presence_json(p, "mentions") for p in drift.organizations],
        "people": [_presence_json(p, "mentions") for p in drift.people],
        "quote_drift": [
            {
                "speaker": d.speaker,
                "similarity": round(d.similarity, 4),
                "a": {"text": d.a.text, "spans": d.a.spans()},
                "b": {"text": d.b.text, "spans": d.b.spans()},
                "changes": [
                    {
                        "kind": str(c.kind),
                        "a_start": c.a_start,
                        "a_end": c.a_end,
                        "b_start": c.b_start,
                        "b_end": c.b_end,
                        "a_text": c.a_text,
                        "b_text": c.b_text,
                    }
                    for c in d.changes
                ],
            }
            for d in drift.quotes
        ],
    }


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(columns: Sequence[str], rows: Iterable[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _safe(value) for key, value in row.items()})
    return out.getvalue()


def _single_rows(item: ArticleSpeakers) -> Iterable[dict[str, object]]:
    extraction = item.extraction
    for s in extraction.speakers:
        yield {"file": item.name, "kind": "speaker", "name": s.name, "label": s.label,
               "aliases": "; ".join(s.aliases), "quotes": len(s.quotes)}  # fmt: skip
        for q in s.quotes:
            yield {"file": item.name, "kind": "quote", "name": s.name, "label": s.label,
                   "text": q.text, "start": q.start, "end": q.end, "verb": q.verb,
                   "attributed_by": q.mention.text if q.mention else ""}  # fmt: skip
    for kind, entities in (("organization", extraction.organizations),
                           ("person", extraction.people)):  # fmt: skip
        for e in entities:
            yield {"file": item.name, "kind": kind, "name": e.name, "label": e.label,
                   "aliases": "; ".join(e.aliases), "mentions": len(e.mentions)}  # fmt: skip


def articles_csv(items: Sequence[ArticleSpeakers]) -> str:
    """One table for one or more articles: a row per speaker, quote, organization and person,
    each naming its file."""
    return _csv(SINGLE_COLUMNS, (row for item in items for row in _single_rows(item)))


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _pair_rows(pair: PairSpeakers) -> Iterable[dict[str, object]]:
    drift = pair.drift
    for p in drift.speakers:
        yield {"kind": "speaker", "name": p.name, "label": p.label,
               "aliases": "; ".join(_aliases(p)), "in_a": _yes(p.side is not Side.ONLY_B),
               "in_b": _yes(p.side is not Side.ONLY_A), "quotes_a": count_of(p.a),
               "quotes_b": count_of(p.b)}  # fmt: skip
        for version, speaker in (("A", p.a), ("B", p.b)):
            if not isinstance(speaker, Speaker):
                continue
            for q in speaker.quotes:
                yield {"kind": "quote", "name": p.name, "label": p.label, "version": version,
                       "text": q.text, "start": q.start, "end": q.end, "verb": q.verb,
                       "attributed_by": q.mention.text if q.mention else ""}  # fmt: skip
    for kind, presences in (("organization", drift.organizations), ("person", drift.people)):
        for p in presences:
            yield {"kind": kind, "name": p.name, "label": p.label,
                   "aliases": "; ".join(_aliases(p)), "in_a": _yes(p.side is not Side.ONLY_B),
                   "in_b": _yes(p.side is not Side.ONLY_A), "mentions_a": count_of(p.a),
                   "mentions_b": count_of(p.b)}  # fmt: skip


def pair_csv(pair: PairSpeakers) -> str:
    """One table for a compared pair: speakers, organizations and people with in A / in B
    and their counts on each side; each quote with the version it is in."""
    return _csv(PAIR_COLUMNS, _pair_rows(pair))


def write_csv(path: str, text: str) -> int:
    """UTF-8 with a byte order mark, the CRLF line ends kept; returns the size written."""
    return write_text(path, text, bom=True)
