"""Reports an analyst hands on: the comparison as one self-contained HTML file
(:mod:`.html`; the PDF and print paint the same HTML through Qt in ``ui/report_print.py``)
and the speakers, quotes, organizations and people as CSV or JSON (:mod:`.speakers`).

Pure Python, no Qt: the command line writes them without a window. They paint the segments
of :mod:`variorum.present`, like the pane, so a report shows exactly what the window shows.
"""
