"""Merge and split of the alias table, and the alias file written back."""

import pytest

from newsquotes.speakers.aliases import load_aliases
from newsquotes.speakers.corrections import merged, split, write_aliases


@pytest.mark.parametrize(("aliases", "names", "into", "expected"), [
    ({}, ["Halvan", "Mira Halvan"], "Mira Halvan", {"Halvan": "Mira Halvan"}),
    # a variant of a merged name follows it: no chain
    ({"M. Halvan": "Halvan"}, ["Halvan"], "Mira Halvan",
     {"M. Halvan": "Mira Halvan", "Halvan": "Mira Halvan"}),
    # the name merged into becomes final, even if it was a variant
    ({"Mira Halvan": "Halvan"}, ["Halvan"], "Mira Halvan", {"Halvan": "Mira Halvan"}),
    # a name kept apart on purpose can still be merged by the user
    ({"Halvan": "Halvan"}, ["Halvan"], "Mira Halvan", {"Halvan": "Mira Halvan"}),
])
def test_merged(aliases, names, into, expected):
    assert merged(aliases, names, into) == expected


@pytest.mark.parametrize(("aliases", "spelling", "expected"), [
    ({"Halvan": "Mira Halvan"}, "Halvan", {"Halvan": "Halvan"}),
    ({}, "Halvan", {"Halvan": "Halvan"}),
    ({"A": "B", "Halvan": "Mira Halvan"}, "Halvan", {"A": "B", "Halvan": "Halvan"}),
])
def test_split(aliases, spelling, expected):
    assert split(aliases, spelling) == expected


def test_merged_needs_a_name():
    with pytest.raises(ValueError, match="empty"):
        merged({}, ["Halvan"], "  ")


def test_write_aliases_keeps_the_opening_comments_and_reads_back(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text("# ours\n[aliases]\n\"A\" = \"B\"\n", encoding="utf-8")
    table = {"Zoë \"Z\" Brekke": "Zoë Brekke", "A": "B"}
    write_aliases(path, table)
    assert path.read_text(encoding="utf-8").startswith("# ours\n[aliases]\n")
    assert load_aliases(path) == table
    assert [p.name for p in tmp_path.iterdir()] == ["aliases.toml"]
