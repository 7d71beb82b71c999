"""Every module the code imports by a computed name is in ``variorum.runtime_imports``, the
list the installer spec bundles; a new place that imports by name must be added to it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from variorum.cli.main import COMMANDS, _command_module
from variorum.core.extract.model import BUNDLED_PIPELINE
from variorum.runtime_imports import RUNTIME_IMPORTS, SPACY_PIPELINES

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "variorum"

RECORD = r"""
import importlib, json, sys
asked = []
real = importlib.import_module
def recording(name, package=None):
    if name.startswith("variorum"):  # libraries' own imports are their hooks' business
        asked.append(name)
    return real(name, package)
importlib.import_module = recording

from variorum.core.ingest.loader import LOADERS
for loader in LOADERS.values():
    try:
        loader(b"<html><body><p>x</p></body></html>")
    except Exception:
        pass  # only the import matters here
from variorum.core.ingest.isolation import import_formats
import_formats()
import variorum.core.ingest as ingest, variorum.core.extract as extract
import variorum.core.stories as stories
for package in (ingest, extract, stories):
    for name in package.__all__:
        getattr(package, name)
print(json.dumps(asked))
"""

BY_NAME = re.compile(r"\bimport_module\(|\b__import__\(|\bspacy\.load\(|\bfind_spec\(")
KNOWN_SITES = {
    "runtime_imports.py",  # the list itself (its docstring names them)
    "core/ingest/loader.py",  # format loaders on first use
    "core/ingest/isolation.py",  # the loading worker imports the format loaders when it starts
    "core/ingest/__init__.py",  # lazy package attributes
    "core/extract/__init__.py",  # lazy package attributes
    "core/stories/__init__.py",  # lazy package attributes
    "core/extract/model.py",  # spacy.load(pipeline), find_spec(pipeline)
}


def test_every_name_the_code_imports_at_run_time_is_listed() -> None:
    run = subprocess.run(
        [sys.executable, "-c", RECORD], capture_output=True, text=True, timeout=120, check=True
    )
    asked = set(json.loads(run.stdout))
    assert len(asked) >= 15  # the loaders and the lazy names were all reached
    assert asked - set(RUNTIME_IMPORTS) == set()


def test_the_bundled_spacy_pipeline_is_listed() -> None:
    assert BUNDLED_PIPELINE in SPACY_PIPELINES


def test_every_command_has_a_static_import() -> None:
    for command in COMMANDS:
        module = _command_module(command)
        assert callable(module.add_arguments) and callable(module.run)


def test_no_new_place_imports_by_name() -> None:
    """A new import by computed name must be listed in variorum.runtime_imports (and the
    place added here), or a frozen build would lack the module."""
    sites = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if BY_NAME.search(path.read_text(encoding="utf-8"))
    }
    assert sites <= KNOWN_SITES, sites - KNOWN_SITES
