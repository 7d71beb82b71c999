"""``variorum compare --html/--pdf`` and ``variorum extract --csv``: the report files, written
from the command line; the PDF through Qt offscreen, Qt never imported for the others."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from unicodedata import normalize

import pytest
from pypdf import PdfReader

from tests.conftest import seed_path
from tests.reports.htmlruns import read
from variorum.cli.main import main
from variorum.core.ingest import load_file


def test_html_report_from_the_command_line(samples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    a, b = samples_dir / "01-wire-original.txt", samples_dir / "02-repost-edited.txt"
    code = main(["compare", "--no-speakers", "--side-by-side", "--html", str(out), str(a), str(b)])
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert load_file(a).title in html and "side by side" in html
    assert ("delete", "decisions") in read(html).runs
    assert "left out (--no-speakers)" in html


def test_unwritable_report_exits_1_naming_the_file(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "r.html"
    a, b = samples_dir / "01-wire-original.txt", samples_dir / "02-repost-edited.txt"
    assert main(["compare", "--no-speakers", "--html", str(out), str(a), str(b)]) == 1
    err = capsys.readouterr().err
    assert "cannot write the report" in err and str(out) in err
    assert list(tmp_path.iterdir()) == []  # no half report, no temporary file left


def test_html_path_never_imports_qt(samples_dir: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom variorum.cli.main import main\n"
        f"code = main(['compare', '--no-speakers', '--html', {str(tmp_path / 'r.html')!r}, "
        f"{str(samples_dir / '01-wire-original.txt')!r}, "
        f"{str(samples_dir / '02-repost-edited.txt')!r}])\n"
        "assert code == 0, code\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.corpus
@pytest.mark.slow
def test_pdf_report_holds_both_titles_and_the_similarity(seeds_dir: Path, tmp_path: Path) -> None:
    a, b = seed_path(seeds_dir, "000"), seed_path(seeds_dir, "001")
    out = tmp_path / "r.pdf"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets offscreen
    result = subprocess.run(
        [sys.executable, "-m", "variorum", "compare", "--no-speakers", "--pdf", str(out),
         str(a), str(b)],
        capture_output=True, text=True, env=env, timeout=240,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 3  # header, text and changes each start a page
    # NFKC: the PDF draws "fi" as a ligature
    text = normalize("NFKC", " ".join(" ".join(p.extract_text().split()) for p in reader.pages))
    for title in (load_file(a).title, load_file(b).title):
        assert " ".join(title.split()) in text
    assert re.search(r"Similarity \d{1,3} % similar", text)
    assert "semiconductor" in text and "chip" in text
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.endswith("1")  # the page number at the foot
    for page in reader.pages:  # every colour Qt was given is a real one (viewers choke)
        ops = page.get_contents().get_data().decode("latin-1").splitlines()
        assert not {"SCN", "scn"} & set(ops)


@pytest.mark.slow
def test_extract_csv(samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "speakers.csv"
    sample = samples_dir / "01-wire-original.txt"
    assert main(["extract", "--csv", str(out), str(sample)]) == 0
    assert str(sample) in capsys.readouterr().out  # the summary is still printed
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    text = load_file(sample).text
    quotes = [r for r in rows if r["kind"] == "quote"]
    assert quotes and all(r["file"] == str(sample) for r in rows)
    for r in quotes:
        assert text[int(r["start"]) : int(r["end"])] == r["text"]
    assert {"speaker", "quote", "organization", "person"} <= {r["kind"] for r in rows}
