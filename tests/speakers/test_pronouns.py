"""Whom "he"/"she" stands for by the sentences around it, a row of sentences each (written
for these tests)."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements
from newsquotes.speakers.cast import build_cast
from newsquotes.speakers.evidence import gender_votes, sentence_starts
from newsquotes.speakers.pronouns import masked

CASES = [
    # a statement continued ("But, he added") keeps its speaker over a name inside it
    ("Asked whether Tavi Rennick had left the party, Oren Vask said, “I have not heard "
     "that.”\n\nBut, he added, “We are at war.”",
     ["Oren Vask", "Oren Vask"]),
    # a person the sentence before names outranks the speaker of a statement before that
    ("“We will win,” Oren Vask said.\n\nThe crowd cheered for Mr. Dara Holm, a delegate from "
     "Kessin who wore a red hat.\n\n“I came for the music,” he said.",
     ["Oren Vask", "Dara Holm"]),
    # of the people the sentence before names, an owner ("Vask's") comes last
    ("Mr. Oren Vask lost the vote.\n\nVask's pollster, Mr. Dara Holm, met reporters on Monday.\n\n"
     "“Nobody knows yet,” he said.",
     ["Dara Holm"]),
    # and so does a preposition's object ("the rise of Rennick")
    ("The rise of Mr. Tavi Rennick gave Mr. Dara Holm a reason to run.\n\n“I had to,” he said.",
     ["Dara Holm"]),
    # a person of the other gender is passed over for the one the sentence also names
    ("Ms. Lida Moor backed Mr. Oren Vask's campaign.\n\nHe said on Monday that he was grateful.",
     ["Oren Vask"]),
    # a paragraph naming no one continues the statement before it: its "he" is that speaker
    ("Mr. Oren Vask said costs were rising.\n\n“It is a costly model,” said Dara Holm, a "
     "professor at Kessin College.\n\nColleges raise their fees every year and hire more "
     "staff. Those changes hurt students, he said.",
     ["Oren Vask", "Dara Holm", "Dara Holm"]),
    # the owner of a nominal cue ("her argument that ...") is read as "she" would be
    ("Ms. Lida Moor spoke first.\n\nAna Pell said she would run. The nominee then attacked his "
     "record.\n\nPell’s wins in Kessin solidify her argument that she is popular.",
     ["Ana Pell", "Ana Pell", "Ana Pell"]),
    # "they" after two people joined by "and" are the two
    ("Ana Pell and Oren Vask argue that the bridge is old.\n\nIn their book, they write that "
     "it is still safe.",
     ["Ana Pell", "Ana Pell and Oren Vask"]),
    # a name in a quotation is none of the sentence's people
    ("“Oren Vask has failed,” Dara Holm wrote.\n\n“We need a leader,” he wrote.",
     ["Dara Holm", "Dara Holm"]),
    # "his remarks", "her comments": the person "he"/"she" would be
    ("Mr. Oren Vask spoke to the council on Monday.\n\nHis remarks suggested that the plan "
     "was dead.",
     ["Oren Vask"]),
    # a document just quoted speaks for whoever issued it
    ("“We will not pay,” the Kessin Port Authority said in a statement.\n\n“The fee is unfair "
     "to every ship,” the statement added.",
     ["the Kessin Port Authority", "the Kessin Port Authority"]),
    # ... and one no statement near it introduces speaks for no one known
    ("The rain fell all day.\n\nThe statement said the fee was unfair.", [""]),
    # a role no one in the article holds is unresolved, never a speaker "the first lady"
    ("The rain fell all day.\n\nThe former first lady said the fee was unfair.", [""]),
    # a definite role in a sentence that opens by naming a person is that person ...
    ("Sen. Ana Pell spoke first.\n\nOren Vask defends his record in a commercial running on "
     "Kessin TV: \"Securing the border is a matter of security,\" the senator says directly "
     "to the camera.",
     ["Oren Vask"]),
    # a role no one holds is the person heading the sentence before
    ("Ms. Ana Pell has a clear path to the nomination.\n\nThe former first lady said the race "
     "was hers to lose.",
     ["Ana Pell"]),
    # ... not one named in a clause before it: then the person the article gives the role
    ("Sen. Ana Pell spoke first.\n\nWhen Oren Vask attacked her plan, the senator said the "
     "bill was fair.",
     ["Oren Vask", "Ana Pell"]),
]


@pytest.mark.parametrize("text, speakers", CASES)
def test_he_she_by_sentences(text, speakers):
    assert [s.speaker for s in extract_statements(text)] == speakers


def test_masked_keeps_marks_and_offsets():
    text = "He said “No. Never.” and left."
    out = masked(text, [(8, 20)])
    assert out == "He said “xxx xxxxxx” and left."
    assert len(out) == len(text)


@pytest.mark.parametrize("text, starts", [
    ("Ana left. Then Oren came.", [0, 10]),
    # no sentence ends at an initial or a title
    ("Donald J. Trump met Mr. Vask in the U.S. Senate. Then rain.", [0, 49]),
    ("Sen. Pell left.\n\nDr. Vask stayed.", [0, 17]),
])
def test_sentence_starts(text, starts):
    assert sentence_starts(text) == starts


@pytest.mark.parametrize("text, name, expected", [
    # "U.S." ends no sentence: "She" is in the sentence after the one naming Moor
    ("Lida Moor said the U.S. Senate had failed. She left.", "Lida Moor", {"Lida Moor": {"f": 1}}),
    # a sentence naming only an owner votes half
    ("Oren Vask's aide said he was late.", "Oren Vask", {"Oren Vask": {"m": 0.5}}),
    # "he" right after a quotation names who said it, not the person the sentence names
    ("Oren Vask “failed us all,” he said.", "Oren Vask", {}),
])
def test_gender_votes(text, name, expected):
    votes = gender_votes(text, [(text.index(name), name)])
    assert {n: dict(c) for n, c in votes.items()} == expected


def test_name_after_the_is_no_mention():
    # "the Vask campaign" names the campaign, not Vask: it gives Vask no "he"/"she" vote
    text = "Mr. Oren Vask spoke first. That is what the Vask campaign hopes. Vask left."
    cast = build_cast(text)
    assert [at for at, _ in cast.names.mentions()] == [text.index("Oren"), text.rindex("Vask")]
