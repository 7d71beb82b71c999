"""Word-level diff of two texts (first version: whole-text word diff; the aligned engine of the
comparison issue replaces the inside of :func:`compare_texts` but keeps its signature)."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from variorum.core.changes import Change, ChangeKind, Comparison, CompareStats
from variorum.core.options import CompareOptions

_TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′`"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def _normal(token: str, options: CompareOptions) -> str:
    if options.fold_quotes:
        token = token.translate(_QUOTES)
    if options.fold_dashes:
        token = token.translate(_DASHES)
    if options.ignore_case:
        token = token.casefold()
    return token


def compare_texts(a: str, b: str, options: CompareOptions | None = None) -> Comparison:
    options = options or CompareOptions()
    a_tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(a)]
    b_tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(b)]
    vocab: dict[str, str] = {}

    def encode(text: str, spans: list[tuple[int, int]]) -> str:
        out = []
        for s, e in spans:
            key = _normal(text[s:e], options)
            out.append(vocab.setdefault(key, chr(0xE000 + len(vocab))))
        return "".join(out)

    ea, eb = encode(a, a_tokens), encode(b, b_tokens)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    changes: list[Change] = []
    ia = ib = 0
    pending_del: tuple[int, int] | None = None
    inserted = deleted = 0

    def a_span(i: int, n: int) -> tuple[int, int]:
        if n == 0:
            pos = a_tokens[i - 1][1] if i > 0 else 0
            return pos, pos
        return a_tokens[i][0], a_tokens[i + n - 1][1]

    def b_span(i: int, n: int) -> tuple[int, int]:
        if n == 0:
            pos = b_tokens[i - 1][1] if i > 0 else 0
            return pos, pos
        return b_tokens[i][0], b_tokens[i + n - 1][1]

    for op, chunk in diffs + [(0, "")]:
        n = len(chunk)
        if op == -1:
            pending_del = (ia, n)
            ia += n
            deleted += n
        elif op == 1:
            bs, be = b_span(ib, n)
            if pending_del:
                as_, ae = a_span(*pending_del)
                changes.append(Change(ChangeKind.REPLACE, as_, ae, bs, be, a[as_:ae], b[bs:be]))
                pending_del = None
            else:
                as_, ae = a_span(ia, 0)
                changes.append(Change(ChangeKind.INSERT, as_, ae, bs, be, "", b[bs:be]))
            ib += n
            inserted += n
        else:
            if pending_del:
                as_, ae = a_span(*pending_del)
                bs, be = b_span(ib, 0)
                changes.append(Change(ChangeKind.DELETE, as_, ae, bs, be, a[as_:ae], ""))
                pending_del = None
            ia += n
            ib += n
    total = max(len(a_tokens) + len(b_tokens), 1)
    common = (len(a_tokens) - deleted) + (len(b_tokens) - inserted)
    stats = CompareStats(inserted_words=inserted, deleted_words=deleted, changed_units=0)
    return Comparison(a, b, tuple(changes), stats, common / total)
