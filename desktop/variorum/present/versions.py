"""How the versions of a story are named and described, in every view that lists them.

Versions of one story usually share most of their title ("On the Origin of Species, Chapter
I ... (1859 edition)", "... (1860 edition)"), so a title cut to fit a column reads the same
for all of them. Each version gets a *label* instead: the part of its title the others do
not share, or, when titles are identical, whatever does differ (the site, the date, the file
name). The tree, the heat map's legend, the similarity matrix, the timeline and the
derivation list all use the same label, so a version is recognised from one view to the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from variorum.core.stories.model import PairScore, Role, Story, Version

MIN_SHARED_WORDS = 2
"""A title prefix (or suffix) shared by every version is left out of the labels only when it
is at least this many words: one shared word ("Ferry ...") says nothing about the story."""

ROLE_TEXT = {
    Role.BASE: "base",
    Role.REPOST: "re-post",
    Role.REWRITE: "rewrite",
    Role.RELATED: "related",
}
ROLE_HELP = {
    Role.BASE: "The version the others are compared with",
    Role.REPOST: "Joined to the base through shared wording (cuts, additions, edits)",
    Role.REWRITE: "Joined through shared quotes, names and facts, with little shared wording",
    Role.RELATED: "In this story because you put it there",
}

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def _words(title: str) -> list[str]:
    return title.split()


def _shared_prefix(titles: Sequence[list[str]]) -> int:
    n = 0
    shortest = min(len(t) for t in titles)
    while n < shortest and all(t[n] == titles[0][n] for t in titles):
        n += 1
    return n


def _distinct_part(titles: list[list[str]]) -> list[str]:
    """Each title without the words every title starts (and ends) with: the story's row
    above the versions shows those."""
    prefix = _shared_prefix(titles)
    if prefix < MIN_SHARED_WORDS:
        prefix = 0
    rest = [t[prefix:] for t in titles]
    suffix = _shared_prefix([t[::-1] for t in rest]) if all(rest) else 0
    if suffix < MIN_SHARED_WORDS:
        suffix = 0
    out = []
    for words in rest:
        middle = words[: len(words) - suffix] if suffix else words
        out.append(" ".join(middle))
    return out


def _file_name(version: Version) -> str:
    return PurePath(version.path).name if version.path else ""


def version_labels(story: Story, sites: dict[str, str] | None = None) -> dict[str, str]:
    """A short label per version id, unique within the story (see the module docstring).
    ``sites`` (article id -> site name) lets versions with one title be told apart by site."""
    versions = story.versions
    if len(versions) == 1:
        v = versions[0]
        return {v.id: v.title or _file_name(v) or "(untitled)"}
    titles = [_words(v.title) for v in versions]
    distinct = _distinct_part(titles) if all(titles) else [""] * len(versions)
    labels = {
        v.id: part or v.title or "(untitled)" for v, part in zip(versions, distinct, strict=True)
    }
    site_of = sites or {}
    tellers: list[Callable[[Version], str]] = [
        lambda v: site_of.get(v.id, ""),
        lambda v: date_text(v.published),
        _file_name,
    ]
    for teller in tellers:
        for group in _clashes(versions, labels):
            values = [teller(v) for v in group]
            if all(values) and len(set(values)) == len(values):
                for v, value in zip(group, values, strict=True):
                    labels[v.id] = value if labels[v.id] == v.title else f"{labels[v.id]} · {value}"
    for group in _clashes(versions, labels):
        for v in group:
            labels[v.id] = f"{labels[v.id]} · version {versions.index(v) + 1}"
    return labels


def _clashes(versions: Sequence[Version], labels: dict[str, str]) -> list[list[Version]]:
    """Groups of versions sharing a label."""
    by_label: dict[str, list[Version]] = {}
    for v in versions:
        by_label.setdefault(labels[v.id], []).append(v)
    return [g for g in by_label.values() if len(g) > 1]


def date_text(published: str | None) -> str:
    """The date part of an ISO date (the time of day does not tell versions apart)."""
    return (published or "")[:10]


def date_range_text(dates: tuple[str, str] | None) -> str:
    """ "2006-10-21", "2006-10-21–23", "2006-10-21–11-02" or "2006-10-21–2007-01-02"."""
    if dates is None:
        return ""
    first, last = date_text(dates[0]), date_text(dates[1])
    if first == last or not last:
        return first
    if len(first) == len(last) == 10:
        if first[:7] == last[:7]:
            return f"{first}–{last[8:]}"
        if first[:4] == last[:4]:
            return f"{first}–{last[5:]}"
    return f"{first}–{last}"


@dataclass(frozen=True)
class TimePoint:
    id: str
    label: str
    when: str
    """As shown: an ISO date, or a year taken from the title."""
    day: int
    """Proleptic Gregorian ordinal (``date.toordinal``), for placing the point on an axis."""


@dataclass(frozen=True)
class Timeline:
    points: tuple[TimePoint, ...]
    """Earliest first."""
    undated: tuple[str, ...]
    """Labels of the versions that carry no date."""
    from_titles: bool
    """The dates are years named in the titles (editions), not publication dates."""


def _day(published: str) -> int | None:
    text = published[:10]
    for candidate in (text, text[:7] + "-01", text[:4] + "-01-01"):
        try:
            return date.fromisoformat(candidate).toordinal()
        except ValueError:
            continue
    return None


def timeline(story: Story, labels: dict[str, str]) -> Timeline | None:
    """The versions on a time axis, when at least two have a date: their publication dates,
    or else, when every title names one year and no two the same (editions), those years,
    the rule grouping uses to choose such a story's base."""
    points: list[TimePoint] = []
    undated: list[str] = []
    for v in story.versions:
        day = _day(v.published) if v.published else None
        if day is None:
            undated.append(labels[v.id])
        else:
            points.append(TimePoint(v.id, labels[v.id], date_text(v.published), day))
    from_titles = False
    if len(points) < 2:
        years = [_YEAR_RE.findall(v.title) for v in story.versions]
        if all(len(y) == 1 for y in years) and len({y[0] for y in years}) == len(years):
            from_titles = True
            undated = []
            points = [
                TimePoint(v.id, labels[v.id], y[0], date(int(y[0]), 1, 1).toordinal())
                for v, y in zip(story.versions, years, strict=True)
            ]
    if len(points) < 2:
        return None
    points.sort(key=lambda p: (p.day, p.label))
    return Timeline(tuple(points), tuple(undated), from_titles)


def chronological(story: Story, labels: dict[str, str]) -> list[str]:
    """Version ids earliest first when dates are known (undated ones after, in story order),
    else in story order (the base first): the order in which "first changed in" is read."""
    line = timeline(story, labels)
    if line is None:
        return list(story.ids)
    dated = [p.id for p in line.points]
    return dated + [i for i in story.ids if i not in dated]


WHOLE = 0.9
"""A share of shingles from which one text counts as lying wholly in the other."""
MOSTLY = 0.6
"""...and from which most of it does."""


def derivation_sentence(version: Version, base_label: str) -> str:
    """How a version derives from the base, in words an analyst reads off at once ("the base
    with text added", "a shortened rewrite of the base")."""
    if version.role is Role.BASE:
        return "the base: the version the others are compared with"
    inside, holds = version.containment_in_base, version.base_in_version
    of = f"of {base_label}"
    if version.role is Role.REWRITE:
        shorter = "a shortened rewrite" if holds < inside else "a rewrite"
        return f"{shorter} {of} (shared quotes, names and facts, little shared wording)"
    if version.role is Role.RELATED:
        return (
            f"put in this story by you; shares {version.similarity_to_base:.0%} with {base_label}"
        )
    if inside >= WHOLE and holds >= WHOLE:
        return f"{base_label} re-posted, lightly edited"
    if inside >= WHOLE > holds:
        return f"{base_label} cut down ({holds:.0%} of it kept)"
    if holds >= WHOLE > inside:
        return f"{base_label} with text added ({1 - inside:.0%} of this version is new)"
    if inside >= MOSTLY and holds >= MOSTLY:
        return f"{base_label} re-posted with edits ({holds:.0%} of it kept)"
    return f"shares some wording with {base_label} ({version.similarity_to_base:.0%})"


@dataclass(frozen=True)
class DerivationRow:
    id: str
    label: str
    role: str
    sentence: str
    similarity_to_base: float
    in_base: float
    """Share of this version found in the base."""
    base_in: float
    """Share of the base found in this version."""
    closest: str | None
    closest_label: str
    closest_score: float
    in_closest: float
    closest_in: float


def derivation(story: Story, labels: dict[str, str]) -> list[DerivationRow]:
    """One row per version, base first: how it derives from the base and which version it is
    closest to, with the containment both ways."""
    base_label = labels[story.base.id]
    return [
        DerivationRow(
            id=v.id,
            label=labels[v.id],
            role=ROLE_TEXT[v.role],
            sentence=derivation_sentence(v, base_label),
            similarity_to_base=v.similarity_to_base,
            in_base=v.containment_in_base,
            base_in=v.base_in_version,
            closest=v.closest,
            closest_label=labels.get(v.closest, "") if v.closest else "",
            closest_score=v.closest_score,
            in_closest=v.containment_in_closest,
            closest_in=v.closest_in_version,
        )
        for v in story.versions
    ]


_ROLE_OF_KIND = {"near-duplicate": Role.REPOST, "rewrite": Role.REWRITE}


def selection_story(
    versions: Sequence[Version],
    base_id: str,
    pair: Callable[[str, str], PairScore | None],
    title: str,
) -> Story:
    """Versions the user selected (from one story or several) as a story of their own around
    ``base_id``: role, containment and closest version are read again relative to that base
    and to the selection, from the pairs grouping compared (a pair it never compared reads
    0 and has no role but "related")."""
    ids = [v.id for v in versions]
    ordered = sorted(versions, key=lambda v: v.id != base_id)
    out: list[Version] = []
    for v in ordered:
        if v.id == base_id:
            out.append(
                Version(
                    v.id,
                    v.title,
                    v.path,
                    v.published,
                    v.words,
                    Role.BASE,
                    1.0,
                    1.0,
                    1.0,
                    *_closest(v.id, ids, pair),
                )
            )
            continue
        score = pair(v.id, base_id)
        role = _ROLE_OF_KIND.get(str(score.kind), Role.RELATED) if score else Role.RELATED
        out.append(
            Version(
                v.id,
                v.title,
                v.path,
                v.published,
                v.words,
                role,
                score.score if score else 0.0,
                score.containment(v.id) if score else 0.0,
                score.containment(base_id) if score else 0.0,
                *_closest(v.id, ids, pair),
            )
        )
    return Story("selection", title, tuple(out))


def _closest(
    article: str, ids: Sequence[str], pair: Callable[[str, str], PairScore | None]
) -> tuple[str | None, float, float, float]:
    best: PairScore | None = None
    for other in ids:
        if other != article:
            score = pair(article, other)
            if score is not None and (best is None or score.score > best.score):
                best = score
    if best is None:
        return None, 0.0, 0.0, 0.0
    other = best.other(article)
    return other, best.score, best.containment(article), best.containment(other)


def span_text(story: Story) -> str:
    """When the story's versions appeared: their publication dates, or the years their
    titles name (editions), as :func:`timeline` reads them; "" when unknown."""
    dates = story.dates()
    if dates is not None:
        return date_range_text(dates)
    line = timeline(story, {v.id: v.id for v in story.versions})
    if line is None:
        return ""
    first, last = line.points[0].when, line.points[-1].when
    return first if first == last else f"{first}–{last}"
