"""A speaker's profile card: who they are, how often and in what tone they are quoted, and the
words that set them apart. Takes a `key`, so several cards sit side by side."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components import charts, timecharts
from components.counts import period_freq
from components.downloads import chart_with_downloads
from newsquotes.aggregates import sentiment_summary
from newsquotes.keywords import distinctive_for


def profile_row(view: pd.DataFrame, speaker: str) -> dict:
    """Give the speaker's profile (`speakers.speaker_profiles`), or what the statements show."""
    rows = view[view["speaker"] == speaker]
    try:
        from newsquotes.speakers import speaker_profiles
    except ImportError:  # the speakers module is not in this build yet
        profile = {}
    else:
        found = speaker_profiles(rows)
        profile = found.iloc[0].to_dict() if not found.empty else {}
    first_value = rows[["speaker_type", "role", "affiliation"]].replace("", pd.NA).bfill()
    fallback = first_value.iloc[0].to_dict() if not rows.empty else {}
    return {
        "type": profile.get("type") or fallback.get("speaker_type") or "",
        "role": profile.get("role") or fallback.get("role") or "",
        "affiliation": profile.get("affiliation") or fallback.get("affiliation") or "",
        "aliases": profile.get("aliases", ""),
        "first_quoted": profile.get("first_quoted", rows["date"].min()),
        "last_quoted": profile.get("last_quoted", rows["date"].max()),
        "statements": len(rows),
    }


def _text(value) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "—"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    return str(value) or "—"


def speaker_card(view: pd.DataFrame, speaker: str, key: str, compact: bool = False) -> None:
    """Show the profile of `speaker` over the statements in `view`."""
    rows = view[view["speaker"] == speaker]
    profile = profile_row(view, speaker)
    mean = rows["compound"].mean()
    st.html(f"<h3 style='margin:0'>{html.escape(speaker)}</h3>")
    facts = [("Role", profile["role"]), ("Affiliation", profile["affiliation"]),
             ("Type", profile["type"]), ("Also named", profile["aliases"]),
             ("First quoted", profile["first_quoted"]), ("Last quoted", profile["last_quoted"])]
    items = "".join(f"<li><b>{name}:</b> {html.escape(_text(value))}</li>"
                    for name, value in facts)
    st.html(f"<ul style='margin:0.2rem 0 0.6rem 1rem;padding:0'>{items}</ul>")
    a, b = st.columns(2)
    a.metric("Statements", f"{len(rows):,}")
    b.metric("Mean tone", f"{mean:+.2f}" if pd.notna(mean) else "—")
    terms = distinctive_for(view, view["speaker"] == speaker, min_count=2)
    terms = terms[terms["z"] > 0]
    if compact:
        st.dataframe(terms.head(10)[["term", "z", "count_a"]].rename(
            columns={"count_a": "uses"}), hide_index=True, key=f"{key}_terms")
        return
    dated = rows[rows["date"].notna()]
    if not dated.empty:
        freq = period_freq(dated["date"])
        tone = sentiment_summary(dated, by="period", freq=freq)
        name = f"{speaker} tone over time"
        chart_with_downloads(timecharts.tone_over_time(tone, f"Tone of {speaker} over time"),
                             tone, name, key=f"{key}_tone_time")
    if terms.empty:
        st.caption("No word sets this speaker apart here (too few statements).")
    else:
        chart_with_downloads(charts.term_bars(terms, f"Words that set {speaker} apart"),
                             terms, f"{speaker} distinctive words", key=f"{key}_terms")
