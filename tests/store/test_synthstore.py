"""A synthetic store is recorded as an ingest would leave it: an article added afterwards
settles the names of its own keys, not the whole store's."""

from __future__ import annotations

import json

import pandas as pd

from newsquotes import batch, settling
from newsquotes.adding import add_files
from newsquotes.extract import pipeline as extraction
from newsquotes.store.parquet import Store
from newsquotes.synthstore import synth_store
from tests.store import fake_extractor


def test_a_synthetic_store_records_the_word_uses_an_ingest_would(tmp_path):
    synth_store(tmp_path / "s", 300)
    store = Store(tmp_path / "s")
    names = pd.concat([store.read_part(p) for p in store.catalog().parts("names")])
    recorded = json.loads(store.catalog().meta("words", "{}"))
    assert recorded == settling.words_of(names, None) and "anna" in recorded


def _adding(tmp_path, monkeypatch, name: str) -> tuple[list[list[str]], int]:
    """Give the keys of each kinds table settled and the rows looked up when one article
    quoting `name` is added to a synthetic store."""
    synth_store(tmp_path / "s", 300)
    monkeypatch.setattr(batch, "extract_texts", fake_extractor.extract_texts)
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")  # the store is outdated
    settled, looked = [], []
    real, real_resettle = settling.speakers.settle_kinds, settling.resettle
    monkeypatch.setattr(settling.speakers, "settle_kinds", lambda table, *a, **k: settled.append(
        sorted(set(table["key"]))) or real(table, *a, **k))
    monkeypatch.setattr(settling, "resettle", lambda *a, **k: looked.append(
        real_resettle(*a, **k)) or looked[-1])
    story = tmp_path / "story.txt"
    story.write_text(f"Ferry fares\n\n“Fares will rise,” said {name}.\n", encoding="utf-8")
    assert len(add_files(Store(tmp_path / "s"), [story]).added) == 1
    return settled, sum(looked)


def test_an_article_added_to_a_synthetic_store_settles_only_its_keys(tmp_path, monkeypatch):
    settled, looked = _adding(tmp_path, monkeypatch, "Anna Quorvath")
    # "Anna" is a given name already: only the new key "quorvath" settles
    assert settled == [["quorvath"]] and looked == 1


def test_an_article_quoting_the_most_quoted_name_looks_up_only_its_own_rows(tmp_path,
                                                                           monkeypatch):
    store = Store(tmp_path / "s")
    settled, looked = _adding(tmp_path, monkeypatch, "Anna Varga")
    assert settled == [["varga"]]  # its key's kinds of article, settled again
    assert looked == 1  # nothing moved: the one new row is looked up, not the key's rows
    names = pd.concat([store.read_part(p) for p in store.catalog().parts("names")])
    assert (names["key"] == "varga").sum() > 100
    assert store.statements()["speaker"].value_counts().index[0] == "Anna Varga"
