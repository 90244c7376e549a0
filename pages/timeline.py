"""Timeline: statements over time by speaker or topic, mean tone over time, article volume."""

import pandas as pd
import streamlit as st

from components import timecharts
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads
from newsquotes.analytics.timeseries import choose_freq, span_of_days, split_at_span

st.title("Timeline")
page = page_data()
stop_if_empty(page)
days = page.ask("day_counts")
if days.empty:
    st.info("None of these statements' articles carries a date, so there is no timeline.")
    st.stop()

# A few statements far from the rest (the 2022 seed among 2025 news) would stretch the axis
# over empty years: the charts open where the statements gather and say what lies outside.
span = span_of_days(days)
dates, away = split_at_span(pd.Series(days.index), span)
auto = choose_freq(dates)
controls = st.columns([2, 2, 3])
by = controls[0].segmented_control("Lines by", ["speaker", "topic", "outlet"], default="speaker",
                                   key="tl_by") or "speaker"
freq = controls[1].segmented_control("Period", list(timecharts.PERIOD_NAMES),
                                     format_func=timecharts.PERIOD_NAMES.get, default=auto,
                                     key="tl_freq") or auto
notes = []
if span is not None and away is not None:
    first, last, apart = span
    when = f"{away[0]:%Y-%m-%d}" + (f" – {away[1]:%Y-%m-%d}" if away[1].date()
                                     != away[0].date() else "")
    notes.append(f"The charts open on {first:%Y-%m-%d} – {last:%Y-%m-%d}, where the statements "
                 f"are; {apart:,} dated far from them ({when}) are on the charts too: "
                 "double-click a chart to see the whole range.")
undated = int(page.totals()["undated"])
if undated:
    notes.append(f"{undated:,} statements from undated articles are not on the timeline.")
controls[2].caption(" ".join(notes))

period = timecharts.PERIOD_NAMES[freq]
counts = page.ask("counts_over_time", by, freq)
if counts.empty:
    st.info(f"No statement here has a {by}.")
else:
    chart_with_downloads(
        timecharts.focus(timecharts.counts_over_time(counts, f"Statements per {period}, top "
                                                     f"{by}s"), span, freq),
        counts.rename(columns={"group": by}), f"statements per {period} by {by}",
        key="tl_counts")

tone = page.ask("tone_over_time", freq)
chart_with_downloads(timecharts.focus(timecharts.tone_over_time(tone, f"Mean tone per {period}"),
                                      span, freq), tone, f"mean tone per {period}", key="tl_tone")

volume = page.ask("articles_over_time", freq)
bars = timecharts.volume_bars(volume, f"Articles per {period}")
chart_with_downloads(timecharts.focus(bars, span, freq), volume, f"articles per {period}",
                     key="tl_volume")
