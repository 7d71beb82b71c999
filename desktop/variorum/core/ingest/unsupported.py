"""Formats we recognise but do not read, each with a message that says what to do instead.

RTF: the small pure-Python converters (striprtf and kin) drop tables, fields and non-Latin
code pages silently, and the robust route (LibreOffice) is far too heavy to bundle; a clear
refusal is better than a quietly wrong text. Word 97-2003 .doc: no maintained pure-Python
reader exists.
"""

from __future__ import annotations

from variorum.core.article import ArticleDraft
from variorum.core.ingest.errors import UnsupportedFormatError

RTF_REASON = "RTF; save it as .docx or .txt"
DOC_REASON = "Word 97-2003 .doc; save it as .docx"


def load_rtf(data: bytes) -> ArticleDraft:
    raise UnsupportedFormatError(RTF_REASON)


def load_doc(data: bytes) -> ArticleDraft:
    raise UnsupportedFormatError(DOC_REASON)
