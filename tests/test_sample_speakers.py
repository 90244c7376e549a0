"""The speakers sample_data/README.md documents come out of the sample corpus under their
names and types: no cut names ("Hands Medical"), no body under several names, no fragment of a
reported clause taken for a speaker."""

from pathlib import Path

import pandas as pd
import pytest

from newsquotes.store.parquet import Store

SAMPLE_README = Path(__file__).resolve().parents[1] / "sample_data" / "README.md"


def documented() -> dict[str, str]:
    """Give name -> type of each row of the sample README's speaker table."""
    section = SAMPLE_README.read_text(encoding="utf-8").split("## Speakers", 1)[1]
    rows = [line for line in section.split("\n## ", 1)[0].splitlines() if line.startswith("| ")]
    cells = [row.split("|") for row in rows[1:]]
    # The corpus writes the apostrophe typographically ("Farmers’ Union").
    return {c[1].strip().replace("'", "’"): c[4].strip() for c in cells}


@pytest.fixture(scope="module")
def statements(sample_store) -> pd.DataFrame:
    return Store(sample_store).statements()


def said_by(statements: pd.DataFrame, cue: str, opening: str) -> list[str]:
    """Give the speakers of the statements at `cue` whose text opens with `opening`."""
    found = statements[(statements["cue"] == cue) & statements["text"].str.startswith(opening)]
    return found["speaker"].tolist()


def test_documented_speakers_are_quoted_under_their_names_and_types(statements):
    types = statements.groupby("speaker")["speaker_type"].agg(lambda t: sorted(set(t)))
    table = documented()
    people = [name for name, kind in table.items() if kind == "person"]
    assert [name for name in people if name not in types] == []
    quoted = {name: types[name] for name in table if name in types}
    assert quoted == {name: [table[name]] for name in quoted}
    assert len(quoted) >= len(table) - 4  # a few bodies are only ever named, never quoted


def test_one_name_per_body(statements):
    speakers = set(statements["speaker"])
    assert {"Open Hands Medical", "Central Electoral Commission", "Grey Lantern"} <= speakers
    # "Open" read as a verb cut the name; the commission had three names; the group had none
    assert not {"Hands Medical", "Velora's Central Electoral Commission",
                "Veloran Central Electoral Commission", "A group"} & speakers


def test_a_second_act_belongs_to_the_one_who_spoke(statements):
    """"She said <clause> and urged ...": the one who urged is the one who said."""
    assert said_by(statements, "urged", "to avoid public statements") == ["Sefa Orlund"]
    assert said_by(statements, "thanked", "the soldiers") == ["Radomir Kask"]
    assert said_by(statements, "called on", "to open a corridor") == ["Open Hands Medical"]
