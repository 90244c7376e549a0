"""add_files, re-extraction, compaction, export and migration on small stores, with the fast
fake extractor (tests/store/fake_extractor.py)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsquotes import batch, cli
from newsquotes.adding import add_files
from newsquotes.extract import pipeline as extraction
from newsquotes.records import Article
from newsquotes.store import StoreError
from newsquotes.store.compact import compact
from newsquotes.store.frames import articles_frame
from newsquotes.store.parquet import Store
from tests.store import fake_extractor


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    monkeypatch.setattr(batch, "extract_texts", fake_extractor.extract_texts)
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_date_outside_1677_2262_is_kept_flagged_and_its_neighbours_stored(tmp_path):
    file = _jsonl(tmp_path / "a.jsonl", [
        {"title": "Old", "date": "0001-01-01", "text": "“It is old news,” said Alva Strand."},
        {"title": "Far", "date": "9999-12-31", "text": "“It is far away,” said Alva Strand."},
        {"title": "Now", "date": "2022-03-10", "text": "“It is today,” said Alva Strand."}])
    report = add_files(Store(tmp_path / "s"), [file])
    articles = Store(tmp_path / "s").articles().set_index("title")
    assert len(report.added) == 3 and report.statements == 3
    # The reader flags the date it cannot hold (the store's own check is the second line).
    assert articles.loc["Old", "flags"].split(";") == ["date_unparsed=0001-01-01", "no_date"]
    assert pd.isna(articles.loc["Far", "date"]) and "date_unparsed=9999-12-31" in articles.loc[
        "Far", "flags"]
    assert articles.loc["Now", "date"] == pd.Timestamp("2022-03-10")


def test_a_fresh_store_takes_articles_with_no_statements(tmp_path):
    file = _jsonl(tmp_path / "a.jsonl", [{"title": "Quiet", "text": "Nobody said a thing."}])
    report = add_files(Store(tmp_path / "s"), [file])
    assert (len(report.added), report.statements) == (1, 0)
    assert Store(tmp_path / "s").statements().empty
    assert list(Store(tmp_path / "s").statements()["terms"]) == []


def test_an_article_not_in_english_is_stored_without_statements(tmp_path):
    store = Store(tmp_path / "s")
    german = Article(id="de1", title="Fähre", body="“Es wird teurer,” said Alva Strand.",
                     language="de")
    english = Article(id="en1", title="Ferry", body="“It will cost more,” said Alva Strand.")
    store.add_articles([german, english])
    from newsquotes import pipeline

    assert pipeline.update_store(store) == 2
    assert store.statements()["article_id"].tolist() == ["en1"]
    assert store.extracted() == {"de1": "fake-1", "en1": "fake-1"}


def test_a_file_read_before_is_skipped_without_parsing(tmp_path, monkeypatch):
    fake_extractor.write_stories(tmp_path / "c", 3)
    store = Store(tmp_path / "s")
    add_files(store, [tmp_path / "c"])
    monkeypatch.setattr("newsquotes.adding.read_file", lambda *a: pytest.fail("parsed"))
    again = add_files(store, [tmp_path / "c"])
    assert (len(again.skipped_files), again.read, len(again.added)) == (3, 0, 0)


def test_a_surname_settles_to_the_full_name_across_batches(tmp_path, monkeypatch):
    monkeypatch.setattr("newsquotes.pipeline.CHUNK", 1)
    fake_extractor.write_stories(tmp_path / "c", 2)
    store = Store(tmp_path / "s")
    add_files(store, [tmp_path / "c"])
    assert len(store.parts("statements")) == 2
    assert set(store.raw_statements()["speaker"]) == {"Alva Strand", "Strand"}
    assert set(store.statements()["speaker"]) == {"Alva Strand"}


def test_a_new_extractor_version_rewrites_only_the_stale_batches(tmp_path, monkeypatch):
    store = Store(tmp_path / "s")
    fake_extractor.write_stories(tmp_path / "c", 2)
    add_files(store, [tmp_path / "c"])
    old = store.parts("statements")
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    fake_extractor.write_stories(tmp_path / "d", 0)
    (tmp_path / "d" / "new.txt").write_text(fake_extractor.story(7), encoding="utf-8")
    store.add_articles([Article(id="x", title="x", body="“Fresh,” said Ines Varga.")])
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")
    from newsquotes import pipeline

    assert pipeline.update_store(store) == 1  # only the batch stored unextracted
    assert set(old) <= set(store.parts("statements"))
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    assert pipeline.update_store(store) == 3
    assert not set(old) & set(store.parts("statements")) and len(store.statements()) == 5


def test_adding_after_an_extractor_upgrade_leaves_older_batches_until_reextract(
        tmp_path, monkeypatch, capsys):
    store = Store(tmp_path / "s")
    fake_extractor.write_stories(tmp_path / "c", 2)
    add_files(store, [tmp_path / "c"])
    old = store.parts("statements")
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "new.txt").write_text(fake_extractor.story(7), encoding="utf-8")
    report = add_files(store, [tmp_path / "d"])
    assert (len(report.added), report.reextracted, report.outdated) == (1, 0, 2)
    assert set(old) < set(store.parts("statements"))  # the old batch untouched
    assert sorted(store.extracted().values()) == ["fake-1", "fake-1", "fake-2"]
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "new.txt").write_text(fake_extractor.story(8), encoding="utf-8")
    assert cli.main(["ingest", str(tmp_path / "e"), "--store", str(tmp_path / "s"), "-q"]) == 0
    assert "\n2 articles were read by an older extractor version; `python -m newsquotes " \
        f"reextract --store {tmp_path / 's'}` reads them again\n" in capsys.readouterr().out
    assert cli.main(["reextract", "--store", str(tmp_path / "s"), "-q"]) == 0
    assert capsys.readouterr().out.startswith("2 articles extracted by fake-2;")
    assert sorted(store.extracted().values()) == ["fake-2"] * 4
    assert not set(old) & set(store.parts("statements"))
    assert add_files(store, [tmp_path / "d"]).outdated == 0


def test_compact_merges_small_batches_and_keeps_every_row(tmp_path, monkeypatch):
    monkeypatch.setattr("newsquotes.pipeline.CHUNK", 2)
    fake_extractor.write_stories(tmp_path / "c", 7)
    store = Store(tmp_path / "s")
    add_files(store, [tmp_path / "c"])
    before = store.statements().sort_values("statement_id").reset_index(drop=True)
    assert len(store.parts("articles")) == 4
    assert compact(store) == (4, 1)
    assert len(store.parts("articles")) == len(store.parts("statements")) == 1
    after = store.statements().sort_values("statement_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(after, before)
    assert len(list((tmp_path / "s" / "statements").iterdir())) == 1  # old parts deleted
    assert add_files(store, [tmp_path / "c"]).skipped_files != []  # files still known


def test_export_filters_and_writes_csv_inert(tmp_path, capsys):
    file = _jsonl(tmp_path / "a.jsonl", [
        {"title": "A", "date": "2022-03-10", "text": "“=1+2 is the sum,” said Alva Strand."},
        {"title": "B", "date": "2023-03-10", "text": "“Another year,” said Ines Varga."}])
    add_files(Store(tmp_path / "s"), [file])
    out = tmp_path / "out.csv"
    assert cli.main(["export", "--store", str(tmp_path / "s"), "--to", str(out),
                     "--end", "2022-12-31"]) == 0
    rows = pd.read_csv(out)
    assert rows["text"].tolist() == ["'=1+2 is the sum,"] and rows["speaker"].tolist() == [
        "Alva Strand"]
    jsonl = tmp_path / "out.jsonl"
    assert cli.main(["export", "--store", str(tmp_path / "s"), "--to", str(jsonl),
                     "--speaker", "Ines Varga"]) == 0
    assert [json.loads(line)["text"] for line in jsonl.read_text().splitlines()] == [
        "Another year,"]


def test_an_old_store_is_migrated_losing_nothing(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    articles = articles_frame([Article(id="a1", title="t", body="“Hi,” said Alva Strand.",
                                       date=dt.date(2022, 3, 10)),
                               Article(id="b2", title="u", body="Not read yet.")])
    statements = pd.DataFrame({"statement_id": ["a1:1"], "article_id": ["a1"], "start": [1],
                               "end": [4], "text": ["Hi,"], "kind": ["direct"],
                               "speaker": ["Alva Strand"], "terms": [["hi"]]})
    topics = pd.DataFrame({"statement_id": ["a1:1"], "topic": ["greetings"],
                           "topic_kind": ["defined"]})
    from newsquotes import schema

    for kind, df in (("articles", articles), ("statements", statements), ("topics", topics)):
        pq.write_table(schema.to_arrow(df, kind), old / f"{kind}.parquet")
    (old / "manifest.json").write_text(json.dumps({"format": 1, "extracted": {"a1": "fake-1"}}))
    store = Store(old)
    assert sorted(store.articles()["id"]) == ["a1", "b2"]
    assert store.statements()[["statement_id", "text", "speaker"]].values.tolist() == [
        ["a1:1", "Hi,", "Alva Strand"]]
    assert store.topics()["topic"].tolist() == ["greetings"]
    assert store.extracted() == {"a1": "fake-1", "b2": ""}
    assert sorted(p.name for p in (old / "migrated").iterdir()) == [
        "articles.parquet", "manifest.json", "statements.parquet", "topics.parquet"]
    # The next ingest gives the migrated batches names parts: a bare surname meets them.
    late = _jsonl(tmp_path / "late.jsonl", [{"title": "Late", "text": "“Later,” said Strand."}])
    kept = [p for p in store.parts("statements") if "part-000001-" in p.name]
    add_files(store, [late])
    assert kept and set(kept) <= set(store.parts("statements"))  # a1's batch not re-extracted
    assert len(store.parts("names")) == len(store.parts("statements"))
    assert set(store.statements()["speaker"]) == {"Alva Strand"}


def test_a_store_path_that_is_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "s").write_text("not a folder")
    with pytest.raises(StoreError, match="a file where the store folder should be"):
        Store(tmp_path / "s").articles()


def _models(store: Store) -> set[str]:
    return {p.version for p in store.catalog().parts("topics")}


def test_topics_are_refitted_when_the_store_doubles_or_when_asked(tmp_path, monkeypatch):
    monkeypatch.setattr("newsquotes.pipeline.CHUNK", 2)
    store = Store(tmp_path / "s")
    fake_extractor.write_stories(tmp_path / "c", 2)
    add_files(store, [tmp_path / "c"])
    first = store.catalog().meta("topics_model")
    assert _models(store) == {first} and store.catalog().meta("topics_fit_statements") == "4"
    (tmp_path / "c" / "story0099.txt").write_text(fake_extractor.story(99), encoding="utf-8")
    add_files(store, [tmp_path / "c"])  # 6 statements: not yet twice the 4 of the fit
    assert store.catalog().meta("topics_model") == first
    (tmp_path / "d").mkdir()
    for i in range(10, 14):
        (tmp_path / "d" / f"s{i}.txt").write_text(fake_extractor.story(i), encoding="utf-8")
    add_files(store, [tmp_path / "d"])  # 8 statements of new stories: 14 >= 2 x 4
    second = store.catalog().meta("topics_model")
    assert store.catalog().meta("topics_fit_statements") == "14"
    assert _models(store) == {second}  # every batch re-assigned by the new model
    add_files(store, [], refit_topics=True)
    assert _models(store) == {store.catalog().meta("topics_model")}
    assert set(store.topics()["statement_id"]) <= set(store.statements()["statement_id"])


def test_opening_a_store_to_read_never_writes_its_catalog(tmp_path):
    """The dashboard's caches are keyed by the store files' stamp: a reader that wrote the
    catalog (an index an upgrade adds, say) would make it read the corpus twice."""
    import sqlite3

    fake_extractor.write_stories(tmp_path / "c", 2)
    add_files(Store(tmp_path / "s"), [tmp_path / "c"])
    catalog = tmp_path / "s" / "catalog.sqlite"
    with sqlite3.connect(catalog) as db:
        db.execute("DROP INDEX articles_version")
    db.close()

    def indexed() -> list:
        with sqlite3.connect(catalog) as db:
            found = db.execute("SELECT name FROM sqlite_master WHERE name = 'articles_version'"
                               ).fetchall()
        db.close()
        return found

    reader = Store(tmp_path / "s")
    assert reader.catalog().stale_articles("fake-1") == 0 and len(reader.statements()) == 4
    reader.close()
    assert indexed() == []  # nothing written, not even to the write-ahead log
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "new.txt").write_text(fake_extractor.story(5), encoding="utf-8")
    add_files(Store(tmp_path / "s"), [tmp_path / "d"])  # the next writer makes it again
    assert indexed() == [("articles_version",)]
