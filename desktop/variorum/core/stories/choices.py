"""The user's corrections to the grouping, kept as constraints on articles so they survive
regrouping (new articles, another threshold, a restart).

A story is only ever named through its articles: "these two belong together", "these two
never", "this article is the base", "the story holding this article is called ...". Each
operation below turns what the user did in the window into such constraints, dropping the
earlier ones it contradicts (the latest choice wins), and returns new :class:`Choices`:
the old value is the undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from variorum.core.stories.model import Grouping, Story

Pair = tuple[str, str]


def _pair(x: str, y: str) -> Pair:
    return (x, y) if x < y else (y, x)


@dataclass(frozen=True)
class Choices:
    together: frozenset[Pair] = frozenset()
    """Articles the user put in one story (move, merge)."""
    apart: frozenset[Pair] = frozenset()
    """Articles the user separated (move, split): never in one story again."""
    names: tuple[tuple[str, str], ...] = ()
    """(article, name): the story holding the article is called so; the last one wins."""
    bases: tuple[str, ...] = ()
    """Articles chosen as the base of their story; the last one in a story wins."""

    def is_empty(self) -> bool:
        return not (self.together or self.apart or self.names or self.bases)

    def forget(self, article_ids: Iterable[str]) -> Choices:
        """Without any choice about these articles (removed from the library for good)."""
        gone = set(article_ids)
        return Choices(
            frozenset(p for p in self.together if not gone & set(p)),
            frozenset(p for p in self.apart if not gone & set(p)),
            tuple(n for n in self.names if n[0] not in gone),
            tuple(b for b in self.bases if b not in gone),
        )


def _story(grouping: Grouping, story_id: str) -> Story:
    story = grouping.story(story_id)
    if story is None:
        raise KeyError(f"no story {story_id!r}")
    return story


def move(choices: Choices, grouping: Grouping, article_id: str, story_id: str) -> Choices:
    """Put an article into another story: it joins that story's base and leaves every other
    member of the story it was in."""
    target = _story(grouping, story_id)
    source = grouping.story_of(article_id)
    if source is not None and source.id == target.id:
        return choices
    together = {p for p in choices.together if article_id not in p}
    apart = {p for p in choices.apart if article_id not in p}
    if source is not None:
        apart |= {_pair(article_id, other) for other in source.ids if other != article_id}
    together.add(_pair(article_id, target.base.id))
    bases = tuple(b for b in choices.bases if b != article_id)
    return replace(choices, together=frozenset(together), apart=frozenset(apart), bases=bases)


def split(choices: Choices, grouping: Grouping, article_ids: Iterable[str]) -> Choices:
    """Make a new story of some versions of one story: they stay together, apart from the
    rest."""
    ids = sorted(set(article_ids))
    if not ids:
        return choices
    story = grouping.story_of(ids[0])
    if story is None or any(grouping.story_of(i) is not story for i in ids):
        raise ValueError("the versions to split off must all be in one story")
    rest = [v for v in story.ids if v not in ids]
    if not rest:
        return choices
    moved = set(ids)
    together = {p for p in choices.together if not (moved & set(p) and set(p) - moved)}
    together |= {_pair(x, y) for x, y in pairwise(ids)}
    apart = set(choices.apart) | {_pair(x, y) for x in ids for y in rest}
    return replace(choices, together=frozenset(together), apart=frozenset(apart))


def merge(choices: Choices, grouping: Grouping, story_ids: Iterable[str]) -> Choices:
    """Join stories into one (the first one's base stays the base)."""
    stories = [_story(grouping, s) for s in story_ids]
    if len(stories) < 2:
        return choices
    members = [set(s.ids) for s in stories]
    apart = {
        p
        for p in choices.apart
        if not any(p[0] in m1 and p[1] in m2 for m1 in members for m2 in members if m1 is not m2)
    }
    together = set(choices.together)
    together |= {_pair(stories[0].base.id, s.base.id) for s in stories[1:]}
    return replace(choices, together=frozenset(together), apart=frozenset(apart))


def rename(choices: Choices, grouping: Grouping, story_id: str, name: str) -> Choices:
    """Name a story (an empty name gives it back its base's title)."""
    story = _story(grouping, story_id)
    names = tuple(n for n in choices.names if n[0] not in story.ids)
    if name.strip():
        names += ((story.base.id, name.strip()),)
    return replace(choices, names=names)


def pick_base(choices: Choices, grouping: Grouping, article_id: str) -> Choices:
    """Make an article the base of its story."""
    story = grouping.story_of(article_id)
    if story is None:
        raise KeyError(f"no story holds {article_id!r}")
    bases = (*(b for b in choices.bases if b not in story.ids), article_id)
    return replace(choices, bases=bases)
