"""The file types Variorum opens, as installers register them: one table for the .desktop
file's MimeType, the AppStream ``<mediatype>`` list, the macOS ``CFBundleDocumentTypes`` and
the Windows "Open with" entries (tests check each against it, and it against ingest's
extensions). Word 97-2003 ``.doc`` is absent on purpose: ingest refuses it, so offering to open
it would only lead to an error."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileType:
    mime: str
    """The freedesktop shared-mime-info name."""
    extensions: tuple[str, ...]
    """With the dot, lower case: what ingest's extension table maps to a loader."""
    uti: str | None
    """The macOS Uniform Type Identifier, when the system declares one."""
    description: str


FILE_TYPES: tuple[FileType, ...] = (
    FileType("text/plain", (".txt", ".text"), "public.plain-text", "Plain text"),
    FileType("text/markdown", (".md", ".markdown"), "net.daringfireball.markdown", "Markdown"),
    FileType("text/html", (".html", ".htm"), "public.html", "Web page"),
    FileType("application/xhtml+xml", (".xhtml",), "public.xhtml", "XHTML page"),
    FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
        "org.openxmlformats.wordprocessingml.document",
        "Word document",
    ),
    FileType(
        "application/vnd.oasis.opendocument.text",
        (".odt",),
        "org.oasis-open.opendocument.text",
        "OpenDocument text",
    ),
    FileType("application/rtf", (".rtf",), "public.rtf", "Rich Text"),
    FileType("application/pdf", (".pdf",), "com.adobe.pdf", "PDF document"),
    FileType("message/rfc822", (".eml",), "com.apple.mail.email", "E-mail message"),
    FileType("application/x-mimearchive", (".mht", ".mhtml"), None, "Web archive (MHTML)"),
)


def mime_types() -> list[str]:
    return [t.mime for t in FILE_TYPES]


def extensions() -> list[str]:
    return [ext for t in FILE_TYPES for ext in t.extensions]
