"""Stories as plain data: what grouping returns and what the views show.

A :class:`Grouping` holds every :class:`Story` (one per group of versions, a lone article is a
story of one version) and the :class:`RelatedLink` between stories that share people and
subject but not their text. Each story lists its :class:`Version` objects, base first, each
with its role and its derivation hints (the version it is closest to, and how much of each is
in the other), so "001 is 000 re-posted with a new lede" (a re-post, most of 000 in it) and
"002 is a shortened rewrite of 000" (a rewrite, little shared wording) can be read off.
Articles are named by their content id (:attr:`variorum.core.article.Article.id`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from variorum.core.article import Article


class Role(StrEnum):
    """What a version is to its story."""

    BASE = "base"
    """The version the others are compared with (earliest, or the one they are made from)."""
    REPOST = "re-post"
    """Joined to the base through shared wording (cuts, additions, edits of the same text)."""
    REWRITE = "rewrite"
    """Joined through shared facts, quotes and names, with little shared wording."""
    RELATED = "related"
    """In the story only because the user put it there."""


class PairKind(StrEnum):
    NEAR_DUPLICATE = "near-duplicate"
    REWRITE = "rewrite"
    RELATED = "related"
    NONE = "none"


@dataclass(frozen=True)
class StoryInput:
    """What grouping reads of an article; ``published`` is an ISO date when known."""

    id: str
    text: str
    title: str = ""
    published: str | None = None
    path: str | None = None

    @classmethod
    def from_article(cls, article: Article) -> StoryInput:
        return cls(article.id, article.text, article.title, article.published, article.source_path)


@dataclass(frozen=True)
class PairScore:
    """The exact comparison of two versions (``a`` < ``b`` by article id).

    ``score`` is what the story threshold is compared with: the near-duplicate score (the
    geometric mean of the shingle resemblance and the larger containment) or, when higher, the
    rewrite score (shared sentences, quotes and names). ``related`` is the share of rare
    names and quoted phrases the two have in common, which links stories without merging."""

    a: str
    b: str
    resemblance: float
    a_in_b: float
    b_in_a: float
    score: float
    kind: PairKind
    related: float = 0.0

    def containment(self, part: str) -> float:
        """How much of ``part`` (``a`` or ``b``) lies in the other version."""
        return self.a_in_b if part == self.a else self.b_in_a

    def other(self, article_id: str) -> str:
        return self.b if article_id == self.a else self.a


@dataclass(frozen=True)
class Version:
    """One member of a story and how it relates to the others."""

    id: str
    title: str
    path: str | None
    published: str | None
    words: int
    role: Role
    similarity_to_base: float
    """The pair score with the base (1.0 for the base itself)."""
    containment_in_base: float
    """Share of this version's shingles found in the base."""
    base_in_version: float
    """Share of the base's shingles found in this version."""
    closest: str | None
    """The other member this version shares the most with (None for a story of one)."""
    closest_score: float = 0.0
    containment_in_closest: float = 0.0
    closest_in_version: float = 0.0


@dataclass(frozen=True)
class Story:
    """A group of versions; ``versions[0]`` is the base."""

    id: str
    title: str
    versions: tuple[Version, ...]
    named_by_user: bool = False

    @property
    def base(self) -> Version:
        return self.versions[0]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.versions)

    def dates(self) -> tuple[str, str] | None:
        """The first and last known publication date, or None when no version has one."""
        known = sorted(v.published for v in self.versions if v.published)
        return (known[0], known[-1]) if known else None

    def version(self, article_id: str) -> Version | None:
        return next((v for v in self.versions if v.id == article_id), None)


@dataclass(frozen=True)
class RelatedLink:
    """Two stories about the same people and subject, told in different words."""

    a: str
    b: str
    score: float


@dataclass(frozen=True)
class Grouping:
    """All stories (largest first, then by title) and the links between related ones."""

    stories: tuple[Story, ...]
    related: tuple[RelatedLink, ...]
    pairs: dict[tuple[str, str], PairScore] = field(default_factory=dict, compare=False)
    """Every pair compared exactly, keyed by (a, b) with a < b: the similarity matrix of a
    story is a lookup here (see :meth:`pair`)."""

    _by_article: dict[str, Story] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_id: dict[str, Story] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Built once: the views look stories up for every row they paint.
        object.__setattr__(self, "_by_article", {i: s for s in self.stories for i in s.ids})
        object.__setattr__(self, "_by_id", {s.id: s for s in self.stories})

    def __iter__(self) -> Iterator[Story]:
        return iter(self.stories)

    def story_of(self, article_id: str) -> Story | None:
        return self._by_article.get(article_id)

    def story(self, story_id: str) -> Story | None:
        return self._by_id.get(story_id)

    def pair(self, x: str, y: str) -> PairScore | None:
        return self.pairs.get((x, y) if x < y else (y, x))

    def related_to(self, story_id: str) -> list[tuple[str, float]]:
        """The stories linked to this one, strongest first."""
        out = [(r.b, r.score) for r in self.related if r.a == story_id]
        out += [(r.a, r.score) for r in self.related if r.b == story_id]
        return sorted(out, key=lambda t: -t[1])
