"""The statements table: the columns a reader needs, a link to read each one in its article."""

from __future__ import annotations

from urllib.parse import quote_plus, urlencode

import pandas as pd
import streamlit as st

TABLE_COLUMNS = ["date", "speaker", "kind", "cue", "compound", "label", "text", "outlet",
                 "title", "statement_id", "read"]


def article_link(article_id: str, start: int | None = None) -> str:
    """Give the relative URL of the Articles page opened on `article_id` (at a statement)."""
    query = {"article": article_id}
    if start is not None:
        query["statement"] = str(int(start))
    return "articles?" + urlencode(query)


def statement_rows(view: pd.DataFrame) -> pd.DataFrame:
    """Give the table of statements to show and download, one row a statement."""
    # `article_link` for every row, built per column: tens of thousands of rows per rerun
    ids = view["article_id"].astype(str)
    quoted = ids.map({a: quote_plus(a) for a in ids.unique()})
    rows = view.assign(
        date=view["date"].dt.date,
        read="articles?article=" + quoted + "&statement="
        + view["start"].astype("int64").astype(str),
    )
    return rows[TABLE_COLUMNS].reset_index(drop=True)


def statement_table(view: pd.DataFrame, key: str, height: int | str = "auto") -> None:
    """Show statements as a sortable table whose last column opens each in its article."""
    st.dataframe(
        statement_rows(view), key=key, height=height, hide_index=True,
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
