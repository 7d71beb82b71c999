"""``variorum compare``: the JSON contract, the word diff for terminals and pipes, errors."""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from variorum.cli import compare_cmd, word_diff
from variorum.core.diff import compare_texts
from variorum.core.ingest import load_file
from variorum.core.options import CompareOptions

COMPARE_KEYS = {"a", "b", "similarity", "stats", "changes"}
STATS_KEYS = {"inserted_words", "deleted_words", "moved_words", "changed_units"}
CHANGE_KEYS = {"kind", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text", "detail"}


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="variorum compare")
    compare_cmd.add_arguments(parser)
    return parser.parse_args(list(argv))


@pytest.fixture()
def pair(samples_dir: Path) -> tuple[str, str]:
    return (
        str(samples_dir / "01-wire-original.txt"),
        str(samples_dir / "02-repost-edited.txt"),
    )


def test_json_contract(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code = compare_cmd.run(parse("--json", *pair))
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out) == COMPARE_KEYS
    assert (out["a"], out["b"]) == pair
    assert set(out["stats"]) == STATS_KEYS
    assert 0.5 < out["similarity"] < 1.0
    a_text, b_text = load_file(pair[0]).text, load_file(pair[1]).text
    assert out["changes"]
    for change in out["changes"]:
        assert set(change) == CHANGE_KEYS
        assert change["kind"] in {"insert", "delete", "replace", "move"}
        assert a_text[change["a_start"] : change["a_end"]] == change["a_text"]
        assert b_text[change["b_start"] : change["b_end"]] == change["b_text"]
        assert change["detail"] == [] or change["kind"] == "move"
    starts = [(c["b_start"], c["a_start"]) for c in out["changes"]]
    assert starts == sorted(starts)
    edits = {(c["a_text"], c["b_text"]) for c in out["changes"]}
    assert {("one of", ""), ("decisions", "decision"), ("will study", "studied")} <= edits


def test_plain_word_diff_when_not_a_terminal(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert compare_cmd.run(parse(*pair)) == 0
    out = capsys.readouterr().out
    assert "“This is [-one of-] the most important [-decisions-]{+decision+} this" in out
    assert "{>Reservoirs serving the city" in out  # moved up in the re-post
    assert "\x1b[" not in out
    assert "“We cannot keep praying" in out  # B's own text, quotes as B writes them


def test_colour_word_diff_marks_without_colour_alone(pair: tuple[str, str]) -> None:
    a, b = (load_file(p).text for p in pair)
    buffer = io.StringIO()
    word_diff.write_word_diff(compare_texts(a, b), buffer, color=True)
    out = buffer.getvalue()
    assert "\x1b[9;31mdecisions\x1b[m" in out  # struck out (red)
    assert "\x1b[4;34mdecision\x1b[m" in out  # underlined (blue, as in the window)
    assert "[-" not in out


def test_moves_and_deleted_paragraphs_in_plain_form() -> None:
    first = "The council voted on Tuesday to build a desalination plant on the breakwater."
    second = "Environmental groups opposed the vote and warned about the brine outflow."
    third = "The mayor said the city cannot keep praying for rain and must act now."
    a = "\n\n".join([first, second, third])
    b = "\n\n".join([second, first])
    buffer = io.StringIO()
    word_diff.write_word_diff(compare_texts(a, b), buffer, color=False)
    out = buffer.getvalue()
    assert "{>" + first + "<}" in out or "{>" + second + "<}" in out
    assert "\n\n[-" + third + "-]" in out


MOVED_PARAS = [
    "The council voted on Tuesday to build a desalination plant on the northern breakwater.",
    "The plant will produce forty million litres of drinking water a day when it opens.",
    "Environmental groups opposed the vote and warned about the brine outflow near the reef.",
    "The mayor said the island route was the best option for the ferry to take this year.",
]


def _moved_and_edited() -> tuple[str, str]:
    edited = MOVED_PARAS[3].replace("island", "northern").replace(" best", "")
    return "\n\n".join(MOVED_PARAS), "\n\n".join([edited, *MOVED_PARAS[:3]])


def test_json_lists_the_edits_inside_a_moved_passage() -> None:
    a, b = _moved_and_edited()
    data = compare_cmd.comparison_json("a", "b", compare_texts(a, b))
    (move,) = [c for c in data["changes"] if c["kind"] == "move"]
    assert set(move) == CHANGE_KEYS
    assert [(d["kind"], d["a_text"], d["b_text"]) for d in move["detail"]] == [
        ("replace", "island", "northern"),
        ("delete", "best", ""),
    ]
    for d in move["detail"]:
        assert set(d) == CHANGE_KEYS and d["detail"] == []
        assert a[d["a_start"] : d["a_end"]] == d["a_text"]
        assert b[d["b_start"] : d["b_end"]] == d["b_text"]


def test_word_diff_marks_the_edits_inside_a_moved_passage() -> None:
    a, b = _moved_and_edited()
    c = compare_texts(a, b)
    buffer = io.StringIO()
    word_diff.write_word_diff(c, buffer, color=False)
    assert buffer.getvalue().startswith(
        "[from ↓]{>The mayor said the [-island-]{+northern+} route was the [-best-] option for the "
        "ferry to take this year.<}\n\n"
    )
    buffer = io.StringIO()
    word_diff.write_word_diff(c, buffer, color=True)
    out = buffer.getvalue()
    # the inner marks, then the move's colour again (their reset would end it)
    move = "\x1b[4;53;35m"
    assert f"the \x1b[9;31misland\x1b[m{move}\x1b[4;34mnorthern\x1b[m{move} route" in out


def test_unreadable_input_exits_2_naming_the_file(
    tmp_path: Path, pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert compare_cmd.run(parse(str(bad), pair[1])) == 2
    err = capsys.readouterr().err
    assert err == f"variorum: cannot compare {bad}: not a text file\n"
    missing = tmp_path / "missing.txt"
    assert compare_cmd.run(parse(pair[0], str(missing))) == 2
    assert capsys.readouterr().err.startswith(f"variorum: cannot compare {missing}: ")


def test_options_from_flags() -> None:
    assert compare_cmd.options_from(parse("a", "b")) == CompareOptions()
    assert compare_cmd.options_from(parse("--strict", "a", "b")) == CompareOptions.strict()
    both = compare_cmd.options_from(parse("--ignore-case", "--ignore-punctuation", "a", "b"))
    assert both.ignore_case and both.ignore_punctuation and both.fold_quotes
    strict_case = compare_cmd.options_from(parse("--strict", "--ignore-case", "a", "b"))
    assert strict_case.ignore_case and not strict_case.fold_quotes


def test_strict_counts_quote_styles(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    compare_cmd.run(parse("--json", *pair))
    loose = json.loads(capsys.readouterr().out)
    compare_cmd.run(parse("--json", "--strict", *pair))
    strict = json.loads(capsys.readouterr().out)
    assert len(strict["changes"]) > len(loose["changes"])


@pytest.mark.skipif(
    importlib.util.find_spec("variorum.cli.main") is None, reason="CLI dispatcher missing"
)
def test_python_dash_m_variorum_compare_json(pair: tuple[str, str]) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "variorum", "compare", "--json", *pair],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == COMPARE_KEYS
    assert "PySide6" not in proc.stderr


HEAVY_FORMAT_MODULES = ("trafilatura", "lxml", "docx", "pypdf", "email", "defusedxml", "PySide6")


def test_comparing_plain_text_imports_no_format_library(pair: tuple[str, str]) -> None:
    """The format loaders are imported on first use of their format: a plain-text compare (the
    fast CLI path) must not pay for HTML, Word, PDF or e-mail parsing libraries."""
    script = (
        "import sys, json\n"
        "from variorum.cli import compare_cmd\n"
        "from variorum.core.ingest import load_file\n"
        "from variorum.core.diff import compare_texts\n"
        f"a, b = load_file({pair[0]!r}), load_file({pair[1]!r})\n"
        "compare_texts(a.text, b.text)\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    loaded = set(json.loads(proc.stdout))
    assert "variorum" in loaded
    assert not loaded & set(HEAVY_FORMAT_MODULES)


def test_other_formats_still_load_on_first_use(tmp_path: Path) -> None:
    """The lazy registry still reaches every format module (HTML here, Markdown's option too)."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title></head><body><article><p>"
        + "Lazy loading keeps the plain text path fast. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert "Lazy loading keeps" in load_file(page).text
    notes = tmp_path / "notes.md"
    notes.write_text("# Heading\n\nBody text of the note.\n", encoding="utf-8")
    article = load_file(notes)
    assert article.format == "markdown"
    assert [p.kind for p in article.paragraphs] == ["heading", "body"]


START_UP_SAVINGS = ("logging", "pathlib", "hashlib", "shutil", "charset_normalizer")
"""Standard-library and helper modules a plain-text compare does not need: together ~20 ms of a
~100 ms process (issue 3's start-up budget)."""


def test_compare_command_imports_only_what_it_needs(pair: tuple[str, str]) -> None:
    """The whole command, as `variorum compare --json A B` runs it: no logging set-up until
    something is logged, no pathlib for paths, no content hash, no terminal-size probe, no
    encoding detection for UTF-8, no format libraries; the garbage collector back on after."""
    script = (
        "import gc, io, json, sys\n"
        "from variorum.cli.main import main\n"
        "out, sys.stdout = sys.stdout, io.StringIO()\n"
        f"code = main(['compare', '--json', {pair[0]!r}, {pair[1]!r}])\n"
        "sys.stdout = out\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules})\n"
        "print(json.dumps([code, gc.isenabled(), loaded]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    code, gc_enabled, loaded = json.loads(proc.stdout)
    assert code == 0 and gc_enabled
    assert not set(loaded) & {*START_UP_SAVINGS, *HEAVY_FORMAT_MODULES}


def test_compare_help_does_not_load_the_engine() -> None:
    script = (
        "import sys\n"
        "from variorum.cli.main import main\n"
        "try:\n    main(['compare', '--help'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0\n"
        "assert 'variorum.core.diff' not in sys.modules, 'engine imported for --help'\n"
        "assert 'variorum.core.ingest.loader' not in sys.modules, 'loader imported for --help'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "--ignore-punctuation" in proc.stdout


def test_a_deleted_comma_is_marked_against_its_word() -> None:
    """Punctuation that followed its word in A is marked there, as git's word diff does:
    "strikes us[-,-] is", not "strikes us [-,-] is"; a deleted word still stands apart."""
    a = "One of the first points which strikes us, is that they differ much more."
    b = "One of the first points which strikes us is that they differ more."
    buffer = io.StringIO()
    word_diff.write_word_diff(compare_texts(a, b), buffer, color=False)
    assert buffer.getvalue() == (
        "One of the first points which strikes us[-,-] is that they differ [-much-] more.\n"
    )


@pytest.mark.slow
def test_quotes_adds_drift_and_speakers_keeping_the_compare_keys(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seed 000 (a wire report) against 002 (an aggregator's rewrite): Sam Altman's "some of
    the best AI talent" became "the best AI talent". The comparison's keys are unchanged; the
    new ones say who is quoted where and give each reworded statement with offsets into each
    article's text as ``inspect`` reports it."""
    from tests.conftest import seed_path
    from variorum.cli.main import main

    a_path, b_path = seed_path(seeds_dir, "000"), seed_path(seeds_dir, "002")
    assert main(["compare", "--json", "--quotes", str(a_path), str(b_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == COMPARE_KEYS | {"quote_drift", "speakers"}
    assert set(data["stats"]) == STATS_KEYS
    speakers = data["speakers"]
    assert set(speakers) == {"only_a", "only_b", "both"}
    named = [n for side in speakers.values() for n in side]
    assert len(named) == len(set(named))  # each speaker on one side only
    assert "Sam Altman" in speakers["both"]
    texts = {"a": load_file(a_path).text, "b": load_file(b_path).text}
    assert data["quote_drift"]
    for drift in data["quote_drift"]:
        assert set(drift) == {"speaker", "a", "b", "similarity"}
        assert drift["speaker"] in speakers["both"]
        assert 0 < drift["similarity"] <= 1
        for side in ("a", "b"):
            passage = drift[side]
            assert set(passage) == {"text", "start", "end"}
            quotes = passage["text"].split(" … ")  # a statement split by its attribution
            span = texts[side][passage["start"] : passage["end"]]
            assert span.startswith(quotes[0]) and span.endswith(quotes[-1])
    altman = [d for d in data["quote_drift"] if "some of the best" in d["a"]["text"]]
    assert altman and "the best AI talent" in altman[0]["b"]["text"]
    assert altman[0]["speaker"] == "Sam Altman"

    assert main(["compare", "--quotes", str(a_path), str(b_path)]) == 0
    plain = capsys.readouterr().out
    assert "Quote drift (" in plain and "A: “China has some of the best AI talent" in plain


def test_quotes_compares_two_files_only(pair: tuple[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    from variorum.cli.main import main

    assert main(["compare", "--quotes", *pair, pair[0]]) == 2
    assert "--quotes compares two files" in capsys.readouterr().err
