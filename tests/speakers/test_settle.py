"""Settlement over a names table: names_of, settle, settle_key, and canonicalize built on them."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from newsquotes.speakers.corpus import (
    NAME_COLUMNS,
    canonicalize,
    name_words_of,
    names_of,
    places_of,
    settle,
    settle_key,
)


def _statements(rows: list[tuple]) -> pd.DataFrame:
    """Rows of (article_id, speaker, speaker_type, speaker_mention, affiliation)."""
    return pd.DataFrame(rows, columns=["article_id", "speaker", "speaker_type",
                                       "speaker_mention", "affiliation"])


CORPUS = _statements([
    ("a", "Dmytro Kuleba", "person", "Dmytro Kuleba", "Ukraine"),
    ("a", "Dmytro Kuleba", "person", "he", "Ukraine"),
    ("a", "Dmytro Kuleba", "person", "he", "Ukraine"),
    ("b", "Kuleba", "person", "Kuleba", ""),
    ("b", "Anna Varga", "person", "Anna Varga", ""),
    ("c", "Peter Varga", "person", "Peter Varga", ""),
    ("c", "Varga", "person", "Varga", ""),
    ("d", "Varga", "person", "Varga", ""),
    ("d", "Ukraine", "government", "Ukraine", ""),
    ("d", "Velora's Central Electoral Commission", "organisation", "the commission", "Velora"),
    ("e", "Central Electoral Commission", "organisation", "Central Electoral Commission", ""),
    ("e", "", "", "figures", ""),
    ("e", None, "person", "he", None),
])


def test_names_of_counts_statements_per_distinct_row():
    names = names_of(CORPUS)
    assert list(names.columns) == NAME_COLUMNS
    kuleba = names[names["speaker"] == "Dmytro Kuleba"]
    assert sorted(zip(kuleba["pronoun"], kuleba["statements"], strict=True)) == [(False, 1),
                                                                                 (True, 2)]
    assert names["statements"].sum() == len(CORPUS)
    assert len(names) == len(CORPUS) - 1  # the two "he" rows of article a are one row


def test_settle_gives_canonical_names_and_types():
    settled = settle(names_of(CORPUS))
    got = dict(zip(settled["article_id"] + "/" + settled["speaker"], settled["canonical"],
                   strict=True))
    assert got["b/Kuleba"] == "Dmytro Kuleba"  # the only full name with that surname
    assert got["c/Varga"] == "Peter Varga"  # decided by its own article
    assert got["d/Varga"] == "Varga"  # two people, not decided
    commission = "Velora's Central Electoral Commission"  # one place qualifies the body
    assert got["d/" + commission] == got["e/Central Electoral Commission"] == commission
    assert set(settled.loc[settled["canonical"] == "Ukraine", "canonical_type"]) == {"government"}


def _by_key_groups(names: pd.DataFrame, aliases=None) -> pd.DataFrame:
    """Settle a names table one key group at a time, the corpus's places and name words
    given."""
    places, words = places_of(names, aliases), name_words_of(names, aliases)
    keys = settle_key(names, aliases)
    parts = [settle(names[keys == key], aliases, places, words=words) for key in keys.unique()]
    return pd.concat(parts).sort_index()


def test_settling_key_group_by_key_group_gives_the_whole_settlement():
    names = names_of(CORPUS)
    keys = settle_key(names)
    assert keys.nunique() >= 5  # the table really is split
    whole = settle(names, by_key=False)
    assert_frame_equal(_by_key_groups(names), whole)
    assert_frame_equal(settle(names), whole)


WORDS = st.sampled_from(["Anna", "Peter", "Sergey", "Sergei", "Mr.", "the", "Foreign", "Minister"])
LAST = st.sampled_from(["Varga", "Vargas", "VARGA", "Kuleba", "Ukraine", "Ministry", "he", ""])
SPEAKER = st.tuples(st.lists(WORDS, max_size=2), LAST).map(lambda p: " ".join([*p[0], p[1]]))
ROW = st.tuples(st.sampled_from("abc"), SPEAKER,
                st.sampled_from(["person", "government", "organisation", ""]),
                st.sampled_from(["he", "she", "Varga", ""]), st.sampled_from(["", "Ukraine"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=14), st.booleans())
def test_key_groups_never_influence_each_other(rows, with_alias):
    aliases = {"Varga": "Peter Varga"} if with_alias else None
    names = names_of(_statements(rows))
    whole = settle(names, aliases, by_key=False)
    assert_frame_equal(_by_key_groups(names, aliases), whole)
    assert_frame_equal(settle(names, aliases), whole)


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW.map(lambda r: (r[0] + str(len(r[1]) % 3), *r[1:])), min_size=1,
                max_size=24), st.booleans(), st.randoms(use_true_random=False))
def test_articles_that_name_alike_settle_as_one_with_the_same_result(rows, with_alias, order):
    """Each key group settles from its kinds of article (articles naming the same names alike
    as one, weighed by how many): the result is that of settling every article's rows as
    they are, in any order."""
    from unittest import mock

    from newsquotes.speakers import kinds

    aliases = {"Varga": "Peter Varga"} if with_alias else None
    names = names_of(_statements(rows))
    with mock.patch.object(kinds, "kind_ids", lambda n: n["article_id"].astype(str)):
        one_by_one = settle(names, aliases)  # every article a kind of its own
    shuffled = names.sample(frac=1, random_state=order.randrange(1000))
    assert_frame_equal(settle(shuffled, aliases).loc[names.index], one_by_one)


def test_the_kinds_table_counts_the_articles_that_name_a_key_alike():
    from newsquotes.speakers.kinds import kinds_of

    names = names_of(_statements([("a", "Pell", "person", "Pell", ""),
                                  ("b", "Pell", "person", "Pell", ""),
                                  ("b", "Ana Pell", "person", "Ana Pell", ""),
                                  ("c", "Pell", "person", "Pell", ""),
                                  ("d", "Ana Pell", "person", "Ana Pell", ""),
                                  ("d", "Pell", "person", "Pell", "")]))
    table = kinds_of(names.assign(key=settle_key(names)))
    got = sorted(table[["speaker", "statements", "articles"]].values.tolist())
    # a and c name "Pell" alone; b and d name both (their rows in another order)
    assert got == [["Ana Pell", 2, 2], ["Pell", 2, 2], ["Pell", 2, 2]]
    assert table["kind"].nunique() == 2 and set(table["key"]) == {"pel"}


def test_kinds_add_up_and_a_kind_no_article_is_left_of_goes():
    from newsquotes.speakers.kinds import kinds_added, kinds_of

    def table(rows):
        names = names_of(_statements(rows))
        return kinds_of(names.assign(key=settle_key(names)))

    old = table([("a", "Pell", "person", "Pell", ""), ("b", "Ana Pell", "person", "Ana Pell", "")])
    new = table([("c", "Pell", "person", "Pell", "")])
    gone = table([("b", "Ana Pell", "person", "Ana Pell", "")])
    summed = kinds_added(old, new, gone)
    assert summed[["speaker", "statements", "articles"]].values.tolist() == [["Pell", 2, 2]]


def test_canonicalize_applies_the_settlement_to_each_statement():
    got = canonicalize(CORPUS)
    assert got["speaker"].tolist()[:4] == ["Dmytro Kuleba"] * 4
    assert got["speaker"].isna().tolist() == CORPUS["speaker"].isna().tolist()
    assert got["speaker_type"].tolist()[-2:] == ["", "person"]


@pytest.mark.parametrize(("rows", "keys"), [
    # a suffix is no surname: "Brekke Jr" is settled with "Brekke" (keys: doubled letters once)
    ([("a", "Joseph R. Brekke Jr", "person"), ("b", "Joe Brekke", "person")],
     ["breke", "breke"]),
    # the name as it is cleaned: no second sentence, no title
    ([("a", "Halvan. In", "person"), ("a", "Sen. Mira Halvan", "person")],
     ["halvan", "halvan"]),
    # a bare given name goes with the one full name its article begins with it ...
    ([("a", "Lou", "person"), ("a", "Lou Tavin", "person"), ("b", "Lou", "person")],
     ["tavin", "tavin", "lou"]),
    # ... not where the article gives it as a surname too, or begins two names with it
    ([("a", "Lou", "person"), ("a", "Lou Tavin", "person"), ("a", "Mira Lou", "person")],
     ["lou", "tavin", "lou"]),
    ([("a", "Lou", "person"), ("a", "Lou Tavin", "person"), ("a", "Lou Brekke", "person")],
     ["lou", "tavin", "breke"]),
])
def test_settle_key_is_the_surname_the_settlement_compares(rows, keys):
    names = names_of(_statements([(a, s, t, s, "") for a, s, t in rows]))
    got = dict(zip(names["article_id"] + "/" + names["speaker"], settle_key(names),
                   strict=True))
    assert [got[f"{a}/{s}"] for a, s, _ in rows] == keys


@pytest.mark.parametrize(("rows", "expected"), [
    # a bare given name is the one full name its article begins with it, else no one
    ([("a", "Lou"), ("a", "Lou Tavin"), ("b", "Lou")], ["Lou Tavin", "Lou Tavin", ""]),
    # ... unless a full name ends in it: then it is a surname
    ([("a", "Lou Tavin"), ("b", "Lou"), ("c", "Mira Lou")], ["Lou Tavin", "Mira Lou", "Mira Lou"]),
    ([("a", "Mira Halvan"), ("b", "Orlov")], ["Mira Halvan", "Orlov"]),  # a surname alone
])
def test_a_bare_given_name_settles_to_its_article_full_name_only(rows, expected):
    settled = settle(names_of(_statements([(a, s, "person", s, "") for a, s in rows])))
    got = dict(zip(settled["article_id"] + "/" + settled["speaker"], settled["canonical"],
                   strict=True))
    assert [got[f"{a}/{s}"] for a, s in rows] == expected


@pytest.mark.parametrize(("rows", "expected"), [
    # a full name led by a corpus given name, typed an organisation, is a person's
    ([("a", "Susan Tavin", "person"), ("b", "Susan Orlov", "organisation")],
     ["person", "person"]),
    ([("a", "Susan Tavin", "person"), ("b", "Morrow Orlov", "organisation"),
      ("c", "Susan Ports Academy", "organisation"), ("d", "New Kestra", "organisation")],
     ["person", "organisation", "organisation", "organisation"]),
])
def test_types_follow_the_corpus_given_names(rows, expected):
    settled = settle(names_of(_statements([(a, s, t, s, "") for a, s, t in rows])))
    got = dict(zip(settled["speaker"], settled["canonical_type"], strict=True))
    assert [got[s] for _, s, _ in rows] == expected


def test_an_untyped_corpus_surname_is_a_person_not_the_place_its_tagger_made_it():
    # "Orlov asked ..." untyped three times, tagged a place once (as its own affiliation)
    rows = [("a", "Orlov", "", "Orlov", ""), ("a", "Orlov", "", "Orlov", ""),
            ("a", "Orlov", "", "Orlov", ""), ("a", "Orlov", "government", "Orlov", "Orlov"),
            ("b", "Tavi Orlov", "person", "Tavi Orlov", "")]
    settled = settle(names_of(_statements(rows)))
    pairs = zip(settled["canonical"], settled["canonical_type"], strict=True)
    assert set(pairs) == {("Tavi Orlov", "person")}



def test_name_words_count_the_articles_a_word_begins_and_ends_a_full_name_in():
    rows = [("a", "Davis Orlov", "person", "", ""), ("b", "Mira Davis", "person", "", ""),
            ("c", "Rick Davis", "person", "", ""), ("c", "Rick Davis Jr", "person", "", ""),
            ("d", "Davis", "person", "", ""), ("d", "New Kestra", "person", "", "")]
    words = name_words_of(names_of(_statements(rows)))
    assert words == {"davis": [1, 2], "kestra": [0, 1], "mira": [1, 0], "orlov": [0, 1],
                     "rick": [1, 0]}


def test_a_kind_weighs_as_the_articles_it_stands_for():
    # ten articles name Ana Pell alike (one kind), one names Bo Pell: Ana holds 10 of the 11
    # articles naming a Pell in full, so a bare "Pell" elsewhere is hers
    rows = [(f"a{i}", "Ana Pell", "person", "Ana Pell", "") for i in range(10)]
    rows += [("b", "Bo Pell", "person", "Bo Pell", ""), ("z", "Pell", "person", "Pell", "")]
    settled = settle(names_of(_statements(rows)))
    assert settled.loc[settled["article_id"] == "z", "canonical"].tolist() == ["Ana Pell"]


@pytest.mark.xfail(strict=True, reason=(
    "known gap, found by hypothesis: a bare given name typed a government in an article that "
    "names the full name ('Anna' beside 'Anna Varga') and typed a person elsewhere settles as "
    "a person where all rows settle as one group (the other article's typing, and its he, "
    "count) and so joins the full name; its settlement key, taken from the row's own type, "
    "puts it with the other article's bare 'Anna', which no full name joins"))
def test_a_bare_given_name_typed_otherwise_in_one_article_settles_as_its_key_group():
    rows = ([("a", "Varga", "person", "he", "")] * 8
            + [("a", "Anna ", "person", "he", ""), ("b", "Anna Varga", "person", "he", ""),
               ("b", "Anna ", "government", "he", "")])
    names = names_of(_statements(rows))
    assert_frame_equal(_by_key_groups(names), settle(names, by_key=False))
