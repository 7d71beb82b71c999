"""Speakers, quotes, organizations and people as CSV (RFC 4180, UTF-8 with BOM) and JSON, for
articles and for a compared pair."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from variorum.core.extract.data import Entity, Extraction, Mention, Quote, Speaker
from variorum.reports.speakers import (
    PAIR_COLUMNS,
    SINGLE_COLUMNS,
    ArticleSpeakers,
    articles_csv,
    pair_csv,
    pair_json,
    pair_speakers,
    write_csv,
)

A_TEXT = "“We will, “quote” it,” said Ann Holt. =SUM(A1) is not a formula. Acme Corp agreed."
B_TEXT = "“We will surely quote it,” said Ann Holt. Bo Ek of Acme Corp disagreed."


def quote(text: str, source: str, speaker: str) -> Quote:
    start = source.index(text)
    return Quote(text, start, start + len(text), speaker, "said", Mention("Ann Holt", 0, 8))


def extraction(source: str, *, formula: bool) -> Extraction:
    q = quote(source[1 : source.index(" it") + 3], source, "Ann Holt")
    speaker = Speaker("Ann Holt", "PERSON", ("Holt",), (q,))
    acme = Entity("Acme Corp", "ORG", ("Acme",), (Mention("Acme Corp", 0, 9),))
    people = (Entity("=SUM(A1)", "PERSON", (), (Mention("x", 0, 1),)),) if formula else ()
    if not formula:
        people = (Entity("Bo Ek", "PERSON", (), (Mention("Bo Ek", 0, 5),) * 2),)
    return Extraction((speaker,), (acme,), people)


def read_csv(path: Path) -> tuple[bytes, list[dict[str, str]]]:
    raw = path.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return raw, rows


def test_articles_csv_is_rfc4180_with_a_bom_and_no_formulas(tmp_path: Path) -> None:
    path = tmp_path / "speakers.csv"
    write_csv(str(path), articles_csv([ArticleSpeakers("a.txt", extraction(A_TEXT, formula=True))]))
    raw, rows = read_csv(path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(rows) + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    assert list(rows[0]) == list(SINGLE_COLUMNS)
    by_kind = {(r["kind"], r["name"]): r for r in rows}
    q = by_kind[("quote", "Ann Holt")]
    assert q["text"] == "We will, “quote” it" and q["file"] == "a.txt"
    assert A_TEXT[int(q["start"]) : int(q["end"])] == q["text"]
    assert q["attributed_by"] == "Ann Holt"
    assert by_kind[("speaker", "Ann Holt")]["quotes"] == "1"
    assert by_kind[("organization", "Acme Corp")]["aliases"] == "Acme"
    assert ("person", "'=SUM(A1)") in by_kind  # a spreadsheet shows it, never runs it


def test_pair_csv_and_json_say_in_a_in_b(tmp_path: Path) -> None:
    pair = pair_speakers(
        ArticleSpeakers("a.txt", extraction(A_TEXT, formula=False)),
        A_TEXT,
        ArticleSpeakers("b.txt", Extraction(extraction(B_TEXT, formula=False).speakers)),
        B_TEXT,
    )
    path = tmp_path / "pair.csv"
    write_csv(str(path), pair_csv(pair))
    _, rows = read_csv(path)
    assert list(rows[0]) == list(PAIR_COLUMNS)
    speaker = next(r for r in rows if r["kind"] == "speaker")
    assert (speaker["in_a"], speaker["in_b"], speaker["quotes_a"], speaker["quotes_b"]) == (
        "yes", "yes", "1", "1",
    )  # fmt: skip
    quotes = [(r["version"], r["text"]) for r in rows if r["kind"] == "quote"]
    assert quotes == [("A", "We will, “quote” it"), ("B", "We will surely quote it")]
    acme = next(r for r in rows if r["name"] == "Acme Corp")
    assert (acme["in_a"], acme["in_b"], acme["mentions_a"], acme["mentions_b"]) == (
        "yes", "no", "1", "0",
    )  # fmt: skip
    data = json.loads(json.dumps(pair_json(pair)))
    assert set(data) == {"a", "b", "speakers", "organizations", "people", "quote_drift"}
    assert data["a"]["path"] == "a.txt" and set(data["a"]) == {
        "path", "speakers", "organizations", "people",
    }  # fmt: skip
    (org,) = data["organizations"]
    assert (org["name"], org["in_a"], org["in_b"], org["mentions_a"]) == (
        "Acme Corp",
        True,
        False,
        1,
    )
    (drift,) = data["quote_drift"]
    assert drift["speaker"] == "Ann Holt"
    assert "surely" in "".join(c["b_text"] for c in drift["changes"])
    assert (drift["a"]["text"], drift["b"]["text"]) == (
        "We will, “quote” it",
        "We will surely quote it",
    )
