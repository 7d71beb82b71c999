"""The stories part of the library: the user's choices (which must survive everything) and a
snapshot of the last grouping (so a window shows stories at once and regroups in the
background). Tables come from migration 2 in :mod:`variorum.core.migrations`; everything goes
through :meth:`Library.transaction` and :meth:`Library.read`, so write failures arrive as the
library's own errors, with nothing half-written."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace

from variorum.core.library import Library
from variorum.core.stories.assemble import story_id
from variorum.core.stories.choices import Choices
from variorum.core.stories.model import Grouping, RelatedLink, Story
from variorum.core.stories.serialize import version_from_dict, version_to_dict

_TOGETHER, _APART, _NAME, _BASE = "together", "apart", "name", "base"


def save_choices(library: Library, choices: Choices) -> None:
    """Replace the stored choices with these (they are few: one row per constraint)."""
    rows: list[tuple[str, str, str]] = []
    rows += [(_TOGETHER, a, b) for a, b in sorted(choices.together)]
    rows += [(_APART, a, b) for a, b in sorted(choices.apart)]
    rows += [(_NAME, article, name) for article, name in choices.names]
    rows += [(_BASE, article, "") for article in choices.bases]
    with library.transaction() as db:
        db.execute("DELETE FROM story_choices")
        db.executemany("INSERT INTO story_choices (kind, a, b) VALUES (?, ?, ?)", rows)


def load_choices(library: Library) -> Choices:
    together: set[tuple[str, str]] = set()
    apart: set[tuple[str, str]] = set()
    names: list[tuple[str, str]] = []
    bases: list[str] = []
    for kind, a, b in library.read("SELECT kind, a, b FROM story_choices ORDER BY seq"):
        if kind == _TOGETHER:
            together.add((str(a), str(b)))
        elif kind == _APART:
            apart.add((str(a), str(b)))
        elif kind == _NAME:
            names.append((str(a), str(b)))
        elif kind == _BASE:
            bases.append(str(a))
        # a kind a newer Variorum wrote is kept in the table and ignored here
    return Choices(frozenset(together), frozenset(apart), tuple(names), tuple(bases))


def rekey(grouping: Grouping, ids: Mapping[str, str]) -> Grouping:
    """The grouping with its articles renamed (paths to content ids, for a library, where
    two copies of one text are one article): a version whose new id is already in its story
    is dropped, and story ids follow their base's new id."""
    stories: list[Story] = []
    renamed: dict[str, str] = {}
    for story in grouping.stories:
        seen: set[str] = set()
        versions = []
        for v in story.versions:
            new = ids.get(v.id, v.id)
            if new not in seen:
                seen.add(new)
                closest = ids.get(v.closest, v.closest) if v.closest else None
                versions.append(replace(v, id=new, closest=closest if closest != new else None))
        sid = story_id(versions[0].id)
        renamed[story.id] = sid
        stories.append(Story(sid, story.title, tuple(versions), story.named_by_user))
    related = tuple(
        RelatedLink(renamed[r.a], renamed[r.b], r.score)
        for r in grouping.related
        if renamed[r.a] != renamed[r.b]
    )
    return Grouping(tuple(stories), related)


def save_grouping(library: Library, grouping: Grouping) -> None:
    """Replace the stored snapshot of the grouping."""
    members: list[tuple[str, str, int, str]] = []
    for order, story in enumerate(grouping.stories):
        for position, version in enumerate(story.versions):
            payload = version_to_dict(version) | {
                "story_title": story.title,
                "named_by_user": story.named_by_user,
                "story_order": order,
            }
            members.append((version.id, story.id, position, json.dumps(payload)))
    with library.transaction() as db:
        db.execute("DELETE FROM story_members")
        db.execute("DELETE FROM story_related")
        db.executemany(
            "INSERT OR REPLACE INTO story_members (article_id, story_id, position, payload)"
            " VALUES (?, ?, ?, ?)",
            members,
        )
        db.executemany(
            "INSERT OR REPLACE INTO story_related (a, b, score) VALUES (?, ?, ?)",
            [(r.a, r.b, r.score) for r in grouping.related],
        )


def load_grouping(library: Library, article_ids: Iterable[str] | None = None) -> Grouping:
    """The stored snapshot, limited to ``article_ids`` when given (articles removed since
    are left out; a story whose base was removed keeps its next version first). Articles
    added since are in no story: the caller regroups them. Stories come in the order they
    were saved."""
    keep = set(article_ids) if article_ids is not None else None
    rows = library.read("SELECT story_id, payload FROM story_members ORDER BY story_id, position")
    stories: dict[str, list[dict[str, object]]] = {}
    for sid, payload in rows:
        data = json.loads(payload)
        if keep is None or data.get("id") in keep:
            stories.setdefault(str(sid), []).append(data)
    ordered = sorted(stories.items(), key=lambda item: int(str(item[1][0].get("story_order", 0))))
    built = [
        Story(
            sid,
            str(members[0].get("story_title", "")),
            tuple(version_from_dict(m) for m in members),
            bool(members[0].get("named_by_user", False)),
        )
        for sid, members in ordered
    ]
    live = {s.id for s in built}
    related = tuple(
        RelatedLink(str(a), str(b), float(score))
        for a, b, score in library.read("SELECT a, b, score FROM story_related ORDER BY score DESC")
        if a in live and b in live
    )
    return Grouping(tuple(built), related)
