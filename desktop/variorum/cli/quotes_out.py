"""``variorum compare --quotes``: who is quoted in A and B, and how their quotes drifted.

The speakers of both versions are found in worker processes (:mod:`variorum.core.extract.
workers`: both cores, the analysis time limit), then compared as the sidebar does
(:func:`variorum.core.extract.compare_extractions`). In the JSON, next to the comparison's own
keys (unchanged), ``"quote_drift"`` lists every statement of a speaker quoted in both versions
that was reworded, and ``"speakers"`` who is quoted only in A, only in B, or in both. Offsets
are into each article's text as ``variorum inspect`` reports it; a statement split by its
attribution (``"...," she said. "..."``) is one entry whose ``text`` joins the quotes with
" … " and whose ``start``/``end`` run from the first quote's start to the last one's end.
These are what the rules found: corrections made in the window are not applied here.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from variorum.core.article import Article
    from variorum.core.extract.data import Extraction
    from variorum.core.extract.drift_data import Drift, Passage


class QuotesUnavailableError(Exception):
    """The speakers could not be found (no model, an article over the analysis limit)."""


def pair_extractions(a: Article, b: Article) -> tuple[Extraction, Extraction]:
    """Both articles' extractions, one worker each; raises :class:`QuotesUnavailableError`
    (no model, an article over the analysis limit)."""
    from variorum.core.extract import ModelUnavailableError
    from variorum.core.extract.workers import AnalysisFailure, ExtractionPool

    try:
        with ExtractionPool() as pool:
            found = list(pool.map([a.text, b.text]))
    except ModelUnavailableError as err:
        raise QuotesUnavailableError(str(err)) from err
    done: list[Extraction] = []
    for article, result in zip((a, b), found, strict=True):
        if isinstance(result, AnalysisFailure):
            name = article.source_path or article.title
            raise QuotesUnavailableError(f"{name}: {result.reason}")
        done.append(result)
    return done[0], done[1]


def quote_drift(a: Article, b: Article) -> Drift:
    """The two articles' speakers compared; raises :class:`QuotesUnavailableError`."""
    from variorum.core.extract import compare_extractions

    ea, eb = pair_extractions(a, b)
    return compare_extractions(ea, eb, a.text, b.text)


def _passage(p: Passage) -> dict[str, Any]:
    return {"text": p.text, "start": p.quotes[0].start, "end": p.quotes[-1].end}


def quotes_json(drift: Drift) -> dict[str, Any]:
    """The ``--quotes`` keys; keep them stable."""
    sides: dict[str, list[str]] = {"only_a": [], "only_b": [], "both": []}
    key = {"a": "only_a", "b": "only_b", "both": "both"}
    for p in drift.speakers:
        sides[key[str(p.side)]].append(p.name)
    return {
        "quote_drift": [
            {
                "speaker": d.speaker,
                "a": _passage(d.a),
                "b": _passage(d.b),
                "similarity": round(d.similarity, 4),
            }
            for d in drift.quotes
        ],
        "speakers": sides,
    }


def write_quotes(drift: Drift, out: TextIO) -> None:
    """The plain-text form, after the word diff."""
    data = quotes_json(drift)
    out.write("\nSpeakers: ")
    labels = (("both", "in both"), ("only_a", "only in A"), ("only_b", "only in B"))
    parts = [
        f"{label}: {', '.join(data['speakers'][k])}" for k, label in labels if data["speakers"][k]
    ]
    out.write("; ".join(parts) or "none quoted")
    out.write("\n")
    if not drift.quotes:
        out.write(f"Quote drift: none ({drift.checked} quotes of the same speakers checked)\n")
        return
    out.write(f"Quote drift ({len(drift.quotes)}):\n")
    for d in drift.quotes:
        out.write(f"  {d.speaker} ({d.similarity:.0%} alike)\n")
        out.write(f"    A: “{' '.join(d.a.text.split())}”\n")
        out.write(f"    B: “{' '.join(d.b.text.split())}”\n")
