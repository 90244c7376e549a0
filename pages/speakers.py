"""Speakers: who is quoted how often and how (direct, indirect, mixed); profiles, side by side."""

from pathlib import Path

import streamlit as st

from components import charts
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads
from components.name_editor import name_editor
from components.profiles import speaker_card
from components.sidebar import filter_to
from newsquotes.analytics.aggregates import kind_counts

st.title("Speakers")
page = page_data()
stop_if_empty(page)
view = page.view
named = view[view["speaker"] != ""]
if named.empty:
    st.info("None of these statements has a speaker.")
    st.stop()

counts = kind_counts(named).head(25)
chart_with_downloads(charts.kind_bars(counts, "Statements by speaker and kind (click to filter)"),
                     counts, "statements by speaker and kind", key="sp_kinds",
                     on_select=filter_to("speakers", "sp_kinds"))

present = set(named["speaker"].unique())
order = [s for s in page.loaded.speakers if s in present]
st.header("Profile")
chosen = st.selectbox("Speaker", order, key="sp_profile")
if chosen:
    speaker_card(view, chosen, page.profile(chosen), page.distinctive(("speaker", chosen)),
                 key="sp_card")

store_path, _stamp = page.source
if not store_path.startswith("synthetic:"):
    name_editor(Path(store_path), view, order)

st.header("Side by side")
compared = st.multiselect("Speakers to compare", order, default=order[:2], max_selections=4,
                          key="sp_compare")
if compared:
    for column, speaker, i in zip(st.columns(len(compared)), compared, range(len(compared)),
                                  strict=True):
        with column:
            speaker_card(view, speaker, page.profile(speaker),
                         page.distinctive(("speaker", speaker)),
                         key=f"sp_cmp{i}", compact=True)
