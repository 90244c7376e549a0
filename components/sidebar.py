"""The shared sidebar filters: widgets whose state lives in st.session_state (so it survives a
move to another page) and is mirrored in the URL query string (so a view can be shared).

A browser session reads the query string once, on its first run: opening a link applies its
filters. After that the widgets lead and the query string follows them, also after a page
switch (which clears the query string).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components import data
from components.data import Loaded
from components.downloads import selected_values
from newsquotes.analytics.filters import (
    FULL_SENTIMENT,
    LIST_KEYS,
    QUERY_KEYS,
    Filters,
    from_query,
    to_query,
    within_bounds,
)
from newsquotes.schema import KINDS

KEYS = {"speakers": "f_speakers", "topics": "f_topics", "outlets": "f_outlets",
        "kinds": "f_kinds", "dates": "f_dates", "sentiment": "f_sentiment", "text": "f_text"}
SEEDED = "_nq_seeded_from_url"
# A picker lists at most this many names; past it, a search box picks which (the most quoted
# of those holding what is typed): a browser list of 100,000 speakers is unusable and slow.
PICK = 200


def _choices(loaded: Loaded) -> dict[str, tuple[str, ...]]:
    return {"speakers": loaded.speakers, "topics": loaded.topic_names,
            "outlets": loaded.outlets, "kinds": KINDS}


def _seed_from_url(loaded: Loaded) -> None:
    params = {key: st.query_params.get_all(key) for key in QUERY_KEYS}
    wanted = from_query(params, _choices(loaded))
    state = st.session_state
    for name in LIST_KEYS.values():
        state[KEYS[name]] = list(getattr(wanted, name))
    if loaded.first_date and loaded.last_date:
        start = min(max(wanted.start or loaded.first_date, loaded.first_date), loaded.last_date)
        end = max(min(wanted.end or loaded.last_date, loaded.last_date), start)
        state[KEYS["dates"]] = (start, end)
    state[KEYS["sentiment"]] = FULL_SENTIMENT
    state[KEYS["text"]] = wanted.text


def _drop_unknown(loaded: Loaded) -> None:
    """Keep only values the corpus still offers (a store can change under a session)."""
    for name, options in _choices(loaded).items():
        key = KEYS[name]
        if key in st.session_state:
            allowed = set(options)
            kept = [v for v in st.session_state[key] if v in allowed]
            # Writing a widget's state overrides what the user just chose: only when needed.
            if len(kept) != len(st.session_state[key]):
                st.session_state[key] = kept


def clear_filters() -> None:
    """Reset every filter to "everything" (a widget callback)."""
    for name in LIST_KEYS.values():
        st.session_state[KEYS[name]] = []
    st.session_state.pop(KEYS["dates"], None)
    st.session_state[KEYS["sentiment"]] = FULL_SENTIMENT
    st.session_state[KEYS["text"]] = ""


def filter_to(name: str, chart_key: str) -> Callable[[], None]:
    """Give an on_select callback that sets filter `name` to what was clicked in a chart."""

    def callback() -> None:
        values = selected_values(chart_key)
        if values:
            st.session_state[KEYS[name]] = values

    return callback


def current_filters(loaded: Loaded) -> Filters:
    """Give the filters the sidebar widgets hold now (everything, before they first ran)."""
    state = st.session_state
    dates = state.get(KEYS["dates"]) or ()
    start = dates[0] if len(dates) > 0 else None
    end = dates[1] if len(dates) > 1 else None
    filters = Filters(
        **{name: tuple(state.get(KEYS[name], ())) for name in LIST_KEYS.values()},
        start=start, end=end,
        sentiment=tuple(state.get(KEYS["sentiment"], FULL_SENTIMENT)),
        text=(state.get(KEYS["text"]) or "").strip(),
    )
    return within_bounds(filters, loaded.first_date, loaded.last_date)


def _mirror_to_url(filters: Filters) -> None:
    wanted = to_query(filters)
    for key in QUERY_KEYS:
        values = wanted.get(key, [])
        if st.query_params.get_all(key) == values:
            continue
        if values:
            st.query_params[key] = values if len(values) > 1 else values[0]
        elif key in st.query_params:
            del st.query_params[key]


def _picker(label: str, column: str, names: tuple[str, ...]) -> None:
    """Show a multiselect of `names` (most quoted first); over PICK of them, a search box
    above it narrows the list to the PICK most quoted holding what is typed."""
    key = KEYS[f"{column}s"]
    options = names
    if len(names) > PICK:
        typed = st.text_input(f"Find {label.lower()}", key=f"{key}_find",
                              placeholder=f"type part of a name ({len(names):,} in all)")
        found = data.choices(*data.source(), column, typed, PICK)
        options = tuple(dict.fromkeys([*st.session_state.get(key, []), *found]))
    st.multiselect(label, options, key=key, placeholder=f"all {label.lower()}")


def filter_sidebar(loaded: Loaded) -> Filters:
    """Show the filters in the sidebar; give what they select. Call once per run."""
    if not st.session_state.get(SEEDED):
        _seed_from_url(loaded)
        st.session_state[SEEDED] = True
    _drop_unknown(loaded)
    with st.sidebar:
        st.header("Filters")
        st.text_input("Search statements", key=KEYS["text"],
                      placeholder="words in a statement or a speaker's name")
        if loaded.first_date and loaded.last_date:
            # A value set through session state must not be given again as a default.
            initial = ({} if KEYS["dates"] in st.session_state
                       else {"value": (loaded.first_date, loaded.last_date)})
            st.date_input("Dates", min_value=loaded.first_date, max_value=loaded.last_date,
                          key=KEYS["dates"], format="YYYY-MM-DD", **initial)
        _picker("Speakers", "speaker", loaded.speakers)
        st.multiselect("Topics", loaded.topic_names, key=KEYS["topics"],
                       placeholder="all topics")
        _picker("Outlets", "outlet", loaded.outlets)
        st.multiselect("Kind", list(KINDS), key=KEYS["kinds"], placeholder="all kinds")
        tone = {} if KEYS["sentiment"] in st.session_state else {"value": FULL_SENTIMENT}
        st.slider("Sentiment (compound)", -1.0, 1.0, step=0.05, key=KEYS["sentiment"], **tone,
                  help="VADER's compound score: -1 most negative, +1 most positive")
        filters = current_filters(loaded)
        st.button("Clear filters", on_click=clear_filters, key="f_clear",
                  disabled=filters.is_empty(), icon=":material/filter_alt_off:")
    _mirror_to_url(filters)
    return filters
