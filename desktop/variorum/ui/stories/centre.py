"""What the centre of the window shows: the pairwise comparison pane, or the story view.

A story row selected (a story of two or more versions) shows the story's overview; three or
more versions selected show the same N-way view for them (the base: the story's base when
it is among them, else the first in list order). Anything else is the pairwise pane's, as
before. The N-way comparison runs in the task runner (a newer selection makes it stale) and
is cached per set of versions and options, so going back to a story is instant; the quote
drift across the versions is found only when its tab is opened, the language model being
slow.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from variorum.core.article import Article
from variorum.core.changes import Cancelled
from variorum.core.library import Library
from variorum.core.options import CompareOptions
from variorum.core.stories.model import Grouping, Role, Story, Version
from variorum.present.heat import heat_scale
from variorum.present.matrix import similarity_matrix
from variorum.present.versions import (
    chronological,
    derivation,
    selection_story,
    span_text,
    timeline,
    version_labels,
)
from variorum.ui.tasks import TaskRunner, TaskToken
from variorum.ui.widgets.compare.palette import theme_for
from variorum.ui.widgets.story.view import Shown, StoryView

if TYPE_CHECKING:
    from variorum.core.stories.nway import NWay
    from variorum.core.stories.quote_drift import StoryQuoteDrift

log = logging.getLogger(__name__)

NWAY_CHANNEL = "story-nway"
QUOTES_CHANNEL = "story-quotes"
CACHE_SIZE = 4
PANE, STORY = 0, 1


class CentreStack(QStackedWidget):
    """The comparison pane and the story view in one splitter slot."""

    def __init__(self, pane: QWidget, story_view: StoryView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("centre")
        self.pane = pane
        self.story_view = story_view
        self.addWidget(pane)
        self.addWidget(story_view)

    def showing_story(self) -> bool:
        return self.currentIndex() == STORY


def run_nway(
    base: Article, versions: Sequence[Article], options: CompareOptions, token: TaskToken
) -> NWay:
    from variorum.core.stories.nway import compare_many

    return compare_many(base.text, [a.text for a in versions], options, cancel=token)


def run_quotes(
    articles: Sequence[Article],
    order: Sequence[int],
    model_name: str,
    library: Library,
    token: TaskToken,
) -> StoryQuoteDrift:
    """Each version's speakers (from the library's cache where the sidebar found them) as
    the analyst corrected them, so the story agrees with the sidebar; then the story's quote
    drift."""
    from variorum.core.corrections_store import CorrectionStore
    from variorum.core.stories.quote_drift import story_quote_drift
    from variorum.ui.widgets.sidebar.controller import extract_articles

    results = extract_articles(list(articles), model_name, library, token)
    found = [r for r in results if r is not None]
    if len(found) != len(articles):
        raise Cancelled()
    corrections = CorrectionStore(library)
    found = [corrections.apply(a.id, x) for a, x in zip(articles, found, strict=True)]
    versions = [(r, a.text) for r, a in zip(found[1:], articles[1:], strict=True)]
    return story_quote_drift(found[0], articles[0].text, versions, order)


class StoryViewController(QObject):
    shown = Signal(tuple)
    """The article ids (base first) of an N-way view once it is on screen."""

    def __init__(
        self,
        centre: CentreStack,
        tasks: TaskRunner,
        library: Library,
        selection: Callable[[], tuple[list[Article], list[Story]]],
        grouping: Callable[[], Grouping],
        options: Callable[[], CompareOptions],
        model_name: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._centre = centre
        self._view = centre.story_view
        self._tasks = tasks
        self._library = library
        self._selection = selection
        self._grouping = grouping
        self._options = options
        self._model_name = model_name
        self._cache: OrderedDict[tuple[tuple[str, ...], CompareOptions], NWay] = OrderedDict()
        self._want: tuple[Story, tuple[Article, ...], bool] | None = None
        """What should be on screen: (story, articles base first, whole story?)."""
        self._shown_key: tuple[tuple[str, ...], CompareOptions] | None = None
        self._view.quotes_wanted.connect(self._find_quotes)

    def busy(self) -> bool:
        return self._want is not None and self._view.shown is None

    # --- inputs ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Decide the centre page for the selection (after a new selection, new options or a
        new grouping)."""
        articles, stories = self._selection()
        want = self._wanted(articles, stories)
        if want is None:
            self._want = None
            self._shown_key = None
            self._tasks.cancel_channel(NWAY_CHANNEL)
            self._tasks.cancel_channel(QUOTES_CHANNEL)
            self._centre.setCurrentIndex(PANE)
            return
        story, ordered, whole = want
        before, self._want = self._want, want
        self._centre.setCurrentIndex(STORY)
        key = (self._ids(want), self._options())
        shown = self._view.shown
        if before is not None and shown is not None and self._shown_key == key:
            if before[0] != story or before[2] != whole:
                self._show(key, want, shown.nway)  # a new grouping: same texts, new figures
            return
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self._show(key, want, cached)
            return
        count = len(ordered)
        what = f"the {count} versions of “{story.title}”" if whole else f"{count} versions"
        self._shown_key = None
        self._view.show_message(f"Comparing {what}…")
        options = self._options()
        self._tasks.submit(
            lambda token: run_nway(ordered[0], ordered[1:], options, token),
            lambda nway: self._on_nway(key, want, nway),
            on_error=self._on_error,
            channel=NWAY_CHANNEL,
        )

    # --- deciding --------------------------------------------------------------------------
    def _wanted(
        self, articles: list[Article], stories: list[Story]
    ) -> tuple[Story, tuple[Article, ...], bool] | None:
        by_id = {a.id: a for a in articles}
        grouping = self._grouping()
        if (
            len(stories) == 1
            and len(stories[0].versions) >= 2
            and set(by_id) == set(stories[0].ids)
        ):
            story = stories[0]
            ordered = tuple(by_id[i] for i in story.ids if i in by_id)
            return story, ordered, True
        if len(articles) < 3:
            return None
        versions = [self._version_of(a, grouping) for a in articles]
        base = _selection_base(articles, grouping)
        story = selection_story(
            versions, base.id, grouping.pair, _selection_title(articles, grouping)
        )
        ordered = tuple(by_id[v.id] for v in story.versions)
        return story, ordered, False

    @staticmethod
    def _version_of(article: Article, grouping: Grouping) -> Version:
        story = grouping.story_of(article.id)
        version = story.version(article.id) if story is not None else None
        if version is not None:
            return version
        return Version(
            article.id,
            article.title,
            article.source_path,
            article.published,
            article.words,
            Role.RELATED,
            0.0,
            0.0,
            0.0,
            None,
        )

    @staticmethod
    def _ids(want: tuple[Story, tuple[Article, ...], bool]) -> tuple[str, ...]:
        return tuple(a.id for a in want[1])

    # --- results ---------------------------------------------------------------------------
    def _on_nway(
        self,
        key: tuple[tuple[str, ...], CompareOptions],
        want: tuple[Story, tuple[Article, ...], bool],
        nway: NWay,
    ) -> None:
        self._cache[key] = nway
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        if self._want is not None and self._ids(self._want) == self._ids(want):
            self._show(key, self._want, nway)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        log.error("N-way comparison failed", exc_info=error)
        self._view.show_message(f"The comparison failed: {type(error).__name__}: {error}")

    def _show(
        self,
        key: tuple[tuple[str, ...], CompareOptions],
        want: tuple[Story, tuple[Article, ...], bool],
        nway: NWay,
    ) -> None:
        self._shown_key = key
        story, ordered, whole = want
        grouping = self._grouping()
        colors = theme_for(self._view.palette())
        sites = {a.id: a.site or "" for a in ordered}
        labels_by_id = version_labels(story, sites)
        ids = tuple(a.id for a in ordered)
        labels = tuple(labels_by_id[i] for i in ids)
        related: tuple[tuple[str, str, float], ...] = ()
        if whole:
            related = tuple(
                (sid, other.title, score)
                for sid, score in grouping.related_to(story.id)
                if (other := grouping.story(sid)) is not None
            )
        shown = Shown(
            title=story.title,
            summary=_summary(story, labels_by_id, whole),
            ids=ids,
            labels=labels,
            nway=nway,
            scale=heat_scale(nway.versions, colors.dark),
            matrix=similarity_matrix(ids, grouping.pair, colors.dark),
            timeline=timeline(story, labels_by_id),
            derivation=derivation(story, labels_by_id),
            related=related,
        )
        self._view.show_story(shown, colors)
        self.shown.emit(ids)

    # --- quote drift -----------------------------------------------------------------------
    def _find_quotes(self) -> None:
        want, shown = self._want, self._view.shown
        if want is None or shown is None:
            return
        story, ordered, _whole = want
        labels = version_labels(story, {a.id: a.site or "" for a in ordered})
        number = {a.id: k for k, a in enumerate(ordered)}
        order = [number[i] for i in chronological(story, labels) if number.get(i, 0) > 0]
        ids = shown.ids
        self._view.show_quotes_message(ids, f"Finding speakers and quotes in {len(ids)} versions…")

        def progress(value: object) -> None:
            if isinstance(value, tuple) and len(value) == 2:
                self._view.show_quotes_message(
                    ids, f"Finding speakers and quotes… {value[0]} of {value[1]} versions"
                )

        def failed(error: BaseException) -> None:
            if not isinstance(error, Cancelled):
                log.warning("story quote drift failed", exc_info=error)
                self._view.show_quotes_message(ids, f"Could not find the quotes: {error}")

        self._tasks.submit(
            lambda token: run_quotes(ordered, order, self._model_name(), self._library, token),
            lambda drift: self._view.show_quotes(ids, drift, theme_for(self._view.palette())),
            on_error=failed,
            on_progress=progress,
            channel=QUOTES_CHANNEL,
        )


def _selection_base(articles: Sequence[Article], grouping: Grouping) -> Article:
    """The story's base when the selected versions are of one story and it is among them;
    else the first in list order, as for a pair."""
    stories = {s.id: s for a in articles if (s := grouping.story_of(a.id)) is not None}
    if len(stories) == 1:
        base = next(iter(stories.values())).base.id
        for article in articles:
            if article.id == base:
                return article
    return articles[0]


def _selection_title(articles: Sequence[Article], grouping: Grouping) -> str:
    stories = {s.id: s for a in articles if (s := grouping.story_of(a.id)) is not None}
    if len(stories) == 1:
        return next(iter(stories.values())).title
    return "Selected versions"


def _summary(story: Story, labels: dict[str, str], whole: bool) -> str:
    count = len(story.versions)
    parts = [f"{count} versions" if whole else f"{count} versions selected"]
    dates = span_text(story)
    if dates:
        parts.append(dates)
    parts.append(f"base: {labels[story.base.id]}")
    return " · ".join(parts)
