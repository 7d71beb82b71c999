"""Files and folders as the operating system hands them over: permissions, links, loops,
thousands of files, repeats, and files that change or vanish while they are read."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from variorum.core.ingest import expand_paths, load_file, load_many
from variorum.core.ingest.errors import IngestError, UnreadableError

STORY = "The council approved the harbour plan on Tuesday after a long debate.\n"


def _reasons(report_failures: list[object]) -> dict[str, str]:
    return {Path(f.path).name: f.reason for f in report_failures}  # type: ignore[attr-defined]


def test_bad_files_named_and_the_rest_of_the_batch_loads(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n\t ")
    (tmp_path / "app.html").write_bytes(b"MZ\x90\x00" + bytes(300))
    (tmp_path / "broken.docx").write_text("not a zip")
    (tmp_path / "archive.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    (tmp_path / "also-good.md").write_text("# Title\n\n" + STORY)
    report = load_many([tmp_path])
    assert sorted(Path(a.source_path or "").name for a in report.articles) == [
        "also-good.md", "good.txt",
    ]
    assert _reasons(report.failures) == {
        "photo.txt": "not a text file",
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "app.html": "not a text file",
        "broken.docx": "not a valid .docx (damaged or not a zip archive)",
        "archive.txt": "not a text file",
        "huge.txt": "file too large (limit 50 MB)",
    }


def _chmod_protects(path: Path) -> bool:
    return not os.access(path, os.R_OK)


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY)
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "inner.txt").write_text(STORY)
    (tmp_path / "ok.txt").write_text(STORY)
    secret.chmod(0)
    folder.chmod(0)
    try:
        if not _chmod_protects(secret):
            pytest.skip("running as root: chmod 000 does not stop reading")
        with pytest.raises(UnreadableError, match=r"^cannot read: permission denied$"):
            load_file(secret)
        report = load_many([tmp_path])
        reasons = _reasons(report.failures)
        assert reasons["secret.txt"] == "cannot read: permission denied"
        assert reasons["locked"] == "cannot read folder: permission denied"
        assert [Path(a.source_path or "").name for a in report.articles] == ["ok.txt"]
    finally:
        secret.chmod(0o644)
        folder.chmod(0o755)


def test_broken_symlinks_and_loops_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(STORY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    (sub / "alias.txt").symlink_to(tmp_path / "real.txt")  # same file again
    report = load_many([tmp_path])
    assert len(report.articles) == 1
    reasons = _reasons(report.failures)
    assert reasons["dangling.txt"] == "cannot read: broken link"
    assert reasons["loop-a.txt"] == "cannot read: symbolic link loop"
    assert reasons["loop-b.txt"] == "cannot read: symbolic link loop"
    assert len(report.failures) == 3


def test_same_file_twice_loads_once(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    report = load_many([path, path, tmp_path, str(path)])
    assert len(report.articles) == 1
    assert report.failures == []


@pytest.mark.slow
def test_folder_of_ten_thousand_files_progress_and_cancel(tmp_path: Path) -> None:
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(f"Article number {i}. {STORY}")
    assert sum(1 for _ in expand_paths([tmp_path])) == 10_000
    calls: list[int] = []

    def progress(done: int, path: str) -> bool:
        calls.append(done)
        return done < 250

    started = time.monotonic()
    report = load_many([tmp_path], progress=progress)
    assert len(report.articles) == 250
    assert calls == list(range(251))
    assert time.monotonic() - started < 30


def test_file_that_disappears(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"
    with pytest.raises(UnreadableError, match="file not found"):
        load_file(gone)
    keep = tmp_path / "keep.txt"
    keep.write_text(STORY)
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(STORY + "x")

    def progress(done: int, path: str) -> bool:
        if done == 0:
            doomed.unlink()  # vanishes after it was listed, before it is read
        return True

    report = load_many([doomed, keep], progress=progress)
    assert [Path(a.source_path or "").name for a in report.articles] == ["keep.txt"]
    assert report.failures[0].reason.startswith("cannot read: file not found")


def test_file_that_changes_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(STORY)
    real_fstat = os.fstat
    calls = {"n": 0}

    def shifting_fstat(fd: int) -> os.stat_result:
        calls["n"] += 1
        result = real_fstat(fd)
        if calls["n"] % 2 == 0:  # every "after" look sees a newer mtime
            values = list(result)
            values[8] += 1  # st_mtime
            return os.stat_result(values, {"st_mtime_ns": result.st_mtime_ns + 10**9})
        return result

    from variorum.core.ingest import loader

    monkeypatch.setattr(loader.os, "fstat", shifting_fstat)
    with pytest.raises(UnreadableError, match="changed while it was being read"):
        load_file(path)


def test_file_rewritten_once_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    stop = threading.Event()

    def rewrite() -> None:
        while not stop.is_set():
            path.write_text(STORY)

    writer = threading.Thread(target=rewrite, daemon=True)
    writer.start()
    try:
        outcomes = set()
        for _ in range(20):
            try:
                outcomes.add(load_file(path).text)
            except IngestError as exc:  # a clear refusal is acceptable here
                outcomes.add(type(exc).__name__ + ":" + str(exc))
    finally:
        stop.set()
        writer.join()
    # every outcome is the whole story, empty-file (caught mid-truncate) or a clear refusal
    for outcome in outcomes:
        assert outcome == STORY.strip() or "empty" in outcome or "changed" in outcome


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableError, match="not a regular file"):
        load_file(fifo)


def test_permission_denied_messages_without_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same messages as the chmod test, produced by refusing at the OS-call boundary, so
    they are checked even where the tests run as root."""
    import builtins
    import errno

    from variorum.core.ingest import loader

    (tmp_path / "secret.txt").write_text(STORY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_text(STORY)
    real_open = builtins.open
    real_scandir = os.scandir

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if os.path.basename(str(file)) == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def refusing_scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", refusing_open)
    monkeypatch.setattr(loader.os, "scandir", refusing_scandir)
    report = load_many([tmp_path])
    reasons = _reasons(report.failures)
    assert reasons == {
        "secret.txt": "cannot read: permission denied",
        "locked": "cannot read folder: permission denied",
    }


def test_reading_a_small_file_does_not_allocate_the_size_limit(tmp_path: Path) -> None:
    """Every worker reads files; a 2 GB limit must not mean 2 GB per small file."""
    import tracemalloc

    from variorum.core.ingest import load_file

    small = tmp_path / "small.txt"
    small.write_text("A headline\n\nA short story about the harbour.", encoding="utf-8")
    tracemalloc.start()
    try:
        load_file(small, size_limit=2048 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_out_of_memory_on_one_file_does_not_end_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from variorum.core.ingest import load_many, loader

    good = tmp_path / "good.txt"
    good.write_text("Good story\n\nIt loads.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Bad story\n\nIt does not.", encoding="utf-8")
    real = loader.load_file

    def flaky(path, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "bad.txt":
            raise MemoryError
        return real(path, **kwargs)

    monkeypatch.setattr(loader, "load_file", flaky)
    report = load_many([bad, good])
    assert [a.title for a in report.articles] == ["Good story"]
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("bad.txt", "internal error: out of memory")
    ]


_REWRITER = """
import sys, time
path, stop_at = sys.argv[1], time.monotonic() + float(sys.argv[2])
versions = [(w + " line of the story.\\n").encode() * 40_000 for w in ("Alpha", "Omega")]
turn = 0
with open(path, "r+b") as handle:
    while time.monotonic() < stop_at:
        turn ^= 1
        for start in range(0, len(versions[turn]), 65536):
            handle.seek(start)
            handle.write(versions[turn][start : start + 65536])
            handle.flush()
"""


def test_a_file_rewritten_in_place_is_never_read_half_old_half_new(tmp_path: Path) -> None:
    """Another process writes two versions of the same size over each other in place (so
    size and times barely move): every load is wholly one version, or a clear refusal."""
    import subprocess
    import sys

    path = tmp_path / "story.txt"
    path.write_bytes(b"Alpha line of the story.\n" * 40_000)
    writer = subprocess.Popen([sys.executable, "-c", _REWRITER, str(path), "30"])
    outcomes: list[str] = []
    try:
        time.sleep(0.3)
        for _ in range(15):
            try:
                text = load_file(path).text
            except IngestError as exc:
                outcomes.append(str(exc))
                continue
            kinds = {word for word in ("Alpha", "Omega") if word in text}
            outcomes.append(" and ".join(sorted(kinds)))
    finally:
        writer.kill()
        writer.wait()
    assert "Alpha and Omega" not in outcomes, outcomes
    changed = "cannot read: the file changed while it was being read"
    assert set(outcomes) <= {"Alpha", "Omega", changed}
