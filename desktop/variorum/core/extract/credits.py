"""A quote credited on the line after it, as fact checks and "quotable" boxes print them::

    "We are going to win this."
    - Ann Holt, Philadelphia.

The paragraph holds the quote alone; the next line is a dash, then the speaker's name (a
title may come first), then perhaps a place or what the occasion was. A pull quote may carry
its credit on its own line instead ("“We are going to win this.” — Ann Holt"). Only a person is
credited this way: a dash line naming an agency under a quote is a picture's credit.
"""

from __future__ import annotations

from variorum.core.extract.data import PERSON
from variorum.core.extract.layout import Layout, is_credit_line
from variorum.core.extract.mentions import MentionIndex, MentionRef
from variorum.core.extract.quotes import QuoteSpan

NAME_WITHIN = 16
"""The name starts this close to the dash (room for a title: "-President Obama")."""
_TRAILING = ".,;:!?'\"\u201d\u2019) "


def credited_speaker(layout: Layout, index: MentionIndex, q: QuoteSpan) -> MentionRef | None:
    """The person the line after ``q`` credits it to, when ``q`` fills its own paragraph."""
    blocks = layout.blocks
    at = layout.block_index(q.outer_start)
    if at is None:
        return None
    own = blocks[at]
    text = layout.text
    if text[own.start : q.outer_start].strip():
        return None
    rest = text[q.outer_end : own.end]
    if rest.strip(_TRAILING):
        # the credit on the quote's own line: "“We are going to win this.” — Ann Holt"
        return _credit_in(text, index, q.outer_end, own.end)
    if at + 1 >= len(blocks):
        return None
    credit = blocks[at + 1]
    return _credit_in(text, index, credit.start, credit.end)


def _credit_in(text: str, index: MentionIndex, start: int, end: int) -> MentionRef | None:
    """The person a dash line (or the dash part of a line) between ``start`` and ``end``
    names, near its dash."""
    raw = text[start:end]
    line = raw.strip()
    if not is_credit_line(line):
        return None
    lead = start + len(raw) - len(raw.lstrip())
    name = index.within_label(lead, end, PERSON)
    if name is None or name.start - lead > NAME_WITHIN:
        return None
    return name
