from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics.topics import (
    assign_defined,
    discover_topics,
    load_topics,
    topics_for,
    topics_key,
)

TOPICS_TOML = """
# a comment
[topics]
ceasefire = ["ceasefire", "truce", "Halt  Firing"]
trade = ["tariff", "grain exports"]
"""


def _statements(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"statement_id": [f"a:{i}" for i in range(len(texts))], "text": texts})


def test_load_topics_reads_the_documented_format(tmp_path: Path):
    path = tmp_path / "topics.toml"
    path.write_text(TOPICS_TOML, encoding="utf-8")
    assert load_topics(path) == {
        "ceasefire": ["ceasefire", "truce", "halt firing"],
        "trade": ["tariff", "grain exports"],
    }


def test_load_topics_reads_the_sample_file():
    topics = load_topics(Path(__file__).parents[2] / "sample_data" / "topics.toml")
    assert topics and all(phrases for phrases in topics.values())


@pytest.mark.parametrize(("content", "reason"), [
    ("[topics\nx = 1", "not valid TOML"),
    ("ceasefire = ['truce']", "expected a \\[topics\\] table"),
    ("[topics]", "expected a \\[topics\\] table"),
    ("[topics]\nceasefire = 3", "topic 'ceasefire': expected a list"),
    ("[topics]\nceasefire = ['truce', '']", "topic 'ceasefire': expected a list"),
    ("[topics]\nceasefire = []", "topic 'ceasefire': expected a list"),
])
def test_load_topics_names_the_file_and_the_reason(tmp_path: Path, content, reason):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=f"bad.toml: .*{reason}"):
        load_topics(path)


def test_load_topics_of_a_missing_file(tmp_path: Path):
    with pytest.raises(ValueError, match="nowhere.toml: cannot read"):
        load_topics(tmp_path / "nowhere.toml")


def test_assign_defined_matches_phrases_on_word_boundaries_and_allows_several():
    statements = _statements([
        "The TRUCE held, and grain\nexports resumed.",  # two topics; a phrase across a line
        "The truces are fragile.",                       # "truce" inside "truces": no match
        "They halt firing at dawn; the tariff stays.",
        "Nothing about it.",
    ])
    topics = {"ceasefire": ["ceasefire", "truce", "halt firing"],
              "trade": ["tariff", "grain exports"]}
    expected = pd.DataFrame({
        "statement_id": ["a:0", "a:0", "a:2", "a:2"],
        "topic": ["ceasefire", "trade", "ceasefire", "trade"],
        "topic_kind": ["defined"] * 4,
    })
    assert_frame_equal(assign_defined(statements, topics), expected)


def test_assign_defined_with_no_match_is_empty_with_the_columns():
    got = assign_defined(_statements(["Nothing here."]), {"trade": ["tariff"]})
    assert list(got.columns) == ["statement_id", "topic", "topic_kind"]
    assert got.empty


CORPUS = [
    ["grain", "export", "grain export", "tariff"],
    ["grain", "export", "grain export", "price"],
    ["tariff", "grain", "export", "grain export"],
    ["truce", "border", "shelling"],
    ["truce", "border", "monitor"],
    ["shelling", "border", "truce"],
]


def test_discover_topics_separates_two_obvious_topics_and_names_them():
    statements = _statements(["x"] * len(CORPUS)).assign(terms=CORPUS)
    assignments, table = discover_topics(statements, n_topics=2)
    assert table["topic"].tolist() == ["grain export / tariff / price",
                                       "border / truce / shelling"]
    assert table["statements"].tolist() == [3, 3]
    assert assignments["topic"].tolist() == ["grain export / tariff / price"] * 3 + [
        "border / truce / shelling"] * 3
    assert set(assignments["topic_kind"]) == {"discovered"}
    again, _ = discover_topics(statements, n_topics=2)
    assert_frame_equal(assignments, again)


def test_discover_topics_on_a_corpus_smaller_than_n_topics():
    statements = _statements(["x", "y"]).assign(terms=[["truce", "border"], ["grain"]])
    assignments, table = discover_topics(statements, n_topics=8)
    assert len(table) == 2
    assert assignments["statement_id"].tolist() == ["a:0", "a:1"]


@pytest.mark.parametrize("terms", [[], [[]], [[], []]])
def test_discover_topics_without_terms_gives_no_topics(terms):
    statements = _statements(["x"] * len(terms)).assign(terms=terms)
    assignments, table = discover_topics(statements)
    assert assignments.empty and table.empty
    assert list(table.columns) == ["topic", "top_terms", "statements"]


def test_discover_topics_computes_terms_when_none_are_stored():
    statements = _statements(["Grain exports fell.", "Grain exports rose."])
    assignments, table = discover_topics(statements, n_topics=1)
    # terms computed from the text: "fell" is lemmatised
    assert table["top_terms"].tolist() == [["export", "grain", "grain export", "export fall",
                                            "export rise", "fall", "rise"]]


def test_topics_for_gives_defined_then_discovered(tmp_path: Path):
    path = tmp_path / "topics.toml"
    path.write_text(TOPICS_TOML, encoding="utf-8")
    statements = _statements(["A truce now.", "No tariff."]).assign(
        terms=[["truce"], ["tariff"]])
    got = topics_for(statements, path, n_topics=2)
    assert got.values.tolist() == [
        ["a:0", "ceasefire", "defined"], ["a:1", "trade", "defined"],
        ["a:0", "truce", "discovered"], ["a:1", "tariff", "discovered"],
    ]


def test_topics_key_changes_with_the_statements_and_the_topic_file(tmp_path: Path):
    path = tmp_path / "topics.toml"
    path.write_text(TOPICS_TOML, encoding="utf-8")
    statements = _statements(["A truce now.", "No tariff."])
    key = topics_key(statements, path)
    assert topics_key(statements.copy(), path) == key
    assert topics_key(statements.iloc[:1], path) != key
    assert topics_key(statements.assign(text=["A truce.", "No tariff."]), path) != key
    assert topics_key(statements, None) != key
    path.write_text(TOPICS_TOML + 'health = ["vaccine"]\n', encoding="utf-8")
    assert topics_key(statements, path) != key
