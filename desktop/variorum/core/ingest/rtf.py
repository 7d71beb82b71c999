"""RTF through striprtf: one small pure-Python module, maintained, that honours the
document's code page (``\\ansicpgN``) and ``\\uN`` escapes, keeps field results (link text),
flattens table rows to "cell|cell|" and skips the destinations a reader never sees (font and
colour tables, ``\\info``, annotations, bookmarks, pictures). We checked each of these on
hand-written RTF before choosing it (tests/ingest/test_rtf.py).

Metadata comes from the ``{\\info ...}`` group: title, author and creation time.
"""

from __future__ import annotations

import re

from variorum.core.article import ArticleDraft
from variorum.core.ingest.cleanup import finish_draft
from variorum.core.ingest.errors import CorruptFileError
from variorum.core.ingest.limits import check_budget
from variorum.core.ingest.text import clean_text

_LINK_TARGET_RE = re.compile(r'\("[a-z][a-z0-9+.-]{1,15}:[^"\s]{0,2000}"\)', re.I)
"""striprtf appends a hyperlink's target as ("http://...") after the link text; the target is
markup, not the article's words."""
_INFO_FIELD_RE = re.compile(r"\{\\(title|author)\s+((?:[^{}\\]|\\[^{}])*)\}")
_CREATED_RE = re.compile(
    r"\{\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})(?:\\hr(\d{1,2}))?(?:\\min(\d{1,2}))?"
)


def _to_text(rtf: str) -> str:
    """striprtf has no type hints; this is the one typed door to it."""
    from striprtf.striprtf import rtf_to_text

    return str(rtf_to_text(rtf, errors="replace"))  # type: ignore[no-untyped-call]


def load_rtf(data: bytes) -> ArticleDraft:
    source = data.decode("latin-1")  # RTF is 7-bit; striprtf decodes \'xx with the code page
    check_budget()
    try:
        text = _to_text(source)
    except (ValueError, LookupError, IndexError, OverflowError) as exc:
        raise CorruptFileError(f"damaged RTF ({type(exc).__name__})") from exc
    check_budget()
    draft = ArticleDraft(format="rtf")
    if "\ufffd" in text:
        draft.warnings.append("some characters could not be decoded")
    for line in clean_text(_LINK_TARGET_RE.sub("", text)).split("\n"):
        if line.strip():
            draft.paragraphs.append(line)
    _metadata(source[:20000], draft)
    return finish_draft(draft)


def _metadata(head: str, draft: ArticleDraft) -> None:
    info = head.find("{\\info")
    if info < 0:
        return
    for key, raw in _INFO_FIELD_RE.findall(head[info : info + 5000]):
        try:
            value = " ".join(_to_text("{\\rtf1 " + raw + "}").split())
        except (ValueError, LookupError, IndexError, OverflowError):
            continue
        if value and key == "title":
            draft.title = value
        elif value and key == "author":
            draft.byline = value
    created = _CREATED_RE.search(head, info)
    if created:
        year, month, day, hour, minute = created.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            draft.published = f"{year}-{int(month):02d}-{int(day):02d}"
            if hour is not None:
                draft.published += f"T{int(hour):02d}:{int(minute or 0):02d}"
