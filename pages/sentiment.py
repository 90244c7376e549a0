"""Sentiment: every statement as a point, the spread per speaker, the most positive and negative
statements with the words that carried their scores highlighted."""

import streamlit as st

from components import charts, reader
from components.context import page_data, stop_if_empty
from components.downloads import chart_with_downloads
from newsquotes.analytics.sentiment import explain

st.title("Sentiment")
page = page_data()
stop_if_empty(page)

top = st.slider("Speakers shown", 3, 30, 12, key="se_top")
speakers = page.ask("top_speakers", top)
shown, total = page.ask("points", speakers, charts.MAX_POINTS)

chart_with_downloads(charts.statement_points(shown, speakers, "Every statement, by speaker",
                                             total),
                     shown, "statements by tone", key="se_points")
boxes = page.ask("quartiles", speakers)
chart_with_downloads(charts.tone_distribution(boxes, speakers, "Tone per speaker"),
                     boxes, "tone per speaker", key="se_box")

st.subheader("Most positive and most negative")
st.caption("Highlighted: the words VADER scored, green raising the score, red lowering it "
           "(hover a word for its weight after negation and boosters).")
picked = page.ask("extremes", 5)
columns = st.columns(2)
for column, side in zip(columns, ("positive", "negative"), strict=True):
    with column:
        st.markdown(f"**Most {side}**")
        rows = picked[picked["side"] == side]
        if rows.empty:
            st.caption(f"No {side} statement here.")
        for row in rows.itertuples(index=False):
            body = reader.marked_html(row.text, reader.effect_marks(explain(row.text)))
            who = reader.marked_html(f"{row.speaker or 'unknown speaker'} ({row.compound:+.3f})",
                                     [])
            st.html(f'<div style="margin-bottom:0.8rem"><div style="font-weight:600">{who}'
                    f'</div><div>{body}</div></div>')
