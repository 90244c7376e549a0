"""Articles: read an article with each statement highlighted in its speaker's colour and the
speaker named, so every number in the app can be checked against the text."""

import html

import pandas as pd
import streamlit as st

from components import reader
from components.context import page_data, stop_if_empty
from components.tables import statement_table

st.title("Articles")
page = page_data()
# Without the bodies: indexing every article's text again on each rerun is what costs.
articles = page.loaded.articles[["id", "date", "source", "title"]].set_index("id", drop=False)
if articles.empty:
    stop_if_empty(page)

asked = st.query_params.get("article")
# Articles holding the filtered statements, most statements first (ties by id), at most
# MAX_PICK of them; a linked one is always there.
MAX_PICK = 500
holding = page.view["article_id"].value_counts()
ranked = holding.rename_axis("id").reset_index(name="n").sort_values(
    ["n", "id"], ascending=[False, True], kind="stable")["id"]
order = ranked.head(MAX_PICK).tolist()
if asked in articles.index and asked not in order:
    order.insert(0, asked)
if not order:
    stop_if_empty(page)
if asked in order and st.session_state.get("_art_from_url") != asked:
    st.session_state["art_pick"] = asked
    st.session_state["_art_from_url"] = asked


# The picker's labels, built per column: a filter may leave thousands of articles to pick from.
shown = articles.loc[order]
labels = dict(zip(order, (
    shown["date"].dt.strftime("%Y-%m-%d").fillna("no date") + " · "
    + shown["source"].fillna("").replace("", "unknown outlet") + " · "
    + shown["title"].fillna("").where(shown["title"].fillna("") != "", shown.index.to_series())
    + " (" + holding.reindex(order, fill_value=0).astype(str).to_numpy() + ")"
), strict=True))
chosen = st.selectbox("Article", order, format_func=labels.get, key="art_pick",
                      help="Articles holding the filtered statements; the number is how many.")
if len(ranked) > MAX_PICK:
    st.caption(f"The {MAX_PICK:,} articles with most statements of the {len(ranked):,} that "
               "hold some; narrow the filters (or search) to reach the others.")
if chosen != asked:
    st.query_params["article"] = chosen
article = page.loaded.articles[page.loaded.articles["id"] == chosen].iloc[0]
statements = page.loaded.view[page.loaded.view["article_id"] == chosen].sort_values("start")
colors = reader.speaker_colors(statements["speaker"])

st.html(f"<h2 style='margin-bottom:0.2rem'>{html.escape(str(article['title']))}</h2>")
meta = [f"{article['date']:%Y-%m-%d}" if pd.notna(article["date"]) else "no date",
        article["source"], article["section"], article["author"]]
url = str(article["url"] or "")
link = (f" · <a href='{html.escape(url)}' target='_blank' rel='noopener'>source</a>"
        if url.startswith(("http://", "https://")) else "")
st.html("<div style='color:#555'>" + " · ".join(html.escape(str(m)) for m in meta if m)
        + link + "</div>")
counts = statements["speaker"].value_counts().to_dict()
st.html(reader.legend_html(colors, counts))
st.caption(f"{len(statements)} statements, each marked in its speaker's colour with the speaker "
           "after it; the words naming the speaker are underlined. Hover a statement for its "
           "kind, cue and tone.")
st.html(reader.article_html(str(article["body"]), reader.statement_marks(statements, colors)))

st.subheader("Statements in this article")
statement_table(statements, key="art_statements")
