"""Extraction results cached in the library, so reopening an article is instant.

The key is the article id (a hash of its content), the kind "extract" and a version that
combines a fingerprint of the extraction rules with the spaCy pipeline's name and version:
changing either makes old entries miss instead of showing stale results. The fingerprint is a
hash of the rules themselves - every file of this package, code and data (word lists, rule
files), and the modules it imports from the rest of Variorum - so no version number has to be
remembered when a rule changes. It is computed once per process (a few milliseconds).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import variorum
from variorum.core.extract.data import FORMAT_VERSION, Extraction
from variorum.core.extract.model import pipeline_label

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

KIND = "extract"


class AnalysisStore(Protocol):
    """What we need from :class:`variorum.core.library.Library`."""

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None: ...

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None: ...


_IMPORT_RE = re.compile(r"^\s*(?:from|import)\s+(variorum(?:\.\w+)+)", re.MULTILINE)
_SKIPPED_PARTS = {"__pycache__"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


def code_fingerprint(folder: Path, package_root: Path) -> str:
    """A hash of every file under ``folder`` (by relative path and content; compiled caches
    left out) and of each module outside it that its Python files import from the package at
    ``package_root`` (``variorum.x.y`` -> ``package_root/x/y.py``). Without any source to
    read (a frozen build), the version of Variorum stands in for the code."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{variorum.__version__}".encode())
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not _SKIPPED_PARTS.intersection(p.relative_to(folder).parts)
        and p.suffix not in _SKIPPED_SUFFIXES
    )
    outside: set[Path] = set()
    for path in files:
        data = path.read_bytes()
        digest.update(f"\0{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
        if path.suffix == ".py":
            for name in _IMPORT_RE.findall(data.decode("utf-8", "replace")):
                module = package_root.joinpath(*name.split(".")[1:])
                for candidate in (module.with_suffix(".py"), module / "__init__.py"):
                    if candidate.is_file() and folder not in candidate.parents:
                        outside.add(candidate)
    for path in sorted(outside):
        data = path.read_bytes()
        digest.update(f"\0{path.relative_to(package_root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


@functools.cache
def rules_fingerprint() -> str:
    """:func:`code_fingerprint` of this package, once per process."""
    return code_fingerprint(Path(__file__).parent, Path(variorum.__file__).parent)


def cache_version(model_label: str) -> str:
    return f"{rules_fingerprint()}:{model_label}"


def load_cached(store: AnalysisStore, article_id: str, model_label: str) -> Extraction | None:
    payload = store.get_analysis(article_id, KIND, cache_version(model_label))
    if payload is None:
        return None
    try:
        return Extraction.from_json(payload)
    except (ValueError, KeyError, TypeError):
        log.warning("discarding unreadable cached extraction for %s", article_id)
        return None


def store_result(store: AnalysisStore, article_id: str, result: Extraction) -> None:
    store.put_analysis(article_id, KIND, cache_version(result.model), result.to_json())


def extract_cached(store: AnalysisStore, article_id: str, text: str, nlp: Language) -> Extraction:
    """The cached extraction of this article, computing and storing it on a miss."""
    from variorum.core.extract.engine import extract  # the rules: only on a miss

    label = pipeline_label(nlp)
    cached = load_cached(store, article_id, label)
    if cached is not None:
        return cached
    result = extract(text, nlp)
    store_result(store, article_id, result)
    return result
