"""The reduce step's last part: stories as connected components of the pairs that reach the
threshold, with the user's constraints.

Pairs the user put together are joined first; then the scored pairs, strongest first, unless
joining would put two articles the user separated into one story (that pair is skipped,
and the story may still form through other pairs that break no constraint). Strongest first
makes the result independent of the order articles were added in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


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
) -> list[list[str]]:
    """Groups of ids; ``edges`` are (score, a, b) above the threshold, in any order."""
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
    for _, x, y in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry:
            continue
        if enemies and _conflict(uf, rx, ry, enemies):
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
