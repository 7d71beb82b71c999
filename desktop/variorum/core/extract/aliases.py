"""Merging the names one article uses for the same person or organization.

Within an article, "Altman" is Sam Altman, "Zhang" is Zhang Hongjiang (family name first),
"BAAI" is the Beijing Academy of Artificial Intelligence (from "Full Name (ACR)" or the
initials) and "Huawei" is Huawei Technologies. Across articles we merge on the full
normalised name only, because a bare surname means different people in different stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from variorum.core.extract.data import ORG, PERSON
from variorum.core.extract.entities import normalise_name
from variorum.core.extract.vocab import (
    COMPANY_SUFFIXES,
    ORG_HEADS,
    ORG_NOUNS,
    SETTLEMENT_WORDS,
    STREET_WORDS,
)

_BODY_WORDS = COMPANY_SUFFIXES | ORG_HEADS | ORG_NOUNS | SETTLEMENT_WORDS | STREET_WORDS

_MINOR = frozenset({"of", "and", "for", "the", "on", "in", "at", "&", "de", "du", "la", "le"})
_PAREN_RE = re.compile(r"([A-Z][\w&.'’\- ]{2,80}?)\s*\(\s*([A-Z][\w&.'’\- ]{0,60}?)\s*\)")


@dataclass
class NameInfo:
    """A distinct name in the article with its display form, label and mention count."""

    key: str
    display: str
    label: str
    count: int = 0
    first: int = 0


@dataclass
class Group:
    canonical: NameInfo
    members: list[NameInfo] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.canonical.label


def _shaped_like_a_persons(name: str) -> bool:
    """Two or three capitalised words, none of them a word bodies' names are made of."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in _BODY_WORDS
        for w in words
    )


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def paired_names(text: str) -> list[tuple[str, str]]:
    """("Full Name", "ACR") and ("Altman", "Sam Altman") pairs written as ``X (Y)``."""
    return [(m.group(1).strip(), m.group(2).strip()) for m in _PAREN_RE.finditer(text)]


def _tokens(key: str) -> list[str]:
    return key.split()


def group_names(names: list[NameInfo], text: str) -> list[Group]:
    """Group the names; each group's canonical name is its fullest form."""
    by_key = {n.key: n for n in names}
    parent: dict[str, str] = {n.key: n.key for n in names}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(short: str, full: str) -> None:
        a, b = find(short), find(full)
        if a != b:
            parent[a] = b

    people = [n for n in names if n.label == PERSON]
    orgs = [n for n in names if n.label == ORG]
    full_people = [n for n in people if len(_tokens(n.key)) >= 2]

    # "X (Y)": explicit equivalence, whatever the form.
    for left, right in paired_names(text):
        lk, rk = normalise_name(left), normalise_name(right)
        for k1, k2 in ((lk, rk), (rk, lk)):
            if k1 in by_key and k2 in by_key:
                shorter, longer = sorted((k1, k2), key=len)
                union(shorter, longer)
        # "Beijing Academy of Artificial Intelligence (BAAI)", "OpenAI CEO Altman (Sam Altman)":
        # the left side may carry extra words before the name, so match its tail.
        if rk in by_key:
            tails = [n for n in names if n.key != rk and (" " + lk).endswith(" " + n.key)]
            if _is_acronym(right):
                tails = [n for n in tails if initials(n.display) == right]
            if tails:
                tail = max(tails, key=lambda n: len(n.key))
                union(tail.key, rk)

    # "J. Sebright" -> "John Sebright": an initial and the same surname.
    for n in full_people:
        toks = _tokens(n.key)
        if len(toks) != 2 or not re.fullmatch(r"\w\.?", toks[0]):
            continue
        fuller = [
            p
            for p in full_people
            if p.key != n.key
            and _tokens(p.key)[-1] == toks[1]
            and _tokens(p.key)[0][:1] == toks[0][:1]
            and len(_tokens(p.key)[0]) > 2
        ]
        if len(fuller) == 1:
            union(n.key, fuller[0].key)

    # "de la Vega", "Ruiz Montes": a multi-word surname, the tail of exactly one fuller
    # person's name (the model may even have called the short form an organization).
    for n in names:
        toks = _tokens(n.key)
        if len(toks) < 2 or n.label not in (PERSON, ORG):
            continue
        fuller = [
            p
            for p in full_people
            if len(_tokens(p.key)) > len(toks) and p.key.endswith(" " + n.key)
        ]
        if len(fuller) == 1:
            union(n.key, fuller[0].key)
            n.label = PERSON

    # A single word that is a person's surname (or family name written first) -> that person.
    for n in names:
        toks = _tokens(n.key)
        if len(toks) != 1:
            continue
        if n.label not in (PERSON, ORG):
            continue
        last = [p for p in full_people if _tokens(p.key)[-1] == toks[0]]
        first = [p for p in full_people if _tokens(p.key)[0] == toks[0]]
        # "Ms. Acosta" for "Melba Acosta Febo": the first of two family names, as Spanish
        # and Portuguese names have them; only when one person's name has it there
        paternal = [
            p for p in full_people if len(_tokens(p.key)) >= 3 and _tokens(p.key)[-2] == toks[0]
        ]
        matches = last or (first if n.label == PERSON else [])
        if not matches and len(paternal) == 1:
            matches = paternal
        if matches:
            best = max(matches, key=lambda p: (p.count, -p.first))
            union(n.key, best.key)
            n.label = PERSON
            continue
        # "Norte" alone, where "Ferrovias do Norte" is an organization and no person has
        # that surname: the last word of the organization's name, not somebody.
        org_ends = [o for o in orgs if len(_tokens(o.key)) >= 2 and _tokens(o.key)[-1] == toks[0]]
        if n.label == PERSON and len(org_ends) == 1:
            union(n.key, org_ends[0].key)
            continue
        # "Harwick" alone, with "Harwick Town" an organization and no person of that name:
        # the organization's short name
        org_starts = [o for o in orgs if o.key.startswith(toks[0] + " ")]
        if n.label == PERSON and len(org_starts) == 1:
            union(n.key, org_starts[0].key)

    # Organizations: acronyms from initials, "X" for "X Technologies", and "Water Authority"
    # for "Port Calder Water Authority".
    for n in orgs:
        if n.label != ORG:
            continue  # read above as a person's surname ("Trump" of "Donald Trump"): never
            # also the short name of a body that begins with it ("Trump University")
        if len(_tokens(n.key)) >= 2:
            ends_with = [o for o in orgs if o.key.endswith(" " + n.key)]
            if len(ends_with) == 1:
                union(n.key, ends_with[0].key)
                continue
        if _is_acronym(n.display):
            full = [
                o
                for o in orgs
                if o.key != n.key and initials(o.display) == n.display.replace(".", "")
            ]
            if len(full) == 1:
                union(n.key, full[0].key)
            continue
        starting = [o for o in orgs if o.key.startswith(n.key + " ")]
        if len(_tokens(n.key)) == 1 and len(starting) == 1:
            # "Veldhoven" for "Veldhoven Semiconductors": the only longer name it begins
            union(n.key, starting[0].key)
            continue
        for other in orgs:
            if other.key == n.key or not other.key.startswith(n.key + " "):
                continue
            rest = _tokens(other.key)[len(_tokens(n.key)) :]
            if rest and all(
                r.rstrip(".") in COMPANY_SUFFIXES or r in COMPANY_SUFFIXES for r in rest
            ):
                union(n.key, other.key)

    groups: dict[str, Group] = {}
    for n in names:
        root = find(n.key)
        group = groups.setdefault(root, Group(by_key[root]))
        group.members.append(n)
    for group in groups.values():
        # The fullest name speaks for the group: "Sam Altman" makes "Altman" a person even
        # where the model called that word an organization.
        best = max(group.members, key=lambda m: (len(_tokens(m.key)), len(m.display), m.count))
        label = best.label
        if label == ORG and _shaped_like_a_persons(best.display):
            # "Carly Fiorina" once as an organization, "Fiorina" a person eight times: the
            # model's one slip on the full name does not outvote its reading everywhere else
            person = sum(m.count for m in group.members if m.label == PERSON)
            if person > best.count + 2:
                label = PERSON
        group.canonical = best
        for m in group.members:
            m.label = label
    return sorted(groups.values(), key=lambda g: min(m.first for m in g.members))
