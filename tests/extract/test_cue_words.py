"""The speech-cue lexicon's forms and cheap tests, and the colon lead of "Name: ..." lines."""

from __future__ import annotations

import pytest

from newsquotes.extract.cueless import colon_lead
from newsquotes.extract.cues import forms, has_cue, is_speech_lemma, is_weak, lemma_of
from newsquotes.lexicon.speech import (
    CLAUSE_ONLY_VERBS,
    OBJECT_VERBS,
    OWN_WORDS_VERBS,
    SPEECH_VERBS,
    WEAK_VERBS,
)


@pytest.mark.parametrize("lemma, expected", [
    ("say", {"say", "said", "says", "saying"}),
    ("deny", {"deny", "denied", "denies", "denying"}),
    ("note", {"note", "noted", "notes", "noting"}),
    ("stress", {"stress", "stressed", "stresses", "stressing"}),
    ("admit", {"admit", "admited", "admits", "admiting", "admitted", "admitting"}),
])
def test_forms(lemma, expected):
    assert forms(lemma) == expected


@pytest.mark.parametrize("word, expected", [
    ("Warned", "warn"), ("told", "tell"), ("saying", "say"), ("banana", "banana"),
])
def test_lemma_of(word, expected):
    assert lemma_of(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pell said so", True), ("according to the report", True),
    ("her claim that it rained", True), ("the statement was odd", False),
    ("the sky is blue", False), ("a sayings book", False),
])
def test_has_cue(text, expected):
    assert has_cue(text) is expected


def test_verb_subsets_are_speech_verbs():
    for subset in (WEAK_VERBS, OBJECT_VERBS, CLAUSE_ONLY_VERBS, OWN_WORDS_VERBS):
        assert subset <= SPEECH_VERBS, sorted(subset - SPEECH_VERBS)
    assert is_speech_lemma("Say") and not is_speech_lemma("eat")
    assert is_weak("call") and not is_weak("say")


@pytest.mark.parametrize("line, expected", [
    ("Pell: We will win the vote.", "Pell"),
    ("Sen. Ana Pell: “We will not back down”", "Sen. Ana Pell"),
    ("Ministry of Energy: Prices will rise soon", "Ministry of Energy"),
    ("Update: The road is closed now", None),  # a label
    ("Watch: Pell speaks to the crowd", None),
    ("LISBON: Ministers met today in the city", None),  # a dateline
    ("Pell: yes", None),  # too short to be a statement
    ("the minister: We will win", None),  # no name
    ("Pell: " + "word " * 30, None),  # a long plain line is a subheading's text
    ("Pell 2024: We will win the vote", None),
])
def test_colon_lead(line, expected):
    got = colon_lead(line, 0, len(line))
    assert (line[got[0]:got[1]] if got else None) == expected
    if got:
        assert got[2] == len(expected) + 2
