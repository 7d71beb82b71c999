"""Ingest speed and HTML extractor quality.

    .venv/bin/python benchmarks/ingest.py [--files 2000] [--skip-folder] [--skip-html] [--pdf]

Folder: writes N generated articles (a mix of .txt, .md, .html, .eml and .docx) to a temporary
folder and times ``load_many`` over it, with a progress callback as the GUI uses, reporting
files per second and the slowest format. HTML: scores trafilatura (with and without tables),
readability-lxml and our per-page choice (``variorum.core.ingest.html``) on the 2006 BBC page
(../shared/corpus/bbc/, the story is the text between the page's own "S BO"/"E BO" markers)
and on modern pages generated here around the seed stories (nav, share bar, related links,
comments, cookie banner): word recall and precision against the story, whether the lead
sentence survived, and milliseconds per page. Figures are written up in docs/ingest-html.md.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher
from email.message import EmailMessage
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from variorum.core.ingest import html as html_ingest  # noqa: E402
from variorum.core.ingest import load_many  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
WORD_RE = re.compile(r"\w+")
VOCAB = [
    "council", "harbour", "plan", "approved", "minister", "said", "report", "market", "week",
    "talks", "agreement", "city", "police", "court", "officials", "election", "vote", "budget",
    "company", "shares", "growth", "energy", "climate", "water", "school", "hospital", "workers",
    "union", "strike", "bridge", "project", "residents", "critics", "government",
]


# ---------------------------------------------------------------- folder of generated articles
def _sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCAB) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _story(rng: random.Random) -> tuple[str, list[str]]:
    title = " ".join(rng.choice(VOCAB) for _ in range(6)).capitalize()
    paras = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(12)]
    return title, paras


def _write_article(folder: Path, index: int, rng: random.Random) -> str:
    title, paras = _story(rng)
    kind = ("txt", "md", "html", "eml", "docx")[index % 5]
    path = folder / f"article-{index:05d}.{kind}"
    if kind == "txt":
        path.write_text(title + "\n\n" + "\n\n".join(paras), encoding="utf-8")
    elif kind == "md":
        path.write_text(f"# {title}\n\n" + "\n\n".join(paras), encoding="utf-8")
    elif kind == "html":
        path.write_text(_modern_page(title, paras, rng), encoding="utf-8")
    elif kind == "eml":
        message = EmailMessage()
        message["From"] = "desk@example.com"
        message["Subject"] = title
        message["Date"] = "Sat, 10 Jun 2023 09:30:00 +0000"
        message.set_content("\n\n".join(paras))
        path.write_bytes(message.as_bytes())
    else:
        from docx import Document

        document = Document()
        document.add_heading(title, level=1)
        for para in paras:
            document.add_paragraph(para)
        buffer = io.BytesIO()
        document.save(buffer)
        path.write_bytes(buffer.getvalue())
    return kind


def bench_folder(count: int) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="variorum-ingest-") as tmp:
        folder = Path(tmp)
        kinds = Counter(_write_article(folder, i, rng) for i in range(count))
        calls = 0
        gaps: list[float] = []
        last = time.perf_counter()

        def progress(done: int, path: str) -> bool:
            nonlocal calls, last
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
            calls += 1
            return True

        started = time.perf_counter()
        report = load_many([folder], progress=progress)
        elapsed = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"folder: {count} files ({dict(kinds)})")
    print(f"  loaded {len(report.articles)}, failed {len(report.failures)} in {elapsed:.1f} s "
          f"({count / elapsed:.0f} files/s); progress called {calls} times, longest gap "
          f"between calls {max(gaps) * 1000:.0f} ms; peak RSS {rss:.0f} MB")
    for failure in report.failures[:5]:
        print("  failure:", failure)


# ------------------------------------------------------------------------------ HTML extractors
def _modern_page(title: str, paras: list[str], rng: random.Random, style: int = 0) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    nav = "".join(f'<li><a href="/{w}">{w.title()}</a></li>' for w in VOCAB[:8])
    related = "".join(
        f'<li><a href="/r{i}">{" ".join(rng.choice(VOCAB) for _ in range(7))}</a></li>'
        for i in range(6)
    )
    comments = "".join(
        f'<div class="comment"><p>{_sentence(rng)} Visit my site for cheap watches!</p></div>'
        for _ in range(4)
    )
    head = (
        f'<meta charset="utf-8"><title>{title} | Example News</title>'
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2023-06-10T09:30:00Z">'
    )
    chrome_top = f"<header><nav><ul>{nav}</ul></nav></header>"
    chrome_bottom = (
        '<div class="share">Share <a href="#">Facebook</a> <a href="#">Twitter</a></div>'
        f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>'
        f'<section id="comments"><h3>Comments</h3>{comments}</section>'
        '<div class="cookie-banner">This website uses cookies to improve your experience. '
        "We'll assume you're ok with this. Accept</div>"
        "<footer><p>Copyright 2023 Example News. All rights reserved.</p></footer>"
    )
    if style == 0:  # semantic HTML5
        main = f"<main><article><h1>{title}</h1><p>By Jane Doe</p>{body}</article></main>"
    elif style == 1:  # div soup, lead paragraph in its own "standfirst" block
        main = (
            f'<div id="content"><div class="headline"><h1>{title}</h1></div>'
            f'<div class="standfirst"><p>{paras[0]}</p></div>'
            f'<div class="story-body">{"".join(f"<p>{p}</p>" for p in paras[1:])}</div>'
            f'<div class="sidebar"><ul>{related}</ul></div></div>'
        )
    else:  # old-style layout table around a modern body
        main = (
            f'<table width="100%"><tr><td width="20%"><ul>{nav}</ul></td>'
            f"<td><h1>{title}</h1>{body}</td><td><ul>{related}</ul></td></tr></table>"
        )
    return f"<!DOCTYPE html><html><head>{head}</head><body>{chrome_top}{main}" \
        f"{chrome_bottom}</body></html>"


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD_RE.findall(text)]


def _score(truth: str, lead_text: str, got: str) -> tuple[float, float, bool]:
    t, g = _words(truth), _words(got)
    if not g:
        return 0.0, 0.0, False
    matched = sum(b.size for b in SequenceMatcher(None, t, g, autojunk=False).get_matching_blocks())
    lead = " ".join(_words(lead_text)[:8]) in " ".join(g)
    return matched / len(t), matched / len(g), lead


def _extractors() -> dict[str, Callable[[str], str]]:
    import trafilatura

    def tra(markup: str, tables: bool = True) -> str:
        return trafilatura.extract(markup, include_comments=False, include_tables=tables) or ""

    def rdb(markup: str) -> str:
        extraction, _title = html_ingest._run_readability(markup)
        return "\n".join(b.text for b in extraction.blocks) if extraction else ""

    def ours(markup: str) -> str:
        from variorum.core.ingest import load_bytes

        return load_bytes(markup.encode("utf-8"), "page.html").text

    return {
        "trafilatura": tra,
        "trafilatura (no tables)": lambda m: tra(m, tables=False),
        "readability-lxml": rdb,
        "variorum (chosen per page)": ours,
    }


def _pages() -> list[tuple[str, str, str, str]]:
    """(name, markup, story text, first body paragraph) for every page we score."""
    pages: list[tuple[str, str, str, str]] = []
    bbc = CORPUS / "bbc" / "6072486-A.html"
    if bbc.exists():
        markup = bbc.read_bytes().decode("cp1252")
        start, end = markup.index("<!-- S BO -->"), markup.index("<!-- E BO -->")
        story_html = re.sub(r"<script.*?</script>", " ", markup[start:end], flags=re.S | re.I)
        story = re.sub(r"<[^>]+>", " ", story_html)
        headline = re.search(r'name="Headline" content="([^"]+)"', markup)
        pages.append(("BBC 2006 (table layout)", markup,
                      (headline.group(1) if headline else "") + " " + story, story))
    rng = random.Random(3)
    seeds = sorted((CORPUS / "seeds").glob("*.txt")) if CORPUS.exists() else []
    stories = []
    # 002 is itself a copy-pasted page (its first line is a breadcrumb): not a clean truth
    for seed in [s for s in seeds if not s.name.startswith("002")][:3]:
        lines = [ln.strip() for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
        body = [ln for ln in lines[1:] if len(ln.split()) > 12 and ln != lines[0]]
        stories.append((lines[0], body))
    while len(stories) < 3:
        stories.append(_story(rng))
    for style, label in enumerate(["semantic HTML5", "div soup + standfirst", "layout table"]):
        for n, (title, paras) in enumerate(stories):
            pages.append((f"modern {label} #{n}", _modern_page(title, paras, rng, style),
                          title + " " + " ".join(paras), paras[0]))
    return pages


def bench_html() -> None:
    extractors = _extractors()
    rows: dict[str, list[tuple[str, float, float, bool, float]]] = {k: [] for k in extractors}
    for page_name, markup, story, lead_text in _pages():
        for name, extract in extractors.items():
            extract(markup)  # warm caches, then time
            started = time.perf_counter()
            got = extract(markup)
            ms = (time.perf_counter() - started) * 1000
            recall, precision, lead = _score(story, lead_text, got)
            rows[name].append((page_name, recall, precision, lead, ms))
    print("\nHTML extraction (recall / precision of story words, lead kept, ms per page)")
    for name, results in rows.items():
        print(f"  {name}")
        for page_name, recall, precision, lead, ms in results:
            print(f"    {page_name:34} R {recall:5.2f}  P {precision:5.2f}  "
                  f"lead {'yes' if lead else 'NO '}  {ms:6.0f} ms")


# ------------------------------------------------------------------------- PDF: pypdf vs pdfminer
def _qt_pdfs(folder: Path) -> list[tuple[str, Path, str]]:
    """PDFs printed with Qt (benchmarks may use Qt; core never does): seed 000 as flowing text,
    the 1859 Darwin chapter (long), and a hand-laid page run with a running header, page
    numbers and end-of-line hyphenation."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import (
        QFont,
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out: list[tuple[str, Path, str]] = []
    sources = [("seed 000", CORPUS / "seeds"), ("Darwin 1859", CORPUS / "darwin")]
    for label, where in sources:
        files = sorted(where.glob("*.txt")) if where.exists() else []
        if not files:
            continue
        text = files[0].read_text(encoding="utf-8")
        path = folder / f"{label.replace(' ', '-')}.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(writer)
        del writer
        out.append((label, path, text))
    # hand-laid: narrow column, hyphenated words, header and page number on every page
    rng = random.Random(5)
    paras = [" ".join(_sentence(rng) for _ in range(5)) for _ in range(30)]
    text = "\n\n".join(paras)
    path = folder / "headers.pdf"
    laid = QPdfWriter(str(path))
    laid.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)))
    painter = QPainter(laid)
    painter.setFont(QFont("Helvetica", 10))
    metrics = painter.fontMetrics()
    width = laid.width() * 0.6
    line_h = metrics.height() * 1.3
    y, page = line_h * 3, 1

    def furniture() -> None:
        painter.drawText(QRectF(0, 0, laid.width(), line_h), "Harbour Gazette — Weekly digest")
        painter.drawText(QRectF(0, laid.height() - line_h, laid.width(), line_h), f"{page}")

    furniture()
    for para in paras:
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if metrics.horizontalAdvance(trial) <= width:
                line = trial
                continue
            if len(word) > 6:  # hyphenate long words across the line end
                head = word[: len(word) // 2]
                painter.drawText(0, int(y), f"{line} {head}-".strip())
                line = word[len(word) // 2 :]
            else:
                painter.drawText(0, int(y), line)
                line = word
            y += line_h
            if y > laid.height() - line_h * 3:
                laid.newPage()
                page += 1
                furniture()
                y = line_h * 3
        painter.drawText(0, int(y), line)
        y += line_h * 2
    painter.end()
    out.append(("hand-laid, header + page numbers + hyphens", path, text))
    return out


def _pypdf_text(path: Path) -> str:
    from variorum.core.ingest import load_file

    return load_file(path).text


def _pypdf_raw(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def bench_pdf() -> None:
    try:
        from pdfminer.high_level import extract_text as pdfminer_text
    except ImportError:
        pdfminer_text = None
    with tempfile.TemporaryDirectory(prefix="variorum-pdf-") as tmp:
        pdfs = _qt_pdfs(Path(tmp))
        tools: dict[str, Callable[[Path], str]] = {"pypdf (raw)": _pypdf_raw,
                                                   "pypdf + variorum cleanup": _pypdf_text}
        if pdfminer_text is not None:
            tools["pdfminer.six (raw)"] = lambda p: pdfminer_text(str(p))
        print("\nPDF text (word similarity to the source, furniture left, ms per page)")
        from pypdf import PdfReader

        for label, path, truth in pdfs:
            pages = len(PdfReader(path).pages)
            print(f"  {label} ({pages} pages)")
            for name, tool in tools.items():
                started = time.perf_counter()
                got = tool(path)
                ms = (time.perf_counter() - started) * 1000 / pages
                t, g = _words(truth), _words(got)
                sim = SequenceMatcher(None, t, g, autojunk=False).ratio()
                furniture = " ".join(g).count("harbour gazette weekly digest")
                print(f"    {name:26} similarity {sim:5.3f}  header lines {furniture:3}  "
                      f"{ms:6.1f} ms/page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--skip-folder", action="store_true")
    parser.add_argument("--skip-html", action="store_true")
    parser.add_argument("--pdf", action="store_true",
                        help="compare pypdf with pdfminer.six (when importable); needs Qt")
    args = parser.parse_args(argv)
    if not args.skip_folder:
        bench_folder(args.files)
    if not args.skip_html:
        bench_html()
    if args.pdf:
        bench_pdf()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
