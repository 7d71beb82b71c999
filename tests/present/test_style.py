"""The style table: every change kind told apart without colour, in both variants."""

from __future__ import annotations

from variorum.present.segments import CHANGE_KINDS, SegKind
from variorum.present.style import DARK, LIGHT, css, sgr


def test_kinds_differ_by_decoration_and_brackets_not_only_colour() -> None:
    for theme in (LIGHT, DARK):
        assert "underline" in css(theme.style(SegKind.INSERT))
        assert "line-through" in css(theme.style(SegKind.DELETE))
        assert "overline" in css(theme.style(SegKind.MOVE))
        decorations = {(s.underline, s.strike, s.overline) for s in map(theme.style, CHANGE_KINDS)}
        assert len(decorations) == len(CHANGE_KINDS)
        brackets = {theme.style(kind).brackets for kind in CHANGE_KINDS}
        assert len(brackets) == len(CHANGE_KINDS) and ("", "") not in brackets
    assert LIGHT.style(SegKind.INSERT).color != DARK.style(SegKind.INSERT).color
    assert css(LIGHT.style(SegKind.EQUAL)) == ""


def test_terminal_codes_put_the_decoration_before_the_colour() -> None:
    assert sgr(LIGHT.style(SegKind.DELETE)) == "\x1b[9;31m"
    assert sgr(LIGHT.style(SegKind.INSERT)) == "\x1b[4;34m"
    assert sgr(LIGHT.style(SegKind.MOVE)) == "\x1b[4;53;35m"
    assert sgr(LIGHT.style(SegKind.EQUAL)) == ""
