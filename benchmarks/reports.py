"""Size and export time of the comparison reports for Darwin's chapter I, 1859 vs 1872.

    .venv/bin/python benchmarks/reports.py [--runs 3] [--no-process]

In this process (median of --runs): the comparison itself (the reference every export time is
divided by), the HTML report inline and side by side, the PDF (painted by Qt offscreen from
the same HTML), and the speaker list as CSV and JSON once both extractions are done (the
extraction, run once, is printed apart: it is the language model's time, not the report's).
Each file's size is printed beside the two chapters' text (the reference for sizes), as a
ratio. Then, unless --no-process, whole ``variorum compare --html/--pdf`` processes, with and
without the speakers, beside a ``variorum compare --json`` process.

Needs ../shared/corpus beside the checkout (it is never copied into the repository).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from variorum.core.diff import compare_texts  # noqa: E402
from variorum.core.ingest import load_file  # noqa: E402
from variorum.core.options import CompareOptions  # noqa: E402
from variorum.reports.html import comparison_html  # noqa: E402
from variorum.reports.model import ComparisonReport  # noqa: E402
from variorum.reports.speakers import (  # noqa: E402
    ArticleSpeakers,
    pair_csv,
    pair_json,
    pair_speakers,
)


def median(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def process(args: list[str], runs: int) -> float:
    cmd = [sys.executable, "-m", "variorum", *args]
    subprocess.run(cmd, capture_output=True, check=True)  # warm the bytecode cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-process", action="store_true")
    args = parser.parse_args()
    folder = CORPUS / "darwin"
    path_a, path_b = folder / "darwin-origin-ch1-1859.txt", folder / "darwin-origin-ch1-1872.txt"
    if not path_a.exists():
        print("needs ../shared/corpus/darwin beside the checkout")
        return 1
    a, b = load_file(path_a), load_file(path_b)
    text_kb = (len(a.text.encode()) + len(b.text.encode())) / 1024
    compare_s, comparison = median(lambda: compare_texts(a.text, b.text), args.runs)
    print(f"Darwin ch. I, 1859 vs 1872: {a.words} / {b.words} words, {text_kb:.0f} KB of text, "
          f"{len(comparison.changes)} changes")  # type: ignore[attr-defined]  # fmt: skip
    print(f"{'what':<34}{'time':>10}{'x compare':>11}{'size':>11}{'x text':>8}")
    print(f"{'compare (reference)':<34}{compare_s * 1000:>8.0f} ms{1.0:>10.1f}x")

    def row(name: str, seconds: float, size: int | None = None) -> None:
        sized = f"{size / 1024:>8.0f} KB{size / 1024 / text_kb:>7.1f}x" if size else ""
        print(f"{name:<34}{seconds * 1000:>8.0f} ms{seconds / compare_s:>10.1f}x{sized}")

    from PySide6.QtGui import QGuiApplication

    from variorum.ui.report_print import pdf_bytes, report_document

    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    for layout in ("inline", "side_by_side"):
        report = ComparisonReport(a, b, comparison, CompareOptions(), layout)  # type: ignore[arg-type]
        seconds, html = median(lambda r=report: comparison_html(r), args.runs)
        row(f"HTML report, {layout.replace('_', ' ')}", seconds, len(str(html).encode()))
        paged = comparison_html(report, paged=True)
        seconds, pdf = median(lambda p=paged: pdf_bytes(report_document(p), "bench"), args.runs)
        row(f"PDF report (Qt), {layout.replace('_', ' ')}", seconds, len(pdf))  # type: ignore[arg-type]

    from variorum.core.extract import extract_many, load_pipeline

    start = time.perf_counter()
    nlp = load_pipeline(None)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    ea, eb = extract_many([a.text, b.text], nlp)
    extract_s = time.perf_counter() - start
    row("language model load (once)", load_s)
    row("extraction of both (once)", extract_s)
    pair = pair_speakers(ArticleSpeakers("a", ea), a.text, ArticleSpeakers("b", eb), b.text)
    import json

    seconds, csv_text = median(lambda: pair_csv(pair), args.runs)
    row("speakers CSV (pair)", seconds, len(str(csv_text).encode("utf-8-sig")))
    seconds, data = median(lambda: json.dumps(pair_json(pair), ensure_ascii=False), args.runs)
    row("speakers JSON (pair)", seconds, len(str(data).encode()))
    report = ComparisonReport(a, b, comparison, CompareOptions(), speakers=pair)  # type: ignore[arg-type]
    seconds, html = median(lambda: comparison_html(report), args.runs)
    row("HTML report with speakers", seconds, len(str(html).encode()))
    del app

    if not args.no_process:
        print(f"\nwhole processes (median of {args.runs})")
        with tempfile.TemporaryDirectory() as tmp:
            pair_args = [str(path_a), str(path_b)]
            json_s = process(["compare", "--json", *pair_args], args.runs)
            print(f"{'variorum compare --json (reference)':<44}{json_s * 1000:>8.0f} ms")
            for name, extra in (
                ("--no-speakers --html", ["--no-speakers", "--html", f"{tmp}/r.html"]),
                ("--no-speakers --pdf", ["--no-speakers", "--pdf", f"{tmp}/r.pdf"]),
                ("--html (with speakers)", ["--html", f"{tmp}/s.html"]),
            ):
                seconds = process(["compare", *extra, *pair_args], args.runs)
                print(f"{'variorum compare ' + name:<44}{seconds * 1000:>8.0f} ms"
                      f"{seconds / json_s:>8.1f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
