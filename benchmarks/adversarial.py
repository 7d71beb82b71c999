"""The adversarial catalogue of issue 10, run whole, with its tally.

    .venv/bin/python benchmarks/adversarial.py [--quick] [--only NAME]

Crafted files (every case of tests/ingest/pathological.py, the big ones included, plus zip
bombs, entities, encrypted and damaged files, FIFOs, devices, links), the command line under
closed and full streams, the window (``--screenshot``) fed bad files among good ones, a damaged
library and damaged settings. Each case is classified as

    loaded     the article (or the library, the settings) is there, with a warning if repaired
    refused    not loaded, with a message naming the reason
    crashed    a traceback, an "internal error", an abort, an exit code nobody chose
    hung       longer than its limit plus 5 s
    over mem   a loader process grew past its memory limit

and the tally is printed beside the issue's reference (243 attacks before: 13 crashed, 19 hung,
3 lost or corrupted data). Also printed: the worker process's start-up cost, cold and warm, and
the cost of one call to a warm worker. --quick leaves out the big files and the window.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO))

from tests.ingest.builders import docx_bytes, pdf_with_text, rezip  # noqa: E402
from tests.ingest.pathological import CASES  # noqa: E402

from variorum.core.ingest import isolation, load_many  # noqa: E402
from variorum.core.ingest.limits import DEFAULT_LIMITS  # noqa: E402
from variorum.core.sandbox import WorkerPool  # noqa: E402

GRACE = 5.0
CLI_LIMIT = 60.0
GOOD = b"A good story\n\nThe harbour council voted on Tuesday to buy a new electric ferry.\n"


@dataclass
class Result:
    group: str
    name: str
    verdict: str
    seconds: float
    detail: str


def classify_reason(reason: str) -> str:
    return "crashed" if reason.startswith("internal error") else "refused"


# -- crafted files --------------------------------------------------------------------------


def _extra_files(folder: Path) -> dict[str, Callable[[], str | None]]:
    """Files the operating system hands over oddly; each builder returns a path to load."""

    def write(name: str, data: bytes) -> str:
        path = folder / name
        path.write_bytes(data)
        return str(path)

    def zip_bomb() -> str:
        bomb = rezip(docx_bytes(["x"]), {"word/document.xml": b"<a>" + b" " * (300 << 20)})
        return write("bomb.docx", bomb)

    def entities() -> str:
        lol = (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(
                b'<!ENTITY lol%d "' % i + (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10 + b'">'
                for i in range(1, 10)
            )
            + b"]>"
        )
        content = lol + b"<office:document-content><p>&lol9;</p></office:document-content>"
        out = folder / "entities.odt"
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", content)
        return str(out)

    def encrypted_pdf() -> str:
        import io

        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        writer.append_pages_from_reader(PdfReader(io.BytesIO(pdf_with_text(["Secret."]))))
        writer.encrypt(user_password="pw", owner_password="o", algorithm="AES-256")
        buffer = io.BytesIO()
        writer.write(buffer)
        return write("locked.pdf", buffer.getvalue())

    def empty_password_pdf() -> str:
        import io

        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        writer.append_pages_from_reader(PdfReader(io.BytesIO(pdf_with_text(["Open story."]))))
        writer.encrypt(user_password="", owner_password="o", algorithm="AES-256")
        buffer = io.BytesIO()
        writer.write(buffer)
        return write("aes-empty.pdf", buffer.getvalue())

    def fifo() -> str | None:
        if not hasattr(os, "mkfifo"):
            return None
        path = folder / "pipe.txt"
        os.mkfifo(path)
        return str(path)

    def device() -> str | None:
        if not os.path.exists("/dev/zero"):
            return None
        link = folder / "zero.txt"
        link.symlink_to("/dev/zero")
        return str(link)

    def loop() -> str:
        a, b = folder / "loop-a.txt", folder / "loop-b.txt"
        a.symlink_to(b)
        b.symlink_to(a)
        return str(a)

    def sparse() -> str:
        path = folder / "sparse.txt"
        with open(path, "wb") as handle:
            handle.truncate(10 << 30)
        return str(path)

    def mojibake() -> str:
        text = "Café story\n\nâ€œIt worksâ€\u009d, said the CafÃ© owner."
        return write("mojibake.txt", text.encode())

    def french() -> str:
        text = "Le conseil du port a voté mardi l'achat d'un nouveau ferry électrique. " * 5
        return write("francais.txt", f"Titre\n\n{text}".encode())

    def latin1_name() -> str | None:
        if sys.platform in ("win32", "darwin"):
            return None
        raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
        with open(raw, "wb") as handle:
            handle.write(GOOD)
        return os.fsdecode(raw)

    return {
        "random-bytes.txt": lambda: write("random.txt", os.urandom(20000)),
        "png-named.txt": lambda: write("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(500)),
        "empty.txt": lambda: write("empty.txt", b""),
        "not-a-zip.docx": lambda: write("broken.docx", b"not a zip at all"),
        "zip-bomb.docx": zip_bomb,
        "xml-entities.odt": entities,
        "password.pdf": encrypted_pdf,
        "aes-empty-password.pdf": empty_password_pdf,
        "damaged.pdf": lambda: write("damaged.pdf", b"%PDF-1.4\n1 0 obj<<>>\n" + bytes(3000)),
        "fifo.txt": fifo,
        "dev-zero.txt": device,
        "symlink-loop.txt": loop,
        "sparse-10GB.txt": sparse,
        "mojibake.txt": mojibake,
        "french.txt": french,
        "latin1-name.txt": latin1_name,
    }


def run_files(quick: bool, only: str | None) -> list[Result]:
    results: list[Result] = []
    limit = DEFAULT_LIMITS.timeout or 30.0
    with tempfile.TemporaryDirectory() as tmp, isolation.loading_pool() as pool:
        folder = Path(tmp)
        jobs: list[tuple[str, Callable[[], str | None]]] = []
        for case in CASES:
            if case.big and quick:
                continue

            def build(case=case) -> str:  # type: ignore[no-untyped-def]
                path = folder / f"case-{case.name}"
                path.write_bytes(case.build())
                return str(path)

            jobs.append((case.name, build))
        jobs.extend(_extra_files(folder).items())
        for name, build in jobs:
            if only and only not in name:
                continue
            path = build()
            if path is None:
                continue
            started = time.monotonic()
            try:
                report = load_many([path], pool=pool)
            except Exception as exc:  # escaping load_many at all is a crash
                results.append(Result("file", name, "crashed", time.monotonic() - started,
                                      f"{type(exc).__name__}: {exc}"))
                continue
            elapsed = time.monotonic() - started
            if report.articles:
                article = report.articles[0]
                verdict = "loaded"
                detail = f"{article.words} words" + (
                    f"; {'; '.join(article.warnings)[:90]}" if article.warnings else ""
                )
            elif report.failures:
                detail = report.failures[0].reason
                verdict = classify_reason(detail)
            else:
                verdict, detail = "crashed", "no article and no reason"
            if elapsed > limit + GRACE:
                verdict = "hung"
            results.append(Result("file", name, verdict, elapsed, detail))
    return results


# -- command line ---------------------------------------------------------------------------


def _cli(args: str, folder: Path) -> tuple[int | None, str, float]:
    started = time.monotonic()
    try:
        proc = subprocess.run(
            f"{sys.executable} -m variorum {args}",
            shell=True,
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=CLI_LIMIT + GRACE,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                     PYTHONPATH=str(REPO / "desktop")),
        )
    except subprocess.TimeoutExpired:
        return None, "", time.monotonic() - started
    return proc.returncode, proc.stderr, time.monotonic() - started


def run_cli(quick: bool, only: str | None) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.txt").write_bytes(GOOD)
        (folder / "bad.md").write_bytes(b"# " + b"#" * 300_000 + b" x")
        (folder / "file-not-dir").write_text("x")
        many = " ".join(["good.txt"] * 400)
        cases = {
            "stdout closed": ("inspect good.txt >&-", 2, "standard output is closed"),
            "stdout /dev/full": ("inspect good.txt >/dev/full", 2, "No space left on device"),
            "pipe closed (| head)": (f"inspect --json {many} | head -c 20 >/dev/null", 0, ""),
            "unknown command": ("inspetc good.txt", 2, "no such file or command"),
            "basedir is a file": ("--basedir file-not-dir good.txt", 2, "not a folder"),
            "pathological md": ("--basedir b inspect bad.md", 0, ""),
            "compare bad and good": ("--basedir b compare bad.md good.txt", 0, ""),
        }
        if not quick:
            cases["screenshot, bad among good"] = (
                "--basedir b --screenshot shot.png good.txt bad.md", 0, "")
        for name, (args, code, message) in cases.items():
            if only and only not in name:
                continue
            returncode, err, elapsed = _cli(args, folder)
            if returncode is None:
                verdict, detail = "hung", f"killed after {CLI_LIMIT + GRACE:g} s"
            elif "Traceback" in err or (returncode not in (0, 1, 2)):
                verdict, detail = "crashed", (err.strip().splitlines() or [str(returncode)])[-1]
            elif returncode == code and message in err:
                verdict = "refused" if code else "loaded"
                detail = err.strip().splitlines()[0] if err.strip() else f"exit {returncode}"
            else:
                verdict, detail = "crashed", f"exit {returncode}: {err.strip()[:80]}"
            results.append(Result("cli", name, verdict, elapsed, detail))
    return results


# -- library and settings ---------------------------------------------------------------------


def _library(folder: Path, n: int = 30) -> Path:
    from variorum.core.article import ArticleDraft, build_article
    from variorum.core.library import Library

    path = folder / "library.sqlite3"
    lib = Library(path)
    for i in range(n):
        lib.add(build_article(ArticleDraft("text", [f"Story {i}", "word " * 300]), f"/{i}.txt"))
    lib.close()
    return path


def _raw(path: Path, sql: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute(sql)
    db.close()


def run_library(only: str | None) -> list[Result]:
    from variorum.core.library_open import open_library
    from variorum.core.migrations import LATEST
    from variorum.core.settings import SettingsStore

    def damaged_page(path: Path) -> None:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.seek((size // 4096 // 2) * 4096)
            handle.write(b"\xa5" * 4096)

    def busy(path: Path) -> sqlite3.Connection:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE articles SET loaded_at = loaded_at")
        return holder

    damages: dict[str, Callable[[Path], object]] = {
        "row with damaged JSON": lambda p: _raw(p, "UPDATE articles SET payload = '{x' "
                                                   "WHERE rowid = 3"),
        "row with a newer key": lambda p: _raw(
            p, "UPDATE articles SET payload = json_set(payload, '$.stance', 'x') WHERE rowid = 2"
        ),
        "position not a number": lambda p: _raw(p, "UPDATE articles SET position = 'x' "
                                                    "WHERE rowid = 1"),
        "damaged page": damaged_page,
        "another program's database": lambda p: (
            p.unlink(), _raw(p, "CREATE TABLE articles (id TEXT, body TEXT)")),
        "not a database": lambda p: p.write_bytes(b"garbage" * 1000),
        "schema newer than the app": lambda p: _raw(p, f"PRAGMA user_version = {LATEST + 1}"),
        "locked by another process": busy,
    }
    results: list[Result] = []
    for name, damage in damages.items():
        if only and only not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = _library(Path(tmp))
            held = damage(path)
            started = time.monotonic()
            try:
                opened = open_library(path, busy_timeout=1.0, write_retry=1.0)
                count = len(opened.library.entries())
                note = " ".join(opened.notices)
                verdict = "loaded" if count else "refused"
                detail = f"{count} articles; {note[:110]}" if note else f"{count} articles"
                opened.library.close()
            except Exception as exc:
                verdict, detail = "crashed", f"{type(exc).__name__}: {exc}"
            if isinstance(held, sqlite3.Connection):
                held.close()
            results.append(Result("library", name, verdict, time.monotonic() - started, detail))

    settings_damages: dict[str, Callable[[Path], object]] = {
        "settings nested 10,000 deep": lambda p: p.write_text("[" * 10_000 + "]" * 10_000),
        "settings is a FIFO": lambda p: os.mkfifo(p),
        "settings is not JSON": lambda p: p.write_text("{nope"),
        "settings 5 MB": lambda p: p.write_text('{"x": "' + "y" * (5 << 20) + '"}'),
        "settings symlink to another file": lambda p: (
            (p.parent / "other").write_text("keep"), p.symlink_to(p.parent / "other")),
    }
    for name, damage in settings_damages.items():
        if only and only not in name:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "settings.json"
            damage(path)
            started = time.monotonic()
            try:
                store = SettingsStore(path)
                store.load()
                store.save(store.load())
                other = Path(tmp) / "other"
                if other.exists() and other.read_text() != "keep":
                    raise RuntimeError("wrote through the symlink")
                verdict = "refused" if store.notice else "loaded"
                detail = store.notice or "read"
            except Exception as exc:
                verdict, detail = "crashed", f"{type(exc).__name__}: {exc}"
            results.append(Result("settings", name, verdict, time.monotonic() - started,
                                  detail[:120]))
    return results


# -- the worker's cost ------------------------------------------------------------------------


def _nothing() -> None:
    return None


def worker_costs() -> dict[str, float]:
    costs: dict[str, float] = {}
    with WorkerPool() as cold:
        started = time.perf_counter()
        cold.prestart()
        costs["start, bare"] = time.perf_counter() - started
        cold.run(_nothing)
        started = time.perf_counter()
        for _ in range(50):
            cold.run(_nothing)
        costs["one call to a warm worker"] = (time.perf_counter() - started) / 50
    with isolation.loading_pool(warm=True) as warm:
        started = time.perf_counter()
        warm.prestart()
        costs["start, formats and language model loaded"] = time.perf_counter() - started
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only")
    args = parser.parse_args()
    results = run_files(args.quick, args.only)
    results += run_cli(args.quick, args.only)
    results += run_library(args.only)
    width = max(len(r.name) for r in results)
    for r in results:
        print(f"{r.group:8} {r.name:<{width}} {r.verdict:8} {r.seconds:6.1f} s  {r.detail}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    limit = DEFAULT_LIMITS.max_memory_growth
    over = sum(1 for r in results if r.verdict == "over memory")
    if peak > limit + (300 << 20):  # the limit is on growth above the worker's base size
        over += 1
    tally = Counter(r.verdict for r in results)
    print()
    print(f"tried {len(results)}: refused with a message {tally['refused']}, loaded "
          f"{tally['loaded']}, crashed {tally['crashed']}, hung {tally['hung']}, over memory "
          f"{over}")
    print("issue 10 before: 243 tried; 13 crashed, 19 hung, 3 lost or corrupted data")
    print(f"largest child process (loader workers, command lines): {peak / 2**20:.0f} MB "
          f"resident; loader limit: {limit / 2**20:.0f} MB of growth (address space)")
    for name, seconds in worker_costs().items():
        print(f"worker {name}: {seconds * 1000:.1f} ms")
    print(json.dumps({"tally": dict(tally), "tried": len(results)}))
    return 0 if not (tally["crashed"] or tally["hung"] or over) else 1


if __name__ == "__main__":
    sys.exit(main())
