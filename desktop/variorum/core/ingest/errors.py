"""Typed loading errors whose message a user understands as it stands.

The message never includes the path: the caller names the file ("skipped photo.png: not a
text file"), so the same error reads well in the status bar, the CLI and the log.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be turned into an article. ``str(err)`` is the user-facing reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:
        """Errors travel back from a worker process as they are: the subclasses' constructors
        take other arguments than the message, so they are rebuilt without calling them."""
        return (_rebuild, (type(self), self.reason, dict(self.__dict__)))


def _rebuild(cls: type[IngestError], reason: str, state: dict[str, object]) -> IngestError:
    error = cls.__new__(cls)
    Exception.__init__(error, reason)
    error.__dict__.update(state)
    return error


class NotTextError(IngestError):
    def __init__(self, reason: str = "not a text file") -> None:
        super().__init__(reason)


class EmptyFileError(IngestError):
    def __init__(self, reason: str = "empty file") -> None:
        super().__init__(reason)


class TooLargeError(IngestError):
    def __init__(self, limit_bytes: int) -> None:
        super().__init__(f"file too large (limit {limit_bytes // (1024 * 1024)} MB)")
        self.limit_bytes = limit_bytes


class UnreadableError(IngestError):
    """The operating system refused: permissions, missing file, a folder, a broken link."""


class UnsupportedFormatError(IngestError):
    def __init__(self, what: str) -> None:
        super().__init__(f"unsupported format ({what})")


class CorruptFileError(IngestError):
    """The file claims a format but its content is broken (a .docx that is not a zip...)."""


class InternalError(IngestError):
    """A loader failed in a way we did not foresee; the traceback goes to the log file."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"internal error: {detail}")


class TimeLimitError(IngestError):
    """The loader ran past its deadline (a pathological file, not a slow disk)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took too long to read (limit {seconds:g} s)")
        self.seconds = seconds


class CancelledError(IngestError):
    """The user cancelled while this file was being read."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class UnsafeFileError(IngestError):
    """The file tries something a document never needs: a zip bomb, XML entities."""


class EncryptedError(IngestError):
    def __init__(self, reason: str = "") -> None:
        super().__init__(reason or "encrypted (password-protected); save an unprotected copy")


class PasswordRequiredError(EncryptedError):
    """A document that opens with the right password: the window asks for it and reads the
    file again (:attr:`LoadFailure.needs_password`)."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason or "encrypted PDF (password required)")


class NoTextLayerError(IngestError):
    def __init__(self) -> None:
        super().__init__("no text layer (scanned document?)")


class MemoryLimitError(IngestError):
    """The load made the process grow past the memory budget."""

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(f"needs too much memory to read (limit {limit_bytes // (1024 * 1024)} MB)")
        self.limit_bytes = limit_bytes
