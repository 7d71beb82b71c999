"""From scored pairs to stories: components, the base of each, roles, derivation hints and
related links.

The base is, in order of precedence: the version the user picked; the earliest publication
date when versions carry one; the earliest year when every version's title names a different
year (editions: "... (1859 edition)"); otherwise the version the others are most contained in
(a cut or lightly edited copy lies inside its original, the original is not inside it), and
among versions that hold the others about equally, the one added first.

A version's role follows from how it joins the base: through pairs of shared wording only
(a re-post), through a rewrite pair somewhere on the way (a rewrite), or only through the
user's choice (related). Its closest version is the member it scores highest with.

Pairs that were not compared while grouping but are needed here (every pair of a small
story, to choose its base; each member with the base) are asked of ``compute`` in two
batches, so a cluster can compute them where the sketches are.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from variorum.core.stories.choices import Choices
from variorum.core.stories.components import components
from variorum.core.stories.model import (
    Grouping,
    PairKind,
    PairScore,
    RelatedLink,
    Role,
    Story,
    Version,
)
from variorum.core.stories.params import GroupingParams

PairKey = tuple[str, str]
Compute = Callable[[list[PairKey]], Iterable[PairScore]]
BASE_MARGIN = 0.05
"""Containment (per other version) within which the text does not tell which version came
first: the one added first (the order the user gave them in) is the base then."""
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_JOINING = (PairKind.NEAR_DUPLICATE, PairKind.REWRITE)
_MAX_LINKAGE_PAIRS = 1000
"""Past this many pairs between two groups, their linkage is read from the scored
candidates only (the pairs never compared count 0), which bounds the work."""


@dataclass(frozen=True)
class ArticleMeta:
    """What assembling needs of an article besides its pairs; ``order`` is when it was added
    (earlier first), the last tie-breaker everywhere."""

    id: str
    title: str
    published: str | None
    path: str | None
    words: int
    order: int


def key(x: str, y: str) -> PairKey:
    return (x, y) if x < y else (y, x)


def assemble(
    metas: Sequence[ArticleMeta],
    pairs: dict[PairKey, PairScore],
    params: GroupingParams,
    choices: Choices,
    compute: Compute,
) -> Grouping:
    """The grouping of these articles. Stories are made from ``pairs`` alone (the scored
    candidates), so grouping the same pairs again gives the same stories; the pairs
    computed here for bases and hints go into the result's pairs, not into ``pairs``."""
    by_id = {m.id: m for m in metas}
    strong = [(p.score, p.a, p.b) for p in pairs.values() if p.kind is PairKind.NEAR_DUPLICATE]
    weak = [(p.score, p.a, p.b) for p in pairs.values() if p.kind is PairKind.REWRITE]
    linkage = _Linkage(
        pairs,
        compute,
        params.linkage * params.threshold,
        by_id,
        params.longest_linkage * params.threshold,
    )
    groups = components(
        list(by_id),
        strong,
        choices.together,
        choices.apart,
        weak=weak,
        linkage=linkage,
        min_linkage=params.linkage * params.threshold,
    )
    pairs = dict(pairs) | linkage.computed
    for group in groups:
        group.sort(key=lambda i: by_id[i].order)

    small = [g for g in groups if 2 <= len(g) <= params.full_base_members]
    _fill(pairs, compute, [key(x, y) for g in small for i, x in enumerate(g) for y in g[i + 1 :]])
    links = _links(pairs)
    chosen = set(choices.bases)
    bases = {g[0]: _base(g, by_id, links, chosen) for g in groups}
    large = [g for g in groups if len(g) > params.full_base_members]
    wanted = [key(m, bases[g[0]]) for g in large for m in g if m != bases[g[0]]]
    for score in _fill(pairs, compute, wanted):
        _link(links, score)

    stories = [_story(g, bases[g[0]], by_id, pairs, links) for g in groups]
    stories = _named(stories, choices.names)
    stories.sort(key=lambda s: (-len(s.versions), min(by_id[i].order for i in s.ids)))
    return Grouping(tuple(stories), _related(stories, pairs, params), pairs)


class _Linkage:
    """Whether two groups of articles are alike as a whole: 0 when their fullest versions
    score under ``longest_bar`` with each other (see :meth:`_fullest` and
    :attr:`~variorum.core.stories.params.GroupingParams.longest_linkage`), else the mean
    exact pair score between them. The scored candidates are read first; only when they
    fall short are the pairs never compared scored (a pair that was not a candidate can
    still be alike: a rewrite of a story's original is one of its re-posts' too), so the
    answer never depends on which pairs happened to be candidates."""

    def __init__(
        self,
        pairs: dict[PairKey, PairScore],
        compute: Compute,
        bar: float,
        metas: dict[str, ArticleMeta],
        longest_bar: float,
    ) -> None:
        self.pairs, self.compute, self.bar = pairs, compute, bar
        self.metas, self.longest_bar = metas, longest_bar
        self.computed: dict[PairKey, PairScore] = {}
        self.links = _links(pairs)
        self._fullest_of: dict[tuple[str, int], str] = {}

    def __call__(self, xs: list[str], ys: list[str]) -> float:
        if self.longest_bar > 0 and self._fullest_score(xs, ys) < self.longest_bar:
            return 0.0
        small, other = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
        inside = set(other)
        total = sum(p.score for x in small for p in self.links.get(x, ()) if p.other(x) in inside)
        if total >= self.bar * len(xs) * len(ys) or len(xs) * len(ys) > _MAX_LINKAGE_PAIRS:
            return total / (len(xs) * len(ys))
        wanted = [key(x, y) for x in xs for y in ys]
        self._ask(wanted)
        known = (self.pairs.get(k) or self.computed.get(k) for k in wanted)
        return sum(p.score for p in known if p is not None) / len(wanted)

    def _fullest_score(self, xs: list[str], ys: list[str]) -> float:
        """The score of the fullest version of each group with each other."""
        k = key(self._fullest(xs), self._fullest(ys))
        self._ask([k])
        p = self.pairs.get(k) or self.computed.get(k)
        return p.score if p is not None else 0.0

    def _fullest(self, group: list[str]) -> str:
        """The version of a group that holds the most of its other versions: the sum of
        their containments in it over the scored candidates between them, then the most
        words, then added first. Every version of a story is the story's text cut, padded
        or reworded, so the fullest holds the rest; counting words instead picks a re-post
        padded with site furniture and unrelated paragraphs that cut some of the story,
        which a rewrite of the cut part does not resemble (on the 10,000-article benchmark
        archive, 24 of the 28 rewrite joins refused inside true stories). The holdings
        are those the base is chosen by (:func:`_holdings`), and a group is read once in each
        state (its first member and size name it: groups only grow)."""
        if len(group) == 1:
            return group[0]
        state = (group[0], len(group))
        known = self._fullest_of.get(state)
        if known is not None:
            return known
        holds = _holdings(group, self.links)
        best = max(group, key=lambda i: (holds[i], self.metas[i].words, -self.metas[i].order))
        self._fullest_of[state] = best
        return best

    def _ask(self, wanted: list[PairKey]) -> None:
        missing = sorted(k for k in wanted if k not in self.pairs and k not in self.computed)
        if missing:
            for score in self.compute(missing):
                self.computed[(score.a, score.b)] = score


def _fill(
    pairs: dict[PairKey, PairScore], compute: Compute, wanted: list[PairKey]
) -> list[PairScore]:
    """Scores the ``wanted`` pairs not in ``pairs`` yet, adds them and returns them."""
    missing = sorted({k for k in wanted if k not in pairs})
    scores = list(compute(missing)) if missing else []
    for score in scores:
        pairs[(score.a, score.b)] = score
    return scores


def _base(
    group: list[str],
    by_id: dict[str, ArticleMeta],
    links: dict[str, list[PairScore]],
    chosen: set[str],
) -> str:
    picked = [i for i in group if i in chosen]
    if picked:
        return picked[-1]
    dated = [i for i in group if by_id[i].published]
    if dated:
        return min(dated, key=lambda i: (str(by_id[i].published), by_id[i].order))
    years = [_YEAR_RE.findall(by_id[i].title) for i in group]
    if all(len(y) == 1 for y in years) and len({y[0] for y in years}) == len(group):
        return min(group, key=lambda i: (_YEAR_RE.findall(by_id[i].title)[0], by_id[i].order))
    holds = _holdings(group, links)
    best = max(holds.values())
    close = [i for i in group if holds[i] >= best - BASE_MARGIN * (len(group) - 1)]
    return min(close, key=lambda i: by_id[i].order)


def _holdings(group: list[str], links: dict[str, list[PairScore]]) -> dict[str, float]:
    """How much of a group's other versions each version holds: the sum of their
    containments in it over the pairs scored between them (what the base and the fullest
    version are chosen by)."""
    members = set(group)
    return {
        x: sum(p.containment(p.other(x)) for p in links.get(x, ()) if p.other(x) in members)
        for x in group
    }


def _links(pairs: dict[PairKey, PairScore]) -> dict[str, list[PairScore]]:
    """Every article's pairs, built once for all stories."""
    links: dict[str, list[PairScore]] = {}
    for p in pairs.values():
        _link(links, p)
    return links


def _link(links: dict[str, list[PairScore]], p: PairScore) -> None:
    links.setdefault(p.a, []).append(p)
    links.setdefault(p.b, []).append(p)


def _roles(group: list[str], base: str, links: dict[str, list[PairScore]]) -> dict[str, Role]:
    """Breadth-first from the base, first over shared-wording pairs, then over any pair."""
    members = set(group)
    roles = {base: Role.BASE}
    for allowed, role in (((PairKind.NEAR_DUPLICATE,), Role.REPOST), (_JOINING, Role.REWRITE)):
        queue = deque(m for m in group if m in roles)
        while queue:
            at = queue.popleft()
            for p in links.get(at, ()):
                other = p.other(at)
                if other in members and other not in roles and p.kind in allowed:
                    roles[other] = role
                    queue.append(other)
    return {m: roles.get(m, Role.RELATED) for m in group}


def _story(
    group: list[str],
    base: str,
    by_id: dict[str, ArticleMeta],
    pairs: dict[PairKey, PairScore],
    links: dict[str, list[PairScore]],
) -> Story:
    roles = _roles(group, base, links)
    ordered = [base, *(m for m in group if m != base)]
    versions: list[Version] = []
    members = set(group)
    for m in ordered:
        meta = by_id[m]
        closest, best = None, -1.0
        for p in links.get(m, ()):
            other = p.other(m)
            if other in members and (p.score, -by_id[other].order) > (
                best,
                -_order(closest, by_id),
            ):
                closest, best = other, p.score
        to_base = pairs.get(key(m, base)) if m != base else None
        near = pairs.get(key(m, closest)) if closest is not None else None
        versions.append(
            Version(
                id=m,
                title=meta.title,
                path=meta.path,
                published=meta.published,
                words=meta.words,
                role=roles[m],
                similarity_to_base=1.0 if m == base else (to_base.score if to_base else 0.0),
                containment_in_base=1.0
                if m == base
                else (to_base.containment(m) if to_base else 0.0),
                base_in_version=1.0
                if m == base
                else (to_base.containment(base) if to_base else 0.0),
                closest=closest,
                closest_score=max(best, 0.0),
                containment_in_closest=near.containment(m) if near else 0.0,
                closest_in_version=near.containment(near.other(m)) if near else 0.0,
            )
        )
    return Story(id=story_id(base), title=by_id[base].title, versions=tuple(versions))


def _order(article: str | None, by_id: dict[str, ArticleMeta]) -> int:
    return by_id[article].order if article is not None else 1 << 62


def story_id(base: str) -> str:
    """A story's id: stable as long as its base stays its base."""
    return "s-" + hashlib.sha1(base.encode("utf-8")).hexdigest()[:12]


def _named(stories: list[Story], names: Sequence[tuple[str, str]]) -> list[Story]:
    if not names:
        return stories
    owner = {i: n for n, s in enumerate(stories) for i in s.ids}
    out = list(stories)
    for article, name in names:  # in order: the last name given to a story wins
        n = owner.get(article)
        if n is not None:
            s = out[n]
            out[n] = Story(s.id, name, s.versions, named_by_user=True)
    return out


def _related(
    stories: list[Story], pairs: dict[PairKey, PairScore], params: GroupingParams
) -> tuple[RelatedLink, ...]:
    """The strongest links between different stories, at most ``max_related`` per story
    (a link stays when it is among the strongest of either of its stories)."""
    owner = {i: s.id for s in stories for i in s.ids}
    best: dict[tuple[str, str], float] = {}
    for p in pairs.values():
        sa, sb = owner.get(p.a), owner.get(p.b)
        if sa is None or sb is None or sa == sb or p.related < params.related_threshold:
            continue
        k = key(sa, sb)
        best[k] = max(best.get(k, 0.0), p.related)
    per_story: dict[str, list[tuple[float, tuple[str, str]]]] = {}
    for k, score in best.items():
        for s in k:
            per_story.setdefault(s, []).append((score, k))
    kept: set[tuple[str, str]] = set()
    for links in per_story.values():
        links.sort(key=lambda t: (-t[0], t[1]))
        kept |= {k for _, k in links[: params.max_related]}
    return tuple(
        RelatedLink(a, b, round(best[(a, b)], 4))
        for a, b in sorted(kept, key=lambda k: (-best[k], k))
    )
