"""The Parquet store of parts: adding only what is new, round trips, the joined view, atomic
writes. (The single-file format and its manifest these tests once pinned were replaced on
purpose by parts and a catalog; the old format is now only read by the migration.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.records import Article
from newsquotes.schema import ARTICLE_COLUMNS, STATEMENT_COLUMNS, TOPIC_COLUMNS, VIEW_COLUMNS
from newsquotes.store import files as stores_files
from newsquotes.store import parquet as stores
from newsquotes.store.frames import articles_frame
from newsquotes.store.parquet import Batch, Store, load_corpus, outlet_names

A = Article(id="a1", title="Fares rise", body="“Too much,” she said.", date=dt.date(2022, 3, 10),
            source="Harbour Wire", word_count=4, origin="a.txt")
B = Article(id="b2", title="Fares explained", body="Fares are set by the board.", date=None,
            source="Tide Bulletin", word_count=6, origin="b.json#record 1",
            flags=("no_date", "not_english"), language="und")


def _statement(article_id: str, start: int, text: str, speaker: str, **extra) -> dict:
    row = dict.fromkeys(STATEMENT_COLUMNS, "")
    row.update(statement_id=f"{article_id}:{start}", article_id=article_id, start=start,
               end=start + len(text), text=text, kind="direct", speaker=speaker,
               speaker_mention_start=None, speaker_mention_end=None, compound=0.1, pos=0.2,
               neu=0.7, neg=0.1, label="neutral", terms=["fare"])
    row.update(extra)
    return row


def _statements(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=STATEMENT_COLUMNS)
    for col in ("speaker_mention_start", "speaker_mention_end"):
        df[col] = df[col].astype("Int64")
    return df


def _add(store: Store, articles: list[Article], statements: pd.DataFrame,
         topics: pd.DataFrame | None = None, version: str = "v1") -> str:
    return store.add_batch(Batch(articles_frame(articles), statements, topics=topics,
                                 version=version))


def test_adding_only_adds_what_is_new(tmp_path):
    store = Store(tmp_path / "s")
    assert store.add_articles([A]) == (["a1"], [])
    assert store.add_articles([A, B, B]) == (["b2"], ["a1", "b2"])
    assert store.articles()["id"].tolist() == ["a1", "b2"]
    assert store.count("articles") == 2 and len(store.parts("articles")) == 2


def test_articles_round_trip(tmp_path):
    store = Store(tmp_path)
    store.add_articles([A, B])
    expected = pd.DataFrame({
        "id": ["a1", "b2"], "title": ["Fares rise", "Fares explained"],
        "body": ["“Too much,” she said.", "Fares are set by the board."],
        "date": pd.to_datetime(["2022-03-10", None]).astype("datetime64[ns]"),
        "section": ["", ""], "source": ["Harbour Wire", "Tide Bulletin"],
        "author": ["", ""], "url": ["", ""], "language": ["en", "und"],
        "word_count": [4, 6], "origin": ["a.txt", "b.json#record 1"],
        "flags": ["", "no_date;not_english"],
    })
    assert_frame_equal(store.articles(), expected, check_dtype=False)
    assert store.articles()["date"].dtype == "datetime64[ns]"


def test_an_empty_store_gives_empty_frames_with_columns(tmp_path):
    corpus = load_corpus(tmp_path / "nothing")
    assert list(corpus.articles.columns) == ARTICLE_COLUMNS
    assert list(corpus.statements.columns) == STATEMENT_COLUMNS
    assert list(corpus.topics.columns) == TOPIC_COLUMNS
    assert list(corpus.view().columns) == VIEW_COLUMNS
    assert not (tmp_path / "nothing").exists()


def test_statements_round_trip_with_missing_offsets_and_terms(tmp_path):
    store = Store(tmp_path)
    df = _statements(_statement("a1", 0, "Too much", "Alva Strand", speaker_mention_start=12,
                                speaker_mention_end=15),
                     _statement("b2", 5, "set", "", terms=[]))
    _add(store, [A], df)
    got = store.statements()
    assert_frame_equal(got, df, check_dtype=False)
    assert got["speaker_mention_start"].tolist() == [12, pd.NA]
    assert got["terms"].tolist() == [["fare"], []]


def test_replacing_a_batch_rewrites_only_its_parts(tmp_path):
    store = Store(tmp_path)
    first = _add(store, [A], _statements(_statement("a1", 0, "old", "X")))
    _add(store, [B], _statements(_statement("b2", 0, "kept", "Y")))
    kept = store.parts("statements")[1]
    store.replace_batch(first, {"statements": _statements(_statement("a1", 3, "new", "X"))},
                        "v2")
    assert store.statements()["statement_id"].tolist() == ["a1:3", "b2:0"]
    assert store.extracted() == {"a1": "v2", "b2": "v1"}
    assert kept in store.parts("statements") and len(list(tmp_path.glob("statements/*"))) == 2


def test_view_joins_each_statement_to_its_article(tmp_path):
    store = Store(tmp_path)
    _add(store, [A, B], _statements(_statement("a1", 0, "Too much", "Alva Strand"),
                                    _statement("b2", 0, "Fares", "")))
    view = load_corpus(tmp_path).view()
    assert list(view.columns) == VIEW_COLUMNS
    assert view[["statement_id", "outlet", "title"]].values.tolist() == [
        ["a1:0", "Harbour Wire", "Fares rise"], ["b2:0", "Tide Bulletin", "Fares explained"]]
    assert view["date"].tolist()[0] == pd.Timestamp("2022-03-10") and pd.isna(view["date"][1])


def test_topics_round_trip(tmp_path):
    store = Store(tmp_path)
    topics = pd.DataFrame({"statement_id": ["a1:0"], "topic": ["fares"],
                           "topic_kind": ["defined"]})
    _add(store, [A], _statements(_statement("a1", 0, "Too much", "Alva Strand")), topics)
    assert_frame_equal(store.topics(), topics, check_dtype=False)


def test_default_path_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSQUOTES_STORE", str(tmp_path / "env"))
    assert Store().path == tmp_path / "env"
    monkeypatch.delenv("NEWSQUOTES_STORE")
    assert Store().path == stores.Path("data") / "store"


def _crash_midway(monkeypatch):
    """Make the next Parquet write leave half a file behind and fail, as a crash would."""
    real = pq.write_table

    def half_written(table, where, **kwargs):
        real(table, where, **kwargs)
        with open(where, "r+b") as f:
            f.truncate(f.seek(0, 2) // 2)
        raise OSError("disk gone")

    monkeypatch.setattr(stores_files.pq, "write_table", half_written)


def _files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()
                  and "catalog.sqlite" not in p.name)


def test_a_crash_while_adding_leaves_the_previous_corpus_whole(tmp_path, monkeypatch):
    store = Store(tmp_path)
    _add(store, [A], _statements(_statement("a1", 0, "Too much", "Alva Strand")))
    before, files = load_corpus(tmp_path), _files(tmp_path)
    _crash_midway(monkeypatch)
    with pytest.raises(OSError, match="disk gone"):
        store.add_articles([B])
    after = load_corpus(tmp_path)
    assert_frame_equal(after.articles, before.articles)
    assert_frame_equal(after.view(), before.view())
    assert _files(tmp_path) == files  # no temp file, no half part left


def test_a_crash_before_the_rename_leaves_the_previous_parts(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.add_articles([A])
    files = _files(tmp_path)

    def no_rename(src, dst):
        raise OSError("power cut")

    monkeypatch.setattr(stores_files.os, "replace", no_rename)
    with pytest.raises(OSError, match="power cut"):
        store.add_articles([B])
    monkeypatch.undo()
    assert Store(tmp_path).articles()["id"].tolist() == ["a1"]
    assert Store(tmp_path).count("articles") == 1
    assert _files(tmp_path) == files


@pytest.mark.parametrize(("sources", "names"), [
    # one name per outlet whatever the case or spacing: the mixed-case spelling wins
    (["MERIDIAN WIRE", "Meridian Wire", "Meridian  Wire ", "MERIDIAN WIRE"],
     ["Meridian Wire"] * 4),
    # no mixed-case spelling: the commonest, then the first alphabetically
    (["TIDE POST", "tide post", "tide post"], ["tide post"] * 3),
    (["HARBOUR", "harbour"], ["HARBOUR"] * 2),
    # two mixed-case spellings: the commonest
    (["Le Journal", "Le journal", "Le journal"], ["Le journal"] * 3),
    # empty and missing stay empty; other outlets are left alone
    (["", None, "Bay Times"], ["", "", "Bay Times"]),
])
def test_outlet_names_give_one_display_name_per_outlet(sources, names):
    got = outlet_names(pd.Series(sources, dtype=object, name="source"))
    assert got.tolist() == names
    assert got.name == "source"


def test_view_shows_one_outlet_for_spellings_that_differ_in_case(tmp_path):
    store = Store(tmp_path)
    shouted = replace(B, source="HARBOUR  WIRE")
    _add(store, [A, shouted], _statements(_statement("a1", 0, "Too much", "Alva Strand"),
                                          _statement("b2", 0, "Fares", "")))
    view = load_corpus(tmp_path).view()
    assert view["outlet"].tolist() == ["Harbour Wire", "Harbour Wire"]
    assert view.index.tolist() == [0, 1]
    assert load_corpus(tmp_path).articles["source"].tolist() == ["Harbour Wire", "HARBOUR  WIRE"]
