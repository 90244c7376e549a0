"""Statements: every filtered statement in a sortable table, downloadable, linked to its article."""

import streamlit as st

from components import data
from components.context import page_data, stop_if_empty
from components.downloads import csv_button
from components.tables import ROW_COLUMNS, statement_rows, statement_table

st.title("Statements")
page = page_data()
stop_if_empty(page)
total = page.count()
# A browser table of more rows than anyone scrolls costs seconds to send on every rerun.
MAX_ROWS = 5_000
rows = statement_rows(page.ask("rows", MAX_ROWS, ROW_COLUMNS))

shown = (f"{total:,} statements match the filters." if total <= MAX_ROWS else
         f"{total:,} statements match the filters; the table shows the latest "
         f"{MAX_ROWS:,} (sorting a column sorts those), the CSV holds all of them.")
st.caption(f"{shown} Click a column header to sort; the sidebar's search box finds words in "
           "statements and speakers' names; **read** opens the statement in its article.")
# Every row, read from the store when the button is clicked, not on every rerun.
csv_button(lambda: statement_rows(data.query(*page.source).rows(page.filters, None,
                                                                ROW_COLUMNS)).drop(
    columns="read"), "statements", key="st_table", label="Statements (CSV)")
statement_table(rows, key="st_table", height=640, rows=rows)
