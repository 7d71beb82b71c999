"""Smoke test of a frozen build, as a release script runs it (``make package-test``).

    .venv/bin/python packaging/smoke_test.py [--exe dist/variorum/variorum]

Run from the checkout's virtualenv: the virtualenv's own ``variorum`` is the reference. The
frozen executable must

- render ``--screenshot`` of the demo articles with no display and no ``QT_QPA_PLATFORM``:
  exit 0, a non-blank 1280x800 PNG, nothing on stderr, and a sidebar that found speakers (a
  sidebar that failed inside, e.g. numpy broken by a strip, makes the screenshot fail);
- give the same ``--version``, and the same ``inspect --json`` (one file per format ingest
  reads, made from the demo story, plus the BBC pair of the shared corpus when present),
  ``extract --json`` and ``compare --json`` output as the virtualenv, byte for byte;
- take a second launch's file into its running window (the single-instance hand-off).

Prints one line per check and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.ingest.builders: documents of every format, in memory
CORPUS = ROOT.parent / "shared" / "corpus"
TIMEOUT_S = 300


def clean_env(runtime_dir: str) -> dict[str, str]:
    """No display, no chosen Qt platform, no Python settings that could leak into the frozen
    interpreter: the frozen app must work on its own."""
    drop = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["XDG_RUNTIME_DIR"] = runtime_dir
    return env


def build_inputs(folder: Path, demo: list[Path]) -> list[Path]:
    """The demo story in every format ingest reads (the text is ours, the formats real)."""
    from tests.ingest.builders import docx_bytes, eml_bytes, html_page, odt_bytes, pdf_with_text

    text = demo[0].read_text(encoding="utf-8")
    title, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    rtf_body = "\\par\n".join(p.replace("\\", "\\\\") for p in [title, *paragraphs])
    made = {
        "story.md": f"# {title}\n\n" + "\n\n".join(paragraphs),
        "story.html": html_page(paragraphs, title=title),
        "story.docx": docx_bytes(paragraphs, heading=title, title=title),
        "story.odt": odt_bytes(paragraphs, heading=title, title=title),
        "story.rtf": "{\\rtf1\\ansi\\deff0 " + rtf_body + "}",
        "story.pdf": pdf_with_text([title, *paragraphs[:3]]),
        "story.eml": eml_bytes("\n\n".join(paragraphs), subject=title),
    }
    paths = []
    for name, content in made.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        paths.append(path)
    bbc = sorted((CORPUS / "bbc").glob("*.html")) if (CORPUS / "bbc").is_dir() else []
    return [*demo, *paths, *bbc]


class Smoke:
    def __init__(self, exe: Path) -> None:
        self.exe = exe
        self.failures = 0
        self.runtime = tempfile.mkdtemp(prefix="vr-")
        self.env = clean_env(self.runtime)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        self.failures += not ok
        return ok

    def frozen(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.exe), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=TIMEOUT_S,
            check=False,
        )

    def reference(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(
            [sys.executable, "-m", "variorum", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT_S,
            check=False,
        )

    def same_output(self, name: str, *args: str) -> None:
        started = time.perf_counter()
        ours, ref = self.frozen(*args), self.reference(*args)
        took = time.perf_counter() - started
        same = (ours.returncode, ours.stdout) == (ref.returncode, ref.stdout)
        detail = f"{len(ours.stdout)} bytes, exit {ours.returncode}, {took:.1f} s"
        if not same:
            detail += f"; frozen exit {ours.returncode}, stderr {ours.stderr[-800:]!r}"
        self.check(name, same and ours.stderr == "", detail)

    def every_format_loads(self, inputs: list[Path]) -> None:
        """Equal outputs prove nothing if both sides failed the same way."""
        run = self.frozen("inspect", "--json", *map(str, inputs))
        entries = json.loads(run.stdout) if run.stdout.strip() else []
        errors = [f"{Path(e['path']).name}: {e['error']}" for e in entries if "error" in e]
        formats = sorted({e.get("format", "?") for e in entries if "error" not in e})
        self.check(
            "inspect: every format read, none failed",
            not errors
            and set(formats) >= {"text", "markdown", "html", "docx", "odt", "rtf", "pdf", "eml"},
            "; ".join(errors) or ", ".join(formats),
        )

    def screenshot(self, demo: list[Path], folder: Path) -> None:
        out = folder / "shot.png"
        started = time.perf_counter()
        run = self.frozen(
            "--basedir", str(folder / "shot-base"), "--screenshot", str(out), *map(str, demo)
        )
        took = time.perf_counter() - started
        self.check("screenshot exits 0", run.returncode == 0, f"{took:.1f} s")
        self.check("screenshot: nothing on stderr", run.stderr == "", repr(run.stderr[-800:]))
        self.check(
            "screenshot: the sidebar found speakers",
            "Speakers (" in run.stdout and "Speakers (0)" not in run.stdout,
            run.stdout.strip()[-200:],
        )
        from PySide6.QtGui import QImage

        image = QImage(str(out))
        colours = (
            {
                image.pixel(x, y)
                for x in range(0, image.width(), 7)
                for y in range(0, image.height(), 7)
            }
            if not image.isNull()
            else set()
        )
        self.check(
            "screenshot: a 1280x800 PNG, not blank",
            (image.width(), image.height()) == (1280, 800) and len(colours) > 20,
            f"{image.width()}x{image.height()}, {len(colours)} colours",
        )

    def hand_off(self, file: Path, folder: Path) -> None:
        from variorum.core.paths import app_paths
        from variorum.ui.handoff import instance_name

        base = folder / "window-base"
        paths = app_paths(base)
        socket = Path(instance_name(paths, self.env))
        env = dict(self.env, QT_QPA_PLATFORM="offscreen")
        window = subprocess.Popen(
            [str(self.exe), "--basedir", str(base)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            if not wait(lambda: socket.exists(), 60):
                self.check("hand-off: the window listens", False, str(socket))
                return
            # A launch without files only raises the window: once it returns, the window's
            # event loop runs, so what follows times the hand-off, not the window's start.
            ready = subprocess.run(
                [str(self.exe), "--basedir", str(base)],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            if not self.check(
                "hand-off: the started window answers", ready.returncode == 0, ready.stderr[-400:]
            ):
                return
            started = time.perf_counter()
            second = subprocess.run(
                [str(self.exe), "--basedir", str(base), str(file)],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            exited = time.perf_counter() - started
            listed = wait(lambda: library_count(paths.library_file) == 1, 60)
            took = time.perf_counter() - started
            self.check(
                "hand-off: the second launch exits 0 at once",
                second.returncode == 0 and second.stderr == "",
                f"exit {second.returncode} after {exited * 1e3:.0f} ms",
            )
            self.check(
                "hand-off: the running window lists the file",
                listed,
                f"{took * 1e3:.0f} ms from the second launch",
            )
        finally:
            window.terminate()
            window.wait(30)


def wait(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def library_count(library: Path) -> int:
    if not library.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{library}?mode=ro", uri=True) as db:
            return int(db.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", default=str(ROOT / "dist" / "variorum" / "variorum"))
    args = parser.parse_args()
    exe = Path(args.exe).resolve()
    if not exe.is_file():
        print(f"no frozen executable at {exe}: run `make package` first", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for QImage in this process
    from variorum.resources import demo_articles

    smoke = Smoke(exe)
    demo = demo_articles()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = build_inputs(folder, demo)
        smoke.same_output("--version", "--version")
        smoke.screenshot(demo, folder)
        smoke.same_output(
            f"inspect --json ({len(inputs)} files, every format)",
            "inspect",
            "--json",
            *map(str, inputs),
        )
        smoke.every_format_loads(inputs)
        smoke.same_output("extract --json (demo story)", "extract", "--json", *map(str, demo))
        smoke.same_output(
            "compare --json (demo 1 vs 2)", "compare", "--json", str(demo[0]), str(demo[1])
        )
        bbc = [p for p in inputs if p.suffix == ".html" and p.parent.name == "bbc"]
        if len(bbc) == 2:
            smoke.same_output(
                "compare --json (BBC pair, HTML)", "compare", "--json", *map(str, bbc)
            )
        smoke.hand_off(demo[2], folder)
    print(f"{'FAILED' if smoke.failures else 'passed'}: {exe}")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main())
