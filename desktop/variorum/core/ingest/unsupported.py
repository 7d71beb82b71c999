"""Formats we recognise but do not read, each with a message that says what to do instead.

Word 97-2003 .doc: no maintained pure-Python reader exists, and the robust route
(LibreOffice) is far too heavy to bundle; a clear refusal beats a quietly wrong text.
"""

from __future__ import annotations

from variorum.core.article import ArticleDraft
from variorum.core.ingest.errors import UnsupportedFormatError

DOC_REASON = "Word 97-2003 .doc; save it as .docx"


def load_doc(data: bytes) -> ArticleDraft:
    raise UnsupportedFormatError(DOC_REASON)
