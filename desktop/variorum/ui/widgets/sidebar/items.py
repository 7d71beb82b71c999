"""Qt item models for the sidebar, built from extraction results.

Plain QStandardItemModels: the data is small (tens of rows), read-only and rebuilt whenever
the selection changes, so a custom model would add code without adding speed. Every row
carries what a click needs in :data:`LOCATE_ROLE`: a list of (side, [(start, end), ...]).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from variorum.core.extract.data import Entity, Extraction, Speaker
from variorum.core.extract.drift_data import Presence, QuoteDrift, Side

LOCATE_ROLE = Qt.ItemDataRole.UserRole + 1
"""list[tuple[str, list[tuple[int, int]]]]: where the row's text is, per side."""
SIDE_ROLE = Qt.ItemDataRole.UserRole + 2
""""both", "a", "b", or "" for a single article."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
""""speaker", "quote" or "entity"."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4
"""What the filter box matches: the name and its aliases, or the quote."""
SORT_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 6
"""A name row's name as extracted (what a correction refers to)."""
LABEL_ROLE = Qt.ItemDataRole.UserRole + 7
"""A name row's label: "PERSON", "ORG", or another speaker kind."""
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 8
"""A quote row's (side, start, end, text): the quote a reassignment refers to."""
"""Sort key: the count for number columns, the folded name for names."""
QUOTE_STATE_ROLE = Qt.ItemDataRole.UserRole + 5
"""For a quote in a comparison: "same", "reworded" or "" (see :data:`QUOTE_STATE_TIP`)."""

SIDE_TEXT = {Side.BOTH: "A B", Side.ONLY_A: "A", Side.ONLY_B: "B"}
SIDE_TIP = {
    Side.BOTH: "Named in both versions",
    Side.ONLY_A: "Only in version A",
    Side.ONLY_B: "Only in version B",
}
SPEAKER_HEADERS = ["Speaker", "Quotes", "In"]
ENTITY_HEADERS = ["Name", "Mentions", "In"]


def _item(text: str, tip: str = "", search: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text.casefold(), SORT_ROLE)
    item.setData(search or text, SEARCH_ROLE)
    if tip:
        item.setToolTip(tip)
    return item


def _count(n: int, per_side: dict[str, int] | None = None) -> QStandardItem:
    """A count; in a comparison, per version ("2 / 3": A / B), so a dropped quote shows."""
    if per_side is None:
        item = _item(str(n))
    else:
        text = f"{per_side.get('a', 0)} / {per_side.get('b', 0)}"
        item = _item(text, f"{per_side.get('a', 0)} in A, {per_side.get('b', 0)} in B")
    item.setData(n, SORT_ROLE)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _alias_tip(name: str, aliases: tuple[str, ...]) -> str:
    if not aliases:
        return name
    return f"{name}\nAlso called: {', '.join(aliases)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


QUOTE_STATE_TEXT = {"same": "=", "reworded": "≠", "": ""}
QUOTE_STATE_TIP = {
    "same": "The same words in the other version",
    "reworded": "Worded differently in the other version (see Quote drift)",
    "": "Not found in the other version",
}
QUOTE_LEGEND = "= same words in the other version · ≠ reworded (see Quote drift)"
"""Shown under the lists in a comparison: what the marker before each quote means."""


def _fold(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


def _quote_states(
    per_side: list[tuple[str, Speaker]], reworded: set[tuple[str, int]]
) -> dict[tuple[str, int], str]:
    """Per quote (side, start): "same" when the other version has it word for word,
    "reworded" when it is part of a quote drift, else ""."""
    folded = {tag: {_fold(q.text) for q in s.quotes} for tag, s in per_side}
    states: dict[tuple[str, int], str] = {}
    for tag, speaker in per_side:
        others = [f for t, f in folded.items() if t != tag]
        for q in speaker.quotes:
            if (tag, q.start) in reworded:
                states[(tag, q.start)] = "reworded"
            elif any(_fold(q.text) in f for f in others):
                states[(tag, q.start)] = "same"
    return states


def _speaker_rows(
    name: str,
    aliases: tuple[str, ...],
    per_side: list[tuple[str, Speaker]],
    side: Side | None,
    reworded: set[tuple[str, int]] | None = None,
) -> list[QStandardItem]:
    total = sum(len(s.quotes) for _, s in per_side)
    name_item = _item(name, _alias_tip(name, aliases), " ".join((name, *aliases)))
    name_item.setData("speaker", KIND_ROLE)
    name_item.setData(name, NAME_ROLE)
    name_item.setData(per_side[0][1].label if per_side else "", LABEL_ROLE)
    locate = [(tag, [(q.start, q.end) for q in s.quotes]) for tag, s in per_side]
    name_item.setData(locate, LOCATE_ROLE)
    name_item.setData(side.value if side else "", SIDE_ROLE)
    states = _quote_states(per_side, reworded or set()) if side is not None else {}
    for tag, speaker in per_side:
        for q in speaker.quotes:
            # A quote row spans the whole list (see the widget), so its marker and version
            # lead the text instead of sitting in narrow columns of their own.
            label = f"“{_one_line(q.text)}”"
            via = f" ({q.mention.text} {q.verb})" if q.mention else ""
            tip = f"{_one_line(q.text)}{via}"
            state = states.get((tag, q.start), "")
            if side is not None:
                label = f"{QUOTE_STATE_TEXT[state]} {tag.upper()}: {label}".lstrip()
                tip = f"{tip}\n{QUOTE_STATE_TIP[state]}"
            child = _item(label, tip)
            child.setData("quote", KIND_ROLE)
            child.setData([(tag, [(q.start, q.end)])], LOCATE_ROLE)
            child.setData(tag, SIDE_ROLE)
            child.setData(state, QUOTE_STATE_ROLE)
            child.setData((tag, q.start, q.end, q.text), QUOTE_ROLE)
            name_item.appendRow([child, _item(""), _item("")])
    side_item = _item(SIDE_TEXT[side] if side else "", SIDE_TIP[side] if side else "")
    counts = {tag: len(s.quotes) for tag, s in per_side} if side is not None else None
    return [name_item, _count(total, counts), side_item]


def _entity_rows(
    name: str, aliases: tuple[str, ...], per_side: list[tuple[str, Entity]], side: Side | None
) -> list[QStandardItem]:
    total = sum(len(e.mentions) for _, e in per_side)
    name_item = _item(name, _alias_tip(name, aliases), " ".join((name, *aliases)))
    name_item.setData("entity", KIND_ROLE)
    name_item.setData(name, NAME_ROLE)
    name_item.setData(per_side[0][1].label if per_side else "", LABEL_ROLE)
    name_item.setData([(tag, e.spans()) for tag, e in per_side], LOCATE_ROLE)
    name_item.setData(side.value if side else "", SIDE_ROLE)
    side_item = _item(SIDE_TEXT[side] if side else "", SIDE_TIP[side] if side else "")
    counts = {tag: len(e.mentions) for tag, e in per_side} if side is not None else None
    return [name_item, _count(total, counts), side_item]


def _new_model(headers: list[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(headers)
    return model


def single_models(x: Extraction) -> tuple[QStandardItemModel, ...]:
    """Speakers, organizations, people of one article."""
    speakers = _new_model(SPEAKER_HEADERS)
    for s in x.speakers:
        speakers.appendRow(_speaker_rows(s.name, s.aliases, [("a", s)], None))
    entity_models = []
    for entities in (x.organizations, x.people):
        model = _new_model(ENTITY_HEADERS)
        for e in entities:
            model.appendRow(_entity_rows(e.name, e.aliases, [("a", e)], None))
        entity_models.append(model)
    return (speakers, *entity_models)


def _sides(p: Presence) -> list[tuple[str, object]]:
    return [(tag, item) for tag, item in (("a", p.a), ("b", p.b)) if item is not None]


def _aliases(p: Presence) -> tuple[str, ...]:
    names: set[str] = set()
    for _, item in _sides(p):
        names |= set(getattr(item, "aliases", ()))
        names.add(getattr(item, "name", p.name))
    names.discard(p.name)
    return tuple(sorted(names))


def pair_models(
    speakers: tuple[Presence, ...],
    orgs: tuple[Presence, ...],
    people: tuple[Presence, ...],
    drifts: tuple[QuoteDrift, ...] = (),
) -> tuple[QStandardItemModel, ...]:
    """The same three lists for two versions, every row marked both / only A / only B, and
    each quote marked "=" (same words in the other version) or "≠" (reworded)."""
    reworded = {("a", q.start) for d in drifts for q in d.a.quotes}
    reworded |= {("b", q.start) for d in drifts for q in d.b.quotes}
    speaker_model = _new_model(SPEAKER_HEADERS)
    for p in speakers:
        per_side = [(tag, s) for tag, s in _sides(p) if isinstance(s, Speaker)]
        speaker_model.appendRow(_speaker_rows(p.name, _aliases(p), per_side, p.side, reworded))
    entity_models = []
    for presences in (orgs, people):
        model = _new_model(ENTITY_HEADERS)
        for p in presences:
            per_side_e = [(tag, e) for tag, e in _sides(p) if isinstance(e, Entity)]
            model.appendRow(_entity_rows(p.name, _aliases(p), per_side_e, p.side))
        entity_models.append(model)
    return (speaker_model, *entity_models)
