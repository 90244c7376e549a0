"""Figure builders over time: statement counts per group, mean tone with its interval, volume."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import chart_label, layout, whole_numbers
from newsquotes.analytics.timeseries import PERIODS

PERIOD_NAMES = {"D": "day", "W": "week", "MS": "month"}


def focus(fig: go.Figure, span: tuple | None, freq: str | None = None) -> go.Figure:
    """Give `fig` opening on `span` (first, last day) of its time axis; a double-click on the
    chart shows all of it again. None: the whole axis. With `freq` the view starts where the
    period holding the first day starts, as that period's point or bar stands there."""
    if span is not None:
        first, last = (pd.Timestamp(d) for d in span[:2])
        if freq is not None:
            first = pd.Period(first, PERIODS[freq]).start_time
        pad = max((last - first) * 0.03, pd.Timedelta(days=2))
        fig.update_xaxes(range=[first - pad, last + pad])
    return fig


def counts_over_time(counts: pd.DataFrame, title: str) -> go.Figure:
    """Give one line per group of `statements` per `period` (`timeseries.counts_over_time`)."""
    # Arrays, not lists, and all traces at once: Plotly copies list items one by one, and a
    # few years by week are hundreds of points a line.
    fig = go.Figure([
        go.Scatter(
            x=rows["period"].to_numpy(), y=rows["statements"].to_numpy(), mode="lines+markers",
            name=chart_label(group),
            # the legend's own (escaped) name: a group's text never reaches the template
            hovertemplate="%{fullData.name}<br>%{x|%Y-%m-%d}: %{y}<extra></extra>",
        )
        for group, rows in counts.groupby("group", sort=False)
    ])
    whole_numbers(fig, counts["statements"].max())
    return layout(fig, title, 420, yaxis_title="Statements",
                   legend={"orientation": "h", "y": -0.2})


def tone_over_time(summary: pd.DataFrame, title: str) -> go.Figure:
    """Give the mean compound score per `period` with its interval (low–high) as error bars.

    `summary` is `timeseries.sentiment_over_time` output: period, mean, low, high, n. Bars,
    not a band: periods are often sparse and a band would be drawn across the empty ones; a
    period of one statement has a point and no bar.
    """
    rows = summary.sort_values("period")
    mean = rows["mean"].round(3)
    fig = go.Figure(go.Scatter(
        x=rows["period"].to_numpy(), y=mean.to_numpy(), mode="lines+markers", name="mean tone",
        line={"color": "#457b9d"}, connectgaps=False,
        error_y={"type": "data", "symmetric": False,
                 "array": (rows["high"] - mean).round(3).to_numpy(),
                 "arrayminus": (mean - rows["low"]).round(3).to_numpy(),
                 "color": "rgba(69,123,157,0.45)", "thickness": 1.2, "width": 3},
        customdata=rows[["n", "low", "high"]].round(2).to_numpy(),
        hovertemplate="%{x|%Y-%m-%d}: %{y:+.2f} (%{customdata[0]} statements; 95% interval "
                      "%{customdata[1]:+.2f} to %{customdata[2]:+.2f})<extra></extra>",
    ))
    fig.update_yaxes(range=[-1.05, 1.05], zeroline=True)
    return layout(fig, title, 360, yaxis_title="mean compound (bars: 95% interval)")


def volume_bars(volume: pd.DataFrame, title: str) -> go.Figure:
    """Give bars of `articles` per `period`."""
    fig = go.Figure(go.Bar(x=volume["period"].to_numpy(), y=volume["articles"].to_numpy(),
                           marker={"color": "#8ab17d"}, name="articles",
                           hovertemplate="%{x|%Y-%m-%d}: %{y} articles<extra></extra>"))
    whole_numbers(fig, volume["articles"].max())
    return layout(fig, title, 300, yaxis_title="Articles")
