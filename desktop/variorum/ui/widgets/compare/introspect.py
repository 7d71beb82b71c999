"""Read back what a view rendered, from the document's character formats (not from the data
it was built from), so tests check what the user actually sees."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextDocument


def classify(fmt: QTextCharFormat) -> str | None:
    """What a character's format says it is; decorations, not colours, decide."""
    if fmt.isAnchor():
        return "marker"
    if fmt.fontStrikeOut():
        return "boilerplate" if fmt.fontItalic() else "delete"
    if fmt.fontOverline():
        return "move"
    if fmt.fontUnderline():
        return "insert"
    if fmt.fontWeight() >= 700:
        return "heading"
    return None


def rendered_spans(
    document: QTextDocument, separators: list[int] | None = None
) -> list[tuple[str, str]]:
    """(kind, text) of every decorated run in document order; a run continues across a block
    break (shown as "\\n"), and line breaks read as "\\n". A character at one of the
    ``separators`` positions (where the view placed a GAP) reads as ("gap", its text)."""
    gaps = set(separators or ())
    spans: list[tuple[str, str]] = []
    last_end = -1
    last_block = -1
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            kind = classify(fragment.charFormat())
            text = fragment.text().replace("\u2028", "\n")
            start = fragment.position()
            if gaps and kind is None:
                for offset, char in enumerate(text):
                    if start + offset in gaps:
                        spans.append(("gap", char))
                        last_end = start + offset + 1
                        last_block = block.blockNumber()
            if kind is not None:
                same_block = block.blockNumber() == last_block
                joined = start == last_end or (not same_block and start == last_end + 1)
                if spans and spans[-1][0] == kind and joined:
                    gap = "" if start == last_end else "\n"
                    spans[-1] = (kind, spans[-1][1] + gap + text)
                else:
                    spans.append((kind, text))
                last_end = start + fragment.length()
                last_block = block.blockNumber()
            it += 1
        block = block.next()
    return spans
