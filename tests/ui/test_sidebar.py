"""The sidebar widget with hand-built extraction results (no model): lists, markers, filter,
clicks that locate text, and the quote drift section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from variorum.core.extract import (
    Entity,
    Extraction,
    Mention,
    Quote,
    Speaker,
    compare_extractions,
)
from variorum.ui.widgets.sidebar import Sidebar
from variorum.ui.widgets.sidebar.items import LOCATE_ROLE, pair_models, single_models

A_TEXT = (
    "“The budget has some of the largest cuts in a decade,” said Ann Holt. "
    "Holt leads the Harbour Council. The council met at Port Hall."
)
B_TEXT = "“The budget has the largest cuts in a decade,” Ann Holt said. Ferry Co objected."


def _quote(text: str, full: str, speaker: str, mention: str) -> Quote:
    start = full.index(text)
    m = full.index(mention)
    return Quote(
        text, start, start + len(text), speaker, "said", Mention(mention, m, m + len(mention))
    )


def _entity(name: str, label: str, full: str, *forms: str) -> Entity:
    mentions = []
    for form in forms or (name,):
        pos = full.index(form)
        mentions.append(Mention(form, pos, pos + len(form)))
    aliases = tuple(sorted({f for f in forms if f != name}))
    return Entity(name, label, aliases, tuple(mentions))


A = Extraction(
    (
        Speaker(
            "Ann Holt",
            "PERSON",
            ("Holt",),
            (
                _quote(
                    "The budget has some of the largest cuts in a decade",
                    A_TEXT,
                    "Ann Holt",
                    "Ann Holt",
                ),
            ),
        ),
    ),
    (_entity("Harbour Council", "ORG", A_TEXT),),
    (_entity("Ann Holt", "PERSON", A_TEXT, "Ann Holt", "Holt"),),
)
B = Extraction(
    (
        Speaker(
            "Ann Holt",
            "PERSON",
            (),
            (
                _quote(
                    "The budget has the largest cuts in a decade", B_TEXT, "Ann Holt", "Ann Holt"
                ),
            ),
        ),
    ),
    (_entity("Ferry Co", "ORG", B_TEXT),),
    (_entity("Ann Holt", "PERSON", B_TEXT),),
)


@pytest.fixture
def sidebar(qtbot) -> Sidebar:  # type: ignore[no-untyped-def]
    widget = Sidebar()
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    widget.show()
    return widget


def _row(view, text: str) -> QModelIndex:  # type: ignore[no-untyped-def]
    model = view.model()
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        if index.data() == text:
            return index
    raise AssertionError(f"{text!r} not listed")


def test_models_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    drift = compare_extractions(A, B, A_TEXT, B_TEXT)
    for model in (
        *single_models(A),
        *pair_models(drift.speakers, drift.organizations, drift.people),
    ):
        qtmodeltester.check(model, force_py=True)


def test_single_article_lists_and_counts(sidebar: Sidebar) -> None:
    sidebar.show_single(A_TEXT, A)
    assert [sidebar.tabs.tabText(i) for i in range(3)] == [
        "Speakers (1)",
        "Orgs (1)",
        "People (1)",
    ]
    speaker = _row(sidebar.speakers, "Ann Holt")
    assert speaker.siblingAtColumn(1).data() == "1"
    assert sidebar.speakers.isColumnHidden(2)  # no A/B markers for one article
    person = _row(sidebar.people, "Ann Holt")
    assert "Holt" in person.data(Qt.ItemDataRole.ToolTipRole)
    assert person.siblingAtColumn(1).data() == "2"
    assert not sidebar.drift_frame.isVisible()


def test_clicking_a_quote_or_entity_locates_it(qtbot, sidebar: Sidebar) -> None:  # type: ignore[no-untyped-def]
    sidebar.show_single(A_TEXT, A)
    speaker = _row(sidebar.speakers, "Ann Holt")
    sidebar.speakers.expand(speaker)
    quote = sidebar.speakers.model().index(0, 0, speaker)
    assert quote.data().startswith("“The budget has some of")
    with qtbot.waitSignal(sidebar.locate_requested) as got:
        sidebar.speakers.clicked.emit(quote)
    side, spans = got.args
    start = A_TEXT.index("The budget")
    assert side == "a" and spans == [(start, start + len(A.speakers[0].quotes[0].text))]
    with qtbot.waitSignal(sidebar.highlight_requested) as got2:
        sidebar.people.clicked.emit(_row(sidebar.people, "Ann Holt"))
    assert [A_TEXT[s:e] for s, e in got2.args[1]] == ["Ann Holt", "Holt"]


def test_filter_box_filters_names_and_quotes(sidebar: Sidebar) -> None:
    sidebar.show_single(A_TEXT, A)
    sidebar.filter_box.setText("largest cuts")
    assert sidebar.speakers.model().rowCount() == 1  # kept: one of its quotes matches
    assert sidebar.organizations.model().rowCount() == 0
    sidebar.filter_box.setText("harbour")
    assert sidebar.organizations.model().rowCount() == 1
    assert sidebar.speakers.model().rowCount() == 0
    sidebar.filter_box.clear()
    assert sidebar.people.model().rowCount() == 1


def test_pair_marks_sides_and_shows_quote_drift(qtbot, sidebar: Sidebar) -> None:  # type: ignore[no-untyped-def]
    drift = compare_extractions(A, B, A_TEXT, B_TEXT)
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, drift)
    assert not sidebar.speakers.isColumnHidden(2)
    assert _row(sidebar.speakers, "Ann Holt").siblingAtColumn(2).data() == "A B"
    assert _row(sidebar.organizations, "Harbour Council").siblingAtColumn(2).data() == "A"
    assert _row(sidebar.organizations, "Ferry Co").siblingAtColumn(2).data() == "B"
    assert sidebar.drift_frame.isVisible()
    assert "Quote drift" in sidebar.drift_title.text()
    body = sidebar.drift_body.text()
    assert "line-through" in body and "some of" in body
    assert "Ann Holt" in body
    with qtbot.waitSignal(sidebar.locate_requested) as got:
        sidebar.drift_body.linkActivated.emit("drift:0:b")
    side, spans = got.args
    assert side == "b" and [B_TEXT[s:e] for s, e in spans] == [
        "The budget has the largest cuts in a decade"
    ]
    speaker = _row(sidebar.speakers, "Ann Holt")
    data = speaker.data(LOCATE_ROLE)
    assert [side for side, _ in data] == ["a", "b"]
    model = sidebar.speakers.model()
    quotes = [model.index(r, 0, speaker).data() for r in range(model.rowCount(speaker))]
    # the quote was reworded between the versions; the mark leads each quote and is explained
    assert [q.split(" ")[:2] for q in quotes] == [["≠", "A:"], ["≠", "B:"]]
    assert sidebar.legend.isVisible() and "≠ reworded" in sidebar.legend.text()
    tip = model.index(0, 0, speaker).data(Qt.ItemDataRole.ToolTipRole)
    assert "Worded differently in the other version" in tip


def test_pending_and_clear(sidebar: Sidebar) -> None:
    sidebar.show_single(A_TEXT, A)
    sidebar.show_pending("Finding speakers…")
    assert sidebar.status.isVisible() and sidebar.status.text() == "Finding speakers…"
    assert sidebar.speakers.model().rowCount() == 0
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, compare_extractions(A, B))
    sidebar.clear()
    assert not sidebar.drift_frame.isVisible()
    assert sidebar.tabs.tabText(0) == "Speakers (0)"


def test_empty_result_says_so(sidebar: Sidebar) -> None:
    sidebar.show_single("Nothing here.", Extraction())
    assert "No quotes" in sidebar.status.text()


def test_dark_palette_repaints_the_drift(sidebar: Sidebar) -> None:
    from PySide6.QtGui import QColor, QPalette

    sidebar.show_pair(A_TEXT, A, B_TEXT, B, compare_extractions(A, B, A_TEXT, B_TEXT))
    light = sidebar.drift_body.text()
    palette = sidebar.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    sidebar.setPalette(palette)
    dark = sidebar.drift_body.text()
    assert dark != light and "line-through" in dark


def test_filter_matches_aliases_and_names_sort(sidebar: Sidebar) -> None:
    text = "The Harbour Pilots Association (HPA) met. HPA voted."
    org = _entity("Harbour Pilots Association", "ORG", text, "Harbour Pilots Association", "HPA")
    sidebar.show_single(text, Extraction((), (org,), ()))
    sidebar.filter_box.setText("hpa")  # only an alias matches
    assert sidebar.organizations.model().rowCount() == 1
    sidebar.filter_box.clear()
    x = Extraction(
        (),
        (),
        tuple(
            _entity(n, "PERSON", "Zoe Adams and Ann Holt and Bo Li", n)
            for n in ("Zoe Adams", "Bo Li", "Ann Holt")
        ),
    )
    sidebar.show_single("Zoe Adams and Ann Holt and Bo Li", x)
    sidebar.people.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model = sidebar.people.model()
    assert [model.index(r, 0).data() for r in range(3)] == ["Ann Holt", "Bo Li", "Zoe Adams"]


def test_pair_counts_are_per_version(sidebar: Sidebar) -> None:
    """In a comparison the counts read "A / B", so a dropped quote or name is visible."""
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, compare_extractions(A, B, A_TEXT, B_TEXT))
    assert _row(sidebar.speakers, "Ann Holt").siblingAtColumn(1).data() == "1 / 1"
    assert _row(sidebar.people, "Ann Holt").siblingAtColumn(1).data() == "2 / 1"
    assert _row(sidebar.organizations, "Ferry Co").siblingAtColumn(1).data() == "0 / 1"
    sidebar.show_single(A_TEXT, A)
    assert _row(sidebar.people, "Ann Holt").siblingAtColumn(1).data() == "2"


def test_batch_progress_does_not_hide_the_message_about_the_article(sidebar: Sidebar) -> None:
    sidebar.show_single("Nothing here.", Extraction())
    sidebar.show_progress(3, 10)
    assert sidebar.progress.isVisible() and "3 of 10" in sidebar.progress.text()
    sidebar.show_progress(10, 10)
    assert sidebar.progress.isHidden()
    assert sidebar.status.isVisible() and "No quotes" in sidebar.status.text()


def test_expanded_quotes_take_the_whole_width(qtbot, sidebar: Sidebar) -> None:  # type: ignore[no-untyped-def]
    sidebar.resize(300, 600)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, compare_extractions(A, B, A_TEXT, B_TEXT))
    view = sidebar.speakers
    speaker = _row(view, "Ann Holt")
    view.expand(speaker)
    quote = view.model().index(0, 0, speaker)
    assert view.isFirstColumnSpanned(0, speaker)
    width = view.visualRect(quote).width()
    assert width > view.header().sectionSize(0)  # wider than the name column
    assert width > 0.6 * view.viewport().width()
    assert not sidebar.legend.isHidden()
    sidebar.show_single(A_TEXT, A)
    assert sidebar.legend.isHidden()  # one article: no marks to explain


def test_drift_section_says_unchanged_and_checking(sidebar: Sidebar) -> None:
    sidebar.show()
    sidebar.show_pending("Finding speakers…", pair=True)
    assert sidebar.drift_frame.isVisible()
    assert "Checking" in sidebar.drift_body.text()
    same = compare_extractions(A, A, A_TEXT, A_TEXT)
    sidebar.show_pair(A_TEXT, A, A_TEXT, A, same)
    assert sidebar.drift_frame.isVisible()
    assert sidebar.drift_body.text() == "Quotes unchanged between A and B (1 quote checked)."
    sidebar.show_pending("Finding speakers…")  # one article: no drift section
    assert not sidebar.drift_frame.isVisible()


def test_filter_is_cleared_for_a_new_pair_and_says_when_nothing_matches(
    sidebar: Sidebar,
) -> None:
    sidebar.show()
    drift = compare_extractions(A, B, A_TEXT, B_TEXT)
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, drift)
    sidebar.filter_box.setText("zebra")
    assert sidebar.speakers.model().rowCount() == 0
    assert sidebar.status.isVisible() and "Nothing matches “zebra”" in sidebar.status.text()
    assert "No reworded quote matches" in sidebar.drift_body.text()
    sidebar.filter_box.setText("largest")
    assert "some of" in sidebar.drift_body.text()  # the drift card is filtered too
    assert not sidebar.status.isVisible()
    sidebar.show_pair(A_TEXT, A, B_TEXT, B, drift)  # the same pair again: filter kept
    assert sidebar.filter_box.text() == "largest"
    sidebar.show_single(A_TEXT, A)  # another subject: filter cleared
    assert sidebar.filter_box.text() == ""
    assert sidebar.speakers.model().rowCount() == 1
