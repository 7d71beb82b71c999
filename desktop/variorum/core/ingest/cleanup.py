"""The last step every loader shares: read metadata written in the text and set aside site
chrome, so a page pasted into Word, a PDF print of a web page and a .txt copy end up alike."""

from __future__ import annotations

from variorum.core.article import ArticleDraft
from variorum.core.ingest.boilerplate import is_boilerplate, split_boilerplate
from variorum.core.ingest.textmeta import read_text_metadata


def finish_draft(draft: ArticleDraft) -> ArticleDraft:
    """Fill byline/published/site from the text when the container had none, and move
    metadata-only and boilerplate paragraphs to ``draft.boilerplate`` (in document order)."""
    paragraphs = draft.paragraphs
    meta = read_text_metadata(paragraphs)
    draft.byline = draft.byline or meta.byline
    draft.published = draft.published or meta.published
    draft.site = draft.site or meta.source
    candidates = [i for i in range(len(paragraphs)) if i not in meta.consumed]
    split = split_boilerplate([paragraphs[i] for i in candidates])
    kept = [candidates[i] for i in split.kept]
    if not kept:  # everything looked like chrome: keep the text rather than lose the article
        kept = [i for i in range(len(paragraphs)) if not is_boilerplate(paragraphs[i])] or list(
            range(len(paragraphs))
        )
    kept_set = set(kept)
    aside = [paragraphs[i].strip() for i in range(len(paragraphs)) if i not in kept_set]
    draft.boilerplate.extend(a for a in aside if a)
    draft.headings = {new for new, old in enumerate(kept) if old in draft.headings}
    draft.paragraphs = [paragraphs[i] for i in kept]
    return draft
