"""Run in a loading worker process as its warm-up: what a test cannot monkeypatch from the
parent (the worker is a fresh interpreter)."""

from __future__ import annotations

from variorum.core.article import ArticleDraft


def _broken(_data: bytes) -> ArticleDraft:
    raise RuntimeError("boom in a loader")


def break_text_loader() -> None:
    from variorum.core.ingest import loader

    loader.LOADERS["text"] = _broken
