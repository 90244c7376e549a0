"""A chart with its downloads, and a table's CSV download: one component used by every page.

Files are made when the button is clicked (a callable `data`), not on every rerun: the inlined
plotly.js of an HTML export is ~4 MB and a server-drawn PNG needs Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import export
from newsquotes.analytics.export import inert_cells


def file_stem(name: str) -> str:
    """Give `name` as a safe file name stem ("Top speakers" -> "top_speakers")."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "chart"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Give `frame` as UTF-8 CSV with a header and no index, no cell a spreadsheet would run."""
    return inert_cells(frame).to_csv(index=False).encode("utf-8")


def plotly_config(name: str) -> dict:
    """Give the Plotly config whose toolbar camera saves a PNG named after the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_stem(name), "scale": 2},
    }


def csv_button(
    frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str, key: str,
    label: str = "Data (CSV)", icon: bool = True,
) -> None:
    """Show a button that downloads `frame` (or what it gives, made on click) as `<name>.csv`."""
    st.download_button(label, data=lambda: csv_bytes(frame() if callable(frame) else frame),
                       file_name=f"{file_stem(name)}.csv", mime="text/csv", key=f"{key}_csv",
                       on_click="ignore", icon=":material/table:" if icon else None,
                       help="The data behind it, as CSV")


def _image(fig: go.Figure, fmt: str) -> Callable[[], bytes]:
    return lambda: export.to_image(fig, fmt)


def chart_with_downloads(
    fig: go.Figure,
    data: pd.DataFrame,
    name: str,
    key: str,
    on_select: Callable[[], None] | None = None,
    selection_mode: str = "points",
):
    """Show `fig` with downloads of its data (CSV), itself (HTML) and its image (PNG, SVG).

    Widget keys start with `key`, so one chart can be shown twice on a page. With `on_select`
    the chart reruns the app on a click and calls it; the chart's selection state is then
    `st.session_state[f"{key}_chart"]`. Gives what `st.plotly_chart` gives.
    """
    options = {"on_select": on_select, "selection_mode": selection_mode} if on_select else {}
    shown = st.plotly_chart(fig, key=f"{key}_chart", config=plotly_config(name), **options)
    stem = file_stem(name)
    browser = export.find_browser()
    # One row of small buttons under the chart; no icons, so that the four fit on one line
    # under a chart in a narrow column.
    with st.container(horizontal=True, gap="small"):
        csv_button(data, name, key, label="CSV", icon=False)
        st.download_button("HTML", data=lambda: export.to_html(fig), file_name=f"{stem}.html",
                           mime="text/html", key=f"{key}_html", on_click="ignore",
                           help="The interactive chart as one file")
        if browser:
            for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
                st.download_button(fmt.upper(), data=_image(fig, fmt), file_name=f"{stem}.{fmt}",
                                   mime=mime, key=f"{key}_{fmt}", on_click="ignore",
                                   help="Drawn on the server (kaleido)")
    if not browser:
        st.caption(export.NO_BROWSER)
    return shown


def selected_values(key: str, field: str = "customdata") -> list[str]:
    """Give the values of the points selected in the chart shown with `key` (first customdata)."""
    state = st.session_state.get(f"{key}_chart")
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    values = []
    for point in points:
        value = point.get(field)
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if value is None:
            value = point.get("y") if point.get("y") is not None else point.get("x")
        if value is not None and str(value) not in values:
            values.append(str(value))
    return values
