"""Speakers: who is quoted how often and how (direct, indirect, mixed); profiles, side by side."""

from pathlib import Path

import streamlit as st

from components import charts
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads
from components.name_editor import name_editor
from components.profiles import speaker_card
from components.sidebar import filter_to

# The profile and comparison pickers offer this many speakers, the most quoted first.
LISTED = 500

st.title("Speakers")
page = page_data()
stop_if_empty(page)
listed = page.ask("kind_counts", LISTED)
if listed.empty:
    st.info("None of these statements has a speaker.")
    st.stop()

counts = listed.head(25)
chart_with_downloads(charts.kind_bars(counts, "Statements by speaker and kind (click to filter)"),
                     counts, "statements by speaker and kind", key="sp_kinds",
                     on_select=filter_to("speakers", "sp_kinds"))

order = listed["speaker"].tolist()
st.header("Profile")
chosen = st.selectbox("Speaker", order, key="sp_profile",
                      help=f"The {len(order):,} most quoted speakers of these statements")
if chosen:
    speaker_card(page, chosen, key="sp_card")

name_editor(Path(page.source[0]), order, lambda who: page.ask("profile", who).get("aliases", []))

st.header("Side by side")
compared = st.multiselect("Speakers to compare", order, default=order[:2], max_selections=4,
                          key="sp_compare")
if compared:
    for column, speaker, i in zip(st.columns(len(compared)), compared, range(len(compared)),
                                  strict=True):
        with column:
            speaker_card(page, speaker, key=f"sp_cmp{i}", compact=True)
