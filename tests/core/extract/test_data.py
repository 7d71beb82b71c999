from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from variorum.core.extract import Entity, Extraction, Mention, Quote, Speaker
from variorum.core.extract.cache import KIND, cache_version, extract_cached, load_cached

mentions = st.builds(Mention, st.text(max_size=20), st.integers(0, 10**6), st.integers(0, 10**6))
names = st.text(min_size=1, max_size=30)


@st.composite
def speakers(draw: st.DrawFn) -> Speaker:
    name = draw(names)
    quotes = draw(
        st.lists(
            st.builds(
                Quote,
                st.text(max_size=50),
                st.integers(0, 10**6),
                st.integers(0, 10**6),
                st.just(name),
                st.text(max_size=10),
                st.none() | mentions,
            ),
            max_size=3,
        )
    )
    label = draw(st.sampled_from(["PERSON", "ORG"]))
    aliases = tuple(draw(st.lists(names, max_size=3)))
    return Speaker(name, label, aliases, tuple(quotes))


entities = st.builds(
    Entity,
    names,
    st.sampled_from(["PERSON", "ORG"]),
    st.lists(names, max_size=3).map(tuple),
    st.lists(mentions, max_size=4).map(tuple),
)
extractions = st.builds(
    Extraction,
    st.lists(speakers(), max_size=3).map(tuple),
    st.lists(entities, max_size=3).map(tuple),
    st.lists(entities, max_size=3).map(tuple),
    st.text(max_size=20),
)


@given(extractions)
def test_json_round_trip(x: Extraction) -> None:
    assert Extraction.from_json(x.to_json()) == x


def test_wrong_schema_is_refused() -> None:
    with pytest.raises(ValueError):
        Extraction.from_json(json.dumps({"schema": 999}))
    with pytest.raises(ValueError):
        Extraction.from_json("[]")


class FakeStore:
    """Same signature as Library.get_analysis / put_analysis."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], str] = {}
        self.gets = 0

    def get_analysis(self, article_id: str, kind: str, version: str) -> str | None:
        self.gets += 1
        return self.rows.get((article_id, kind, version))

    def put_analysis(self, article_id: str, kind: str, version: str, payload_json: str) -> None:
        self.rows[(article_id, kind, version)] = payload_json


def test_cache_stores_and_reuses(nlp) -> None:  # type: ignore[no-untyped-def]
    store = FakeStore()
    text = "“We will reopen the mill in May,” said Ingrid Solberg, the plant manager."
    first = extract_cached(store, "abc", text, nlp)
    assert len(store.rows) == 1
    ((key, payload),) = store.rows.items()
    assert key[0] == "abc" and key[1] == KIND and key[2] == cache_version(first.model)
    # a cached payload is what comes back, without running the model
    store.rows[key] = payload.replace("Ingrid Solberg", "Cached Name")
    second = extract_cached(store, "abc", text, nlp)
    assert second.speakers[0].name == "Cached Name"


def test_unreadable_cache_entry_is_a_miss() -> None:
    store = FakeStore()
    store.rows[("x", KIND, cache_version("m"))] = "{not json"
    with pytest.raises(json.JSONDecodeError):
        json.loads("{not json")
    assert load_cached(store, "x", "m") is None
