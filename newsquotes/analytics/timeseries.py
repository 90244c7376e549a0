"""Statements and articles over time: counts per period, mean sentiment, first and last quoted.

Periods are days ("D"), weeks ("W", Monday to Sunday) or months ("MS"), each labelled by the
day it starts on (a `datetime64` column `period`). "M" and "ME" are read as months too.
Statements or articles without a date (NaT) are left out of every series. Series run over
the full range from the first to the last dated period, with empty periods filled: zero
statements, or for sentiment n = 0 and no mean.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from newsquotes.analytics.aggregates import grouped

# freq -> the pandas Period alias that cuts dates into those periods (pandas 3 rejects the
# offset aliases "MS"/"ME" for periods).
PERIODS = {"D": "D", "W": "W", "MS": "M", "M": "M", "ME": "M"}
# The longest span (in days between first and last date) shown by day, then by week: at most
# 32 daily bars, at most 27 weekly ones; anything longer by month.
DAILY_MAX_DAYS = 31
WEEKLY_MAX_DAYS = 26 * 7
GROUPINGS = (None, "speaker", "outlet", "topic")
ALL = "all"


def choose_freq(dates: pd.Series) -> str:
    """Give "D", "W" or "MS": the period that fits the span of `dates` (NaT ignored).

    A span of up to 31 days is shown by day, up to 26 weeks (182 days) by week, longer by
    month. No dates at all: "D".
    """
    dates = pd.Series(dates).dropna()
    if dates.empty:
        return "D"
    days = (dates.max() - dates.min()).days
    return "D" if days <= DAILY_MAX_DAYS else "W" if days <= WEEKLY_MAX_DAYS else "MS"


def _period_alias(freq: str) -> str:
    if freq not in PERIODS:
        raise ValueError(f"unknown period {freq!r}: expected one of {', '.join(PERIODS)}")
    return PERIODS[freq]


def _periods(dated: pd.Series, alias: str) -> pd.DatetimeIndex:
    """Give the start of every period from the first to the last of `dated` (start times)."""
    return pd.period_range(dated.min(), dated.max(), freq=alias).start_time


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _dated(frame: pd.DataFrame, freq: str | None) -> tuple[pd.DataFrame, str]:
    """Give the rows with a date, with their `period`, and the Period alias used."""
    alias = _period_alias(freq or choose_freq(frame["date"]))
    return grouped(frame, "period", freq=alias), alias


def _group_column(view: pd.DataFrame, by: str | None, topics: pd.DataFrame | None) -> pd.DataFrame:
    """Give `view` with a `group` column; rows with no speaker/outlet/topic are left out."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot count statements by {by!r}: expected speaker, outlet or topic")
    if by is None:
        return view.assign(group=ALL)
    frame = grouped(view, by, topics)
    frame = frame.assign(group=frame[by].fillna("").astype(str))
    return frame[frame["group"] != ""]


def counts_over_time(
    view: pd.DataFrame,
    by: str | None = None,
    freq: str | None = None,
    topics: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Give `period`, `group`, `statements`: every group in every period, 0 where none.

    by=None counts all statements under the group "all"; "topic" needs `topics`
    (statement_id, topic) and counts a statement under each of its topics. The full range
    runs from the first to the last dated statement of `view`, the same for every group.
    Rows are ordered by group, then period. freq=None: `choose_freq` of the dates.
    """
    frame, alias = _dated(view, freq)
    columns = {"period": "datetime64[us]", "group": "str", "statements": "int64"}
    if frame.empty:
        return _empty(columns)
    periods = _periods(frame["date"], alias)
    frame = _group_column(frame, by, topics)
    groups = sorted(frame["group"].unique())
    counts = frame.groupby(["group", "period"]).size()
    full = pd.MultiIndex.from_product([groups, periods], names=["group", "period"])
    out = counts.reindex(full, fill_value=0).rename("statements").reset_index()
    return out[list(columns)].astype(columns)


def articles_over_time(articles: pd.DataFrame, freq: str | None = None) -> pd.DataFrame:
    """Give `period`, `articles`: how many articles (distinct `id`) each period, 0 where none."""
    frame, alias = _dated(articles, freq)
    columns = {"period": "datetime64[us]", "articles": "int64"}
    if frame.empty:
        return _empty(columns)
    counts = frame.drop_duplicates("id").groupby("period").size()
    counts = counts.reindex(_periods(frame["date"], alias), fill_value=0)
    out = pd.DataFrame({"period": counts.index, "articles": counts.to_numpy()})
    return out.astype(columns)


def sentiment_over_time(
    view: pd.DataFrame,
    freq: str | None = None,
    by: str | None = None,
    topics: pd.DataFrame | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Give `period`, (`group`,) `mean`, `low`, `high`, `n`: mean compound score per period.

    The interval is the Student t-interval of `aggregates.sentiment_summary` (see
    `t_interval`). A period with one statement has a mean and no interval
    (low = high = NaN); an empty period has n = 0 and NaN mean, so a line breaks there rather
    than drawing a value nobody said. With `by`, every group gets every period.
    """
    frame, alias = _dated(view, freq)
    columns = {"period": "datetime64[us]", **({"group": "str"} if by else {}),
               "mean": "float64", "low": "float64", "high": "float64", "n": "int64"}
    if frame.empty:
        return _empty(columns)
    periods = _periods(frame["date"], alias)
    frame = _group_column(frame, by, topics)
    groups = sorted(frame["group"].unique())
    stats_ = frame.groupby(["group", "period"])["compound"].agg(n="count", mean="mean", sd="std")
    full = pd.MultiIndex.from_product([groups, periods], names=["group", "period"])
    out = stats_.reindex(full).reset_index()
    out["n"] = out["n"].fillna(0)
    out["low"], out["high"] = t_interval(out["mean"], out["sd"], out["n"], level)
    return out[list(columns)].astype(columns)


def t_interval(
    mean: pd.Series, sd: pd.Series, n: pd.Series, level: float = 0.95
) -> tuple[pd.Series, pd.Series]:
    """Give (low, high): mean ± t(level, n-1)·sd/√n clipped to [-1, 1]; NaN when n < 2.

    The same interval as `aggregates.sentiment_summary`, from per-group statistics.
    """
    half = stats.t.ppf((1 + level) / 2, n.where(n > 1) - 1) * sd / np.sqrt(n)
    return (mean - half).clip(lower=-1.0), (mean + half).clip(upper=1.0)


def first_last_quoted(view: pd.DataFrame) -> pd.DataFrame:
    """Give `speaker`, `first`, `last`, `statements`: when each speaker was first and last quoted.

    `statements` counts every statement of the speaker, dated or not; `first`/`last` come
    from the dated ones (NaT when none has a date). Statements without a speaker are left
    out. Rows are ordered by first date (undated last), then speaker.
    """
    named = view[view["speaker"].fillna("").astype(str) != ""]
    columns = {"speaker": "str", "first": "datetime64[us]", "last": "datetime64[us]",
               "statements": "int64"}
    if named.empty:
        return _empty(columns)
    # Three plain reductions: a named aggregation costs more to set up than to run here.
    dates = named.groupby("speaker", sort=True)["date"]
    out = pd.DataFrame({"first": dates.min(), "last": dates.max(),
                        "statements": dates.size()}).rename_axis("speaker").reset_index()
    out = out.sort_values(["first", "speaker"], na_position="last", kind="stable")
    return out.astype(columns).reset_index(drop=True)


# A run of dates counts as "apart" when the gap before (or after) it is over half the whole
# span and it holds at most this share of the dated statements.
APART_SHARE = 0.1


def main_span(dates: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp, int] | None:
    """Give (first, last, left out) of where the dates gather when a few lie far apart.

    One seed article from 2022 in a corpus of 2025 news stretches a time axis over three
    empty years. The widest gap between consecutive dates splits them in two; when it is over
    half the whole span and the smaller side holds at most `APART_SHARE` of the dates, the
    larger side is the main span and `left out` counts the dates of the other. Otherwise (or
    with fewer than two distinct days) None: every date belongs. NaT is ignored.
    """
    dated = pd.Series(dates).dropna().dt.normalize()
    return span_of_days(dated.value_counts().sort_index())


def span_of_days(counts: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp, int] | None:
    """Give `main_span` of the dates counted per day in `counts` (index: the days, sorted)."""
    days, n = counts.index.to_numpy(), counts.to_numpy()
    if len(days) < 2:
        return None
    gaps = np.diff(days)
    widest = int(np.argmax(gaps))
    if gaps[widest] <= (days[-1] - days[0]) / 2:
        return None
    before = int(n[:widest + 1].sum())
    after = int(n.sum()) - before
    if min(before, after) > APART_SHARE * (before + after):
        return None
    if before < after:
        return pd.Timestamp(days[widest + 1]), pd.Timestamp(days[-1]), before
    return pd.Timestamp(days[0]), pd.Timestamp(days[widest]), after


def split_at_span(
    dates: pd.Series, span: tuple | None
) -> tuple[pd.Series, tuple[pd.Timestamp, pd.Timestamp] | None]:
    """Give the dates inside `span` (first, last day, as `main_span` gives it; None: all of
    them) and (earliest, latest) of the dated ones outside it (None when there are none)."""
    if span is None:
        return dates, None
    first, end = span[0], span[1] + pd.Timedelta(days=1)
    dated = dates.dropna()
    inside = dated.between(first, end, inclusive="left")
    away = dated[~inside]
    return dated[inside], (None if away.empty else (away.min(), away.max()))
