"""The reduce step's last part: stories as connected components of the pairs that reach the
threshold, with the user's constraints.

Pairs the user put together are joined first; then the scored pairs, strongest first, unless
joining would put two articles the user separated into one story (that pair is skipped,
and the story may still form through other pairs that break no constraint). Strongest first
makes the result independent of the order articles were added in.

A weak pair (a rewrite: shared facts, names and quotes rather than wording) joins two
stories only when the stories as a whole are alike: the mean pair score over every version
of one with every version of the other (pairs never compared count 0) must reach
``min_linkage``. The versions of one story are versions of one text, so a true rewrite of
it resembles most of them; one passage two unrelated stories share (a background
paragraph, a wire sentence, a well-worn quote) makes one pair score high and the rest
nothing. Without this, one such pair chains two stories of many versions into one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

Linkage = Callable[[list[str], list[str]], float]
"""The mean pair score between the members of two groups."""


class UnionFind:
    """Disjoint sets over article ids, each root knowing its members (for the constraint
    check, which looks at the smaller side only)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._parent = {i: i for i in ids}
        self._members: dict[str, list[str]] = {i: [i] for i in self._parent}

    def find(self, x: str) -> str:
        parent = self._parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def members(self, root: str) -> list[str]:
        return self._members[root]

    def union(self, x: str, y: str) -> str:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return rx
        if len(self._members[rx]) < len(self._members[ry]):
            rx, ry = ry, rx
        self._parent[ry] = rx
        self._members[rx].extend(self._members.pop(ry))
        return rx

    def groups(self) -> list[list[str]]:
        return [list(m) for m in self._members.values()]


def components(
    ids: Sequence[str],
    edges: Iterable[tuple[float, str, str]],
    together: Iterable[tuple[str, str]] = (),
    apart: Iterable[tuple[str, str]] = (),
    *,
    weak: Iterable[tuple[float, str, str]] = (),
    linkage: Linkage | None = None,
    min_linkage: float = 0.0,
) -> list[list[str]]:
    """Groups of ids; ``edges`` (strong) and ``weak`` are (score, a, b) above the threshold,
    in any order. A weak edge joins only stories whose ``linkage`` reaches ``min_linkage``
    (see the module)."""
    known = set(ids)
    uf = UnionFind(ids)
    for x, y in together:
        if x in known and y in known:
            uf.union(x, y)
    enemies: dict[str, set[str]] = {}
    for x, y in apart:
        if x in known and y in known:
            enemies.setdefault(x, set()).add(y)
            enemies.setdefault(y, set()).add(x)
    marked = [(s, x, y, False) for s, x, y in edges] + [(s, x, y, True) for s, x, y in weak]
    refused: dict[tuple[str, str], tuple[int, int]] = {}
    for _, x, y, is_weak in sorted(marked, key=lambda e: (-e[0], e[1], e[2], e[3])):
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry:
            continue
        if enemies and _conflict(uf, rx, ry, enemies):
            continue
        if is_weak and linkage is not None:
            if ry < rx:
                rx, ry = ry, rx
            sizes = (len(uf.members(rx)), len(uf.members(ry)))
            if refused.get((rx, ry)) == sizes:
                continue  # the same two stories as before: the same answer
            if sizes[0] * sizes[1] > 1 and linkage(uf.members(rx), uf.members(ry)) < min_linkage:
                refused[(rx, ry)] = sizes
                continue
        uf.union(rx, ry)
    return uf.groups()


def _conflict(uf: UnionFind, rx: str, ry: str, enemies: dict[str, set[str]]) -> bool:
    small, other = (rx, ry) if len(uf.members(rx)) <= len(uf.members(ry)) else (ry, rx)
    for member in uf.members(small):
        for enemy in enemies.get(member, ()):
            if uf.find(enemy) == other:
                return True
    return False
