"""Presentation without Qt: what a comparison looks like, before anyone paints it.

Data flows one way: core gives a :class:`~variorum.core.changes.Comparison`; this package
turns it into painter-neutral :class:`~variorum.present.segments.Segment` lists (inline,
side by side, reading, quote drift) and a style table (:mod:`variorum.present.style`: light
and dark, Okabe-Ito colours, a decoration and plain-text brackets per kind so colour is never
the only cue); the painters - the Qt pane (``ui/widgets/compare``), the terminal word diff
(``cli/word_diff.py``) and the reports (``reports/``) - only paint those segments. A painter
that walked the changes itself would sooner or later disagree with the others.

Witnesses, and how n versions fit
---------------------------------
Every piece of article text a segment shows belongs to a *witness*: 0 is the base, 1..n are
the versions compared with it. A pair is the case n = 1 (A is witness 0, B witness 1). A
change is referred to as ``ChangeRef(version, index)``: change ``index`` of version's
comparison with the base. An N-way comparison (a base and n versions, e.g. a story's
collation) maps onto the same pieces without a new model:

- per version k, the changes of k against the base: ``NWay.comparisons[k - 1]`` of
  :mod:`variorum.core.stories.nway` is exactly that pairwise ``Comparison`` (offsets into
  the base and into k's text); every builder here takes ``version=k`` and numbers its
  segments with it;
- the inline view of version k is ``inline_segments(nway.comparisons[k - 1], runs_k,
  version=k)``;
- side by side, a :class:`~variorum.present.side.Row` holds one span per column (witness)
  and its cells are a tuple with one segment list per column, so n + 1 columns are rows
  built from ``NWay.passages``: a passage's base span is column 0's, each of its readings
  gives column k's span (``reading.start``/``end`` in k's text) and its change
  (``ChangeRef(reading.version, reading.change)``), each version's cell styled with that
  version's changes;
- navigation, highlights and the change list key on ``ChangeRef``, so "change 3 of version
  2" is never confused with change 3 of version 1;
- the style table keys on the segment's kind, not its witness: versions are told apart by
  their column and label, never by colour alone.
"""
