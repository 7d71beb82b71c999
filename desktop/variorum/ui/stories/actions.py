"""The Stories menu and the list's context menu: move an article to another story, split and
merge stories, rename one and pick its base.

Each action turns the selection into new :class:`~variorum.core.stories.choices.Choices`
(with :mod:`variorum.core.stories.choices`) and pushes a :class:`StoryChoiceCommand` on the
window's undo stack. Shortcuts work while the list has focus (like Delete there), so the same
keys can mean something else in the sidebar, and every one is shown in the menus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from variorum.core.stories import choices as ops
from variorum.core.stories.choices import Choices
from variorum.core.stories.model import Grouping, Story
from variorum.ui.stories.commands import StoryChoiceCommand
from variorum.ui.stories.grouper import StoryGrouper
from variorum.ui.stories.move_dialog import MoveDialog
from variorum.ui.widgets.article_list import ArticleListWidget

RENAME_KEY = "F2"
MOVE_KEY = "Ctrl+Shift+G"
SPLIT_KEY = "Ctrl+Shift+N"
MERGE_KEY = "Ctrl+Shift+J"
BASE_KEY = "Ctrl+Shift+B"


@dataclass
class StoryActionSet:
    rename: QAction
    move: QAction
    split: QAction
    merge: QAction
    make_base: QAction

    def all(self) -> list[QAction]:
        return [self.move, self.split, self.merge, self.rename, self.make_base]


def _action(parent: QObject, text: str, key: str, name: str, tip: str) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


class StoryActions(QObject):
    def __init__(
        self,
        article_list: ArticleListWidget,
        grouper: StoryGrouper,
        undo_stack: QUndoStack,
        report: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._list = article_list
        self._grouper = grouper
        self._undo = undo_stack
        self._report = report
        self._window = parent
        self.actions = StoryActionSet(
            rename=_action(
                parent, "&Rename Story…", RENAME_KEY, "actionRenameStory", "Give the story a name"
            ),
            move=_action(
                parent,
                "&Move to Story…",
                MOVE_KEY,
                "actionMoveToStory",
                "Put the selected versions in another story",
            ),
            split=_action(
                parent,
                "&Split Off as New Story",
                SPLIT_KEY,
                "actionSplitStory",
                "Make a story of its own of the selected versions",
            ),
            merge=_action(
                parent,
                "Mer&ge Stories",
                MERGE_KEY,
                "actionMergeStories",
                "Make one story of the selected stories",
            ),
            make_base=_action(
                parent,
                "Make &Base Version",
                BASE_KEY,
                "actionMakeBase",
                "Compare the story's other versions with this one",
            ),
        )
        a = self.actions
        for action in a.all():
            article_list.addAction(action)
        a.rename.triggered.connect(self.rename)
        a.move.triggered.connect(self.move)
        a.split.triggered.connect(self.split)
        a.merge.triggered.connect(self.merge)
        a.make_base.triggered.connect(self.make_base)
        article_list.tree.rename_requested.connect(self._rename_to)
        article_list.selection_changed.connect(lambda _articles: self.update())
        grouper.changed.connect(lambda _grouping: self.update())
        self.update()

    def menu(self, menubar: QMenuBar, before: QAction | None) -> QMenu:
        """The Stories menu, placed before ``before`` (the View menu)."""
        menu = QMenu("&Stories", menubar)
        menu.setObjectName("menuStories")
        for action in self.actions.all():
            menu.addAction(action)
        if before is not None:
            menubar.insertMenu(before, menu)
        else:
            menubar.addMenu(menu)
        return menu

    # --- what the selection allows ---------------------------------------------------------
    def update(self) -> None:
        a = self.actions
        touched = self._list.touched_stories()
        versions = self._list.selected_version_ids()
        story_rows = self._list.selected_stories()
        multi = [s for s in touched if len(s.versions) > 1]
        a.rename.setEnabled(len(touched) == 1 and len(multi) == 1)
        a.merge.setEnabled(len(touched) >= 2)
        a.move.setEnabled(bool(versions) and not story_rows and len(self._grouping().stories) > 1)
        one_story = len(touched) == 1 and not story_rows and versions
        a.split.setEnabled(bool(one_story) and len(touched[0].versions) > len(versions))
        a.make_base.setEnabled(
            bool(one_story)
            and len(versions) == 1
            and len(touched[0].versions) > 1
            and touched[0].base.id != versions[0]
        )

    def _grouping(self) -> Grouping:
        return self._grouper.grouping()

    # --- the actions -----------------------------------------------------------------------
    def _push(self, text: str, after: Choices) -> None:
        before = self._grouper.choices()
        if after == before:
            return
        self._undo.push(
            StoryChoiceCommand(text, before, after, self._grouper.set_choices, self._report)
        )

    def rename(self) -> None:
        touched = self._list.touched_stories()
        if len(touched) == 1 and not self._list.edit_story_title(touched[0].id):
            self._report("Only a story of several versions can be renamed.")

    def _rename_to(self, story_id: str, name: str) -> None:
        grouping = self._grouping()
        if grouping.story(story_id) is None:
            return
        after = ops.rename(self._grouper.choices(), grouping, story_id, name)
        self._push(f"Rename story to “{name}”" if name else "Rename story", after)

    def merge(self) -> None:
        touched = self._list.touched_stories()
        if len(touched) < 2:
            return
        after = ops.merge(self._grouper.choices(), self._grouping(), [s.id for s in touched])
        self._push(f"Merge {len(touched)} stories", after)

    def split(self) -> None:
        versions = self._list.selected_version_ids()
        if not versions:
            return
        try:
            after = ops.split(self._grouper.choices(), self._grouping(), versions)
        except ValueError as exc:
            self._report(f"Not split: {exc}.")
            return
        count = len(versions)
        self._push(f"Split off {count} version{'s' if count != 1 else ''} as a new story", after)

    def make_base(self) -> None:
        versions = self._list.selected_version_ids()
        if len(versions) != 1:
            return
        after = ops.pick_base(self._grouper.choices(), self._grouping(), versions[0])
        label = self._list.tree.label_of(versions[0])
        self._push(f"Make “{label}” the base version", after)

    def move(self) -> MoveDialog | None:
        versions = self._list.selected_version_ids()
        grouping = self._grouping()
        if not versions or len(grouping.stories) < 2:
            return None
        sources = {s.id for s in (grouping.story_of(v) for v in versions) if s is not None}
        targets = [s for s in grouping.stories if not (len(sources) == 1 and s.id in sources)]
        related = [r for s in sources for r, _ in grouping.related_to(s)]
        count = len(versions)
        what = f"{count} versions" if count != 1 else f"“{self._list.tree.label_of(versions[0])}”"
        dialog = MoveDialog(targets, related, what, self._window)
        dialog.story_chosen.connect(lambda story_id: self.move_to(versions, story_id))
        dialog.open()
        return dialog

    def move_to(self, article_ids: list[str], story_id: str) -> None:
        grouping = self._grouping()
        target: Story | None = grouping.story(story_id)
        if target is None:
            self._report("That story changed meanwhile; choose it again.")
            return
        after = self._grouper.choices()
        for article_id in article_ids:
            after = ops.move(after, grouping, article_id, story_id)
        count = len(article_ids)
        what = f"{count} versions" if count != 1 else "1 version"
        self._push(f"Move {what} to “{target.title}”", after)
