"""Which phrase of a sentence is the speaker: a row of sentences each (written for these
tests), with the cue and speaker of each statement it gives."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements

CASES = [
    # a participle set off after a clause hung on a noun speaks for the main clause's subject
    ("Mayor Lena Ortiz rejected the council's claim that the water board is breaking state "
     "law through its contract — saying the council chose not to join the plan.",
     [("rejected", "Lena Ortiz"), ("saying", "Lena Ortiz")]),
    ("Tomas Brandt was defensive when asked to explain not paying a builder who said he was "
     "cheated after he built a garage, saying, “Maybe he didn't do good work, and I wasn't "
     "happy with it.”",
     [("explain", "Tomas Brandt"), ("saying", "Tomas Brandt")]),
    # ... and after a reported clause, for who reported it
    ("Lena Ortiz opened the forum saying “of course” Tomas Brandt has the experience to lead "
     "the city -- having suggested in an interview that he is unfit -- but said she doubted "
     "his judgment.",
     [("saying", "Lena Ortiz"), ("suggested", "Lena Ortiz"), ("said", "Lena Ortiz")]),
    # ... but a reported clause before its cue keeps its own acts
    ("Her neighbours mocked the campaign, calling the mayor “a puppet,” Lena Ortiz said.",
     [("said", "Lena Ortiz"), ("calling", "Her neighbours")]),
    # a dateline before the subject is no speaker
    ("Boston (Reuters) – Senator Tomas Brandt has taken a jab at his rival's plan on taxes, "
     "saying that “reckless promises” do more harm than good.",
     [("saying", "Tomas Brandt")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_speaker_phrases(text, expected):
    assert [(s.cue, s.speaker) for s in extract_statements(text)] == expected
