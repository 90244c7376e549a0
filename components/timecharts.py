"""Figure builders over time: statement counts per group, mean tone with its interval, volume."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import _layout

PERIOD_NAMES = {"D": "day", "W": "week", "MS": "month"}


def counts_over_time(counts: pd.DataFrame, title: str) -> go.Figure:
    """Give one line per group of `statements` per `period` (`timeseries.counts_over_time`)."""
    fig = go.Figure()
    for group in dict.fromkeys(counts["group"]):
        rows = counts[counts["group"] == group]
        fig.add_trace(go.Scatter(
            x=rows["period"].tolist(), y=rows["statements"].tolist(), mode="lines+markers",
            name=str(group), customdata=[str(group)] * len(rows),
            hovertemplate=f"{group}<br>%{{x|%Y-%m-%d}}: %{{y}}<extra></extra>",
        ))
    return _layout(fig, title, 420, yaxis_title="Statements",
                   legend={"orientation": "h", "y": -0.2})


def tone_over_time(summary: pd.DataFrame, title: str) -> go.Figure:
    """Give the mean compound score per `period` with its interval (low–high) as a band.

    `summary` is `timeseries.sentiment_over_time` output: period, mean, low, high, n.
    """
    rows = summary.sort_values("period")
    x = rows["period"].tolist()
    band_x, band_y = _band(rows)
    fig = go.Figure([
        go.Scatter(x=band_x, y=band_y, fill="toself",
                   fillcolor="rgba(69,123,157,0.18)", line={"width": 0}, hoverinfo="skip",
                   name="95% interval"),
        go.Scatter(x=x, y=rows["mean"].round(3).tolist(), mode="lines+markers", name="mean tone",
                   line={"color": "#457b9d"}, customdata=rows["n"].tolist(),
                   hovertemplate="%{x|%Y-%m-%d}: %{y:+.2f} (%{customdata} statements)"
                                 "<extra></extra>"),
    ])
    fig.update_yaxes(range=[-1.05, 1.05], zeroline=True)
    return _layout(fig, title, 360, yaxis_title="mean compound",
                   legend={"orientation": "h", "y": -0.2})


def _band(rows: pd.DataFrame) -> tuple[list, list]:
    """Give the outline of the interval band, one closed shape per run of periods that have an
    interval, so the band is not drawn across periods without one (None separates the shapes)."""
    has = rows["low"].notna() & rows["high"].notna()
    run_id = (has != has.shift()).cumsum()[has]
    xs: list = []
    ys: list = []
    for _, run in rows[has].groupby(run_id, sort=False):
        if xs:
            xs.append(None)
            ys.append(None)
        xs += run["period"].tolist() + run["period"].tolist()[::-1]
        ys += run["high"].tolist() + run["low"].tolist()[::-1]
    return xs, ys


def volume_bars(volume: pd.DataFrame, title: str) -> go.Figure:
    """Give bars of `articles` per `period`."""
    fig = go.Figure(go.Bar(x=volume["period"].tolist(), y=volume["articles"].tolist(),
                           marker={"color": "#8ab17d"}, name="articles",
                           hovertemplate="%{x|%Y-%m-%d}: %{y} articles<extra></extra>"))
    return _layout(fig, title, 300, yaxis_title="Articles")
