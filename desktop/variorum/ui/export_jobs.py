"""The work behind File › Export Report, Print and Export Speakers, run in a worker of the task
runner: find the speakers (the library's cached results when the sidebar already has them,
else the language model), build the report, write the file. No widget is touched here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.extract.data import Extraction
from variorum.core.options import CompareOptions
from variorum.reports.files import write_text
from variorum.reports.html import comparison_html
from variorum.reports.model import ComparisonReport, title_of
from variorum.reports.speakers import (
    ArticleSpeakers,
    PairSpeakers,
    articles_csv,
    extraction_json,
    pair_csv,
    pair_json,
    pair_speakers,
    write_csv,
)
from variorum.ui.tasks import TaskToken

if TYPE_CHECKING:  # the cache module imports the extraction engine (spaCy): not at start-up
    from variorum.core.extract.cache import AnalysisStore

REPORT_SUFFIXES = (".html", ".htm", ".pdf")
SPEAKER_SUFFIXES = (".csv", ".json")


@dataclass(frozen=True)
class Written:
    path: str
    size: int


@dataclass(frozen=True)
class SpeakerSource:
    """How to find speakers: the pipeline chosen in Preferences and the analysis cache."""

    model_name: str
    store: AnalysisStore | None
    available: bool = True
    """False when this build has no sidebar (no extraction code): said in the report."""


def find_extractions(
    articles: list[Article], source: SpeakerSource, token: TaskToken
) -> tuple[list[Extraction] | None, str]:
    """The articles' extractions as the analyst corrected them (what the sidebar shows), or
    None and the reason they could not be found."""
    if not source.available:
        return None, "Speakers are not available in this build."
    from variorum.core.corrections_store import CorrectionStore
    from variorum.core.extract import ModelUnavailableError
    from variorum.core.library import Library
    from variorum.ui.widgets.sidebar.controller import AnalysisFailedError, extract_articles

    try:
        results = extract_articles(articles, source.model_name, source.store, token)
    except (ModelUnavailableError, AnalysisFailedError) as err:
        return None, f"Speakers could not be found: {err}"
    found = [r for r in results if r is not None]
    if len(found) != len(articles):
        return None, "Finding the speakers was cancelled."
    if isinstance(source.store, Library):
        corrections = CorrectionStore(source.store)
        found = [corrections.apply(a.id, x) for a, x in zip(articles, found, strict=True)]
    return found, ""


def _name(article: Article) -> str:
    return PurePath(article.source_path).name if article.source_path else title_of(article)


def report_html(
    a: Article,
    b: Article,
    comparison: Comparison,
    options: CompareOptions,
    layout: str,
    source: SpeakerSource,
    token: TaskToken,
    *,
    paged: bool = False,
) -> str:
    extractions, note = find_extractions([a, b], source, token)
    speakers: PairSpeakers | None = None
    if extractions is not None:
        ea, eb = extractions
        speakers = pair_speakers(
            ArticleSpeakers(_name(a), ea), a.text, ArticleSpeakers(_name(b), eb), b.text
        )
    report = ComparisonReport(a, b, comparison, options, layout, speakers, note)
    return comparison_html(report, paged=paged)


def write_report(
    path: str,
    a: Article,
    b: Article,
    comparison: Comparison,
    options: CompareOptions,
    layout: str,
    source: SpeakerSource,
    token: TaskToken,
) -> Written:
    pdf = Path(path).suffix.lower() == ".pdf"
    html = report_html(a, b, comparison, options, layout, source, token, paged=pdf)
    if pdf:
        from variorum.ui.report_print import write_pdf

        return Written(path, write_pdf(html, path, f"{title_of(a)} → {title_of(b)}"))
    return Written(path, write_text(path, html))


def write_speakers(
    path: str, articles: list[Article], source: SpeakerSource, token: TaskToken
) -> Written:
    """CSV or JSON by the file's extension; one article, or a pair with in A / in B."""
    extractions, note = find_extractions(articles, source, token)
    if extractions is None:
        raise OSError(note)
    items = [ArticleSpeakers(_name(a), e) for a, e in zip(articles, extractions, strict=True)]
    as_json = Path(path).suffix.lower() == ".json"
    if len(items) == 2:
        pair = pair_speakers(items[0], articles[0].text, items[1], articles[1].text)
        if as_json:
            text = json.dumps(pair_json(pair), ensure_ascii=False, indent=2)
            return Written(path, write_text(path, text))
        return Written(path, write_csv(path, pair_csv(pair)))
    if as_json:
        data = extraction_json(items[0].name, items[0].extraction)
        return Written(path, write_text(path, json.dumps(data, ensure_ascii=False, indent=2)))
    return Written(path, write_csv(path, articles_csv(items)))
