"""Statements: every filtered statement in a sortable table, downloadable, linked to its article."""

import streamlit as st

from components.context import page_data, stop_if_empty
from components.downloads import csv_button
from components.tables import statement_rows, statement_table

st.title("Statements")
page = page_data()
stop_if_empty(page)
view = page.view
# A browser table of more rows than anyone scrolls costs seconds to send on every rerun.
MAX_ROWS = 10_000
# The two sort keys, not every column, are sorted for the table's rows; the CSV's rows (all of
# them) are made when its button is clicked.
keys = view[["date", "statement_id"]].sort_values(["date", "statement_id"],
                                                  ascending=[False, True])
rows = statement_rows(view.loc[keys.index[:MAX_ROWS]])

shown = (f"{len(view):,} statements match the filters." if len(view) <= MAX_ROWS else
         f"{len(view):,} statements match the filters; the table shows the latest "
         f"{MAX_ROWS:,} (sorting a column sorts those), the CSV holds all of them.")
st.caption(f"{shown} Click a column header to sort; the sidebar's search box finds words in "
           "statements and speakers' names; **read** opens the statement in its article.")
csv_button(lambda: statement_rows(view, latest_first=True).drop(columns="read"), "statements",
           key="st_table", label="Statements (CSV)")
statement_table(view, key="st_table", height=640, rows=rows)
