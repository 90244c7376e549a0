"""Counts and sentiment of statements by speaker, topic, outlet or period: means with
intervals, label and kind counts, the busiest groups, the extremes.

The interval is a Student t-interval for the mean compound score of the group
(mean ± t(level, n-1) · s/√n, s the sample standard deviation), clipped to VADER's range
[-1, 1]. It needs two statements; a group of one has no interval (NaN). Statements that
scored exactly 0 count: a neutral statement is an answer, not a missing one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from newsquotes.analytics.sentiment import LABELS
from newsquotes.schema import KINDS

SUMMARY_COLUMNS = ["statements", "mean", "low", "high", *LABELS]
EXTREME_COLUMNS = ["side", "rank", "statement_id", "speaker", "text", "compound"]


def grouped(
    view: pd.DataFrame, by: str, topics: pd.DataFrame | None = None, freq: str = "W"
) -> pd.DataFrame:
    """Give `view` with a column named `by` to group on ("topic" and "period" are made here).

    by="topic" joins `topics` (statement_id, topic): a statement counts once under each of
    its topics and not at all without one. by="period" is the start of the `freq` period
    ("D", "W", "M") holding the article's date; statements without a date are left out.

    Raises:
        ValueError: by="topic" without `topics`, or `by` not a column of `view`.
    """
    if by == "topic":
        if topics is None:
            raise ValueError("grouping by topic needs the topics table (statement_id, topic)")
        return view.merge(topics[["statement_id", "topic"]].drop_duplicates(), on="statement_id")
    if by == "period":
        dated = view[view["date"].notna()].copy()
        dated["period"] = dated["date"].dt.to_period(freq).dt.start_time
        return dated
    if by not in view.columns:
        raise ValueError(f"cannot group statements by {by!r}: no such column")
    return view


def _only(view: pd.DataFrame, by: str | None, *columns: str) -> pd.DataFrame:
    """Give the columns of `view` that grouping by `by` and `columns` need: sorting or merging
    a few columns instead of all of them is what keeps large views quick."""
    keep = dict.fromkeys(c for c in (by, "statement_id", "date", *columns)
                         if c is not None and c in view.columns)
    return view[list(keep)]


def sentiment_summary(
    view: pd.DataFrame,
    by: str,
    topics: pd.DataFrame | None = None,
    freq: str = "W",
    level: float = 0.95,
) -> pd.DataFrame:
    """Give per group: statements, mean compound, t-interval low/high, and counts per label.

    Rows are ordered by statements (most first), then by group.
    """
    frame = grouped(_only(view, by, "compound", "label"), by, topics, freq)
    if frame.empty:
        return pd.DataFrame(columns=[by, *SUMMARY_COLUMNS])
    groups = frame.groupby(by, sort=True)["compound"]
    out = groups.agg(statements="count", mean="mean", sd="std")
    half = stats.t.ppf((1 + level) / 2, out["statements"] - 1) * out["sd"] / np.sqrt(
        out["statements"]
    )
    out["low"] = (out["mean"] - half).clip(lower=-1.0)
    out["high"] = (out["mean"] + half).clip(upper=1.0)
    out = out.join(counts_by(frame, by, "label", LABELS)).fillna({name: 0 for name in LABELS})
    out[list(LABELS)] = out[list(LABELS)].astype("int64")
    out = out.reset_index()[[by, *SUMMARY_COLUMNS]]
    out = out.sort_values(["statements", by], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def extremes(
    view: pd.DataFrame,
    by: str | None = None,
    n: int = 3,
    topics: pd.DataFrame | None = None,
    freq: str = "W",
) -> pd.DataFrame:
    """Give the `n` most positive and `n` most negative statements, per group when `by` is set.

    Only positive-labelled statements can be "most positive" (and negative ones "most
    negative"), so a group that never spoke warmly shows no positive side. Ties go to the
    lower statement_id.
    """
    keys = [by] if by else []
    frame = _only(view, by, *EXTREME_COLUMNS[2:], "label")
    frame = grouped(frame, by, topics, freq) if by else frame
    parts = []
    for side, ascending in (("positive", False), ("negative", True)):
        picked = frame[frame["label"] == side]
        if not keys and len(picked) > n:
            # Only rows scoring at least as far out as the n-th can be among the n: sorting
            # those (ties included) instead of every statement gives the same rows.
            scores = picked["compound"].to_numpy()
            nth = np.sort(scores)[-n] if not ascending else np.sort(scores)[n - 1]
            picked = picked[scores >= nth] if not ascending else picked[scores <= nth]
        picked = picked.sort_values(
            [*keys, "compound", "statement_id"], ascending=[*[True] * len(keys), ascending, True],
            kind="stable",
        )
        picked = picked.groupby(keys).head(n) if keys else picked.head(n)
        picked = picked.assign(side=side)
        picked["rank"] = picked.groupby(keys).cumcount() + 1 if keys else range(1, len(picked) + 1)
        parts.append(picked)
    out = pd.concat(parts, ignore_index=True)
    out = out[[*keys, *(c for c in EXTREME_COLUMNS if c not in keys)]]
    out["rank"] = out["rank"].astype("int64")
    if keys:
        out = out.sort_values([by, "side"], ascending=[True, False], kind="stable")
    return out.reset_index(drop=True)


def counts_by(view: pd.DataFrame, by: str, column: str, values) -> pd.DataFrame:
    """Give per group of `by` (the index) how many rows hold each of `values` in `column`:
    one int64 column a value, in the order of `values`."""
    counts = view.groupby([by, column]).size().unstack(column, fill_value=0)
    counts = counts.reindex(columns=list(values), fill_value=0).astype("int64")
    counts.columns.name = None
    return counts


def label_counts(view: pd.DataFrame) -> pd.DataFrame:
    """Give `label`, `statements`: how many statements carry each VADER label, in label order."""
    counts = view["label"].value_counts().reindex(list(LABELS), fill_value=0)
    return pd.DataFrame({"label": list(LABELS), "statements": counts.to_numpy(dtype="int64")})


def kind_counts(view: pd.DataFrame, by: str = "speaker") -> pd.DataFrame:
    """Give `by` and one count column per kind (direct, indirect, mixed), most statements first
    (ties by name); rows with an empty `by` are left out."""
    named = view[view[by].fillna("") != ""]
    counts = counts_by(named, by, "kind", KINDS)
    out = counts.reset_index().assign(_total=counts.sum(axis=1).to_numpy())
    out = out.sort_values(["_total", by], ascending=[False, True], kind="stable")
    return out.drop(columns="_total").reset_index(drop=True)


def top_groups(counts: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Give the rows of the `n` groups with most statements in all (ties by name) of a
    `timeseries.counts_over_time` table (period, group, statements)."""
    totals = counts.groupby("group")["statements"].sum().reset_index()
    keep = totals.sort_values(["statements", "group"], ascending=[False, True]).head(n)["group"]
    return counts[counts["group"].isin(keep)].reset_index(drop=True)


QUARTILE_COLUMNS = ["statements", "q1", "median", "q3", "lowerfence", "upperfence", "mean"]


def quartiles(view: pd.DataFrame, by: str = "speaker", value: str = "compound") -> pd.DataFrame:
    """Give per group of `by` the box of `value`: statements, q1, median, q3 (linear
    interpolation, numpy's default), Tukey's fences (the lowest and highest values within
    1.5 IQR of the box) and the mean. Rows in order of `by`."""
    frame = view[[by, value]].dropna()
    if frame.empty:
        return pd.DataFrame(columns=[by, *QUARTILE_COLUMNS])
    groups = frame.groupby(by, sort=True)[value]
    out = groups.quantile([0.25, 0.5, 0.75]).unstack()
    out.columns = ["q1", "median", "q3"]
    reach = 1.5 * (out["q3"] - out["q1"])
    low, high = frame[by].map(out["q1"] - reach), frame[by].map(out["q3"] + reach)
    inside = frame[(frame[value] >= low) & (frame[value] <= high)].groupby(by)[value]
    out = out.assign(statements=groups.size(), lowerfence=inside.min(), upperfence=inside.max(),
                     mean=groups.mean())
    return out.reset_index()[[by, *QUARTILE_COLUMNS]]
