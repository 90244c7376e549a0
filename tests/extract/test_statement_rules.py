"""What is no statement, and whose a reported one is: a row of sentences each (written for
these tests)."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements, link_caption

CASES = [
    # "According to X, Y said": Y's words, X only reported them
    ("According to the Kessin Herald, Ana Pell said the bridge would close.",
     [("Ana Pell", "the bridge would close")]),
    # with no speaker of its own, the source is the speaker
    ("According to Ana Pell, the bridge will close in May.",
     [("Ana Pell", "the bridge will close in May")]),
    # a refusal to speak gives no words
    ("Ana Pell declined to comment on the plan.", []),
    ("Ana Pell refused to say what the plan would cost.", []),
    # a negated cue leaving a question open gives no words ...
    ("Ana Pell did not say whether the bridge would close.", []),
    # ... a negated claim still reports one
    ("Ana Pell did not say the bridge would close.", [("Ana Pell", "the bridge would close")]),
    # a link caption is no statement
    ("READ MORE: Ana Pell says the bridge will close\n\nThe rain fell.", []),
    ("Watch: Ana Pell says the bridge will close\n\nThe rain fell.", []),
    # a cue in a time clause frames no words of its sentence ("when the talks conclude")
    ("Ana Pell will travel to Kessin on Monday when the talks conclude.", []),
    # "admitting students" admits no words
    ("Kessin College makes up the shortfall by admitting more students from abroad.", []),
    # a digest's headline in capitals before an excerpt is no lead-in: the excerpt is no
    # one's, and so is a quotation after it with no cue of its own
    ("Ana Pell said the vote was close.\n\nKESSIN: FERRY WORKERS BLOCKING THE HARBOUR “The "
     "ferry workers of Kessin have kept the harbour shut for a week.” [Herald.]\n\n"
     "TWO BRIDGES, SEEN FROM ABOVE “Both bridges will stay shut until spring, the council "
     "decided.” [Post.]",
     [("Ana Pell", "the vote was close"),
      ("", "The ferry workers of Kessin have kept the harbour shut for a week."),
      ("", "Both bridges will stay shut until spring, the council decided.")]),
    # a lead-in the parse runs into its quotation gives the quotation its speaker
    ("Oren Vask spoke first. Ana Pell shot back, “The council called them out. They must be "
     "crushed by that.”",
     [("Ana Pell", "The council called them out. They must be crushed by that.")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_statement_rules(text, expected):
    assert [(s.speaker, s.text) for s in extract_statements(text)] == expected


@pytest.mark.parametrize("line, expected", [
    ("READ MORE: Pell says no", True), ("Related: Pell's plan", True), ("Watch | Pell", True),
    ("  see also: the vote", True), ("Reading the plan, Pell said no", False),
    ("More than 40 people came", False), ("Pell: we will watch", False),
])
def test_link_caption(line, expected):
    assert link_caption(line) is expected


def test_infinitive_relative_speaks_for_the_governing_subject():
    # "He went out of his way to say ...", "to say" parsed as a relative clause of "way": the
    # speaker is who went (a parse fixed by hand: the tagger gives it on some texts only)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsquotes.extract.speech import subject_of

    words = ["He", "went", "out", "of", "his", "way", "to", "say", "it", "was", "safe"]
    heads = [1, 1, 1, 2, 5, 3, 7, 5, 9, 7, 9]
    deps = ["nsubj", "ROOT", "prep", "prep", "poss", "pobj", "aux", "relcl", "nsubj", "ccomp",
            "acomp"]
    pos = ["PRON", "VERB", "ADP", "ADP", "PRON", "NOUN", "PART", "VERB", "PRON", "AUX", "ADJ"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[7]).text == "He"


def test_an_excerpt_under_a_headline_in_capitals_is_mentioned_by_its_headline():
    text = ("Ana Pell said the vote was close.\n\nKESSIN: FERRY WORKERS BLOCKING THE HARBOUR “The "
            "ferry workers of Kessin have kept the harbour shut for a week.” [Herald.]")
    said = extract_statements(text)[-1]
    headline = "KESSIN: FERRY WORKERS BLOCKING THE HARBOUR"
    assert (said.speaker, said.speaker_mention) == ("", headline)
    assert text[said.speaker_mention_start:said.speaker_mention_end] == said.speaker_mention
