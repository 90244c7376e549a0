"""Keywords: word clouds of what the filtered statements say, for all or one speaker or topic,
and the terms that set a speaker or topic apart as a bar chart."""

import pandas as pd
import streamlit as st

from components import charts, clouds, data
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads, csv_button, file_stem
from newsquotes.store.measures import SAMPLE

st.title("Keywords")
page = page_data()
stop_if_empty(page)
WIDTH, HEIGHT = 900, 420
# The cloud and the distinctive terms pickers offer this many speakers, the most quoted first.
LISTED = 200


def cloud(weights: dict[str, float], name: str, key: str) -> None:
    """Show the word cloud of `weights` (term -> count) with its downloads."""
    if not weights:
        st.info("These statements hold no keywords.")
        return
    png = data.cloud_png(tuple(weights.items()), WIDTH, HEIGHT)
    st.image(png, caption=name, width="stretch")
    stem = file_stem(name)
    with st.container(horizontal=True, gap="small"):
        st.download_button("PNG", png, file_name=f"{stem}.png", mime="image/png",
                           key=f"{key}_png", on_click="ignore", icon=":material/image:",
                           help="The word cloud as an image")
        # Made on click: the same layout again (fixed seed), not on every rerun.
        st.download_button("SVG", lambda: clouds.svg(weights, WIDTH, HEIGHT),
                           file_name=f"{stem}.svg", mime="image/svg+xml", key=f"{key}_svg",
                           on_click="ignore", icon=":material/image:",
                           help="The word cloud as a vector drawing")
        csv_button(pd.DataFrame({"term": list(weights), "count": list(weights.values())}),
                   name, key=key, label="Counts (CSV)")


groups = [("speaker", s) for s in page.ask("top_speakers", LISTED)]
groups += [("topic", t) for t in page.loaded.topic_names]
total = page.count()
if total > SAMPLE:
    st.caption(f"Terms are counted on a fixed sample of {SAMPLE:,} of the {total:,} statements "
               "(of a speaker or topic, and of the rest): the same statements for the same "
               "filters, so the counts are a sample's, the proportions the corpus's.")
left, right = st.columns(2)
with left:
    st.subheader("All filtered statements")
    cloud(page.ask("keyword_counts"), "keywords of the filtered statements", key="kw_all")
with right:
    st.subheader("One speaker or topic")
    group = st.selectbox("Cloud for", groups, format_func=lambda g: f"{g[0]}: {g[1]}",
                         key="kw_group")
    if group:
        cloud(page.ask("keyword_counts", group), f"keywords of {group[0]} {group[1]}",
              key="kw_group")

st.subheader("Distinctive terms")
if group:
    terms = page.ask("distinctive", group)
    if terms.empty:
        st.caption(f"No term sets {group[0]} {group[1]} apart from the rest of these "
                   "statements; their most frequent terms instead.")
        weights = page.ask("keyword_counts", group, 20)
        counts = pd.DataFrame({"term": list(weights), "count": list(weights.values())})
        if not counts.empty:
            chart_with_downloads(charts.term_bars(counts, f"What {group[1]} says most", "count"),
                                 counts, f"frequent terms {group[1]}", key="kw_frequent")
    else:
        st.caption(f"Weighted log-odds (z-score) of each term for {group[0]} {group[1]} against "
                   "the rest of the filtered statements (Monroe, Colaresi & Quinn 2008).")
        chart_with_downloads(charts.term_bars(terms, f"What sets {group[1]} apart"), terms,
                             f"distinctive terms {group[1]}", key="kw_distinct")
