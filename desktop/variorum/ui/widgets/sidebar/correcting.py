"""Analyst corrections in the sidebar: a context menu and keys on the three lists.

On a name: Rename… (F2), Merge Into… (Ctrl+Shift+M) and Not a Person / Not an Organization
(Delete); on a quote: Give Quote To… (Ctrl+Shift+R). The questions are asked in window-modal
dialogs opened without blocking (``open()``), and the answer leaves as a
:class:`CorrectionRequest`: the widget decides nothing about storage or undo, which the
controller does (every correction is undoable through the window's Edit › Undo).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QTreeView, QWidget

from variorum.core.extract.corrections import (
    Correction,
    Merge,
    NotEntity,
    Reassign,
    Rename,
)
from variorum.core.extract.data import ORG, PERSON
from variorum.ui.widgets.sidebar.items import (
    KIND_ROLE,
    LABEL_ROLE,
    NAME_ROLE,
    QUOTE_ROLE,
    SIDE_ROLE,
)

RENAME_KEY = "F2"
MERGE_KEY = "Ctrl+Shift+M"
NOT_ENTITY_KEY = QKeySequence.StandardKey.Delete
REASSIGN_KEY = "Ctrl+Shift+R"

NOT_ENTITY_TEXT = {PERSON: "Not a &Person", ORG: "Not an &Organization"}
"""For other speakers (a description, an unresolved pronoun) the action says "Not a Speaker"."""


@dataclass(frozen=True)
class CorrectionRequest:
    sides: tuple[str, ...]
    """The versions it applies to: ("a",) for one article, ("a", "b") for a name in both."""
    correction: Correction
    reselect: str = ""
    """A name to select once the lists show the correction (the renamed or merged row)."""


def _sides(index: QModelIndex) -> tuple[str, ...]:
    side = str(index.data(SIDE_ROLE) or "")
    return {"both": ("a", "b"), "b": ("b",)}.get(side, ("a",))


class _ViewActions:
    """The four actions of one list, bound to its current row."""

    def __init__(self, owner: CorrectionMenu, view: QTreeView) -> None:
        self.view = view

        def action(
            text: str, key: str | QKeySequence.StandardKey, slot: Callable[[], None], name: str
        ) -> QAction:
            act = QAction(text, view)
            act.setObjectName(f"{view.objectName()}_{name}")
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.setShortcutVisibleInContextMenu(True)
            act.triggered.connect(slot)
            view.addAction(act)
            return act

        self.rename = action("&Rename…", RENAME_KEY, lambda: owner.rename(view), "rename")
        self.merge = action("&Merge Into…", MERGE_KEY, lambda: owner.merge(view), "merge")
        self.not_entity = action(
            "Not a &Person", NOT_ENTITY_KEY, lambda: owner.not_entity(view), "notEntity"
        )
        self.reassign = action(
            "&Give Quote To…", REASSIGN_KEY, lambda: owner.reassign(view), "reassign"
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: owner.popup(view, pos))
        view.selectionModel().currentChanged.connect(lambda *_: self.update())
        self.update()

    def update(self) -> None:
        index = self.view.currentIndex().siblingAtColumn(0)
        kind = index.data(KIND_ROLE) if index.isValid() else None
        named = kind in ("speaker", "entity")
        for act in (self.rename, self.merge, self.not_entity):
            act.setEnabled(named)
        self.reassign.setEnabled(kind == "quote")
        label = str(index.data(LABEL_ROLE) or "") if named else ""
        self.not_entity.setText(NOT_ENTITY_TEXT.get(label, "Not a &Speaker"))

    def menu_actions(self) -> list[QAction]:
        self.update()
        if self.reassign.isEnabled():
            return [self.reassign]
        return [self.rename, self.merge, self.not_entity] if self.rename.isEnabled() else []


class CorrectionMenu(QObject):
    """Puts the correction actions on ``views`` (speakers, organizations, people) and emits
    :attr:`requested` with the analyst's answer."""

    requested = Signal(object)
    """A :class:`CorrectionRequest`."""

    def __init__(self, parent: QWidget, views: tuple[QTreeView, ...]) -> None:
        super().__init__(parent)
        self._parent = parent
        self.views = views
        self.actions = {view: _ViewActions(self, view) for view in views}
        self.dialog: QInputDialog | None = None
        """The question open now (tests answer it as a user would)."""

    # --- what the lists hold --------------------------------------------------------------
    @staticmethod
    def _current(view: QTreeView) -> QModelIndex:
        return view.currentIndex().siblingAtColumn(0)

    def _names(self, first: QTreeView, without: str) -> list[str]:
        """Names to choose from: this list's first, then the others', each once."""
        seen: dict[str, str] = {}
        for view in (first, *(v for v in self.views if v is not first)):
            model = view.model()
            for row in range(model.rowCount()):
                name = str(model.index(row, 0).data(NAME_ROLE) or "")
                key = name.casefold()
                if name and key != without.casefold():
                    seen.setdefault(key, name)
        return list(seen.values())

    # --- the actions -----------------------------------------------------------------------
    def popup(self, view: QTreeView, pos: QPoint) -> QMenu | None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        actions = self.actions[view].menu_actions()
        if not actions:
            return None
        menu = QMenu(view)
        menu.setObjectName("correctionMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(actions)
        menu.popup(view.viewport().mapToGlobal(pos))
        return menu

    def _ask(
        self,
        title: str,
        label: str,
        answer: Callable[[str], None],
        *,
        text: str = "",
        items: list[str] | None = None,
        editable: bool = True,
    ) -> None:
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("correctionDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if items is not None:
            dialog.setComboBoxItems(items)
            dialog.setComboBoxEditable(editable)
            if text:
                dialog.setTextValue(text)
        else:
            dialog.setTextValue(text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted(value: str) -> None:
            value = " ".join(value.split())
            if value:
                answer(value)

        dialog.textValueSelected.connect(accepted)
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def rename(self, view: QTreeView) -> None:
        index = self._current(view)
        if index.data(KIND_ROLE) not in ("speaker", "entity"):
            return
        name = str(index.data(NAME_ROLE))
        sides = _sides(index)

        def answer(new: str) -> None:
            if new != name:
                self.requested.emit(CorrectionRequest(sides, Rename(name, new), new))

        self._ask(
            "Rename",
            f"New name for “{name}” (as a speaker and as a name in the lists):",
            answer,
            text=name,
        )

    def merge(self, view: QTreeView) -> None:
        index = self._current(view)
        if index.data(KIND_ROLE) not in ("speaker", "entity"):
            return
        name = str(index.data(NAME_ROLE))
        sides = _sides(index)
        names = self._names(view, name)
        if not names:
            return

        def answer(into: str) -> None:
            self.requested.emit(CorrectionRequest(sides, Merge(name, into), into))

        self._ask(
            "Merge",
            f"“{name}” is the same as (its quotes and mentions join, the name chosen stays):",
            answer,
            items=names,
            editable=False,
        )

    def not_entity(self, view: QTreeView) -> None:
        index = self._current(view)
        if index.data(KIND_ROLE) not in ("speaker", "entity"):
            return
        name = str(index.data(NAME_ROLE))
        label = str(index.data(LABEL_ROLE) or "")
        self.requested.emit(CorrectionRequest(_sides(index), NotEntity(name, label)))

    def reassign(self, view: QTreeView) -> None:
        index = self._current(view)
        data = index.data(QUOTE_ROLE)
        if index.data(KIND_ROLE) != "quote" or not data:
            return
        side, start, end, text = data
        owner = str(index.parent().data(NAME_ROLE) or "")
        names = self._names(view, owner)

        def answer(to: str) -> None:
            self.requested.emit(
                CorrectionRequest((str(side),), Reassign(int(start), int(end), to, str(text)))
            )

        words = " ".join(str(text).split())
        short = words if len(words) <= 60 else words[:59] + "…"
        self._ask(
            "Give Quote To",
            f"Who said “{short}”? (now: {owner}; choose or type a name)",
            answer,
            items=names,
            editable=True,
        )
