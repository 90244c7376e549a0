"""Figure builders: DataFrame in, go.Figure out. No Streamlit here, so each is tested on fig.data.

Everything from an article reaches a chart as text: Plotly reads a few tags (<a>, <b>, <br>) in
titles, legends, tick labels and hovers and decodes entities, so names, terms and texts are
HTML-escaped (`chart_labels`) and show as typed; markup never becomes markup. Bidi and other
control characters are dropped from them, as they would reorder or hide the letters around.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from newsquotes.analytics.export import CONTROLS, without_controls

LABEL_COLORS = {"positive": "#2a9d8f", "neutral": "#9aa5b1", "negative": "#e76f51"}
KIND_COLORS = {"direct": "#264653", "indirect": "#e9c46a", "mixed": "#8ab17d"}
# Diverging scale for a mean compound score, red (-1) through grey (0) to green (+1).
TONE_SCALE = [[0.0, "#e76f51"], [0.5, "#d9dde2"], [1.0, "#2a9d8f"]]
MAX_POINTS = 5000
HOVER_CHARS = 240
def chart_labels(values: Iterable) -> list[str]:
    """Give each value as chart text: control characters dropped, < > & escaped for Plotly."""
    return [html.escape(t, quote=False) for t in without_controls(values)]


def chart_label(value) -> str:
    """Give one value as chart text (`chart_labels`)."""
    return chart_labels([value])[0]


def hover_texts(texts: Iterable[str], width: int = 60) -> list[str]:
    """Give each text shortened, HTML-escaped and wrapped with <br> for a Plotly hover label.

    Lines break at white space, a word longer than `width` is cut (as `textwrap.wrap`); done
    on the whole column at once, as thousands of points may carry a label.
    """
    texts = pd.Series(list(texts), dtype=object).fillna("").astype(str)
    texts = texts.str.replace(CONTROLS, " ", regex=True)
    long = texts.str.len() > HOVER_CHARS
    texts = texts.where(~long, texts.str.slice(0, HOVER_CHARS - 1).str.rstrip() + "…")
    lines = texts.str.strip().str.replace(
        rf"(.{{0,{width - 1}}}\S)(?:\s+|$)|(\S{{{width}}})", lambda m: (m[1] or m[2]) + "\n",
        regex=True)
    escaped = lines.map(html.escape).str.rstrip("\n")
    return escaped.str.replace("\n", "<br>", regex=False).tolist()


def hover_text(text: str, width: int = 60) -> str:
    """Give `text` shortened, HTML-escaped and wrapped with <br> for a Plotly hover label."""
    return hover_texts([text], width)[0]


def layout(fig: go.Figure, title: str, height: int | None = None, **more) -> go.Figure:
    """Give `fig` with the house layout: its title (as text), margins and `height`."""
    fig.update_layout(title={"text": chart_label(title)},
                      margin={"l": 10, "r": 10, "t": 50, "b": 10}, height=height, **more)
    return fig


def whole_numbers(fig: go.Figure, largest, axis: str = "y") -> go.Figure:
    """Give `fig` with ticks on whole numbers on its count `axis` (no "2.5 articles"): about
    five, a step of 1, 2 or 5 times a power of ten (0, 50, 100, 150, not 0, 24, 48, ..., 144,
    which crowd a narrow chart)."""
    largest = 0 if pd.isna(largest) else int(largest)
    step = next(m * 10**k for k in range(15) for m in (1, 2, 5) if m * 10**k * 5 >= largest)
    ticks = {"tick0": 0, "dtick": step, "rangemode": "tozero"}
    return fig.update_xaxes(**ticks) if axis == "x" else fig.update_yaxes(**ticks)


def _bar_height(n: int) -> int:
    return max(260, 60 + 26 * n)


def ranked_bars(
    summary: pd.DataFrame, by: str, title: str, top: int = 15, axis_title: str = "Statements",
    scale: bool = True,
) -> go.Figure:
    """Give horizontal bars of `statements` per `by` (largest on top), colored by mean tone.

    `summary` is `aggregates.sentiment_summary` output: `by`, statements, mean, ...
    Each bar carries its category in customdata, which a click selection gives back.
    """
    rows = summary.head(top).iloc[::-1]
    names = rows[by].astype(str).tolist()
    means = rows["mean"].astype(float).round(3).tolist()
    fig = go.Figure(go.Bar(
        x=rows["statements"].tolist(), y=chart_labels(names), orientation="h", customdata=names,
        marker={"color": means, "colorscale": TONE_SCALE, "cmin": -1, "cmax": 1,
                "showscale": scale,
                "colorbar": {"title": {"text": "mean tone"}, "thickness": 12}},
        hovertemplate="%{y}<br>%{x} statements<br>mean tone %{marker.color:.2f}<extra></extra>",
        name=axis_title,
    ))
    fig.update_yaxes(type="category", automargin=True)
    whole_numbers(fig, rows["statements"].max(), axis="x")
    return layout(fig, title, _bar_height(len(rows)), xaxis_title=axis_title,
                   clickmode="event+select")


def label_mix(counts: pd.DataFrame, title: str = "Sentiment mix") -> go.Figure:
    """Give one bar per VADER label (positive, neutral, negative) from `label`, `statements`."""
    fig = go.Figure(go.Bar(
        x=counts["label"].tolist(), y=counts["statements"].tolist(),
        marker={"color": [LABEL_COLORS.get(label, "#888") for label in counts["label"]]},
        hovertemplate="%{x}: %{y} statements<extra></extra>", name="statements",
    ))
    whole_numbers(fig, counts["statements"].max())
    return layout(fig, title, 320, yaxis_title="Statements")


def kind_bars(counts: pd.DataFrame, title: str = "Statements by speaker and kind") -> go.Figure:
    """Give stacked horizontal bars per speaker, one trace per kind, from speaker × kind counts.

    `counts` has a `speaker` column and one count column per kind, rows ordered largest first.
    """
    rows = counts.iloc[::-1]
    names = rows["speaker"].astype(str).tolist()
    kinds = [c for c in counts.columns if c != "speaker"]
    fig = go.Figure([
        go.Bar(x=rows[kind].tolist(), y=chart_labels(names), orientation="h", name=kind,
               customdata=names,
               marker={"color": KIND_COLORS.get(kind, "#888")},
               hovertemplate=f"%{{y}}<br>{kind}: %{{x}}<extra></extra>")
        for kind in kinds
    ])
    fig.update_yaxes(type="category", automargin=True)
    whole_numbers(fig, rows[kinds].sum(axis=1).max(), axis="x")
    return layout(fig, title, _bar_height(len(rows)), barmode="stack", xaxis_title="Statements",
                   legend={"orientation": "h", "yanchor": "bottom", "y": 1.0,
                           "xanchor": "right", "x": 1.0})


def statement_points(rows: pd.DataFrame, speakers: list[str], title: str,
                     total: int | None = None) -> go.Figure:
    """Give the statements `rows` of `speakers` as points (compound × speaker), text on hover.

    `rows` is at most MAX_POINTS of the `total` statements of the speakers, a fixed sample
    when there are more (the title says so): a browser draws tens of thousands of
    hover-labelled points slowly and shows no more.
    """
    if total is not None and total > len(rows):
        title = f"{title} (a sample of {len(rows):,} of {total:,})"
    trace = go.Scattergl if len(rows) > 1000 else go.Scatter
    # numpy arrays: Plotly checks a list item by item, an array at once
    scores = rows["compound"].to_numpy(dtype=float)
    names = rows["speaker"].astype(str).to_numpy(dtype=object)
    fig = go.Figure(trace(
        x=scores, y=np.array(chart_labels(names), dtype=object), mode="markers",
        marker={"color": scores, "colorscale": TONE_SCALE, "cmin": -1,
                "cmax": 1, "size": 9, "opacity": 0.7, "line": {"width": 0.5, "color": "#444"}},
        hovertext=np.array(hover_texts(rows["text"]), dtype=object), customdata=names,
        hovertemplate="<b>%{y}</b> (%{x:.2f})<br>%{hovertext}<extra></extra>", name="statements",
    ))
    fig.update_yaxes(type="category", categoryorder="array",
                     categoryarray=chart_labels(speakers[::-1]), automargin=True)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True)
    return layout(fig, title, _bar_height(len(speakers)), xaxis_title="compound score")


def tone_distribution(boxes: pd.DataFrame, speakers: list[str], title: str) -> go.Figure:
    """Give one box per speaker of the compound scores of their statements.

    `boxes` is `aggregates.quartiles` output: the browser gets five numbers a speaker, not
    every statement's score.
    """
    rows = boxes[boxes["speaker"].isin(speakers)]
    fig = go.Figure(go.Box(
        y=chart_labels(rows["speaker"]), q1=rows["q1"].tolist(),
        median=rows["median"].tolist(), q3=rows["q3"].tolist(),
        lowerfence=rows["lowerfence"].tolist(), upperfence=rows["upperfence"].tolist(),
        mean=rows["mean"].tolist(), orientation="h", boxpoints=False,
        marker={"color": "#457b9d"}, name="compound",
    ))
    fig.update_yaxes(type="category", categoryorder="array",
                     categoryarray=chart_labels(speakers[::-1]), automargin=True)
    fig.update_xaxes(range=[-1.05, 1.05])
    return layout(fig, title, _bar_height(len(speakers)), xaxis_title="compound score")


def term_bars(terms: pd.DataFrame, title: str, value: str = "z", top: int = 20) -> go.Figure:
    """Give horizontal bars of the `top` terms by `value` (distinctive terms: their z-score)."""
    rows = terms.head(top).iloc[::-1]
    fig = go.Figure(go.Bar(
        x=rows[value].astype(float).round(3).tolist(), y=chart_labels(rows["term"]),
        orientation="h", marker={"color": "#457b9d"}, name=value,
        hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    fig.update_yaxes(type="category", automargin=True)
    return layout(fig, title, _bar_height(len(rows)), xaxis_title=value)
