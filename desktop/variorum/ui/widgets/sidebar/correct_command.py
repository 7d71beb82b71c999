"""One analyst correction as an undoable step on the window's undo stack.

Redo stores it in the library (for each article it applies to, in one transaction), Undo
removes it, Redo puts it back in its old place among the article's corrections. After each
step the sidebar is redrawn from the stored corrections, so what is shown is always what is
stored. A library that cannot be written (busy, full disk) keeps nothing and says why; the
command then makes itself obsolete so the stack drops it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from variorum.core.corrections_store import CorrectionStore, StoredCorrection
from variorum.core.extract.corrections import Correction
from variorum.core.library import LibraryError


class CorrectionCommand(QUndoCommand):
    def __init__(
        self,
        store: CorrectionStore,
        article_ids: list[str],
        correction: Correction,
        changed: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        self._what = correction.describe()
        super().__init__(self._what)
        self._store = store
        self._items = [(article_id, correction) for article_id in article_ids]
        self._stored: list[StoredCorrection] = []
        self._changed = changed
        self._report = report
        self.failed = False

    def redo(self) -> None:
        try:
            if self._stored:
                self._store.restore(self._stored)
            else:
                self._stored = self._store.add_many(self._items)
        except LibraryError as err:
            self.failed = True
            self.setObsolete(True)
            self._report(f"The correction was not saved: {err.reason}.")
            return
        self._changed()
        self._report(f"{self._what} (Edit › Undo takes it back)")

    def undo(self) -> None:
        try:
            self._store.remove(self._stored)
        except LibraryError as err:
            self._report(f"The correction could not be taken back: {err.reason}.")
            return
        self._changed()
        self._report(f"Undone: {self._what}")
