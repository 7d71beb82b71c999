"""The Qt painter's rich text: document positions equal text offsets, whatever the text, and
the FlowIndex finds segments, changes and links by position."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from variorum.present.segments import ChangeRef, Link, LinkKind, SegKind, Segment
from variorum.present.style import LIGHT
from variorum.ui.widgets.compare.flow import (
    DOC_STYLESHEET,
    FlowIndex,
    flow_html,
    span_styles,
    utf16_len,
)

ALPHABET = "ab \n\t.<>&\"'é😀\u00a0—"


def render(segments: list[Segment]) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(DOC_STYLESHEET)
    document.setHtml(flow_html(segments, span_styles(LIGHT)))
    return document


segment_lists = st.lists(
    st.tuples(st.sampled_from(list(SegKind)), st.text(alphabet=ALPHABET, min_size=1, max_size=12)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segment_lists)
def test_document_positions_equal_text_offsets(qapp, pieces) -> None:
    """Whatever the text (blank lines, leading newlines, tabs, markup characters, characters
    outside the BMP), every character lands where the FlowIndex says it does."""
    segments, start = [], 0
    for kind, text in pieces:
        segments.append(Segment(kind, text, 1, start))
        start += len(text)
    whole = "".join(text for _, text in pieces)
    document = render(segments)
    index = FlowIndex()
    assert index.place(segments, 0) == utf16_len(whole) == document.characterCount() - 1
    shown = document.toPlainText().replace("\u2028", "\n")
    assert shown == whole.replace("\u00a0", " ")
    for offset in range(0, len(whole), 3):
        pos = index.doc_pos(1, offset)
        assert pos is not None
        char = document.characterAt(pos)
        expected = whole[offset]
        if expected == "\n":
            assert char in ("\u2028", "\u2029")
        elif ord(expected) > 0xFFFF:
            assert 0xD800 <= ord(char) <= 0xDBFF  # first half of the surrogate pair
        else:
            assert char == expected


def test_source_at_counts_utf16_units() -> None:
    index = FlowIndex()
    index.place([Segment(SegKind.EQUAL, "a😀b c", 1, 10)], 0)
    assert index.source_at(3) == (1, 12)  # after "a" + the two units of the emoji: "b"
    assert index.doc_pos(1, 12) == 3


def test_flow_index_lookups() -> None:
    change = ChangeRef(1, 0)
    link = Link(LinkKind.CHANGE, 1)
    segments = [
        Segment(SegKind.EQUAL, "one ", 1, 0),
        Segment(SegKind.DELETE, "gone", 0, 4, change=change),
        Segment(SegKind.MARKER, "[m]", link=link),
        Segment(SegKind.INSERT, "two", 1, 4, change=change),
    ]
    index = FlowIndex()
    assert index.place(segments, 10) == 10 + 4 + 4 + 3 + 3
    assert index.doc_pos(1, 5) == 10 + 4 + 4 + 3 + 1
    assert index.doc_pos(0, 6) == 16
    assert index.doc_pos(0, 0) is None
    assert index.nearest_doc_pos(0, 0) == 14
    assert index.change_ranges(change) == [(14, 18), (21, 24)]
    assert index.change_ranges(ChangeRef(2, 0)) == []  # the same index of another version
    assert index.href_pos(link.token()) == 18
    assert index.change_at(15) == change
    assert index.source_at(18) == (1, 4)
    assert index.source_at(0) == (1, 0)
    assert index.source_at(14) == (0, 4)
    assert index.source_at(14, 1) == (1, 4)  # the view's top, read as B's text


