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


def test_an_article_added_to_a_synthetic_store_settles_only_its_keys(tmp_path, monkeypatch):
    synth_store(tmp_path / "s", 300)
    monkeypatch.setattr(batch, "extract_texts", fake_extractor.extract_texts)
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")  # the store is outdated
    settled = []
    real = settling.settle
    monkeypatch.setattr(settling, "settle",
                        lambda names, *a, **k: settled.append(len(names)) or real(names, *a, **k))
    story = tmp_path / "story.txt"
    story.write_text("Ferry fares\n\n“Fares will rise,” said Anna Quorvath.\n",
                     encoding="utf-8")
    assert len(add_files(Store(tmp_path / "s"), [story]).added) == 1
    assert settled == [1]  # "Anna" is a given name already: only the new key "quorvath" settles
