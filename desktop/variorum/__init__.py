"""Variorum: compare versions of news articles."""

from importlib import metadata

try:
    __version__ = metadata.version("variorum")
except metadata.PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+unknown"
