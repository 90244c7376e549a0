import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics.aggregates import (
    extremes,
    kind_counts,
    label_counts,
    quartiles,
    sentiment_summary,
    top_groups,
)


def _view() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["a:0", "a:50", "b:0", "b:40", "c:0"],
        "speaker": ["Ann Lee", "Ann Lee", "Ann Lee", "Bo Chen", "Bo Chen"],
        "text": ["We won.", "It is fine.", "A sad day.", "Terrible.", "Great news."],
        "compound": [0.6, 0.0, -0.3, -0.5, 0.7],
        "label": ["positive", "neutral", "negative", "negative", "positive"],
        "outlet": ["Post", "Post", "Wire", "Wire", "Post"],
        "date": pd.to_datetime(["2025-03-03", "2025-03-03", "2025-03-12", "2025-03-12", None]),
    })


def test_summary_by_speaker_gives_mean_t_interval_and_label_counts():
    # Ann: values 0.6, 0.0, -0.3 -> mean 0.1, sd 0.458258, t(0.975, 2) = 4.302653
    half_ann = 4.302652729911275 * math.sqrt(0.21) / math.sqrt(3)
    half_bo = 12.706204736174698 * math.sqrt(0.72) / math.sqrt(2)
    expected = pd.DataFrame({
        "speaker": ["Ann Lee", "Bo Chen"],
        "statements": [3, 2],
        "mean": [0.1, 0.1],
        "low": [max(-1.0, 0.1 - half_ann), -1.0],
        "high": [min(1.0, 0.1 + half_ann), 1.0],
        "positive": [1, 1],
        "neutral": [1, 0],
        "negative": [1, 1],
    })
    assert half_bo > 1.1  # so both ends are clipped to VADER's range
    assert_frame_equal(sentiment_summary(_view(), "speaker"), expected, check_dtype=False)


def test_summary_of_a_single_statement_has_no_interval():
    got = sentiment_summary(_view().iloc[[0]], "outlet")
    assert got.loc[0, "mean"] == 0.6
    assert np.isnan(got.loc[0, "low"]) and np.isnan(got.loc[0, "high"])


def test_summary_by_topic_counts_a_statement_under_each_of_its_topics():
    topics = pd.DataFrame({
        "statement_id": ["a:0", "a:0", "b:40"],
        "topic": ["ceasefire", "trade", "trade"],
        "topic_kind": ["defined", "defined", "discovered"],
    })
    got = sentiment_summary(_view(), "topic", topics=topics)
    assert got[["topic", "statements", "mean"]].to_dict("list") == {
        "topic": ["trade", "ceasefire"], "statements": [2, 1], "mean": [pytest.approx(0.05), 0.6],
    }


def test_summary_by_week_leaves_out_undated_statements():
    got = sentiment_summary(_view(), "period", freq="W")
    assert got["period"].tolist() == [pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-10")]
    assert got["statements"].tolist() == [2, 2]
    assert got["mean"].tolist() == pytest.approx([0.3, -0.4])


def test_summary_by_topic_without_topics_is_an_error():
    with pytest.raises(ValueError, match="topics table"):
        sentiment_summary(_view(), "topic")


def test_summary_of_nothing_is_empty_with_the_columns():
    got = sentiment_summary(_view().iloc[0:0], "speaker")
    assert list(got.columns) == ["speaker", "statements", "mean", "low", "high",
                                 "positive", "neutral", "negative"]
    assert got.empty


def test_extremes_per_speaker_keep_each_side_to_its_own_label():
    got = extremes(_view(), "speaker", n=1)
    expected = pd.DataFrame({
        "speaker": ["Ann Lee", "Ann Lee", "Bo Chen", "Bo Chen"],
        "side": ["positive", "negative", "positive", "negative"],
        "rank": [1, 1, 1, 1],
        "statement_id": ["a:0", "b:0", "c:0", "b:40"],
        "text": ["We won.", "A sad day.", "Great news.", "Terrible."],
        "compound": [0.6, -0.3, 0.7, -0.5],
    })
    assert_frame_equal(got, expected)


def test_extremes_over_everything_rank_from_the_strongest():
    got = extremes(_view(), n=2)
    assert got[["side", "rank", "statement_id"]].values.tolist() == [
        ["positive", 1, "c:0"], ["positive", 2, "a:0"],
        ["negative", 1, "b:40"], ["negative", 2, "b:0"],
    ]


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_extremes_among_many_break_ties_at_the_cut_by_statement_id(n):
    view = pd.DataFrame({
        "statement_id": ["e", "d", "b", "c", "a", "f", "g", "h"],
        "speaker": ["Ann Lee"] * 8,
        "text": list("EDBCAFGH"),
        "compound": [0.9, 0.5, 0.5, 0.5, 0.2, -0.4, -0.4, -0.8],
        "label": ["positive"] * 5 + ["negative"] * 3,
    })
    got = extremes(view, n=n)
    positive = ["e", "b", "c", "d", "a"][:n]
    negative = ["h", "f", "g"][:n]
    assert got["statement_id"].tolist() == positive + negative
    assert got["rank"].tolist() == list(range(1, len(positive) + 1)) + list(
        range(1, len(negative) + 1))


def test_label_counts_in_label_order_with_zeros():
    expected = pd.DataFrame({"label": ["positive", "neutral", "negative"],
                             "statements": [2, 1, 2]})
    assert_frame_equal(label_counts(_view()), expected)
    none = label_counts(_view().iloc[:0])
    assert none["statements"].tolist() == [0, 0, 0] and none["statements"].dtype == "int64"


def test_kind_counts_per_speaker_most_statements_first():
    view = pd.DataFrame({
        "speaker": ["Bo Chen", "Ann Lee", "Bo Chen", "", "Cy Ng", "Ann Lee", "Bo Chen"],
        "kind": ["direct", "mixed", "indirect", "direct", "indirect", "mixed", "direct"],
    })
    expected = pd.DataFrame({"speaker": ["Bo Chen", "Ann Lee", "Cy Ng"],
                             "direct": [2, 0, 0], "indirect": [1, 0, 1], "mixed": [0, 2, 0]})
    assert_frame_equal(kind_counts(view), expected)
    # ties in the total go alphabetically; the unnamed statement is left out
    assert kind_counts(view.iloc[3:6])["speaker"].tolist() == ["Ann Lee", "Cy Ng"]
    assert list(kind_counts(view.iloc[:0]).columns) == ["speaker", "direct", "indirect", "mixed"]


COUNTS = pd.DataFrame({
    "period": pd.to_datetime(["2025-03-03", "2025-03-10"] * 3),
    "group": ["Ada Moss", "Ada Moss", "Ben Ruiz", "Ben Ruiz", "Cy Lund", "Cy Lund"],
    "statements": [3, 0, 1, 1, 2, 2],
})


def test_top_groups_keeps_the_largest_groups():
    # Cy Lund (4) and Ada Moss (3) before Ben Ruiz (2); rows keep their order
    assert_frame_equal(top_groups(COUNTS, 2), COUNTS.iloc[[0, 1, 4, 5]].reset_index(drop=True))
    # a tie (Ada Moss 3, Ben Ruiz 3) goes alphabetically
    tied = COUNTS.iloc[:4].assign(statements=[3, 0, 2, 1])
    assert top_groups(tied, 1)["group"].tolist() == ["Ada Moss", "Ada Moss"]


def test_quartiles_give_the_box_and_tukey_fences_per_group():
    view = pd.DataFrame({
        "speaker": ["Ann Lee"] * 5 + ["Bo Chen"] * 2 + ["Cy Ng"],
        # Ann: q1 0.0, median 0.1, q3 0.2 (linear), IQR 0.2: fences at -0.3 and 0.5, so
        # -0.9 is outside and the lower whisker stops at 0.0
        "compound": [-0.9, 0.0, 0.1, 0.2, 0.5, -0.5, 0.5, 0.25],
    })
    expected = pd.DataFrame({
        "speaker": ["Ann Lee", "Bo Chen", "Cy Ng"],
        "statements": [5, 2, 1],
        "q1": [0.0, -0.25, 0.25],
        "median": [0.1, 0.0, 0.25],
        "q3": [0.2, 0.25, 0.25],
        "lowerfence": [0.0, -0.5, 0.25],
        "upperfence": [0.5, 0.5, 0.25],
        "mean": [-0.02, 0.0, 0.25],
    })
    assert_frame_equal(quartiles(view), expected, check_exact=False, rtol=1e-12)
    assert list(quartiles(view.iloc[:0]).columns) == list(expected.columns)
