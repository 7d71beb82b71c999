"""Stories: which articles are versions of one story, which version is the base, how each
version derives from the others, and which stories are related (no Qt here).

The pipeline is map / shuffle / reduce, so the same functions run in this process or on a
cluster (:mod:`variorum.core.stories.scale`):

- map (:mod:`.sketch`): per article, text features and a MinHash signature cut into LSH bands;
- shuffle (:mod:`.buckets`): articles sharing a band key or a rare name or quoted phrase;
- reduce (:mod:`.verify`, :mod:`.components`, :mod:`.assemble`): exact scores for candidate
  pairs only, stories as connected components above the threshold, bases and derivation.

Entry points: :func:`group` (a batch), :class:`StoryIndex` (incremental, with removal),
:mod:`.choices` (the user's corrections, which survive regrouping), :mod:`.nway` (a base and
n versions compared), :mod:`.names` (one person's names across the versions of a story).
The data is in :mod:`.model`.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is not imported at run time: annotations only
if TYPE_CHECKING:
    from typing import Any

    from variorum.core.stories.assemble import ArticleMeta
    from variorum.core.stories.choices import Choices
    from variorum.core.stories.index import StoryIndex, group
    from variorum.core.stories.model import (
        Grouping,
        PairKind,
        PairScore,
        RelatedLink,
        Role,
        Story,
        StoryInput,
        Version,
    )
    from variorum.core.stories.params import GroupingParams

# Imported on first use: the settings read ``params`` at start-up, which must not pull in
# numpy and rensa.
_LAZY = {
    "ArticleMeta": "assemble",
    "Choices": "choices",
    "StoryIndex": "index",
    "group": "index",
    "Grouping": "model",
    "PairKind": "model",
    "PairScore": "model",
    "RelatedLink": "model",
    "Role": "model",
    "Story": "model",
    "StoryInput": "model",
    "Version": "model",
    "GroupingParams": "params",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ArticleMeta",
    "Choices",
    "Grouping",
    "GroupingParams",
    "PairKind",
    "PairScore",
    "RelatedLink",
    "Role",
    "Story",
    "StoryIndex",
    "StoryInput",
    "Version",
    "group",
]
