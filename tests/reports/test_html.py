"""The HTML comparison report: self-contained, escaped, the same marks as the view, a header
that says what was compared and how, the change list, the quote drift and the speakers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import seed_path
from tests.reports.htmlruns import read
from variorum.core.article import Article, ArticleDraft, build_article
from variorum.core.diff import compare_texts
from variorum.core.extract.data import Entity, Extraction, Mention, Quote, Speaker
from variorum.core.ingest import load_file
from variorum.core.options import CompareOptions
from variorum.reports.html import comparison_html
from variorum.reports.model import ComparisonReport
from variorum.reports.speakers import ArticleSpeakers, pair_speakers

EXTERNAL = re.compile(r"(?i)\b(?:https?|file|ftp|data|javascript):|<script|\bsrc\s*=|@import|url\(")


def article(text: str, title: str, path: str | None = None) -> Article:
    draft = ArticleDraft("text", text.split("\n\n"), title=title)
    return build_article(draft, path)


def report_of(a: Article, b: Article, **extra: object) -> str:
    comparison = compare_texts(a.text, b.text)
    report = ComparisonReport(a, b, comparison, CompareOptions(), **extra)  # type: ignore[arg-type]
    return comparison_html(report)


@pytest.fixture(scope="module")
def seeds_report(seeds_dir: Path) -> str:
    a = load_file(seed_path(seeds_dir, "000"))
    b = load_file(seed_path(seeds_dir, "001"))
    return report_of(a, b)


@pytest.mark.corpus
def test_report_figures_use_the_window_vocabulary(seeds_report: str) -> None:
    """The report says the figures as the pane's header does: changes and the paragraphs
    they touch, once each (no engine "units", no count repeated before them)."""
    figures = re.search(r"(\d+) changes? in (\d+) paragraphs? · \+\d+ words inserted", seeds_report)
    assert figures is not None
    assert f"{figures.group(1)}: {figures.group(1)} change" not in seeds_report
    assert "units changed" not in seeds_report and "unit changed" not in seeds_report


@pytest.mark.corpus
def test_seeds_report_marks_the_edit_and_is_self_contained(seeds_report: str) -> None:
    runs = read(seeds_report, within="flow").runs
    assert ("delete", "semiconductor") in runs
    assert ("insert", "chip") in runs
    # the old and the new word, kept apart by the separator the style sheet draws
    first = runs.index(("delete", "semiconductor"))
    assert runs[first + 1 : first + 3] == [("gap", "\u2009"), ("insert", "chip")]
    assert '<span class="gap"></span>' in seeds_report  # drawn, not text: never copied
    assert EXTERNAL.search(seeds_report) is None
    reader = read(seeds_report)
    assert "script" not in reader.tags and "img" not in reader.tags and "link" not in reader.tags
    # every link stays inside the file and lands somewhere
    assert reader.hrefs and all(h.startswith("#") for h in reader.hrefs)
    assert {h[1:] for h in reader.hrefs} <= set(reader.ids)
    assert len(reader.ids) == len(set(reader.ids))


def test_article_text_is_escaped_everywhere() -> None:
    hostile = "Breaking <script>alert(1)</script> news &lt; here"
    a = article(f"{hostile}\n\nSecond paragraph stays.", hostile, "/home/me/secret/a.txt")
    b = article("Breaking news &lt; there\n\nSecond paragraph stays.", "Plain", "b.txt")
    html = report_of(a, b)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;lt;" in html and "&lt; here" not in html
    assert "/home/me" not in html and "a.txt" in html  # the file name, never its folders
    for layout in ("inline", "side_by_side"):
        text = read(report_of(a, b, layout=layout))
        deleted = "".join(t for k, t in text.runs if k == "delete")
        assert "<script>alert(1)</script>" in deleted  # shown as the article wrote it
    side = report_of(a, b, layout="side_by_side")
    assert "<script" not in side.lower() and 'class="side"' in side


def test_header_names_both_versions_and_how_they_were_compared() -> None:
    a = article("The council met on Monday.\n\nIt voted.", "Council meets", "/x/old.txt")
    b = article("The council met on Tuesday.\n\nIt voted.", "Council met", "new.md")
    when = datetime(2024, 5, 6, 7, 8, tzinfo=UTC)
    comparison = compare_texts(a.text, b.text)
    options = CompareOptions(ignore_case=True)
    report = ComparisonReport(
        a, b, comparison, options, exported=when, speakers_note="No language model."
    )
    html = comparison_html(report)
    for expected in (
        "Council meets", "Council met", "old.txt", "new.md", "% similar",
        "Ignore upper/lower case", "2024-05-06 07:08 UTC", f"Variorum {report.version}",
        "Changes (1)", "No language model.", "Legend",
    ):  # fmt: skip
        assert expected in html, expected
    assert "thousands separators" not in html  # an option that was off
    assert html.count('class="section"') == 3
    assert "@media print" in html and "page-break-before: always" in html


def _quote(text: str, start: int, speaker: str) -> Quote:
    return Quote(text, start, start + len(text), speaker, "said", Mention(speaker, 0, 3))


def test_quote_drift_and_speakers_of_both_versions() -> None:
    a_text = "“China has some of the best AI talent,” Altman said. Huawei agreed."
    b_text = "“China has the best AI talent,” Altman said. Kim Lee disagreed."
    a = article(a_text, "A")
    b = article(b_text, "B")
    huawei = Entity("Huawei", "ORG", (), (Mention("Huawei", 53, 59),))
    lee = Entity("Kim Lee", "PERSON", (), (Mention("Kim Lee", 45, 52),))
    ea = Extraction(
        (Speaker("Altman", "PERSON", (), (_quote(a_text[1:37], 1, "Altman"),)),), (huawei,)
    )
    eb = Extraction(
        (Speaker("Altman", "PERSON", (), (_quote(b_text[1:29], 1, "Altman"),)),), (), (lee,)
    )
    pair = pair_speakers(ArticleSpeakers("a", ea), a_text, ArticleSpeakers("b", eb), b_text)
    html = report_of(a, b, speakers=pair)
    assert "Quote drift (1)" in html
    drift = html[html.index("Quote drift (1)") : html.index("Speakers, organizations")]
    assert ("delete", "some of") in read(drift).runs
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(yes|no)</td><td>(yes|no)</td>", html)
    assert ("Altman", "yes", "yes") in rows
    assert ("Huawei", "yes", "no") in rows
    assert ("Kim Lee", "no", "yes") in rows
