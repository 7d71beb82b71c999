"""Read a report's HTML back: the marked runs (kind, text) in document order, the ids and the
internal links, so tests check what a reader of the file sees."""

from __future__ import annotations

from html.parser import HTMLParser

KINDS = {"ins": "insert", "del": "delete", "mov": "move", "mark": "marker", "head": "heading"}
GAP_CLASS = "gap"
"""The separator a style sheet draws (``::before``): read as ("gap", THIN SPACE)."""
VOID = {"br", "meta", "hr", "img", "link"}


class ReportReader(HTMLParser):
    def __init__(self, within: str | None = None) -> None:
        """``within``: only read the runs inside the first element with this class."""
        super().__init__(convert_charrefs=True)
        self.within = within
        self.inside = within is None
        self.inside_depth = 0
        self.stack: list[str | None] = []
        self.runs: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self._last: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.append(tag)
        if attr.get("id"):
            self.ids.append(attr["id"] or "")
        if attr.get("href") is not None:
            self.hrefs.append(attr["href"] or "")
        if tag in VOID:
            return
        cls = attr.get("class") or ""
        if tag in ("td", "tr", "li", "p"):
            self._last = None  # a run never continues into another cell or paragraph
        if cls == GAP_CLASS and self.inside:
            self.runs.append(("gap", "\u2009"))
            self._last = "gap"
        self.stack.append(KINDS.get(cls))
        if self.within is not None and cls == self.within and not self.runs and not self.inside:
            self.inside, self.inside_depth = True, len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        if self.within is not None and self.inside and len(self.stack) == self.inside_depth:
            self.inside = False
            self.within = "\0"  # read once
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        kind = next((k for k in reversed(self.stack) if k), None)
        if kind is None:
            self._last = None
            return
        if self.runs and self._last == kind:
            self.runs[-1] = (kind, self.runs[-1][1] + data)
        else:
            self.runs.append((kind, data))
        self._last = kind


def read(html: str, within: str | None = None) -> ReportReader:
    reader = ReportReader(within)
    reader.feed(html)
    reader.close()
    return reader
