"""Stories wired into the main window, so the window only places them.

The grouper follows the library through the article list's model (rows added, rows about to
be removed: loads, removals and their undo alike) and feeds the tree; the Stories menu and the
list's context menu push the user's choices on the window's undo stack; the centre shows the
story overview or the N-way view when the selection asks for it, and a pair chosen there is
opened in the pairwise comparison by selecting it in the list (the base as A).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex

from variorum.core.article import Article
from variorum.core.stories.model import Story
from variorum.ui.stories.actions import StoryActions
from variorum.ui.stories.centre import CentreStack, StoryViewController
from variorum.ui.stories.grouper import StoryGrouper
from variorum.ui.widgets.story.view import StoryView

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from variorum.ui.main_window import MainWindow


def make_centre(pane: QWidget) -> CentreStack:
    return CentreStack(pane, StoryView())


@dataclass
class StorySlot:
    grouper: StoryGrouper
    centre: CentreStack
    view: StoryView
    controller: StoryViewController
    actions: StoryActions

    def busy(self) -> bool:
        return self.grouper.busy() or self.controller.busy()

    def set_threshold(self, threshold: float) -> None:
        self.grouper.set_threshold(threshold)


def attach_stories(window: MainWindow) -> StorySlot:
    """Build and connect everything stories need in ``window`` (after its menus)."""
    model = window.model
    article_list = window.article_list
    centre: CentreStack = window.centre
    report = window.statusBar().showMessage

    grouper = StoryGrouper(window.tasks, window.library, window.settings.story_threshold, window)
    grouper.changed.connect(article_list.tree.set_grouping)
    grouper.progress.connect(article_list.show_progress)
    grouper.failed.connect(report)

    def added(_parent: QModelIndex, first: int, last: int) -> None:
        grouper.add([model.article(row) for row in range(first, last + 1)])

    def removing(_parent: QModelIndex, first: int, last: int) -> None:
        grouper.remove([model.article(row).id for row in range(first, last + 1)])

    model.rowsInserted.connect(added)
    model.rowsAboutToBeRemoved.connect(removing)

    actions = StoryActions(article_list, grouper, window.undo_stack, report, window)
    view_menu = next(
        (
            action
            for action in window.menuBar().actions()
            if action.menu() is not None and action.menu().objectName() == "menuView"
        ),
        None,
    )
    actions.menu(window.menuBar(), view_menu)
    article_list.context_actions = [*actions.actions.all(), None, window.menu_actions.remove]

    def selection() -> tuple[list[Article], list[Story]]:
        return article_list.selected_articles(), article_list.selected_stories()

    controller = StoryViewController(
        centre,
        window.tasks,
        window.library,
        selection,
        grouper.grouping,
        lambda: window.settings.compare,
        lambda: window.settings.spacy_model,
        window,
    )
    article_list.selection_changed.connect(lambda _articles: controller.refresh())
    grouper.changed.connect(lambda _grouping: controller.refresh())
    view = centre.story_view
    pending: list[tuple[str, str, int]] = []

    def open_pair(base: str, version: str, change: Any) -> None:
        # Set before selecting: a pair compared before is shown at once, from the cache.
        pending[:] = [(base, version, change)] if isinstance(change, int) else []
        article_list.select_ids([base, version])
        current = window.compare.current_pair()
        if current is not None and current[0].id != base:
            window.compare.swap()  # the base as A, whatever the list's order

    def shown(a: Article, b: Article, _comparison: object) -> None:
        if pending and pending[0][:2] == (a.id, b.id):
            _base, _version, change = pending.pop()
            go = getattr(window.pane, "go_to_change", None)
            if go is not None:
                go(change)

    view.open_pair.connect(open_pair)
    view.story_requested.connect(article_list.select_story)
    window.compare.comparison_shown.connect(shown)

    grouper.restore([e.article for e in model.entries()])
    return StorySlot(grouper, centre, view, controller, actions)
