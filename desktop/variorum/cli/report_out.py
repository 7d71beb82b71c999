"""``variorum compare --html/--pdf``: the comparison report written to files.

The speakers and quote drift need the language model (a few seconds to load); ``--no-speakers``
leaves them out, and a missing model is said in the report instead of failing it. The PDF is
painted by Qt, imported only on that path and run offscreen, so no display is needed.
"""

from __future__ import annotations

import argparse
import os
import sys

from variorum.core.article import Article
from variorum.core.changes import Comparison
from variorum.core.options import CompareOptions
from variorum.reports.model import INLINE, SIDE_BY_SIDE, ComparisonReport, title_of
from variorum.reports.speakers import ArticleSpeakers, PairSpeakers, pair_speakers


def _speakers(args: argparse.Namespace, a: Article, b: Article) -> tuple[PairSpeakers | None, str]:
    if args.no_speakers:
        return None, "Speakers were left out (--no-speakers)."
    from variorum.cli.quotes_out import QuotesUnavailableError, pair_extractions

    try:
        ea, eb = pair_extractions(a, b)  # in worker processes, under the analysis limits
    except QuotesUnavailableError as err:
        return None, f"Speakers could not be found: {err}"
    return pair_speakers(ArticleSpeakers(args.a, ea), a.text, ArticleSpeakers(args.b, eb),
                         b.text), ""  # fmt: skip


def write_reports(
    args: argparse.Namespace,
    a: Article,
    b: Article,
    comparison: Comparison,
    options: CompareOptions,
) -> int:
    from variorum.reports.files import write_text
    from variorum.reports.html import comparison_html

    speakers, note = _speakers(args, a, b)
    layout = SIDE_BY_SIDE if args.side_by_side else INLINE
    report = ComparisonReport(a, b, comparison, options, layout, speakers, note)
    try:
        if args.html:
            write_text(args.html, comparison_html(report))
        if args.pdf:
            write_pdf(report, args.pdf)
    except OSError as err:
        print(f"variorum: cannot write the report: {err}", file=sys.stderr)
        return 1
    return 0


def write_pdf(report: ComparisonReport, path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from variorum.reports.html import comparison_html
    from variorum.ui.report_print import write_pdf as paint_pdf

    app = QGuiApplication.instance() or QGuiApplication(["variorum"])
    title = f"{title_of(report.a)} → {title_of(report.b)}"
    paint_pdf(comparison_html(report, paged=True), path, title)
    del app
