"""The sidebar's filter rules, on a tiny view written here: which statements each filter keeps,
and how filters travel through a query string."""

import datetime as dt

import pandas as pd
import pytest

from newsquotes.analytics.filters import (
    Filters,
    apply_filters,
    from_query,
    in_group,
    members,
    to_query,
    within_bounds,
)

VIEW = pd.DataFrame({
    "statement_id": ["a:0", "a:50", "b:0", "c:0", "d:0"],
    "speaker": ["Ada Moss", "Ben Ruiz", "Ada Moss", "Cy Lund", ""],
    "outlet": ["Post", "Post", "Wire", "Wire", "Radio"],
    "kind": ["direct", "indirect", "mixed", "direct", "direct"],
    "date": pd.to_datetime([
        "2025-03-01 08:30", "2025-03-01 00:00", "2025-03-05 00:00", None, "2025-03-09 00:00"]),
    "compound": [0.6, -0.4, 0.0, 0.9, -0.95],
    "text": ["We will build the bridge.", "The plan is a trap.", "No comment <b>today</b>.",
             "A great day for farmers.", "Nobody knows."],
})
TOPICS = pd.DataFrame({
    "statement_id": ["a:0", "a:50", "c:0", "a:0"],
    "topic": ["roads", "roads", "farming", "budget"],
    "topic_kind": ["defined"] * 4,
})


def ids(filters: Filters) -> list[str]:
    return apply_filters(VIEW, filters, TOPICS)["statement_id"].tolist()


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), ["a:0", "a:50", "b:0", "c:0", "d:0"]),
    (Filters(speakers=("Ada Moss",)), ["a:0", "b:0"]),
    (Filters(speakers=("Ada Moss", "Cy Lund")), ["a:0", "b:0", "c:0"]),
    (Filters(outlets=("Wire",)), ["b:0", "c:0"]),
    (Filters(kinds=("direct",)), ["a:0", "c:0", "d:0"]),
    (Filters(topics=("roads",)), ["a:0", "a:50"]),
    (Filters(topics=("farming", "budget")), ["a:0", "c:0"]),
    # A time of day on the article's date still counts on that day; undated never matches.
    (Filters(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 1)), ["a:0", "a:50"]),
    (Filters(start=dt.date(2025, 3, 2)), ["b:0", "d:0"]),
    (Filters(end=dt.date(2025, 3, 5)), ["a:0", "a:50", "b:0"]),
    (Filters(sentiment=(0.0, 1.0)), ["a:0", "b:0", "c:0"]),
    (Filters(sentiment=(-1.0, -0.5)), ["d:0"]),
    (Filters(text="TRAP"), ["a:50"]),
    (Filters(text="ada"), ["a:0", "b:0"]),
    (Filters(text="<b>"), ["b:0"]),
    (Filters(text="(unmatched["), []),
    (Filters(speakers=("Ada Moss",), outlets=("Post",)), ["a:0"]),
    (Filters(speakers=("Nobody Here",)), []),
])
def test_apply_filters_keeps(filters, expected):
    assert ids(filters) == expected


def test_topic_filter_without_topics_table_keeps_nothing():
    assert apply_filters(VIEW, Filters(topics=("roads",)), None).empty


def test_empty_view_stays_empty():
    assert apply_filters(VIEW.iloc[:0], Filters(speakers=("Ada Moss",), text="x")).empty


def test_default_filters_are_empty():
    assert Filters().is_empty()
    assert not Filters(text="x").is_empty()


@pytest.mark.parametrize(("params", "expected"), [
    ({}, Filters()),
    ({"speaker": ["Sergey Lavrov"]}, Filters(speakers=("Sergey Lavrov",))),
    ({"speaker": ["A", "B", "A"], "kind": ["direct"]},
     Filters(speakers=("A", "B"), kinds=("direct",))),
    ({"topic": ["roads"], "outlet": ["Post", ""]}, Filters(topics=("roads",), outlets=("Post",))),
    ({"start": ["2025-03-01"], "end": ["2025-03-31"]},
     Filters(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))),
    ({"start": ["2025-03-31"], "end": ["2025-03-01"]},
     Filters(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))),
    ({"start": ["March 1st"], "end": ["2025-13-01"]}, Filters()),
    ({"q": ["  gas deal "]}, Filters(text="gas deal")),
])
def test_from_query(params, expected):
    assert from_query(params) == expected


def test_from_query_drops_values_the_corpus_does_not_hold():
    choices = {"speakers": ["Ada Moss", "Ben Ruiz"], "kinds": ["direct", "indirect", "mixed"]}
    got = from_query({"speaker": ["Ada Moss", "Zed"], "kind": ["quoted", "mixed"]}, choices)
    assert got == Filters(speakers=("Ada Moss",), kinds=("mixed",))


def test_to_query_leaves_out_what_selects_everything():
    assert to_query(Filters()) == {}
    assert to_query(Filters(sentiment=(0.0, 1.0))) == {}


@pytest.mark.parametrize("filters", [
    Filters(speakers=("Ada Moss", "Ben Ruiz"), topics=("roads",), outlets=("Post",),
            kinds=("direct", "mixed"), start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 9),
            text="bridge"),
    Filters(end=dt.date(2025, 1, 2)),
])
def test_query_round_trip(filters):
    assert from_query(to_query(filters)) == filters


def test_to_query_names():
    got = to_query(Filters(speakers=("A", "B"), start=dt.date(2025, 3, 1), text="gas"))
    assert got == {"speaker": ["A", "B"], "start": ["2025-03-01"], "q": ["gas"]}


@pytest.mark.parametrize(("start", "end", "expected"), [
    (dt.date(2025, 3, 1), dt.date(2025, 3, 9), (None, None)),
    (dt.date(2025, 2, 1), dt.date(2025, 4, 1), (None, None)),
    (dt.date(2025, 3, 2), dt.date(2025, 3, 9), (dt.date(2025, 3, 2), None)),
    (dt.date(2025, 3, 1), dt.date(2025, 3, 8), (None, dt.date(2025, 3, 8))),
])
def test_within_bounds_stores_the_whole_span_as_no_range(start, end, expected):
    got = within_bounds(Filters(start=start, end=end), dt.date(2025, 3, 1), dt.date(2025, 3, 9))
    assert (got.start, got.end) == expected


@pytest.mark.parametrize(("group", "expected"), [
    (("speaker", "Ada Moss"), ["a:0", "b:0"]),
    (("outlet", "Wire"), ["b:0", "c:0"]),
    (("topic", "roads"), ["a:0", "a:50"]),
    (("topic", "nothing"), []),
    (("speaker", "Nobody"), []),
])
def test_in_group(group, expected):
    assert VIEW.loc[in_group(VIEW, group, TOPICS), "statement_id"].tolist() == expected


def test_in_group_refuses_an_unknown_grouping():
    with pytest.raises(ValueError, match="'kind'"):
        in_group(VIEW, ("kind", "direct"))


@pytest.mark.parametrize("dtype", ["str", object])
def test_members_is_isin(dtype):
    column = pd.Series(["a:0", "b:0", None, "c:0"], dtype=dtype, index=[3, 5, 7, 9])
    got = members(column, pd.Series(["c:0", "a:0", "x"], dtype=dtype))
    assert got.tolist() == [True, False, False, True]
    assert got.index.tolist() == [3, 5, 7, 9]
    assert members(column, []).tolist() == [False] * 4
    assert members(column, ("b:0",)).tolist() == [False, True, False, False]
