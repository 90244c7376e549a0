"""Small shapes of the filtered statements that charts need and the core does not give (yet).

Kept tiny on purpose: sentiment means, intervals, topics and time series come from
`newsquotes.aggregates` / `newsquotes.timeseries`; these only count rows for one chart.
"""

from __future__ import annotations

import pandas as pd

from newsquotes.sentiment import LABELS


def label_counts(view: pd.DataFrame) -> pd.DataFrame:
    """Give `label`, `statements`: how many statements carry each VADER label, in label order."""
    counts = view["label"].value_counts().reindex(list(LABELS), fill_value=0)
    return pd.DataFrame({"label": list(LABELS), "statements": counts.astype("int64").to_list()})


def top_groups(counts: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """Give the rows of the `n` groups with most statements (`timeseries.counts_over_time`)."""
    totals = counts.groupby("group")["statements"].sum()
    keep = sorted(totals.index, key=lambda g: (-totals[g], g))[:n]
    return counts[counts["group"].isin(keep)].reset_index(drop=True)
