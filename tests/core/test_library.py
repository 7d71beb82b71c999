from __future__ import annotations

from pathlib import Path

from variorum.core.article import ArticleDraft, build_article
from variorum.core.library import Library


def _article(text: str, path: str = "/tmp/a.txt"):  # type: ignore[no-untyped-def]
    return build_article(ArticleDraft(format="text", paragraphs=text.split("\n\n")), path)


def test_add_dedupes_by_content(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    first = lib.add(_article("Title\n\nSome body text.", "/a.txt"))
    again = lib.add(_article("Title\n\nSome  body text.", "/copy-of-a.txt"))
    assert first.added and not again.added
    assert again.entry.source_path == "/a.txt"
    assert len(lib) == 1


def test_other_files_with_the_same_content_are_remembered_as_copies(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    lib = Library(db)
    first = lib.add(_article("Title\n\nSome body text.", "/a.txt"))
    again = lib.add(_article("Title\n\nSome body text.", "/b.txt"))
    lib.add(_article("Title\n\nSome body text.", "/b.txt"))  # the same file twice: one copy
    lib.add(_article("Title\n\nSome body text.", "/a.txt"))  # the stored file is no copy
    assert first.entry.copies == () and again.entry.copies == ("/b.txt",)
    lib.close()
    reopened = Library(db)
    (entry,) = reopened.entries()
    assert entry.source_path == "/a.txt" and entry.copies == ("/b.txt",)
    # kept through remove and undo; forgotten when the content comes back as a new article
    reopened.restore(reopened.remove([entry.article.id]))
    assert reopened.entries()[0].copies == ("/b.txt",)
    reopened.remove([entry.article.id])
    fresh = reopened.add(_article("Title\n\nSome body text.", "/c.txt"))
    assert fresh.added and reopened.entries()[0].copies == ()


def test_survives_restart_in_order(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    lib = Library(db)
    articles = [_article(f"Story {i}\n\nBody {i} with words.", f"/s{i}.txt") for i in range(3)]
    for article in articles:
        lib.add(article)
    lib.close()
    reopened = Library(db)
    entries = reopened.entries()
    assert [e.article for e in entries] == articles
    assert all(e.loaded_at > 0 for e in entries)


def test_remove_and_restore_in_place(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    ids = [lib.add(_article(f"T{i}\n\nText number {i}.")).entry.article.id for i in range(4)]
    removed = lib.remove([ids[1], ids[2]])
    assert [e.article.id for e in lib.entries()] == [ids[0], ids[3]]
    lib.restore(removed)
    assert [e.article.id for e in lib.entries()] == ids


def test_analysis_cache(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib.sqlite3")
    article = _article("Cached\n\nText.")
    lib.add(article)
    assert lib.get_analysis(article.id, "extract", "1") is None
    lib.put_analysis(article.id, "extract", "1", '{"x": 1}')
    lib.put_analysis(article.id, "extract", "1", '{"x": 2}')
    assert lib.get_analysis(article.id, "extract", "1") == '{"x": 2}'
    assert lib.get_analysis(article.id, "extract", "2") is None


def test_restore_after_a_new_article_took_the_place_keeps_a_total_order(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    lib = Library(db)
    a = lib.add(_article("A\n\nFirst.")).entry.article.id
    b = lib.add(_article("B\n\nSecond.")).entry.article.id
    removed = lib.remove([b])
    c = lib.add(_article("C\n\nThird, added after the removal.")).entry.article.id
    lib.restore(removed)
    assert [e.article.id for e in lib.entries()] == [a, b, c]
    assert len({e.position for e in lib.entries()}) == 3
    lib.close()
    assert [e.article.id for e in Library(db).entries()] == [a, b, c]
