"""The pure stages of the extraction pipeline, without spaCy: sentences, pieces, overlaps,
joined acts."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import (
    Span,
    join_acts,
    overlap_free,
    own_words,
    sentences,
    split_long,
    statement_pieces,
)
from newsquotes.extract.quotemarks import find_quotes
from newsquotes.extract.speech import Candidate
from newsquotes.records import Statement


@pytest.mark.parametrize("text, expected", [
    ("Mr. Pell said it. She left.", ["Mr. Pell said it. ", "She left."]),
    ("It rained. Then it snowed! Why? Nobody knew.",
     ["It rained. ", "Then it snowed! ", "Why? ", "Nobody knew."]),
    # a quotation is never cut
    ("“It is late. We go,” Pell said. Then he left.",
     ["“It is late. We go,” Pell said. ", "Then he left."]),
    # initials and abbreviations end no sentence
    ("J. R. Pell of the U.S. Senate spoke.", ["J. R. Pell of the U.S. Senate spoke."]),
    ("the end. lower case goes on", ["the end. lower case goes on"]),
    ("", []),
])
def test_sentences(text, expected):
    got = sentences(text, 0, len(text), find_quotes(text))
    assert [text[a:b] for a, b in got] == expected


@pytest.mark.parametrize("text, expected", [
    # a cue sentence is kept, a paragraph with neither cue nor quotation is not
    ("Pell said it was late.\nThe sky is blue.\nRain fell. Ana Pell told reporters.",
     ["Pell said it was late.", "Ana Pell told reporters."]),
    # the lead-in before a quotation is kept with it
    ("Rain fell. Pell agreed. “We are ready,” he went on.",
     ["Pell agreed. “We are ready,” he went on."]),
    # a line opening "Name: ..." is kept
    ("Pell: We will win the vote.\nThe sky is blue.", ["Pell: We will win the vote."]),
    ("Nothing here at all.", []),
])
def test_statement_pieces(text, expected):
    assert [text[a:b] for a, b in statement_pieces(text, find_quotes(text))] == expected


@pytest.mark.parametrize("text, most, expected", [
    ("Aaaa. Bbbb. Cccc.", 10, [(0, 5), (5, 11), (11, 17)]),
    ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),
    ("short", 10, [(0, 5)]),
])
def test_split_long(text, most, expected):
    assert split_long(text, 0, len(text), most) == [Span(*e) for e in expected]


def test_overlap_free_prefers_direct_then_longer():
    cands = [Candidate(0, 30, "indirect"), Candidate(5, 15, "direct"),
             Candidate(20, 40, "mixed"), Candidate(20, 25, "mixed"), Candidate(50, 60, "indirect")]
    assert [(c.start, c.end, c.kind) for c in overlap_free(cands)] == [
        (5, 15, "direct"), (20, 40, "mixed"), (50, 60, "indirect")]


def test_overlap_free_puts_a_follower_after_one_with_a_cue():
    cands = [Candidate(0, 10, "direct", follows=True), Candidate(5, 12, "direct", "said")]
    assert [(c.start, c.cue) for c in overlap_free(cands)] == [(5, "said")]


def _said(text: str, part: str, cue: str, mention_at: int = 0, kind: str = "indirect"):
    start = text.index(part)
    return Statement(start, start + len(part), part, kind, cue, "Pell", "Pell", mention_at,
                     mention_at + 4)


_DESCRIBED = "Pell described it as “hard” and accused them of delay."
_SAID = "Pell said it was hard and thanked them for help."


@pytest.mark.parametrize("text, parts, mentions, expected", [
    # two characterising acts of one mention: one statement, mixed
    (_DESCRIBED, [("“hard”", "described", "mixed"), ("them of delay", "accused", "indirect")],
     [0, 0], [("“hard” and accused them of delay", "mixed")]),
    # what was said stays a statement of its own
    (_SAID, [("it was hard", "said", "indirect"), ("them for help", "thanked", "indirect")],
     [0, 0], [("it was hard", "indirect"), ("them for help", "indirect")]),
    # two mentions: never joined
    (_DESCRIBED, [("“hard”", "described", "mixed"), ("them of delay", "accused", "indirect")],
     [0, 30], [("“hard”", "mixed"), ("them of delay", "indirect")]),
])
def test_join_acts(text, parts, mentions, expected):
    found = [_said(text, part, cue, at, kind)
             for (part, cue, kind), at in zip(parts, mentions, strict=True)]
    assert [(s.text, s.kind) for s in join_acts(text, found)] == expected


@pytest.mark.parametrize("cue, expected", [
    ("said", True), ("Warned", True), ("told", True), ("accused", False), ("described", False),
    ("criticized", False), ("", False),
])
def test_own_words(cue, expected):
    assert own_words(cue) is expected
