"""Timeline: statements over time by speaker or topic, mean tone over time, article volume."""

import streamlit as st

from components import timecharts
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads
from newsquotes.aggregates import top_groups
from newsquotes.timeseries import (
    articles_over_time,
    choose_freq,
    counts_over_time,
    sentiment_over_time,
)

st.title("Timeline")
page = page_data()
stop_if_empty(page)
view = page.view
if view["date"].isna().all():
    st.info("None of these statements' articles carries a date, so there is no timeline.")
    st.stop()

auto = choose_freq(view["date"])
controls = st.columns([2, 2, 3])
by = controls[0].segmented_control("Lines by", ["speaker", "topic", "outlet"], default="speaker",
                                   key="tl_by") or "speaker"
freq = controls[1].segmented_control("Period", list(timecharts.PERIOD_NAMES),
                                     format_func=timecharts.PERIOD_NAMES.get, default=auto,
                                     key="tl_freq") or auto
undated = int(view["date"].isna().sum())
if undated:
    controls[2].caption(f"{undated:,} statements from undated articles are not on the timeline.")

period = timecharts.PERIOD_NAMES[freq]
named = view[view[by] != ""] if by != "topic" else view
counts = top_groups(counts_over_time(named, by=by, freq=freq, topics=page.loaded.topics))
if counts.empty:
    st.info(f"No statement here has a {by}.")
else:
    chart_with_downloads(
        timecharts.counts_over_time(counts, f"Statements per {period}, top {by}s"),
        counts.rename(columns={"group": by}), f"statements per {period} by {by}",
        key="tl_counts")

tone = sentiment_over_time(view, freq=freq)
chart_with_downloads(timecharts.tone_over_time(tone, f"Mean tone per {period}"), tone,
                     f"mean tone per {period}", key="tl_tone")

articles = page.loaded.articles
volume = articles_over_time(articles[articles["id"].isin(view["article_id"])], freq=freq)
chart_with_downloads(timecharts.volume_bars(volume, f"Articles per {period}"), volume,
                     f"articles per {period}", key="tl_volume")
