"""What a comparison report holds, and the lines of its header, shared by every painter of it
(the HTML file, and through it the PDF and print)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

from variorum import __version__
from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.present.describe import options_text, similarity_text, stats_line
from variorum.reports.speakers import PairSpeakers

INLINE = "inline"
SIDE_BY_SIDE = "side_by_side"
LAYOUTS = (INLINE, SIDE_BY_SIDE)


@dataclass(frozen=True)
class ComparisonReport:
    a: Article
    """The base version."""
    b: Article
    comparison: Comparison
    options: CompareOptions
    layout: str = INLINE
    speakers: PairSpeakers | None = None
    speakers_note: str = ""
    """Why there are no speakers, when ``speakers`` is None (e.g. no language model)."""
    exported: datetime = field(default_factory=lambda: datetime.now().astimezone())
    version: str = __version__

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"unknown report layout {self.layout!r}")


def title_of(article: Article) -> str:
    return article.title or source_name(article) or "untitled"


def source_name(article: Article) -> str:
    """The file name only: a report is shared, the folders it came from are nobody's business."""
    if not article.source_path:
        return ""
    return PurePath(article.source_path).name


def article_rows(report: ComparisonReport) -> list[tuple[str, str, str]]:
    """(what, in A, in B) for the header's table; rows neither version fills are left out."""
    a, b = report.a, report.b
    rows = [
        ("Title", title_of(a), title_of(b)),
        ("Site", a.site or "", b.site or ""),
        ("Published", a.published or "", b.published or ""),
        ("Byline", a.byline or "", b.byline or ""),
        ("Source file", source_name(a), source_name(b)),
        ("Words", str(a.words), str(b.words)),
    ]
    return [row for row in rows if row[1] or row[2]]


def summary_rows(report: ComparisonReport) -> list[tuple[str, str]]:
    """(what, value) lines under the table: the figures and how the report was made."""
    when = report.exported.strftime("%Y-%m-%d %H:%M %Z").strip()
    layout = "side by side" if report.layout == SIDE_BY_SIDE else "inline"
    return [
        ("Similarity", similarity_text(report.comparison.similarity)),
        ("Changes", stats_line(report.comparison)),  # "47 changes in 28 paragraphs · +227 …"
        ("Options", options_text(report.options)),
        ("View", layout),
        ("Exported", f"{when} by Variorum {report.version}"),
    ]
