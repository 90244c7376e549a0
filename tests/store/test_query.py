"""Every DuckDB query of the dashboard gives exactly what the pandas computation gives, on a
small store written here as Parquet parts (two parts each, a speaker mapping, topics)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics import aggregates, timeseries
from newsquotes.analytics.articles import article_choices
from newsquotes.analytics.filters import Filters, apply_filters, in_group, members
from newsquotes.analytics.keywords import distinctive_for, distinctive_terms, frequencies
from newsquotes.analytics.profiles import speaker_profiles
from newsquotes.store import measures, tables
from newsquotes.store.parquet import Corpus
from newsquotes.store.query import Query
from newsquotes.store.tables import (
    ALL,
    ARTICLE_SCHEMA,
    MAPPING_SCHEMA,
    STATEMENT_SCHEMA,
    TOPIC_SCHEMA,
)

SPEAKERS = ["Ann Lee", "Bo Chen", "", "Lee", "Cy Diaz", "Ann Lee", "Bo Chen", "Dee Ray"]
OUTLETS = ["Reuters", "REUTERS", "AP", "", "Meridian  Wire", "AP"]


def _articles() -> pd.DataFrame:
    dates = [dt.date(2025, 1, 6), dt.date(2025, 1, 8), None, dt.date(2025, 2, 3),
             dt.date(2025, 3, 30), dt.date(2024, 12, 31)]
    return pd.DataFrame({
        "id": [f"a{i}" for i in range(6)], "title": [f"T{i}" for i in range(6)],
        "body": [f"body {i}" for i in range(6)], "date": dates, "section": "", "source": OUTLETS,
        "author": "", "url": "", "language": "en", "word_count": 10, "origin": "",
        "flags": ["bad_bytes=2;no_date", "", "no_date", "sentence_too_long", "", "bad_bytes=1"]})


def _statements() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 40
    words = ["gas", "price", "rail", "gas price", "=cmd", "school", "rail strike"]
    frame = pd.DataFrame({
        "article_id": [f"a{i % 6}" for i in range(n)], "start": np.arange(n) * 10,
        "end": np.arange(n) * 10 + 8,
        "text": [f"Statement {i} about {'Gas' if i % 3 else 'rail'}" for i in range(n)],
        "kind": [("direct", "indirect", "mixed")[i % 3] for i in range(n)], "cue": "said",
        "speaker": [SPEAKERS[i % len(SPEAKERS)] for i in range(n)], "speaker_mention": "",
        "speaker_mention_start": 0, "speaker_mention_end": 0,
        "speaker_type": ["person" if SPEAKERS[i % len(SPEAKERS)] else "" for i in range(n)],
        "role": "", "affiliation": "",
        "compound": np.round(rng.uniform(-1, 1, n), 3), "pos": 0.1, "neu": 0.8, "neg": 0.1,
        "terms": [list(rng.choice(words, size=int(rng.integers(0, 4)), replace=False))
                  for _ in range(n)],
    })
    frame["label"] = np.where(frame["compound"] > 0.05, "positive",
                              np.where(frame["compound"] < -0.05, "negative", "neutral"))
    frame.insert(0, "statement_id", frame["article_id"] + ":" + frame["start"].astype(str))
    return frame[STATEMENT_SCHEMA.names]


MAPPING = pd.DataFrame({"article_id": ["a3", "a1"], "speaker": ["Lee", "Bo Chen"],
                        "speaker_type": ["person", "person"],
                        "canonical": ["Ann Lee", "Bo Chen"],
                        "canonical_type": ["person", "person"]})


def _write(frame: pd.DataFrame, schema: pa.Schema, paths) -> None:
    for path, rows in zip(paths, np.array_split(np.arange(len(frame)), len(paths)), strict=True):
        table = pa.Table.from_pandas(frame.iloc[rows], schema=schema, preserve_index=False)
        pq.write_table(table, path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Give (Query over the parts, the pandas view of the same, topics, articles)."""
    folder = tmp_path_factory.mktemp("parts")
    articles, statements = _articles(), _statements()
    topics = pd.DataFrame({"statement_id": statements["statement_id"].iloc[::3],
                           "topic": ["energy", "transport"] * 7, "topic_kind": "discovered"})
    # one discovered topic a statement (facts.topic), and defined ones beside (topic_rows)
    topics = pd.concat([topics, topics.head(3).assign(topic="politics", topic_kind="defined")])
    paths = {kind: [folder / f"{kind}-{i}.parquet" for i in range(2)]
             for kind in ("statements", "articles", "topics")}
    _write(statements, STATEMENT_SCHEMA, paths["statements"])
    _write(articles, ARTICLE_SCHEMA, paths["articles"])
    _write(topics, TOPIC_SCHEMA, paths["topics"])
    _write(MAPPING, MAPPING_SCHEMA, [folder / "speakers.parquet"])
    mapped = statements.merge(MAPPING, on=["article_id", "speaker", "speaker_type"], how="left")
    statements = statements.assign(speaker=mapped["canonical"].fillna(mapped["speaker"]).values)
    articles = articles.assign(date=pd.to_datetime(articles["date"]))
    view = Corpus(articles, statements, topics).view()
    query = Query(paths["statements"], paths["articles"], paths["topics"],
                  [folder / "speakers.parquet"])
    return query, view, topics, articles


FILTERS = [
    Filters(),
    Filters(speakers=("Ann Lee", "Cy Diaz")),
    Filters(outlets=("Reuters",), kinds=("direct", "mixed")),
    Filters(topics=("energy", "politics")),
    Filters(start=dt.date(2025, 1, 7), end=dt.date(2025, 2, 3)),
    Filters(sentiment=(-0.5, 0.25)),
    Filters(text="gas"),
    Filters(text="LEE"),
    Filters(speakers=("Nobody",)),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_rows_are_the_filtered_statements(store, filters):
    query, view, topics, _ = store
    expected = apply_filters(view, filters, topics)
    got = query.rows(filters, columns=["statement_id", "speaker", "outlet", "compound"])
    assert sorted(got["statement_id"]) == sorted(expected["statement_id"])
    merged = got.merge(expected, on="statement_id", suffixes=("", "_pd"))
    assert (merged["speaker"] == merged["speaker_pd"]).all()
    assert (merged["outlet"] == merged["outlet_pd"]).all()


def test_the_mapping_and_outlet_names_are_applied(store):
    query, _, _, _ = store
    lee = query.rows(Filters(speakers=("Lee",)), columns=["article_id"])["article_id"]
    assert sorted(set(lee)) == ["a1", "a5"]  # in a3 "Lee" is Ann Lee
    assert sorted(query.choices("outlet")) == ["AP", "Meridian Wire", "Reuters"]


def test_rows_latest_first_and_capped(store):
    query, view, _, _ = store
    got = query.rows(Filters(), limit=5, columns=["statement_id"])
    expected = view.sort_values(["date", "statement_id"], ascending=[False, True],
                                na_position="last").head(5)
    assert got["statement_id"].tolist() == expected["statement_id"].tolist()


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("by", ["speaker", "outlet", "topic"])
def test_sentiment_summary(store, filters, by):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    expected = aggregates.sentiment_summary(selected[selected[by] != ""] if by != "topic"
                                            else selected, by=by, topics=topics)
    got = measures.sentiment_summary(query, filters, by)
    assert_frame_equal(got, expected.astype(got.dtypes.to_dict()), check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("filters", FILTERS)
def test_totals_labels_kinds(store, filters):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    totals = query.totals(filters)
    assert totals["statements"] == query.count(filters) == len(selected)
    assert totals["articles"] == selected["article_id"].nunique()
    assert totals["speakers"] == selected.loc[selected["speaker"] != "", "speaker"].nunique()
    assert_frame_equal(measures.label_counts(query, filters), aggregates.label_counts(selected))
    assert_frame_equal(measures.kind_counts(query, filters),
                       aggregates.kind_counts(selected).head(25), check_dtype=False)
    assert_frame_equal(measures.kind_counts(query, filters, 2),
                       aggregates.kind_counts(selected).head(2), check_dtype=False)
    assert measures.top_speakers(query, filters, 3) == aggregates.kind_counts(selected).head(3)[
        "speaker"].tolist()


@pytest.mark.parametrize("filters", FILTERS[:7])
def test_quartiles(store, filters):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    speakers = ["Ann Lee", "Bo Chen", "Dee Ray"]
    expected = aggregates.quartiles(selected[selected["speaker"].isin(speakers)])
    got = measures.quartiles(query, filters, speakers)
    assert_frame_equal(got, expected, check_dtype=False, check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("size", [1, 2, 4, 101])
def test_a_box_of_counted_scores_is_the_box_of_the_scores(size):
    scores = np.random.default_rng(size).choice([-0.5, 0.0, 0.1, 0.4, 0.95, -1.0], size=size)
    expected = aggregates.quartiles(pd.DataFrame({"speaker": "x", "compound": scores}))
    values, counts = np.unique(scores, return_counts=True)
    got = measures._box(values, counts)
    assert got == pytest.approx(tuple(expected.iloc[0][aggregates.QUARTILE_COLUMNS]))


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("freq", ["D", "W", "MS"])
@pytest.mark.parametrize("by", ["speaker", "outlet", "topic"])
def test_counts_over_time(store, filters, freq, by):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    named = selected[selected[by] != ""] if by != "topic" else selected
    expected = aggregates.top_groups(
        timeseries.counts_over_time(named, by=by, freq=freq, topics=topics))
    assert_frame_equal(measures.counts_over_time(query, filters, by, freq), expected)


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("freq", ["D", "W", "MS"])
def test_tone_and_articles_over_time(store, filters, freq):
    query, view, topics, articles = store
    selected = apply_filters(view, filters, topics)
    expected = timeseries.sentiment_over_time(selected[["date", "compound"]], freq=freq)
    assert_frame_equal(measures.tone_over_time(query, filters, freq), expected, check_exact=False,
                       rtol=1e-9)
    held = articles[members(articles["id"], selected["article_id"])]
    assert_frame_equal(measures.articles_over_time(query, filters, freq),
                       timeseries.articles_over_time(held, freq=freq))


@pytest.mark.parametrize("filters", FILTERS)
def test_keyword_counts(store, filters):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    assert measures.keyword_counts(query, filters, top=150) == frequencies(selected["terms"],
                                                                           top=150)


def test_choices_search_as_you_type_most_quoted_first(store):
    query, view, _, _ = store
    named = view.loc[view["speaker"] != "", "speaker"].value_counts()
    expected = sorted(named.index, key=lambda s: (-named[s], s))
    assert query.choices("speaker") == expected
    assert query.choices("speaker", "lee") == [s for s in expected if "lee" in s.lower()]
    assert query.choices("speaker", limit=2) == expected[:2]
    assert query.choices("topic", "TRANS") == ["transport"]


def test_article_reads_one_body_and_its_statements(store):
    query, view, _, _ = store
    article, statements = query.article("a1")
    assert article["body"] == "body 1"
    assert statements["statement_id"].tolist() == view.loc[
        view["article_id"] == "a1"].sort_values("start")["statement_id"].tolist()
    assert query.article("nope")[0] is None


def test_values_are_parameters_not_sql(store):
    query, _, _, _ = store
    hostile = Filters(speakers=("x') OR TRUE --",), text="'; DROP TABLE v; --")
    assert query.rows(hostile).empty
    assert query.totals(Filters())["statements"] == 40


def test_summary_offers_what_the_corpus_holds(store):
    query, view, topics, articles = store
    summary = query.summary()
    named = view.loc[view["speaker"] != "", "speaker"].value_counts()
    assert summary["speakers"] == tuple(sorted(named.index, key=lambda s: (-named[s], s)))
    assert set(summary["outlets"]) == {"AP", "Meridian Wire", "Reuters"}
    assert set(summary["topics"]) == {"energy", "transport", "politics"}
    assert (summary["statements"], summary["articles"]) == (40, len(articles))
    assert summary["quoted"] == view["article_id"].nunique()
    assert summary["first"] == view["date"].min().date()
    assert summary["last"] == view["date"].max().date()
    assert query.totals(Filters())["undated"] == int(view["date"].isna().sum()) > 0


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("limit", [1, 3, 50])  # from the latest 4 * limit articles, or all
def test_article_choices_latest_first(store, filters, limit):
    query, view, topics, articles = store
    selected = apply_filters(view, filters, topics)
    expected = article_choices(articles, selected["article_id"], limit=limit)
    got = query.article_choices(filters, limit=limit)
    assert got["id"].tolist() == expected["id"].tolist()
    assert got["n"].tolist() == expected["n"].tolist()


@pytest.mark.parametrize("filters", FILTERS[:7])
def test_days_and_span(store, filters):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    days = measures.day_counts(query, filters)
    expected = selected["date"].dropna().dt.normalize().value_counts().sort_index()
    assert days.tolist() == expected.tolist()
    assert list(days.index) == list(expected.index)
    assert timeseries.span_of_days(days) == timeseries.main_span(selected["date"])


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("speaker", ["Ann Lee", "Lee", "Dee Ray", "Nobody"])
def test_profile(store, filters, speaker):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics).assign(speaker_mention=lambda v: v["speaker"])
    rows = speaker_profiles(selected)
    rows = rows[rows["speaker"] == speaker]
    got = measures.profile(query, filters, speaker)
    if rows.empty:
        assert got == {}
        return
    expected = rows.iloc[0].to_dict()
    assert got.keys() == expected.keys()
    for column, value in expected.items():
        assert got[column] == value or (pd.isna(got[column]) and pd.isna(value)), column


@pytest.mark.parametrize("filters", [Filters(), Filters(kinds=("direct", "mixed")),
                                     Filters(sentiment=(-0.5, 0.25)), Filters(text="rail")])
def test_profile_of_a_speaker_of_many_roles_affiliations_and_mentions(tmp_path, filters):
    # One speaker with two roles as common as each other (the first alphabetically wins),
    # a commonest affiliation, and mentions that are names, a pronoun, empty or missing.
    statements = _statements().assign(speaker="Ann Lee")
    n = len(statements)
    statements["speaker_type"] = (["person", "person", "organisation"] * n)[:n]
    statements["role"] = (["mp", "minister", "", None] * n)[:n]
    statements["affiliation"] = (["Labour", "Green", "Green", None, ""] * n)[:n]
    statements["speaker_mention"] = (["Ann Lee", "Minister Lee", "she", None, "A. Lee",
                                      ""] * n)[:n]
    paths = {kind: [tmp_path / f"{kind}-{i}.parquet" for i in range(2)]
             for kind in ("statements", "articles")}
    _write(statements, STATEMENT_SCHEMA, paths["statements"])
    _write(_articles(), ARTICLE_SCHEMA, paths["articles"])
    query = Query(paths["statements"], paths["articles"])
    articles = _articles().assign(date=lambda a: pd.to_datetime(a["date"]))
    selected = apply_filters(Corpus(articles, statements, pd.DataFrame()).view(), filters)
    expected = speaker_profiles(selected).iloc[0].to_dict()
    got = measures.profile(query, filters, "Ann Lee")
    assert got.keys() == expected.keys()
    for column, value in expected.items():
        assert got[column] == value or (pd.isna(got[column]) and pd.isna(value)), column
    if filters == Filters():
        assert (got["role"], got["affiliation"], got["statements"]) == ("minister", "Green", n)
    assert measures.profile(query, filters, "Bo Chen") == {}


@pytest.mark.parametrize("filters", FILTERS[:7])
def test_extremes(store, filters):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    expected = aggregates.extremes(selected, n=3)
    assert_frame_equal(measures.extremes(query, filters, n=3), expected, check_dtype=False)


def test_points_are_the_speakers_statements_sampled_past_the_limit(store):
    query, view, _, _ = store
    speakers = ["Ann Lee", "Bo Chen"]
    rows, total = measures.points(query, Filters(), speakers, limit=100)
    expected = view[view["speaker"].isin(speakers)]
    assert total == len(expected) == len(rows)
    assert sorted(rows["statement_id"]) == sorted(expected["statement_id"])
    some, total = measures.points(query, Filters(), speakers, limit=4)
    assert (len(some), total) == (4, len(expected))
    assert set(some["statement_id"]) <= set(expected["statement_id"])
    assert some["text"].notna().all()


@pytest.mark.parametrize("filters", [*FILTERS[:7], Filters(speakers=("Ann Lee",))])
@pytest.mark.parametrize("group", [("speaker", "Ann Lee"), ("topic", "energy"),
                                   ("topic", "politics")])  # discovered, defined
def test_keywords_and_distinctive_terms_of_a_group(store, filters, group):
    query, view, topics, _ = store
    selected = apply_filters(view, filters, topics)
    inside = in_group(selected, group, topics)
    assert measures.keyword_counts(query, filters, group) == frequencies(
        selected.loc[inside, "terms"])
    expected = distinctive_for(selected, inside, min_count=2)
    expected = expected[expected["z"] > 0].reset_index(drop=True)
    assert_frame_equal(measures.distinctive(query, filters, group), expected)


def test_terms_of_a_large_selection_are_counted_on_a_fixed_sample(store, monkeypatch):
    query, view, _, _ = store
    picked, total = measures.sample(query, Filters(), size=10)
    ids = picked["statement_id"].tolist()
    # the lowest hashes of all 40, whichever shortcut found them
    assert ids == query.pick("facts", [], "h, statement_id", 10, ["statement_id"])[
        "statement_id"].tolist()
    assert (len(ids), total) == (10, 40)
    assert measures.sample(query, Filters(), size=10)[0]["statement_id"].tolist() == ids
    monkeypatch.setattr(measures, "SAMPLE", 10)
    query.memo.clear()  # samples kept at the full size by the tests before
    sampled = view[view["statement_id"].isin(ids)]
    assert measures.keyword_counts(query, Filters()) == frequencies(sampled["terms"])
    # a group against the sample of all less the group's statements in it
    group = ("speaker", "Ann Lee")
    mine = measures.sample(query, Filters(), group)[0]["statement_id"]
    inside = view["statement_id"].isin(mine)
    others = sampled[sampled["speaker"] != "Ann Lee"]
    expected = distinctive_terms(view.loc[inside, "terms"], others["terms"], min_count=2)
    expected = expected[expected["z"] > 0].reset_index(drop=True)
    assert_frame_equal(measures.distinctive(query, Filters(), group), expected)
    query.memo.clear()


@pytest.fixture(scope="module")
def partly_held(store):
    """Give the store's Query with the terms of about 15 of its 40 statements held in memory,
    the others' read from their parts, and the facts of about 15 copied in hash order (a
    sample of many statements is picked from those)."""
    folder = Path(store[0].files[0]).parent
    paths = {kind: [folder / f"{kind}-{i}.parquet" for i in range(2)]
             for kind in ("statements", "articles", "topics")}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "HELD", 15)
        patch.setattr(tables, "LOW", 15)
        return Query(paths["statements"], paths["articles"], paths["topics"],
                     [folder / "speakers.parquet"])


@pytest.mark.parametrize("filters", FILTERS[:7])
@pytest.mark.parametrize("size", [5, 30])
@pytest.mark.parametrize("group", [None, ("speaker", "Ann Lee"), ("topic", "energy")])
def test_samples_and_terms_are_the_same_whichever_statements_are_held(
        store, partly_held, filters, size, group, monkeypatch):
    query = store[0]
    held = int(partly_held.sql("SELECT count(DISTINCT h) AS n FROM term_rows")["n"][0])
    assert query.cut == ALL and 0 < partly_held.cut < ALL and 0 < held < 40
    assert query.low == query.size("low_facts") == 0 and 0 < partly_held.low < ALL
    low = partly_held.sql("SELECT * FROM low_facts")  # in hash order
    assert 0 < len(low) < 40
    assert_frame_equal(low, partly_held.sql("SELECT * FROM facts WHERE h <= ? ORDER BY h",
                                            [partly_held.low]))
    monkeypatch.setattr(measures, "SAMPLE", size)
    query.memo.clear()
    partly_held.memo.clear()
    assert_frame_equal(measures.sample(partly_held, filters, group)[0],
                       measures.sample(query, filters, group)[0])
    assert measures.keyword_counts(partly_held, filters, group) == measures.keyword_counts(
        query, filters, group)
    if group is not None:
        assert_frame_equal(measures.distinctive(partly_held, filters, group),
                           measures.distinctive(query, filters, group))
    query.memo.clear()


def test_flags_are_counted_by_name_and_listed_latest_first(store):
    query, _, _, _ = store
    counts = query.flag_counts()
    assert list(zip(counts["flag"], counts["articles"], strict=True)) == [
        ("bad_bytes", 2), ("no_date", 2), ("sentence_too_long", 1)]
    listed = query.flagged(10)
    assert listed["id"].tolist() == ["a3", "a0", "a5", "a2"]  # a2 has no date
    assert listed.loc[listed["id"] == "a0", "flags"].item() == "bad_bytes=2;no_date"
    assert query.flagged(1)["id"].tolist() == ["a3"]


def test_a_group_that_is_every_filtered_statement_has_no_distinctive_terms(store):
    query, view, topics, _ = store
    filters = Filters(speakers=("Ann Lee",))
    selected = apply_filters(view, filters, topics)
    expected = distinctive_for(selected, selected["speaker"] == "Ann Lee", min_count=2)
    assert expected[expected["z"] > 0].empty
    got = measures.distinctive(query, filters, ("speaker", "Ann Lee"))
    assert got.empty and list(got.columns) == list(expected.columns)
