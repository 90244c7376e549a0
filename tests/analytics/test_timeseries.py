import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics.aggregates import sentiment_summary
from newsquotes.analytics.timeseries import (
    articles_over_time,
    choose_freq,
    counts_over_time,
    first_last_quoted,
    main_span,
    sentiment_over_time,
)


def _view() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["a:0", "a:9", "b:0", "c:0", "d:0", "e:0"],
        "article_id": ["a", "a", "b", "c", "d", "e"],
        "speaker": ["Ana Roth", "Bo Lind", "Ana Roth", "Ana Roth", "Bo Lind", ""],
        "outlet": ["Post", "Post", "Wire", "Post", "Wire", "Wire"],
        "compound": [0.5, -0.2, 0.1, -0.4, 0.3, 0.9],
        "label": ["positive", "negative", "positive", "negative", "positive", "positive"],
        # Mon 3 Mar, Mon 3 Mar, Wed 5 Mar, no date, Mon 17 Mar, Sun 16 Mar
        "date": pd.to_datetime(["2025-03-03", "2025-03-03", "2025-03-05", None, "2025-03-17",
                                "2025-03-16"]),
    })


def _dates(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days)))


@pytest.mark.parametrize(("first", "last", "freq"), [
    ("2025-03-01", "2025-03-01", "D"),
    ("2025-03-01", "2025-04-01", "D"),   # 31 days
    ("2025-03-01", "2025-04-02", "W"),   # 32 days
    ("2025-01-01", "2025-07-02", "W"),   # 182 days = 26 weeks
    ("2025-01-01", "2025-07-03", "MS"),  # 183 days
])
def test_choose_freq_boundaries(first, last, freq):
    assert choose_freq(_dates(first, last, None)) == freq


def test_choose_freq_without_dates():
    assert choose_freq(_dates(None)) == "D"


def test_counts_by_week_fill_gaps_with_zero_and_drop_undated():
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2025-03-03", "2025-03-10", "2025-03-17"]),
        "group": ["all"] * 3,
        "statements": [3, 1, 1],  # a Sunday ends the week that began on Monday
    })
    assert_frame_equal(counts_over_time(_view(), freq="W"), expected)
    assert counts_over_time(_view().iloc[:5], freq="W")["statements"].tolist() == [3, 0, 1]


def test_counts_by_speaker_give_every_speaker_every_period():
    got = counts_over_time(_view(), by="speaker", freq="W")
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2025-03-03", "2025-03-10", "2025-03-17"] * 2),
        "group": ["Ana Roth"] * 3 + ["Bo Lind"] * 3,
        "statements": [2, 0, 0, 1, 0, 1],
    })
    assert_frame_equal(got, expected)


def test_counts_by_topic_count_a_statement_under_each_topic_by_day():
    topics = pd.DataFrame({"statement_id": ["a:0", "a:0", "d:0"], "topic": ["gas", "war", "war"]})
    got = counts_over_time(_view().iloc[[0, 4]], by="topic", topics=topics)
    days = pd.date_range("2025-03-03", "2025-03-17", freq="D", unit="us")
    expected = pd.DataFrame({
        "period": days.append(days),
        "group": ["gas"] * 15 + ["war"] * 15,
        "statements": [1] + [0] * 14 + [1] + [0] * 13 + [1],
    })
    assert_frame_equal(got, expected)


def test_counts_by_month_label_the_first_of_the_month():
    view = _view().assign(date=pd.to_datetime(["2025-01-31", "2025-03-01", "2025-03-31", None,
                                               "2025-03-02", None]))
    got = counts_over_time(view, by="outlet", freq="MS")
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"] * 2),
        "group": ["Post"] * 3 + ["Wire"] * 3,
        "statements": [1, 0, 1, 0, 0, 2],
    })
    assert_frame_equal(got, expected)


def test_counts_of_nothing_dated_are_empty_with_columns():
    got = counts_over_time(_view().assign(date=pd.NaT), by="speaker")
    assert list(got.columns) == ["period", "group", "statements"] and got.empty


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"freq": "Y"}, "unknown period 'Y'"),
    ({"by": "cue", "freq": "W"}, "cannot count statements by 'cue'"),
    ({"by": "topic", "freq": "W"}, "needs the topics table"),
])
def test_counts_refuse_what_they_cannot_do(kwargs, message):
    with pytest.raises(ValueError, match=message):
        counts_over_time(_view(), **kwargs)


def test_articles_over_time_counts_distinct_articles():
    articles = pd.DataFrame({
        "id": ["a", "b", "b", "c", "d"],
        "date": pd.to_datetime(["2025-03-01", "2025-03-03", "2025-03-03", None, "2025-03-04"]),
    })
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]),
        "articles": [1, 0, 1, 1],
    })
    assert_frame_equal(articles_over_time(articles), expected)


def test_sentiment_over_time_gives_t_interval_and_gaps():
    got = sentiment_over_time(_view().iloc[:5], freq="W")
    # week of 3 Mar: 0.5, -0.2, 0.1 -> mean 0.133333, sd 0.351188, t(0.975, 2) = 4.302653
    half = 4.302652729911275 * math.sqrt(0.37 / 3) / math.sqrt(3)
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2025-03-03", "2025-03-10", "2025-03-17"]),
        "mean": [0.4 / 3, np.nan, 0.3],
        "low": [0.4 / 3 - half, np.nan, np.nan],
        "high": [1.0, np.nan, np.nan],  # 0.133 + 0.872 clipped to VADER's range
        "n": [3, 0, 1],
    })
    assert_frame_equal(got, expected)


def test_sentiment_over_time_by_speaker():
    got = sentiment_over_time(_view(), freq="W", by="speaker")
    assert got["group"].tolist() == ["Ana Roth"] * 3 + ["Bo Lind"] * 3
    assert got["n"].tolist() == [2, 0, 0, 1, 0, 1]
    assert got["mean"].round(6).tolist()[::3] == [0.3, -0.2]


def test_first_last_quoted():
    expected = pd.DataFrame({
        "speaker": ["Ana Roth", "Bo Lind", "Cy Dunn"],
        "first": pd.to_datetime(["2025-03-03", "2025-03-03", None]),
        "last": pd.to_datetime(["2025-03-05", "2025-03-17", None]),
        "statements": [3, 2, 1],
    })
    view = pd.concat([_view(), pd.DataFrame({"speaker": ["Cy Dunn"], "date": [pd.NaT]})])
    assert_frame_equal(first_last_quoted(view), expected)


def test_sentiment_over_time_uses_the_interval_of_the_sentiment_summary():
    view = _view().assign(compound=[0.5, -0.2, 0.1, -0.4, 0.3, 0.9], outlet="Post")
    view = view.assign(date=pd.to_datetime(["2025-03-03"] * 5 + ["2025-03-04"]))
    got = sentiment_over_time(view, freq="MS", level=0.9)
    summary = sentiment_summary(view, by="outlet", level=0.9)
    assert got[["mean", "low", "high", "n"]].to_numpy().tolist() == summary[
        ["mean", "low", "high", "statements"]].to_numpy().tolist()


def _days(*days: str | None) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days)))


@pytest.mark.parametrize(("dates", "expected"), [
    # one early statement far from 19 later ones: the later ones are the main span
    (_days("2022-03-10", *[f"2025-01-{d:02d}" for d in range(1, 20)]),
     (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-19"), 1)),
    # the same at the end, with a time of day and an undated statement
    (_days(*[f"2025-01-{d:02d} 08:30" for d in range(1, 20)], "2027-06-01 00:00", None),
     (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-19"), 1)),
    # two far-apart statements of twenty are still at most a tenth
    (_days("2022-03-10", "2022-03-11", *[f"2025-01-{d:02d}" for d in range(1, 19)]),
     (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-18"), 2)),
    # three of twenty are more than a tenth: every date belongs
    (_days("2022-03-10", "2022-03-11", "2022-03-12", *[f"2025-01-{d:02d}" for d in range(1, 18)]),
     None),
    # the widest gap is not over half the span: evenly spread
    (_days("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"), None),
    (_days("2025-01-01", "2025-01-01"), None),
    (_days(None), None),
])
def test_main_span(dates, expected):
    assert main_span(dates) == expected


def test_split_at_span_gives_the_dates_inside_and_the_range_outside():
    from newsquotes.analytics.timeseries import split_at_span

    dates = pd.Series(pd.to_datetime(["2022-01-05", "2025-03-01", "2025-03-02T18:00", None,
                                      "2022-02-01", "2025-03-03"], format="ISO8601"))
    span = (pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-02"), 2)
    inside, away = split_at_span(dates, span)
    assert inside.tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-02 18:00")]
    assert away == (pd.Timestamp("2022-01-05"), pd.Timestamp("2025-03-03"))
    whole, none = split_at_span(dates, None)
    assert whole is dates and none is None
