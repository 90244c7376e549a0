"""Overview: how much the corpus says, who says most, in what tone, and the latest statements."""

import streamlit as st

from components import charts
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads, csv_button
from components.metrics import count_metric
from components.sidebar import filter_to
from components.tables import ROW_COLUMNS, statement_table

st.title("Who said what")
page = page_data()
stop_if_empty(page)
totals = page.totals()

first, last = totals["first"], totals["last"]
span = "no dates" if first is None or first != first else f"{first:%Y-%m-%d} – {last:%Y-%m-%d}"
metrics = st.columns([1, 1, 1, 3])
count_metric(metrics[0], "Statements", totals["statements"])
count_metric(metrics[1], "Speakers", totals["speakers"])
quoted = totals["articles"]
count_metric(metrics[2], "Articles", quoted, help="Articles holding these statements")
metrics[3].metric("Date span", span)
stored = page.loaded.articles
if stored != quoted:
    # The Data page counts stored articles: say why the two numbers differ.
    st.caption(f"Articles counts the {quoted:,} articles holding these statements; the corpus "
               f"stores {stored:,} (see **Data**): the others hold no statement "
               f"{'that the filters select' if not page.filters.is_empty() else 'found'}.")

left, right = st.columns([3, 2])
with left:
    # The chart's 15 bars and the 100 most quoted behind it, not every speaker of the corpus.
    speakers = page.ask("sentiment_summary", "speaker", 100)
    chart_with_downloads(
        charts.ranked_bars(speakers, "speaker", "Top speakers by statements (click to filter)"),
        speakers, "top speakers", key="ov_speakers",
        on_select=filter_to("speakers", "ov_speakers"),
    )
with right:
    mix = page.ask("label_counts")
    chart_with_downloads(charts.label_mix(mix), mix, "sentiment mix", key="ov_mix")
    topics = page.ask("sentiment_summary", "topic")
    if not topics.empty:
        chart_with_downloads(
            charts.ranked_bars(topics, "topic", "Topics (click to filter)", top=10, scale=False),
            topics, "topics", key="ov_topics", on_select=filter_to("topics", "ov_topics"),
        )

st.subheader("Latest statements")
latest = page.ask("rows", 10, ROW_COLUMNS)
statement_table(latest, key="ov_latest", height=390)
csv_button(latest, "latest statements", key="ov_latest")
