"""A speaker's profile card: who they are, how often and in what tone they are quoted, and the
words that set them apart. Takes a `key`, so several cards sit side by side."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components import charts, timecharts
from components.context import PageData
from components.downloads import chart_with_downloads
from components.metrics import count_metric
from newsquotes.analytics.timeseries import choose_freq, span_of_days


def _text(value) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "—"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value) or "—"


def speaker_card(page: PageData, speaker: str, key: str, compact: bool = False) -> None:
    """Show the profile of `speaker` over `page`'s statements: who they are, how often and in
    what tone they are quoted, the words that set them apart from the others' statements."""
    profile = page.ask("profile", speaker)
    mine = page.of_speaker(speaker)
    tone = mine.ask("sentiment_summary", "speaker")
    mean = tone["mean"].iloc[0] if len(tone) else float("nan")
    st.html(f"<h3 style='margin:0'>{html.escape(speaker)}</h3>")
    facts = [("Role", profile.get("role")), ("Affiliation", profile.get("affiliation")),
             ("Type", profile.get("speaker_type")), ("Also named", profile.get("aliases")),
             ("First quoted", profile.get("first_quoted")),
             ("Last quoted", profile.get("last_quoted"))]
    items = "".join(f"<li><b>{name}:</b> {html.escape(_text(value))}</li>"
                    for name, value in facts)
    st.html(f"<ul style='margin:0.2rem 0 0.6rem 1rem;padding:0'>{items}</ul>")
    a, b = st.columns(2)
    count_metric(a, "Statements", int(profile.get("statements", 0)))
    b.metric("Mean tone", f"{mean:+.2f}" if pd.notna(mean) else "—")
    terms = page.ask("distinctive", ("speaker", speaker))
    if compact:
        st.dataframe(terms.head(10)[["term", "z", "count_a"]].rename(
            columns={"count_a": "uses"}), hide_index=True, key=f"{key}_terms")
        return
    days = mine.ask("day_counts")
    if not days.empty:
        span = span_of_days(days)
        # By month once the span passes two months: one speaker's weeks hold a statement or
        # two, whose intervals reach from -1 to +1 and say nothing.
        dated = pd.Series(days.index)
        freq = "MS" if (dated.max() - dated.min()).days > 62 else choose_freq(dated)
        tone = mine.ask("tone_over_time", freq)
        fig = timecharts.tone_over_time(
            tone, f"Tone of {speaker} per {timecharts.PERIOD_NAMES[freq]}")
        chart_with_downloads(timecharts.focus(fig, span, freq), tone,
                             f"{speaker} tone over time", key=f"{key}_tone_time")
        if span:
            st.caption(f"Opened on {span[0]:%Y-%m-%d} – {span[1]:%Y-%m-%d}; {span[2]:,} "
                       "statements dated far outside it are on the chart too (double-click "
                       "it to see them).")
    if terms.empty:
        st.caption("No word sets this speaker apart here (too few statements).")
    else:
        chart_with_downloads(charts.term_bars(terms, f"Words that set {speaker} apart"),
                             terms, f"{speaker} distinctive words", key=f"{key}_terms")
