"""Small shapes of the filtered statements that charts need and the core does not give (yet).

Kept tiny on purpose: sentiment means, intervals, topics and time series come from
`newsquotes.aggregates` / `newsquotes.timeseries`; these only count rows for one chart.
"""

from __future__ import annotations

import pandas as pd

from newsquotes.schema import KINDS
from newsquotes.sentiment import LABELS


def label_counts(view: pd.DataFrame) -> pd.DataFrame:
    """Give `label`, `statements`: how many statements carry each VADER label, in label order."""
    counts = view["label"].value_counts().reindex(list(LABELS), fill_value=0)
    return pd.DataFrame({"label": list(LABELS), "statements": counts.astype("int64").to_list()})


def kind_counts(view: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Give per speaker (most statements first, then by name) their statements of each kind."""
    if view.empty:
        return pd.DataFrame({"speaker": pd.Series(dtype=object),
                             **{k: pd.Series(dtype="int64") for k in KINDS}})
    table = pd.crosstab(view["speaker"], view["kind"]).reindex(columns=list(KINDS), fill_value=0)
    table = table.assign(_total=table.sum(axis=1)).reset_index()
    table = table.sort_values(["_total", "speaker"], ascending=[False, True], kind="stable")
    return table.drop(columns="_total").head(top).reset_index(drop=True).rename_axis(None, axis=1)


def period_freq(dates: pd.Series) -> str:
    """Give the period ("D", "W" or "M") that fits the span of `dates` with a readable count."""
    dates = dates.dropna()
    if dates.empty:
        return "W"
    days = (dates.max() - dates.min()).days
    return "D" if days <= 45 else "W" if days <= 400 else "M"


def counts_by_period(
    view: pd.DataFrame, by: str, freq: str, top: int = 8, topics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Give `period`, `by`, `statements` for the `top` groups, every period filled (0 if none)."""
    from newsquotes.aggregates import grouped

    frame = grouped(grouped(view, "period", freq=freq), by, topics) if by == "topic" else grouped(
        view, "period", freq=freq)
    frame = frame[frame[by].fillna("") != ""]
    if frame.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"),
                             by: pd.Series(dtype=object), "statements": pd.Series(dtype="int64")})
    totals = frame[by].value_counts()
    keep = sorted(totals.index, key=lambda g: (-totals[g], g))[:top]
    table = pd.crosstab(frame["period"], frame[by]).reindex(columns=keep, fill_value=0)
    periods = pd.period_range(table.index.min(), table.index.max(), freq=freq).start_time
    table = table.reindex(periods, fill_value=0)
    out = table.rename_axis(index="period", columns=by).stack().rename("statements").reset_index()
    return out.astype({"statements": "int64"})


def articles_by_period(view: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Give `period`, `articles`: how many articles holding these statements appeared, gaps 0."""
    from newsquotes.aggregates import grouped

    frame = grouped(view, "period", freq=freq).drop_duplicates("article_id")
    if frame.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"),
                             "articles": pd.Series(dtype="int64")})
    counts = frame["period"].value_counts().sort_index()
    periods = pd.period_range(counts.index.min(), counts.index.max(), freq=freq).start_time
    counts = counts.reindex(periods, fill_value=0)
    return pd.DataFrame({"period": counts.index, "articles": counts.to_numpy().astype("int64")})
