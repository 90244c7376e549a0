import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from newsquotes.analytics.sentiment import (
    WordEffect,
    analyzer,
    explain,
    label,
    score_texts,
    word_valences,
)


def test_score_texts_gives_vader_scores_unchanged_with_labels():
    texts = ["The deal is good.", "The deal is not good.", "The ministry met on Tuesday.",
             "The deal is good."]
    expected = pd.DataFrame({
        "compound": [0.4404, -0.3412, 0.0, 0.4404],
        "pos": [0.492, 0.0, 0.0, 0.492],
        "neu": [0.508, 0.624, 1.0, 0.508],
        "neg": [0.0, 0.376, 0.0, 0.0],
        "label": ["positive", "negative", "neutral", "positive"],
    })
    assert_frame_equal(score_texts(texts), expected, check_dtype=False)
    for text, row in zip(texts, score_texts(texts).itertuples(), strict=True):
        assert analyzer().polarity_scores(text)["compound"] == row.compound


def test_score_texts_of_nothing_is_an_empty_frame_with_the_columns():
    assert list(score_texts([]).columns) == ["compound", "pos", "neu", "neg", "label"]
    assert len(score_texts([])) == 0


@pytest.mark.parametrize(("compound", "expected"), [
    (0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"),
    (-0.0499, "neutral"), (-0.05, "negative"), (-1.0, "negative"),
])
def test_label_follows_vader_thresholds(compound, expected):
    assert label(compound) == expected


@pytest.mark.parametrize(("text", "effects"), [
    ("The deal is good.", [WordEffect("good", 12, 16, 1.9, 1.9)]),
    # negation: 1.9 * -0.74
    ("The deal is not good.", [WordEffect("good", 16, 20, -1.406, 1.9)]),
    # booster: 1.9 + 0.293
    ("The deal is very good.", [WordEffect("good", 17, 21, 2.193, 1.9)]),
    # "but": halves what comes before, adds half to what comes after
    ("The offer was good but the terms are bad.",
     [WordEffect("good", 14, 18, 0.95, 1.9), WordEffect("bad", 37, 40, -3.75, -2.5)]),
    # punctuation around a word is not part of it
    ("(Great) news", [WordEffect("Great", 1, 6, 3.1, 3.1)]),
    # an emoji is scored through its description, and points back at the emoji
    ("This is a disaster \N{GRINNING FACE}",
     [WordEffect("disaster", 10, 18, -3.1, -3.1),
      WordEffect("\N{GRINNING FACE}", 19, 20, 1.5, 1.5)]),
    ("The ministry published its figures on Tuesday.", []),
])
def test_explain_gives_lexicon_words_with_the_valence_vader_applied(text, effects):
    got = explain(text)
    assert [e.token for e in got] == [e.token for e in effects]
    assert [(e.start, e.end, e.lexicon_valence) for e in got] == [
        (e.start, e.end, e.lexicon_valence) for e in effects
    ]
    assert [e.valence for e in got] == pytest.approx([e.valence for e in effects])
    assert all(text[e.start:e.end] == e.token for e in got)


@pytest.mark.parametrize("text", [
    "The offer was good but the terms are bad.",
    "  \"Terrible,\" she said, \"absolutely TERRIBLE.\"",
    "No problem at all, we are kind of happy!!",
    "At least it was not the worst outcome?? Really??",
    "It isn't a disaster \N{GRINNING FACE} and never so good",
])
def test_word_valences_add_up_to_vader_compound(text):
    sia = analyzer()
    clean = text.strip()
    assert sia.score_valence(word_valences(text), clean) == sia.polarity_scores(text)
