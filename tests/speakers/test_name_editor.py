"""The Speakers page's merge and split: the alias file written, names settled again, and the
pages reading the change."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import data
from components.name_editor import current_aliases, resettle
from newsquotes.speakers.aliases import load_aliases
from newsquotes.speakers.corrections import merged
from newsquotes.store.parquet import Store

TIMEOUT_S = 120


@pytest.fixture
def store_copy(monkeypatch, sample_store, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(sample_store, path)
    monkeypatch.setenv(data.STORE_ENV, str(path))
    return path


def _counts(path) -> dict[str, int]:
    return Store(path).statements()["speaker"].value_counts().to_dict()


def _speakers_page() -> AppTest:
    at = AppTest.from_file("../../dashboard.py", default_timeout=TIMEOUT_S)
    at.run()
    at.switch_page("pages/speakers.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_speakers_page_offers_merge_and_split(store_copy):
    at = _speakers_page()
    names = at.multiselect(key="ne_merge")
    assert set(names.options) >= set(at.selectbox(key="sp_profile").options)
    names.set_value(names.options[:2]).run()
    assert at.selectbox(key="ne_into").options == names.options[:2]
    assert not at.button(key="ne_merge_go").disabled


def test_a_merge_counts_two_names_as_one_on_every_page(store_copy):
    before = _counts(store_copy)
    first, second = sorted(n for n in before if n and " " in n)[:2]
    changed = resettle(store_copy, merged(current_aliases(store_copy), [first, second], first))
    assert changed == before[second]
    assert load_aliases(store_copy / "aliases.toml")[second] == first
    after = _counts(store_copy)
    assert second not in after and after[first] == before[first] + before[second]
    # the pages read the store again: its stamp changed, and the sidebar offers one name
    at = _speakers_page()
    assert first in at.selectbox(key="sp_profile").options
    assert second not in at.selectbox(key="sp_profile").options


def test_a_spelling_split_back_out_gets_its_statements_back(store_copy):
    statements = Store(store_copy).statements()
    row = statements[statements["speaker_mention"] == statements["speaker"]].iloc[0]
    name = row["speaker"]
    resettle(store_copy, {name: "Someone Else Entirely"})
    assert name not in _counts(store_copy)
    changed = resettle(store_copy, {name: name})
    assert changed > 0 and name in _counts(store_copy)
    assert load_aliases(store_copy / "aliases.toml") == {name: name}
