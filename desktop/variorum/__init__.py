"""Variorum: compare versions of news articles."""

__version__ = "0.1.0"
"""The one place the version is written; pyproject.toml reads it from here. A literal, not
importlib.metadata: every CLI start would otherwise pay ~40 ms to read package metadata."""
