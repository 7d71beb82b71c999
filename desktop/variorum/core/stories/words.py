"""The one word list of story grouping: English function words, and capitalised words that do
not name anyone.

Function words carry no content: a sentence or a quote is matched on its other words, so two
sentences that share only "the", "of" and "said" are not the same sentence. Capitalised words
that are not names (weekdays, months, honorifics, sentence openers) would otherwise count as
shared names between unrelated articles.
"""

from __future__ import annotations

from variorum.core.extract.vocab import TITLE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told tells according also one two three would could may might must shall
    mr mrs ms dr s t don doesn didn isn wasn aren weren won wouldn couldn shouldn it's i'm
    """
)
"""Lower-case words that carry no content of their own."""

NOT_NAMES = TITLE_WORDS | _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december gov sen rep
    however meanwhile still yet today yesterday tomorrow but and or so then thus also
    """
)
"""Lower-case forms of capitalised words that are never (part of) a name to match on: job
titles and forms of address (the extraction rules' list: "Mayor Daniel Ferreira" and
"Ferreira" name one man), weekdays and months, sentence adverbs."""
