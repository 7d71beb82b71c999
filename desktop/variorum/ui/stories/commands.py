"""A change to the user's story choices as one step on the window's undo stack.

The choices are a value (:class:`~variorum.core.stories.choices.Choices`): a command keeps the
one before and the one after, so undo and redo only hand one or the other to the grouper,
which stores it in the library and regroups. Nothing else has to be reverted by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from variorum.core.stories.choices import Choices


class StoryChoiceCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        before: Choices,
        after: Choices,
        apply: Callable[[Choices], str | None],
        report: Callable[[str], None],
    ) -> None:
        """``apply`` sets the choices and returns why they could not be stored (or None);
        ``report`` says what each step did (the status bar)."""
        super().__init__(text)
        self._before = before
        self._after = after
        self._apply = apply
        self._report = report

    def redo(self) -> None:
        self._set(self._after, f"{self.text()} (Edit › Undo takes it back)")

    def undo(self) -> None:
        self._set(self._before, f"Undone: {self.text()}")

    def _set(self, choices: Choices, message: str) -> None:
        problem = self._apply(choices)
        if problem:
            message += f"; not saved in the library ({problem}), kept until Variorum closes"
        self._report(message)
