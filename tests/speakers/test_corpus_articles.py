"""Three small articles of our own, extracted and settled as a store settles them."""

from __future__ import annotations

import pandas as pd
import pytest

from newsquotes import cli, pipeline
from newsquotes.records import Article
from newsquotes.speakers import corrections
from newsquotes.speakers.aliases import load_aliases
from newsquotes.store.parquet import Store

ARTICLES = {
    "harbour": ("KESTRA CITY - Mira J. Halvan, the harbour minister, said on Monday that the "
                "new ferry line would open in May. \u201cWe have waited long enough,\u201d "
                "Mira Halvan said. Mira Halvan said the fares would not rise.\n\n"
                "Mira Halvan added that the port would hire forty workers."),
    "port": ("The port will stay open all winter, Halvan said on Tuesday. \u201cNo ship will "
             "be turned away,\u201d Halvan told reporters."),
    "grain": ("Grain prices fell again this week, Mira Halvan said. Piotr Halvan, a farmer, "
              "said the harvest was late."),
}


def _store(folder, names: list[str]) -> Store:
    store = Store(folder / "store")
    store.add_articles([Article(id=k, body=ARTICLES[k], title=k) for k in names])
    pipeline.update_store(store)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    return _store(tmp_path_factory.mktemp("corpus"), ["harbour", "port"])


def _speakers(store: Store, article: str) -> list[str]:
    s = store.statements()
    return s.loc[s["article_id"] == article, "speaker"].tolist()


def test_a_bare_surname_in_another_article_joins_the_full_name(store):
    # the dateline and the middle initial are gone from the name
    assert _speakers(store, "harbour") == ["Mira Halvan"] * 4
    assert _speakers(store, "port") == ["Mira Halvan", "Mira Halvan"]


def test_a_surname_two_people_share_stays_bare(tmp_path):
    shared = _store(tmp_path, list(ARTICLES))
    assert _speakers(shared, "port") == ["Halvan", "Halvan"]  # Piotr has 1 of 6 full names
    assert _speakers(shared, "grain") == ["Mira Halvan", "Piotr Halvan"]


def test_the_listing_shows_counts_types_and_spellings(store, capsys):
    assert cli.main(["speakers", "--store", str(store.path), "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2  # the heading and the one speaker asked for
    assert lines[1].split()[:6] == ["1", "6", "2", "person", "Mira", "Halvan"]


def test_merge_and_split_write_the_alias_file_and_resettle(store):
    path = store.path / "aliases.toml"
    aliases = corrections.merged({}, ["Piotr Halvan"], "Mira Halvan")
    corrections.write_aliases(path, aliases)
    assert load_aliases(path) == {"Piotr Halvan": "Mira Halvan"}
    aliases = corrections.split(load_aliases(path), "Piotr Halvan")
    corrections.write_aliases(path, aliases)
    assert load_aliases(path) == {"Piotr Halvan": "Piotr Halvan"}
    assert not list(store.path.glob(".aliases.toml.*"))  # no temporary file left
    assert isinstance(store.statements(), pd.DataFrame)


SETTLED = {
    "board": ("Harbour Board Chief Slams Mira Halvan Over Fares\n\nThe board's chief, Ana Roth, "
              "criticised the fares. Halvan said on Monday that prices would not rise."),
    "fares": ("Mira Halvan, the harbour minister, said the fares were fair. Halvan said the "
              "port would hire forty workers."),
    "ferry": ("The harbour board met on Monday. Van Orlov, the board's clerk, said the minutes "
              "would be published. \u201cWe have nothing to hide,\u201d Orlov said."),
    "dock": ("Tavi Orlov, a ferry captain, said the crews were ready for the winter."),
}


def test_a_headline_verb_goes_and_a_given_name_van_is_no_particle(tmp_path):
    store = Store(tmp_path / "store")
    store.add_articles([Article(id=k, body=v, title=k) for k, v in SETTLED.items()])
    pipeline.update_store(store)
    # "Slams Mira Halvan" from the headline is Mira Halvan, named so in another article
    assert "Mira Halvan" in _speakers(store, "board")
    assert not any("Slams" in s for s in store.statements()["speaker"].dropna())
    assert _speakers(store, "ferry") == ["Van Orlov", "Van Orlov"]  # its own article decides
    assert _speakers(store, "dock") == ["Tavi Orlov"]
