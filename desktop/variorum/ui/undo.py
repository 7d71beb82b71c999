"""Undoable library edits. Removing keeps the removed entries (with their positions) in the
command, so Undo puts each article back in the library and in the list exactly where it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from variorum.core.library import Library, LibraryEntry, LibraryError
from variorum.ui.models.article_list import ArticleListModel


class RemoveArticlesCommand(QUndoCommand):
    def __init__(
        self,
        library: Library,
        model: ArticleListModel,
        article_ids: list[str],
        reselect: Callable[[list[str]], None],
        selected_before: list[str] | None = None,
        report: Callable[[str], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """``selected_before``: the selection when the user removed, restored by Undo (a
        compared pair comes back as a pair, not only the article that was removed).
        ``report`` says what each step did (the status bar), so a message about the removal
        never outlives its undo."""
        count = len(article_ids)
        self._what = f"{count} article{'s' if count != 1 else ''}"
        self._it = "them" if count != 1 else "it"
        super().__init__(f"Remove {self._what}")
        self._report = report or (lambda _text: None)
        self._library = library
        self._model = model
        self._ids = list(article_ids)
        self._reselect = reselect
        self._removed: list[LibraryEntry] = []
        self._selected_before = list(selected_before or article_ids)
        self._on_error = on_error or (lambda _text: None)

    def redo(self) -> None:
        """A library that cannot be written (busy, full disk) keeps the articles, in the list
        too: the command makes itself obsolete (the undo stack drops it) and says why."""
        try:
            removed = self._library.remove(self._ids)
        except LibraryError as err:
            self.setObsolete(True)
            self._on_error(f"The articles were not removed: {err.reason}.")
            return
        # After an Undo that could not write, the articles are only here: keep them.
        self._removed = removed or self._removed
        self._model.remove_ids(self._ids)
        self._report(f"Removed {self._what} (Edit › Undo puts {self._it} back)")

    def undo(self) -> None:
        try:
            self._library.restore(self._removed)
        except LibraryError as err:  # the list keeps showing what the library holds
            self._on_error(
                f"The articles could not be put back: {err.reason}. Redo, then Undo, tries again."
            )
            return
        self._model.add_entries(self._removed)
        self._reselect(self._selected_before)
        self._report(f"Restored {self._what} (Edit › Redo removes {self._it} again)")
