"""The store's settlement (newsquotes/settling.py): batch by batch it gives what settling the
whole store at once gives, with the corpus's places and given names kept between batches."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsquotes import batch, settling
from newsquotes.adding import add_files
from newsquotes.extract import pipeline as extraction
from newsquotes.store.parquet import Store
from tests.store import fake_extractor


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    monkeypatch.setattr(batch, "extract_texts", fake_extractor.extract_texts)
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-1")
    monkeypatch.setattr("newsquotes.pipeline.CHUNK", 1)  # one article a batch


# One story a file, read in this order: what a later batch brings changes an earlier one's.
STORIES = [
    "“The ferry is late,” said Lou. “It was late again,” said Joseph Brekke.",
    "“The port is closed,” said Lou Tavin. “Not for long,” said Tavi Orlov.",
    "“We will open it,” said Joe Brekke. “Soon,” said Tavi Orlov.",
    "“The fares are fair,” said Kessel Orlov.",
    "“They are not,” said Orlov.",
    "“The fares are high,” said Ana Kessel.",
    "“The fares will rise,” said Lars Kessel.",
]


def _store(tmp_path, stories: list[str]) -> Store:
    folder = tmp_path / "c"
    folder.mkdir()
    for i, text in enumerate(stories):
        (folder / f"s{i}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")
    store = Store(tmp_path / "s")
    add_files(store, [folder])
    return store


def _speakers(store: Store) -> list[str]:
    return sorted(store.statements()["speaker"].fillna("").tolist())


@pytest.mark.parametrize("at_once", [settling.SETTLE_ROWS, 1, 3])
def test_batch_by_batch_settlement_is_the_whole_store_settlement(tmp_path, monkeypatch, at_once):
    monkeypatch.setattr(settling, "SETTLE_ROWS", at_once)  # key groups settled a few at a time
    store = _store(tmp_path, STORIES)
    assert len(store.parts("names")) == len(STORIES)
    by_batch = _speakers(store)
    # "Lou" alone: "Lou" begins a full name in another article (a given name), and no full
    # name ends in it: no speaker; "Joseph Brekke" takes the corpus's ordinary "Joe Brekke";
    # the last two stories make "Kessel" a surname, so "Kessel Orlov" (a firm's name, say)
    # is no rival for the bare "Orlov" of the story before them, who is Tavi Orlov
    assert by_batch == ["", "Ana Kessel", "Joe Brekke", "Joe Brekke", "Kessel Orlov",
                        "Lars Kessel", "Lou Tavin", "Tavi Orlov", "Tavi Orlov", "Tavi Orlov"]
    words = json.loads(store.catalog().meta("words"))
    assert (words["lou"], words["kessel"], words["orlov"]) == ([1, 0], [1, 2], [0, 3])
    settling.resettle(store, None, None)
    assert _speakers(store) == by_batch


def test_word_uses_add_a_batch_and_take_away_the_one_it_replaced():
    old = {"vask": [1, 1], "lou": [1, 0]}
    merged, changed = settling.words_added(old, {"vask": [0, 1]}, {"lou": [1, 0]})
    assert merged == {"vask": [1, 2]}
    assert changed == {"vask", "lou"}  # now a surname; no longer a given name


def test_settle_keeps_the_names_rows_and_their_columns():
    names = settling.names_of(pd.DataFrame({
        "article_id": ["a", "b"], "speaker": ["Joseph R. Brekke Jr", "Joe Brekke"],
        "speaker_type": ["person", "person"], "affiliation": ["", ""],
        "speaker_mention": ["Brekke", "he"]}))
    keyed = settling.keyed(names, None)
    settled = settling.settle(keyed, None, set(), {"joe": [1, 0], "joseph": [1, 0]})
    assert settled["canonical"].tolist() == ["Joe Brekke"] * 2
    assert settled["key"].tolist() == ["breke"] * 2


def test_a_re_extracted_batch_takes_its_old_word_uses_away(tmp_path, monkeypatch):
    store = _store(tmp_path, STORIES)
    before = json.loads(store.catalog().meta("words"))
    monkeypatch.setattr(extraction, "EXTRACTOR_VERSION", "fake-2")
    from newsquotes import pipeline

    assert pipeline.update_store(store) == len(STORIES)  # every batch again, one by one
    words = json.loads(store.catalog().meta("words"))
    assert words == before == settling.words_of(store.read("names"), None)


def test_a_store_without_a_kinds_table_settles_everything_once(tmp_path):
    store = _store(tmp_path, STORIES)
    before = _speakers(store)
    kinds = store.catalog().kinds()
    assert kinds and store.catalog().meta("kinds") == settling.KINDS_FORMAT
    # as a store written before the kinds table left it
    store.catalog().commit(meta={"kinds": ""}, all_kinds=True)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "late.txt").write_text("Late\n\n“Late again,” said Ana Kessel.\n",
                                                encoding="utf-8")
    add_files(store, [tmp_path / "more"])
    assert store.catalog().meta("kinds") == settling.KINDS_FORMAT
    assert _speakers(store) == sorted([*before, "Ana Kessel"])
    after = store.catalog().kinds()
    assert len(after) == len(kinds)  # she is quoted alone, as in story 5: one kind, two articles
    assert [row[7] for row in after if row[2] == "Ana Kessel"] == [2]


def test_each_batch_keeps_its_settled_names_in_a_part_of_its_own(tmp_path):
    store = _store(tmp_path, STORIES)
    parts = {p.batch: p.file for p in store.catalog().parts("speakers")}
    assert parts  # "Joseph Brekke" settles to "Joe Brekke", "Orlov" to "Tavi Orlov"...
    assert not (store.path / "speakers.parquet").exists()
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "late.txt").write_text(
        "Late\n\n“Late again,” said Ana Kessel. “So late,” said Kessel.\n", encoding="utf-8")
    add_files(store, [tmp_path / "more"])
    after = {p.batch: p.file for p in store.catalog().parts("speakers")}
    new = set(after) - set(parts)
    # nothing moved: the old parts are the same files; the new batch has one (its "Kessel")
    assert {b: after[b] for b in parts} == parts and len(new) == 1
    assert store.read_part(next(p for p in store.catalog().parts("speakers")
                                if p.batch in new))["canonical"].tolist() == ["Ana Kessel"]


def test_a_store_settled_in_one_file_reads_it_until_its_names_are_settled_again(tmp_path):
    store = _store(tmp_path, STORIES)
    before = _speakers(store)
    # as a store settled before the kinds table left it: one file, no parts, no kinds
    settled = store.speakers()
    from newsquotes import schema
    from newsquotes.store.files import write_parquet
    write_parquet(store.path / "speakers.parquet", schema.to_arrow(settled, "speakers"))
    store.write_speakers({p.batch: settled.iloc[:0] for p in store.catalog().parts("speakers")},
                         {"kinds": ""}, all_kinds=True)
    assert store.speakers_parts() == [store.path / "speakers.parquet"]
    assert _speakers(store) == before
    settling.resettle(store, {"orlov"}, None)
    assert not (store.path / "speakers.parquet").exists()
    assert _speakers(store) == before and store.catalog().parts("speakers")


def test_compact_keeps_the_settled_names_of_the_batches_it_merges(tmp_path):
    from newsquotes.store.compact import compact

    store = _store(tmp_path, STORIES)
    before = _speakers(store)
    assert compact(store)[0] == len(STORIES)
    assert len(store.catalog().parts("speakers")) == 1 and _speakers(store) == before


def test_the_catalog_knows_the_keys_of_each_word_of_a_name(tmp_path):
    store = _store(tmp_path, STORIES)
    catalog = store.catalog()
    assert catalog.keys_with(["tavi"]) == {"orlov"}
    assert catalog.keys_with(["kessel"]) == {"kesel", "orlov"}  # "Kessel Orlov", "Ana Kessel"
    # "Lou" became a given name with story 1: the key of story 0's bare "Lou" was settled again
    assert settling._place_keys(store, {"lou"}) == {"lou", "tavin"}
