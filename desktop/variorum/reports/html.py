"""The comparison report as one self-contained HTML file.

Everything is inside the file: the styles are in a ``<style>`` element, there is no script,
no image, no font or link to fetch, and every piece of article text is escaped, so the file
opens the same anywhere, offline, and an article cannot inject markup into it. The text is
painted from the same segments as the pane (:mod:`variorum.present`), in the inline or the
side-by-side layout, with the style table's decorations, so it also reads in black and white.
Print CSS starts each section on a new page and keeps the colours; the legend says what each
mark means. Qt's rich text reads the same file for the PDF (``paged=True`` puts the page
breaks where Qt, which ignores ``@media print``, sees them).
"""

from __future__ import annotations

from html import escape

from variorum.core.changes import Change, ChangeKind
from variorum.core.extract.data import Speaker
from variorum.core.extract.drift_data import Presence, Side
from variorum.present.describe import KIND_LABELS, snippet
from variorum.present.drift import drift_segments
from variorum.present.inline import inline_segments
from variorum.present.mapping import EqualRunMap
from variorum.present.segments import ChangeRef, Link, LinkKind, SegKind, Segment
from variorum.present.side import side_layout
from variorum.present.style import DARK, LIGHT, Theme, css
from variorum.reports.model import (
    SIDE_BY_SIDE,
    ComparisonReport,
    article_rows,
    summary_rows,
    title_of,
)
from variorum.reports.speakers import count_of

_CLASS = {
    SegKind.HEADING: "head",
    SegKind.INSERT: "ins",
    SegKind.DELETE: "del",
    SegKind.MOVE: "mov",
    SegKind.MARKER: "mark",
    SegKind.NOTE: "note",
    SegKind.BOILERPLATE: "boil",
    SegKind.GAP: "gap",
    SegKind.FOLD: "fold",
}
CHANGE_SNIPPET = 160
VERSION = 1


def _e(text: str) -> str:
    return escape(text, quote=False)


def _kind_rules(theme: Theme) -> str:
    return "\n".join(f".{cls} {{ {css(theme.style(kind))} }}" for kind, cls in _CLASS.items())


def stylesheet(*, paged: bool = False) -> str:
    light, dark = LIGHT, DARK
    breaks = "h2.section { page-break-before: always; }\n" if paged else ""
    return f"""
body {{ font-family: "DejaVu Serif", Georgia, serif; color: {light.text};
  background: {light.background}; max-width: 60em; margin: 1.5em auto; padding: 0 1em;
  line-height: 1.45; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.3em; }}
h2 {{ font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid {light.border}; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid {light.border}; padding: 4px 6px; vertical-align: top;
  text-align: left; }}
table.meta td.what, table.summary td.what {{ color: {light.muted}; white-space: nowrap; }}
table.side {{ width: 100%; table-layout: fixed; }}
table.side td {{ width: 50%; }}
.flow, table.side td {{ white-space: pre-wrap; }}
.notice {{ border: 1px solid {light.border}; padding: 4px 8px; }}
.muted {{ color: {light.muted}; }}
ol.changes li {{ margin-bottom: 0.2em; }}
.gap::before {{ content: "\\2009"; }}
a {{ color: {light.text}; }}
{_kind_rules(light)}
{breaks}@media screen and (prefers-color-scheme: dark) {{
  body, a {{ color: {dark.text}; }}
  body {{ background: {dark.background}; }}
  th, td {{ border-color: {dark.border}; }}
  .muted, table.meta td.what, table.summary td.what {{ color: {dark.muted}; }}
{_kind_rules(dark)}
}}
@page {{ margin: 16mm 14mm; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; }}
  h2.section {{ break-before: page; page-break-before: always; }}
  * {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
  a {{ text-decoration: none; }}
  tr, li {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
}}
"""


class _Anchors:
    """Ids for the first segment of each change and each origin marker, and the targets of
    links, so the change list, the markers and the rows can point into the text."""

    def __init__(self) -> None:
        self._given: set[str] = set()

    def ident(self, seg: Segment) -> str | None:
        name: str | None = None
        if seg.change is not None:
            name = _change_id(seg.change)
        elif seg.link is not None and seg.link.kind == LinkKind.CHANGE:
            name = f"o{seg.link.version}-{seg.link.target}"
        if name is None or name in self._given:
            return None
        self._given.add(name)
        return name


def _change_id(ref: ChangeRef) -> str:
    return f"c{ref.version}-{ref.index}"


def _target(link: Link) -> str:
    if link.kind == LinkKind.ROW:
        return f"r{link.target}"
    prefix = "c" if link.kind == LinkKind.CHANGE else "o"
    return f"{prefix}{link.version}-{link.target}"


def paint(segments: list[Segment], anchors: _Anchors | None, *, paged: bool = False) -> str:
    """Segments as HTML; ``anchors`` gives ids to the text's changes (None: no ids, for a
    second rendering such as the quote drift). A separator (``SegKind.GAP``) is drawn by the
    style sheet (``::before``), so a browser shows it and never copies it; ``paged`` (Qt's
    rich text, for the PDF, ignores generated content) writes it as text."""
    out: list[str] = []
    for seg in segments:
        text = _e(seg.text)
        if seg.kind is SegKind.GAP and not paged:
            text = ""
        attrs = ""
        cls = _CLASS.get(seg.kind)
        if cls:
            attrs += f' class="{cls}"'
        ident = anchors.ident(seg) if anchors is not None else None
        if ident:
            attrs += f' id="{ident}"'
        if seg.link is not None:
            out.append(f'<a href="#{_target(seg.link)}"{attrs}>{text}</a>')
        elif attrs:
            out.append(f"<span{attrs}>{text}</span>")
        else:
            out.append(text)
    return "".join(out)


def _header(report: ComparisonReport) -> str:
    rows = "".join(
        f'<tr><td class="what">{_e(what)}</td><td>{_e(a)}</td><td>{_e(b)}</td></tr>'
        for what, a, b in article_rows(report)
    )
    summary = "".join(
        f'<tr><td class="what">{_e(what)}</td><td>{_e(value)}</td></tr>'
        for what, value in summary_rows(report)
    )
    notices = "".join(f'<p class="notice">⚠ {_e(n)}</p>' for n in report.comparison.notices)
    legend = (
        '<p class="legend">Legend: <span class="ins">inserted in B</span> · '
        '<span class="del">deleted from A</span> · <span class="mov">moved</span> · '
        '<span class="mark">[marker: where moved text was or came from]</span></p>'
    )
    return (
        "<h1>Comparison report</h1>"
        '<table class="meta"><thead><tr><th></th><th>A (base)</th><th>B (compared)</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
        f'<table class="summary"><tbody>{summary}</tbody></table>{notices}{legend}'
    )


def _text(report: ComparisonReport, anchors: _Anchors, paged: bool) -> str:
    comparison = report.comparison
    if report.layout == SIDE_BY_SIDE:
        layout = side_layout(comparison, VERSION)
        rows = "".join(
            f'<tr id="r{i}">'
            + "".join(f"<td>{paint(cell, anchors, paged=paged)}</td>" for cell in cells)
            + "</tr>"
            for i, cells in enumerate(layout.cells)
        )
        heads = f"<th>A: {_e(title_of(report.a))}</th><th>B: {_e(title_of(report.b))}</th>"
        body = f'<table class="side"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
        title = "Text, side by side"
    else:
        segments = inline_segments(comparison, EqualRunMap(comparison), VERSION)
        body = f'<div class="flow">{paint(segments, anchors, paged=paged)}</div>'
        title = "Text: B with A’s deletions"
    return f'<h2 class="section">{title}</h2>{body}'


def _change_item(index: int, change: Change) -> str:
    def mark(cls: str, text: str) -> str:
        return f'<span class="{cls}">{_e(snippet(text, CHANGE_SNIPPET))}</span>'

    if change.kind == ChangeKind.REPLACE:
        what = f"{mark('del', change.a_text)} → {mark('ins', change.b_text)}"
    elif change.kind == ChangeKind.DELETE:
        what = mark("del", change.a_text)
    elif change.kind == ChangeKind.INSERT:
        what = mark("ins", change.b_text)
    else:
        edited = f' <span class="muted">({len(change.detail)} edits inside)</span>'
        what = mark("mov", change.b_text) + (edited if change.detail else "")
    link = _change_id(ChangeRef(VERSION, index))
    return f'<li><a href="#{link}">{KIND_LABELS[change.kind]}</a>: {what}</li>'


def _changes(report: ComparisonReport) -> str:
    changes = report.comparison.changes
    if not changes:
        return '<h2 class="section">Changes</h2><p>No changes.</p>'
    items = "".join(_change_item(i, c) for i, c in enumerate(changes))
    return f'<h2 class="section">Changes ({len(changes)})</h2><ol class="changes">{items}</ol>'


def _presence_table(title: str, presences: tuple[Presence, ...], count: str) -> str:
    if not presences:
        return f'<h3>{title}</h3><p class="muted">None found.</p>'

    rows = "".join(
        f"<tr><td>{_e(p.name)}</td><td>{'yes' if p.side is not Side.ONLY_B else 'no'}</td>"
        f"<td>{'yes' if p.side is not Side.ONLY_A else 'no'}</td>"
        f"<td>{count_of(p.a)}</td><td>{count_of(p.b)}</td></tr>"
        for p in presences
    )
    return (
        f"<h3>{title}</h3><table><thead><tr><th>Name</th><th>in A</th><th>in B</th>"
        f"<th>{count} in A</th><th>{count} in B</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _speakers(report: ComparisonReport) -> str:
    pair = report.speakers
    if pair is None:
        note = report.speakers_note or "Speakers were not looked for."
        return f'<h2 class="section">Quote drift and speakers</h2><p class="muted">{_e(note)}</p>'
    drift = pair.drift
    cards = "".join(
        f'<li><b>{_e(d.speaker)}</b> <span class="muted">· {round(d.similarity * 100)}% '
        f"alike</span><br/>“{paint(drift_segments(d), None)}”</li>"
        for d in drift.quotes
    )
    drift_part = f"<ul>{cards}</ul>" if cards else '<p class="muted">No quote was reworded.</p>'
    quotes = []
    for p in drift.speakers:
        where: dict[str, list[str]] = {}  # a quote worded the same in both is listed once
        for version, speaker in (("A", p.a), ("B", p.b)):
            for q in speaker.quotes if isinstance(speaker, Speaker) else ():
                where.setdefault(q.text, []).append(version)
        for text, versions in where.items():
            quotes.append(
                f"<tr><td>{_e(p.name)}</td><td>{', '.join(dict.fromkeys(versions))}</td>"
                f"<td>“{_e(text)}”</td></tr>"
            )
    quote_table = (
        "<h3>Quotes</h3><table><thead><tr><th>Speaker</th><th>in</th><th>Quote</th></tr>"
        f"</thead><tbody>{''.join(quotes)}</tbody></table>"
        if quotes
        else ""
    )
    return (
        f'<h2 class="section">Quote drift ({len(drift.quotes)})</h2>{drift_part}'
        f'<h2 class="section">Speakers, organizations and people</h2>'
        + _presence_table("Speakers", drift.speakers, "quotes")
        + quote_table
        + _presence_table("Organizations", drift.organizations, "mentions")
        + _presence_table("People", drift.people, "mentions")
    )


def comparison_html(report: ComparisonReport, *, paged: bool = False) -> str:
    """The whole report as one HTML document (a string; write it as UTF-8)."""
    anchors = _Anchors()
    title = f"Variorum report: {title_of(report.a)} → {title_of(report.b)}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="Variorum {_e(report.version)}">'
        f"<title>{_e(title)}</title><style>{stylesheet(paged=paged)}</style></head><body>"
        + _header(report)
        + _text(report, anchors, paged)
        + _changes(report)
        + _speakers(report)
        + "</body></html>\n"
    )
