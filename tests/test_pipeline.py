"""Pipeline plumbing: what gets extracted when, and how statements reach the store.

These tests replace the extractor (`batch.extract_texts`, spaCy-backed) with a fake that finds
each quoted span (and flags a text holding "many"), so they test the pipeline's bookkeeping,
not extraction quality; speakers, sentiment, keywords and topics are the real ones.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from newsquotes import batch, pipeline
from newsquotes.extract import limits
from newsquotes.extract import pipeline as extraction
from newsquotes.extract.pipeline import Extraction
from newsquotes.records import Article, Statement
from newsquotes.schema import STATEMENT_COLUMNS
from newsquotes.store.parquet import Store, articles_frame


def _article(aid: str, body: str) -> Article:
    return Article(id=aid, title=aid, body=body, date=dt.date(2022, 3, 10), source="Wire")


A = _article("a1", "“We are delighted with the agreement,” said Alva Strand.")
B = _article("b2", "“The fares are a disgrace,” Strand told reporters.")
C = _article("c3", "Nobody said anything at all.")
MANY = _article("m4", "“One,” she said. “Two,” she said. Too many to read.")


@pytest.fixture
def calls(monkeypatch, tmp_path):
    """Record the texts each extract_many call was given; fake statements per quoted span."""
    seen: list[list[str]] = []

    def fake_extract_texts(texts, n_process=1):
        texts = list(texts)
        seen.append(texts)
        return [Extraction([Statement(start=m.start(1), end=m.end(1), text=m.group(1),
                                      kind="direct", cue="said", speaker="Alva Strand",
                                      speaker_type="person")
                            for m in re.finditer(r"“([^”]+)”", t)],
                           [limits.TOO_MANY_QUOTES] if "many" in t else [])
                for t in texts]

    monkeypatch.setattr(batch, "extract_texts", fake_extract_texts)
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")
    (tmp_path / "topics.toml").write_text('[topics]\nfares = ["fares"]\n', encoding="utf-8")
    (tmp_path / "aliases.toml").write_text("[aliases]\n", encoding="utf-8")
    return seen


def test_build_statements_gives_the_schema(calls):
    df = pipeline.build_statements(articles_frame([A, B]))
    assert list(df.columns) == STATEMENT_COLUMNS
    assert df["statement_id"].tolist() == ["a1:1", "b2:1"]
    assert df["text"].tolist() == ["We are delighted with the agreement,",
                                   "The fares are a disgrace,"]
    assert df["label"].tolist() == ["positive", "negative"]
    assert all(isinstance(t, list) and t for t in df["terms"])
    assert str(df["start"].dtype) == "int64" and str(df["speaker_mention_start"].dtype) == "Int64"


def test_build_statements_of_articles_without_statements(calls):
    df = pipeline.build_statements(articles_frame([C]))
    assert df.empty and list(df.columns) == STATEMENT_COLUMNS


def test_update_extracts_only_what_is_new_or_stale(calls, tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.add_articles([A, C])
    assert pipeline.update_store(store) == 2
    assert pipeline.update_store(store) == 0
    store.add_articles([B])
    assert pipeline.update_store(store) == 1
    assert calls == [[A.body, C.body], [B.body]]
    assert sorted(store.statements()["statement_id"]) == ["a1:1", "b2:1"]
    assert store.extracted() == {"a1": "fake-1", "b2": "fake-1", "c3": "fake-1"}
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    assert pipeline.update_store(store) == 3
    assert len(store.statements()) == 2  # re-extracted, not duplicated


def test_update_writes_topics_from_the_topic_file(calls, tmp_path):
    store = Store(tmp_path)
    store.add_articles([A, B])
    pipeline.update_store(store)
    defined = store.topics().query("topic_kind == 'defined'")
    assert defined[["statement_id", "topic"]].values.tolist() == [["b2:1", "fares"]]


def test_update_reports_progress_per_batch(calls, tmp_path):
    store = Store(tmp_path)
    store.add_articles([A, B])
    store.add_articles([C])
    seen = []
    pipeline.update_store(store, progress=lambda *done: seen.append(done[2:]))
    assert seen == [(2, 2), (3, 0)]  # (articles done, statements of the batch)


def _flags(store: Store) -> dict[str, str]:
    """Give article id -> flags as the articles parts and the catalog hold them."""
    parts = dict(zip(store.articles()["id"], store.articles()["flags"], strict=True))
    with sqlite3.connect(store.path / "catalog.sqlite") as db:
        catalog = dict(db.execute("SELECT id, flags FROM articles").fetchall())
    assert parts == catalog
    return parts


def test_ingest_stores_the_extraction_flags_on_the_article(calls, tmp_path):
    """Issue 13.4: a bound the extraction reached is kept with the article, beside its own
    flags, and the article keeps its statements."""
    from newsquotes.adding import add_files

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "many.txt").write_text(f"Many\n\n{MANY.body}\n", encoding="utf-8")
    (tmp_path / "in" / "plain.txt").write_text(f"Plain\n\n{A.body}\n", encoding="utf-8")
    store = Store(tmp_path / "store")
    add_files(store, [tmp_path / "in"])
    by_title = dict(zip(store.articles()["title"], store.articles()["id"], strict=True))
    flags = _flags(store)
    assert limits.TOO_MANY_QUOTES in flags[by_title["Many"]].split(";")
    assert limits.TOO_MANY_QUOTES not in flags[by_title["Plain"]].split(";")
    assert len(store.statements()) == 3


def test_re_extraction_replaces_the_extraction_flags_only(calls, tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.add_articles([MANY, A])
    pipeline.update_store(store)
    assert _flags(store) == {"m4": limits.TOO_MANY_QUOTES, "a1": ""}
    monkeypatch.setattr(batch, "extract_texts",
                        lambda texts, n_process=1: [Extraction([], []) for _ in texts])
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    pipeline.update_store(store)
    assert _flags(store) == {"m4": "", "a1": ""}
