import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics.keywords import (
    as_lists,
    distinctive_for,
    distinctive_terms,
    frequencies,
    lemma,
    log_odds,
    statement_terms,
    term_counts,
    text_terms,
)


@pytest.mark.parametrize(("text", "terms"), [
    # speech verbs, weekdays and stop words go; adjacent content words pair up
    ("Peace talks failed, the minister said on Monday.",
     ["peace", "talks", "peace talks", "fail", "talks fail", "minister"]),
    # contractions drop out; plurals and -ing forms as documented
    ("The ceasefire isn't holding; children are fleeing.",
     ["ceasefire", "holding", "child", "fleeing"]),
    # punctuation breaks a bigram, a hyphenated word is one word lemmatised on its last part
    ("Security guarantees, he told us, are long-range promises.",
     ["security", "guarantee", "security guarantee", "long-range", "promise",
      "long-range promise"]),
    # a capitalised word inside a sentence is a name: lower-cased, not lemmatised
    ("Officials in the United States warned of nuclear war.",
     ["official", "united", "states", "united states", "nuclear", "war", "nuclear war"]),
    # possessive 's and a curly apostrophe
    ("Ukraine’s allies sent weapons.",
     ["ukraine", "ally", "ukraine ally", "send", "ally send", "weapon", "send weapon"]),
    ("\u201cIt is what it is,\u201d she added.", []),
    ("", []),
])
def test_text_terms(text, terms):
    assert text_terms(text) == terms


@pytest.mark.parametrize(("word", "expected"), [
    ("sanctions", "sanction"), ("women", "woman"), ("lives", "life"), ("threatens", "threaten"),
    ("warned", "warn"), ("news", "news"), ("talks", "talks"), ("media", "media"),
    ("meeting", "meeting"), ("cease-fires", "cease-fire"), ("pass", "pass"),
    ("glasses", "glass"), ("sent", "send"), ("left", "left"),
])
def test_lemma(word, expected):
    assert lemma(word) == expected


def test_statement_terms_is_text_terms_per_text():
    texts = ["Sanctions work.", "", "Nuclear war looms."]
    assert statement_terms(texts) == [["sanction", "work", "sanction work"], [],
                                      ["nuclear", "war", "nuclear war", "loom", "war loom"]]


def test_frequencies_keep_only_bigrams_that_recur_across_statements():
    terms = [
        ["peace", "talks", "peace talks"],
        ["peace talks", "peace", "talks"],
        ["nuclear", "war", "nuclear war", "nuclear war"],  # twice, but in one statement
    ]
    assert frequencies(terms) == {"peace": 2.0, "peace talks": 2.0, "talks": 2.0,
                                  "nuclear": 1.0, "war": 1.0}
    assert frequencies(terms, top=2) == {"peace": 2.0, "peace talks": 2.0}
    assert frequencies([]) == {}


def test_frequencies_take_terms_as_read_back_from_parquet():
    # a list column comes back from Parquet as numpy arrays; a row without terms as None
    column = pd.Series([np.array(["truce", "border"]), None, np.array(["truce"])])
    assert frequencies(column) == {"truce": 2.0, "border": 1.0}


def _log_odds_example() -> tuple[list[list[str]], list[list[str]]]:
    return [["peace", "war"], ["peace"]], [["war", "trade"], ["war"]]


def test_distinctive_terms_match_monroe_eq_22_worked_by_hand():
    # a: peace 2, war 1 (n_a = 3); b: war 2, trade 1 (n_b = 3);
    # prior = a + b: peace 2, war 3, trade 1, alpha_0 = 6.
    # peace: log((2+2)/(3+6-2-2)) - log((0+2)/(3+6-0-2)) = log(4/5) - log(2/7) = log(2.8)
    # war:   log((1+3)/(3+6-1-3)) - log((2+3)/(3+6-2-3)) = log(4/5) - log(5/4) = log(0.64)
    # trade: log((0+1)/(3+6-0-1)) - log((1+1)/(3+6-1-1)) = log(1/8) - log(2/7) = log(7/16)
    expected = pd.DataFrame({
        "term": ["peace", "war", "trade"],
        "log_odds": [math.log(2.8), math.log(0.64), math.log(7 / 16)],
        "z": [math.log(2.8) / math.sqrt(1 / 4 + 1 / 2),
              math.log(0.64) / math.sqrt(1 / 4 + 1 / 5),
              math.log(7 / 16) / math.sqrt(1 / 1 + 1 / 2)],
        "count_a": [2, 1, 0],
        "count_b": [0, 2, 1],
    })
    assert_frame_equal(distinctive_terms(*_log_odds_example()), expected)


def test_distinctive_terms_with_a_corpus_prior_and_a_count_floor():
    a, b = _log_odds_example()
    prior = {"peace": 10, "war": 10, "trade": 10}  # alpha_0 = 30, flat
    got = distinctive_terms(a, b, prior=prior, min_count=2)
    assert got["term"].tolist() == ["peace", "war"]  # trade is seen once only
    # peace: log(12 / (3+30-2-10)) - log(10 / (3+30-0-10)) = log(12/21) - log(10/23)
    assert got.loc[0, "log_odds"] == pytest.approx(math.log(12 / 21) - math.log(10 / 23))


def test_distinctive_for_splits_the_view_by_mask():
    a, b = _log_odds_example()
    view = pd.DataFrame({"speaker": ["Ann", "Ann", "Bo", "Bo"], "terms": a + b})
    assert_frame_equal(distinctive_for(view, view["speaker"] == "Ann"),
                       distinctive_terms(a, b))


def test_distinctive_terms_of_nothing_is_empty_with_the_columns():
    got = distinctive_terms([], [])
    assert list(got.columns) == ["term", "log_odds", "z", "count_a", "count_b"]
    assert got.empty


# Statements 0-2 by one speaker, 3-5 by another: a bigram recurring only across both sets,
# one recurring within a set, one said twice in a single statement, a row without terms.
INDEXED = [
    ["peace", "talks", "peace talks"],
    ["peace talks", "peace", "talks", "border"],
    ["nuclear", "war", "nuclear war", "nuclear war"],
    ["war", "trade", "trade war"],
    None,
    ["peace", "trade", "trade war", "border", "peace talks"],
]
MASKS = {
    "all": [True] * 6,
    "first three": [True, True, True, False, False, False],
    "last three": [False, False, False, True, True, True],
    "one": [False, False, False, False, False, True],
    "none": [False] * 6,
}


def _rows(mask: list[bool]) -> list:
    return [t for t, keep in zip(INDEXED, mask, strict=True) if keep]


@pytest.mark.parametrize(("a", "b"), [("first three", "last three"), ("one", "first three"),
                                      ("last three", "none"), ("none", "none")])
@pytest.mark.parametrize("min_count", [1, 2])
def test_log_odds_of_counts_equals_distinctive_terms(a, b, min_count):
    # Counted as the store's query counts: bigrams kept where they recur in a and b together.
    docs_a, docs_b = as_lists(_rows(MASKS[a])), as_lists(_rows(MASKS[b]))
    kept = set(term_counts(docs_a + docs_b))
    y_a, y_b = Counter(), Counter()
    for docs, counts in ((docs_a, y_a), (docs_b, y_b)):
        counts.update(t for doc in docs for t in doc if t in kept)
    vocab = sorted(set(y_a) | set(y_b))
    got = log_odds(vocab, np.array([y_a[t] for t in vocab], dtype=float),
                   np.array([y_b[t] for t in vocab], dtype=float), min_count)
    assert_frame_equal(got, distinctive_terms(docs_a, docs_b, min_count=min_count))


def test_log_odds_of_counts_matches_the_worked_example():
    got = log_odds(["peace", "trade", "war"], np.array([2.0, 0.0, 1.0]),
                   np.array([0.0, 1.0, 2.0]))
    assert_frame_equal(got, distinctive_terms(*_log_odds_example()))
    assert got["log_odds"].tolist() == pytest.approx([math.log(2.8), math.log(0.64),
                                                      math.log(7 / 16)], rel=1e-12)
    assert log_odds([], np.array([]), np.array([])).empty
