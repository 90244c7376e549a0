"""Keywords: word clouds of what the filtered statements say, for all or one speaker or topic,
and the terms that set a speaker or topic apart as a bar chart."""

import pandas as pd
import streamlit as st

from components import charts, data
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads, csv_button, file_stem
from newsquotes.keywords import distinctive_for, frequencies

st.title("Keywords")
page = page_data()
stop_if_empty(page)
view = page.view
WIDTH, HEIGHT = 900, 420


def cloud(terms, name: str, key: str) -> None:
    """Show the word cloud of `terms` (lists of terms per statement) with its downloads."""
    weights = frequencies(terms, top=150)
    if not weights:
        st.info("These statements hold no keywords.")
        return
    png, svg = data.cloud_images(tuple(weights.items()), WIDTH, HEIGHT)
    st.image(png, caption=name, width="stretch")
    stem = file_stem(name)
    a, b, c = st.columns(3)
    with a:
        st.download_button("Cloud (PNG)", png, file_name=f"{stem}.png", mime="image/png",
                           key=f"{key}_png", on_click="ignore", icon=":material/image:")
    with b:
        st.download_button("Cloud (SVG)", svg, file_name=f"{stem}.svg", mime="image/svg+xml",
                           key=f"{key}_svg", on_click="ignore", icon=":material/image:")
    with c:
        csv_button(pd.DataFrame({"term": list(weights), "count": list(weights.values())}),
                   name, key=key, label="Counts (CSV)")


groups = [("speaker", s) for s in page.loaded.speakers if s in set(view["speaker"])]
groups += [("topic", t) for t in page.loaded.topic_names]
left, right = st.columns(2)
with left:
    st.subheader("All filtered statements")
    cloud(view["terms"], "keywords of the filtered statements", key="kw_all")
with right:
    st.subheader("One speaker or topic")
    group = st.selectbox("Cloud for", groups, format_func=lambda g: f"{g[0]}: {g[1]}",
                         key="kw_group")
    if group:
        kind, name = group
        if kind == "speaker":
            mask = view["speaker"] == name
        else:
            topics = page.loaded.topics
            mask = view["statement_id"].isin(topics.loc[topics["topic"] == name, "statement_id"])
        cloud(view.loc[mask, "terms"], f"keywords of {kind} {name}", key="kw_group")

st.subheader("Distinctive terms")
if group:
    terms = distinctive_for(view, mask, min_count=2)
    terms = terms[terms["z"] > 0]
    if terms.empty:
        st.caption(f"No term sets {group[0]} {group[1]} apart from the rest of these "
                   "statements; their most frequent terms instead.")
        weights = frequencies(view.loc[mask, "terms"], top=20)
        counts = pd.DataFrame({"term": list(weights), "count": list(weights.values())})
        if not counts.empty:
            chart_with_downloads(charts.term_bars(counts, f"What {group[1]} says most", "count"),
                                 counts, f"frequent terms {group[1]}", key="kw_frequent")
    else:
        st.caption(f"Weighted log-odds (z-score) of each term for {group[0]} {group[1]} against "
                   "the rest of the filtered statements (Monroe, Colaresi & Quinn 2008).")
        chart_with_downloads(charts.term_bars(terms, f"What sets {group[1]} apart"), terms,
                             f"distinctive terms {group[1]}", key="kw_distinct")
