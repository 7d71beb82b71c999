"""Stories as JSON-ready dicts: the ``variorum group --json`` contract, and the rows the
library keeps (:mod:`.store`). Keys are only ever added."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from variorum.core.stories.model import Grouping, Role, Story, Version


def version_to_dict(version: Version) -> dict[str, Any]:
    data = asdict(version)
    data["role"] = str(version.role)
    return data


def version_from_dict(data: dict[str, Any]) -> Version:
    known = {k: data[k] for k in Version.__dataclass_fields__ if k in data}
    known["role"] = Role(str(data["role"]))
    return Version(**known)


def _r(value: float) -> float:
    return round(float(value), 4)


def grouping_to_json(
    grouping: Grouping, name: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """The CLI contract: ``{"stories": [{"id", "title", "base", "members": [{"path", "role",
    "similarity_to_base", "containment_in_base", "closest"}]}], "related": [{"a", "b",
    "score"}]}``. ``name`` turns an article id into what the CLI shows (its path); members
    list the base first; every story, also a story of one version, is listed."""
    show = name or (lambda i: i)
    return {
        "stories": [_story(s, show) for s in grouping.stories],
        "related": [{"a": r.a, "b": r.b, "score": _r(r.score)} for r in grouping.related],
    }


def _story(story: Story, show: Callable[[str], str]) -> dict[str, Any]:
    dates = story.dates()
    return {
        "id": story.id,
        "title": story.title,
        "base": show(story.base.id),
        "dates": list(dates) if dates else None,
        "members": [
            {
                "path": show(v.id),
                "role": str(v.role),
                "similarity_to_base": _r(v.similarity_to_base),
                "containment_in_base": _r(v.containment_in_base),
                "base_in_version": _r(v.base_in_version),
                "closest": show(v.closest) if v.closest else None,
                "closest_score": _r(v.closest_score),
                "title": v.title,
                "published": v.published,
                "words": v.words,
            }
            for v in story.versions
        ],
    }
