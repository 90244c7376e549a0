"""Articles: read an article with each statement highlighted in its speaker's colour and the
speaker named, so every number in the app can be checked against the text."""

import html

import pandas as pd
import streamlit as st

from components import data, reader
from components.context import page_data, stop_if_empty
from components.tables import statement_table
from newsquotes.analytics.articles import MAX_PICK, article_choices, choice_labels
from newsquotes.analytics.export import without_controls

# Marks drawn in one article: past a few thousand the browser stalls on the highlighted body.
MAX_MARKS = 1000

st.title("Articles")
page = page_data()
# Without the bodies: indexing every article's text again on each rerun is what costs.
articles = page.loaded.articles[["id", "date", "source", "title"]].set_index("id", drop=False)
if articles.empty:
    stop_if_empty(page)

asked = st.query_params.get("article")
choices = article_choices(articles.reset_index(drop=True), page.view["article_id"])
labels = dict(zip(choices["id"], choices["label"], strict=True))
if asked in articles.index and asked not in labels:
    linked = articles.loc[[asked]].assign(
        n=int((page.loaded.view["article_id"] == asked).sum()))
    labels = {asked: choice_labels(linked).iloc[0], **labels}
if not labels:
    stop_if_empty(page)
if asked in labels and st.session_state.get("_art_from_url") != asked:
    st.session_state["art_pick"] = asked
    st.session_state["_art_from_url"] = asked

chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="art_pick",
                      help="Articles holding the filtered statements, the latest first; the "
                           "number is how many.")
holding = page.view["article_id"].nunique()
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
st.html(reader.legend_html(colors, marked["speaker"].value_counts().to_dict()))
capped = (f" The first {MAX_MARKS:,} of its {len(statements):,} statements are marked and "
          "listed." if len(statements) > MAX_MARKS else "")
st.caption(f"{len(statements)} statements, each marked in its speaker's colour with the speaker "
           "after it; the words naming the speaker are underlined. Hover a statement for its "
           f"kind, cue and tone.{capped}")
st.html(reader.article_html(str(article["body"]), reader.statement_marks(marked, colors)))

st.subheader("Statements in this article")
statement_table(marked, key="art_statements")
