"""Articles: read an article with each statement highlighted in its speaker's colour and the
speaker named, so every number in the app can be checked against the text."""

import html

import pandas as pd
import streamlit as st

from components import data, reader
from components.context import page_data, stop_if_empty
from components.tables import statement_table
from newsquotes.analytics.articles import MAX_PICK, choice_labels
from newsquotes.analytics.export import without_controls

# Marks drawn in one article: past a few thousand the browser stalls on the highlighted body.
MAX_MARKS = 1000

st.title("Articles")
page = page_data()
if page.loaded.articles == 0:
    stop_if_empty(page)

asked = st.query_params.get("article")
choices = page.ask("article_choices", MAX_PICK)
labels = dict(zip(choices["id"], choice_labels(choices), strict=True))
if asked and asked not in labels:
    # A link to an article the filters leave out (or past the list): offered first.
    linked, linked_statements = data.article(*page.source, asked)
    if linked is not None:
        one = pd.DataFrame([{"id": asked, "date": linked["date"], "source": linked["source"],
                             "title": linked["title"], "n": len(linked_statements)}])
        one["date"] = pd.to_datetime(one["date"])
        labels = {asked: choice_labels(one).iloc[0], **labels}
if not labels:
    stop_if_empty(page)
if asked in labels and st.session_state.get("_art_from_url") != asked:
    st.session_state["art_pick"] = asked
    st.session_state["_art_from_url"] = asked

chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="art_pick",
                      help="Articles holding the filtered statements, the latest first; the "
                           "number is how many.")
holding = page.totals()["articles"]
if holding > MAX_PICK:
    st.caption(f"The latest {MAX_PICK:,} of the {holding:,} articles that hold some of these "
               "statements; narrow the filters (or search) to reach the others.")
if chosen != asked:
    st.query_params["article"] = chosen
# The body of this one article, read when it is opened (the corpus holds no bodies).
article, statements = data.article(*page.source, chosen)
marked = statements.head(MAX_MARKS)
colors = reader.speaker_colors(marked["speaker"])

st.html(f"<h2 style='margin-bottom:0.2rem'>{html.escape(str(article['title']))}</h2>")
meta = [f"{article['date']:%Y-%m-%d}" if pd.notna(article["date"]) else "no date",
        article["source"], article["section"], article["author"]]
url = str(article["url"] or "")
link = (f" · <a href='{html.escape(url)}' target='_blank' rel='noopener'>source</a>"
        if url.startswith(("http://", "https://")) else "")
st.html("<div style='color:#555'>" + " · ".join(html.escape(m) for m in without_controls(meta)
                                                 if m)
        + link + "</div>")
flagged = reader.flags_html(article.get("flags"))
if flagged:
    st.html(flagged)
st.html(reader.legend_html(colors, marked["speaker"].value_counts().to_dict()))
capped = (f" The first {MAX_MARKS:,} of its {len(statements):,} statements are marked and "
          "listed." if len(statements) > MAX_MARKS else "")
st.caption(f"{len(statements)} statements, each marked in its speaker's colour with the speaker "
           "after it; the words naming the speaker are underlined. Hover a statement for its "
           f"kind, cue and tone.{capped}")
st.html(reader.article_html(str(article["body"]), reader.statement_marks(marked, colors)))

st.subheader("Statements in this article")
statement_table(marked, key="art_statements")
