"""Fuzzing: random bytes and random mutations of valid files of every format may be refused,
never crash the loader (only IngestError escapes) and never hang (a time limit per case).

CI runs a fixed (derandomized) set so a red build always reproduces; set
VARIORUM_FUZZ_EXAMPLES=5000 to hunt with fresh random cases.
"""

from __future__ import annotations

import os
import time
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.ingest.builders import (
    docx_bytes,
    eml_bytes,
    html_page,
    odt_bytes,
    pdf_blank_pages,
    pdf_with_text,
)
from variorum.core.ingest import load_bytes
from variorum.core.ingest.errors import IngestError
from variorum.core.ingest.limits import Limits

CASE_LIMIT = Limits(timeout=2.0, max_pdf_pages=20)
HUNT = int(os.environ.get("VARIORUM_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=HUNT or 130,
    derandomize=not HUNT,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PARAS = [
    "The harbour authority approved the expansion of the terminal on Tuesday.",
    "“We have listened to every objection,” said Maria Lopez, the chair.",
]


def test_every_seed_file_loads() -> None:
    for name, data in valid_files().items():
        if name == "scan.pdf":
            continue
        assert "harbour authority" in load_bytes(data, name).text, name


@cache
def valid_files() -> dict[str, bytes]:
    return {
        "story.txt": "\n\n".join(PARAS).encode(),
        "story.md": ("# Harbour\n\n" + "\n\n".join(PARAS)).encode(),
        "story.html": html_page(PARAS, title="Harbour").encode(),
        "story.docx": docx_bytes(PARAS, heading="Harbour", title="Harbour"),
        "story.odt": odt_bytes(PARAS, heading="Harbour"),
        "story.eml": eml_bytes("\n\n".join(PARAS), subject="Harbour"),
        "story.rtf": (
            r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\title Harbour}}\f0 "
            + "".join(
                "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in p) + r"\par "
                for p in PARAS
            )
            + "}"
        ).encode("ascii"),
        "story.pdf": pdf_with_text(PARAS),
        "scan.pdf": pdf_blank_pages(2),
    }


def _load(data: bytes, name: str) -> None:
    started = time.monotonic()
    try:
        article = load_bytes(data, name, limits=CASE_LIMIT)
    except IngestError as err:
        assert err.reason and not err.reason.startswith("internal error"), err.reason
    else:
        assert article.text.strip()
    assert time.monotonic() - started < 5.0


@FUZZ
@given(
    data=st.binary(min_size=0, max_size=4096),
    name=st.sampled_from(
        ["a.txt", "a.md", "a.html", "a.docx", "a.odt", "a.pdf", "a.eml", "a.rtf", "a"]
    ),
)
def test_random_bytes(data: bytes, name: str) -> None:
    _load(data, name)


@FUZZ
@given(
    name=st.sampled_from(sorted(valid_files())),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 255), st.sampled_from(["set", "cut", "dup"])),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_valid_files(name: str, edits: list[tuple[float, int, str]]) -> None:
    data = bytearray(valid_files()[name])
    for where, value, how in edits:
        pos = int(where * (len(data) - 1)) if data else 0
        if how == "set" and data:
            data[pos] = value
        elif how == "cut":
            del data[pos : pos + value]
        else:
            data[pos:pos] = data[pos : pos + value]
    _load(bytes(data), name)
