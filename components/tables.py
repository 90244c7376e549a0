"""The statements table: the columns a reader needs, a link to read each one in its article."""

from __future__ import annotations

from urllib.parse import quote_plus

import pandas as pd
import streamlit as st

from newsquotes.analytics.export import without_controls

SHOWN_ORDER = ["date", "speaker", "text", "compound", "kind", "cue", "label", "outlet", "title",
               "read"]
NAMES = ("speaker", "outlet", "title")
TABLE_COLUMNS = ["date", "speaker", "kind", "cue", "compound", "label", "text", "outlet",
                 "title", "statement_id", "read"]
# What a table's rows are made from (`statement_rows`): ask the store for these only.
ROW_COLUMNS = [*TABLE_COLUMNS[:-1], "article_id", "start"]


def article_links(article_ids: pd.Series, starts: pd.Series | None = None) -> pd.Series:
    """Give the relative URLs of the Articles page opened on each article (at a statement),
    built per column: a table may link thousands of statements."""
    ids = article_ids.astype(str)
    plain = ids.str.fullmatch(r"[A-Za-z0-9_.~-]*")  # what quote_plus leaves as it is
    links = "articles?article=" + ids.where(plain, ids.map(quote_plus))
    if starts is None:
        return links
    return links + "&statement=" + starts.astype("int64").astype(str).to_numpy()


def article_link(article_id: str, start: int | None = None) -> str:
    """Give the relative URL of the Articles page opened on `article_id` (at a statement)."""
    starts = None if start is None else pd.Series([start])
    return article_links(pd.Series([article_id]), starts).iloc[0]


def statement_rows(view: pd.DataFrame, latest_first: bool = False) -> pd.DataFrame:
    """Give the table of statements to show and download, one row a statement (the latest
    first, then by statement id, with `latest_first`; else in the order of `view`)."""
    # Only the columns the table needs are sorted and copied: a view also holds each
    # statement's terms, offsets and scores. Links are built per column, not per row.
    view = view[ROW_COLUMNS]
    if latest_first:
        view = view.sort_values(["date", "statement_id"], ascending=[False, True])
    rows = view.assign(date=view["date"].dt.date,
                       read=article_links(view["article_id"], view["start"]),
                       # names as shown: a bidi override in one would reverse its cell
                       **{c: without_controls(view[c]).to_numpy() for c in NAMES})
    return rows[TABLE_COLUMNS].reset_index(drop=True)


def statement_table(
    view: pd.DataFrame, key: str, height: int | str = "auto", rows: pd.DataFrame | None = None
) -> None:
    """Show statements as a sortable table whose last column opens each in its article
    (`rows`: the `statement_rows` of `view` when already made)."""
    st.dataframe(
        statement_rows(view) if rows is None else rows, key=key, height=height, hide_index=True,
        # who and what first, so the statement is read without scrolling sideways
        column_order=SHOWN_ORDER,
        column_config={
            "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
            "compound": st.column_config.NumberColumn(
                "tone", format="%+.2f", help="VADER compound score, -1 to +1"),
            "text": st.column_config.TextColumn("statement", width="large"),
            "statement_id": None,
            "read": st.column_config.LinkColumn(
                "in article", display_text="read", help="Open the article, statement marked"),
        },
    )
