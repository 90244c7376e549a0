"""Rules for what "he", "she" and a description stand for, a row of sentences each (written
for these tests)."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements
from newsquotes.speakers.evidence import gender_votes
from newsquotes.speakers.resolver import credit

CASES = [
    # "she" is never a man the text calls "he", nor "he" a woman
    ("Ms. Ana Pell met Mr. Oren Vask on Monday. Mr. Vask said he was tired, and he left.\n\n"
     "“We agreed on nothing,” she said.",
     ["Oren Vask", "Ana Pell"]),
    # a name inside a quotation is no antecedent: the quotation run keeps its speaker
    ("Mr. Oren Vask spoke first. “We have lost the vote,” Mr. Vask said.\n\n"
     "“I believe Tavi Rennick is ruining the party,” he said.\n\n"
     "He added, “We will not win this way.”",
     ["Oren Vask", "Oren Vask", "Oren Vask"]),
    # the previous statement's speaker outranks a nearer name of the other gender
    ("Mr. Oren Vask said the plan was late.\nHe blamed Ms. Lida Moor for the delay.\n"
     "“It is a disgrace,” he said.",
     ["Oren Vask", "Oren Vask"]),
    # a speaker of unknown gender keeps "he" from a man named only as an owner beside him
    ("Senator Tavi Rennick said he would not run again.\n\n“Why would anyone vote for this?” "
     "Lichtman said about Rennick's plan to cut the budget. He added that the plan “could not "
     "work.”",
     ["Tavi Rennick", "Lichtman", "Lichtman"]),
    # a photo credit or a byline names no antecedent
    ("Mr. Oren Vask toured the site.\n\n(Tavi Rennick/Kessin Herald)\n\n"
     "“We will rebuild,” he said.",
     ["Oren Vask"]),
    ("By Tavi Rennick\n\nMr. Oren Vask toured the site. “We will rebuild,” he said.",
     ["Oren Vask"]),
    # a title before the name gives the role a description names: "Sen." is "the senator"
    ("Sen. Ana Pell spoke on Monday.\n\nThe senator said the bill would fail.",
     ["Ana Pell"]),
    ("Gov. Oren Vask of Kessin met reporters.\n\nThe former governor said the road was closed.",
     ["Oren Vask"]),
    # ... but never one of another office: a foreign minister is no prime minister
    ("Prime Minister Oren Vask met reporters.\n\nThe foreign minister said the road was closed.",
     [""]),
    # a sentence's adverb is no part of the name after it ("Even Tomas Brenn")
    ("“We lost,” Oren Vask said.\n\nEven Tomas Brenn, Vask's running mate, can't bring him "
     "to heel. “We will accept the results,” he said.",
     ["Oren Vask", "Tomas Brenn"]),
    # a day is no person ("Election Day"), nor a word the text uses as a noun a given name
    ("Oren Vask talked about violence on and after Election Day. “We will win,” he said.",
     ["Oren Vask"]),
    ("Oren Vask won the primary.\n\nThe Kraken begins eating people in the town. Their "
     "experiment unleashed Kraken Vask, who is now eating party leaders. “The vote is "
     "rigged,” Vask said.",
     ["Oren Vask"]),
    # a surname takes the given name before a middle initial too
    ("In April, Tomas J. Brenn, who led the fund's drive, emailed Ms. Pell for help.\n\n"
     "Mr. Brenn wrote that he needed to reach a donor at the ministry.",
     ["Tomas J. Brenn"]),
    # "a woman" is never the man the article names next and calls "he"
    ("A woman who saw the crash said the road was icy.\n\nOren Vask said the claim was "
     "false. He said he would sue.",
     ["", "Oren Vask", "Oren Vask"]),
    # ... nor the man her own clause names: whom she accused is no name of hers, in a
    # title-case headline or in the text
    ("Woman Who Accused Oren Vask Of Fraud When She Was Mayor Drops Her Case.\n\nOn Friday, "
     "Oren Vask said the claim had been false from the start.",
     ["", "Oren Vask"]),
    ("A woman who accused Oren Vask of fraud said the case was closed.\n\nVask said the "
     "claim was false.",
     ["", "", "Oren Vask"]),
    # a group spoke last ("Orlov aides argue"): the person who spoke in the sentence before
    # outranks the man named nearer the pronoun
    ("Victor Orlov won in Arvel, and he thanked his voters.\n\nTomas Brandt acknowledged that "
     "it will be very difficult to persuade the board unless Orlov finishes strong, something "
     "Orlov aides argue is possible after Tuesday's victory in Kessin.\n\n“Yes, we must "
     "stipulate that,” he said.",
     ["Victor Orlov", "Tomas Brandt", "Orlov aides", "Tomas Brandt"]),
    # a party member named by a place is whom the sentence before opens by naming
    ("Republican Sen. Tavi Rennick says the loose talk about the port skips over the facts."
     "\n\nThe Kessin Republican said such plans are reckless.",
     ["Tavi Rennick", "Tavi Rennick"]),
    # a description no one in the article is given stays unresolved
    ("The rain fell all day.\n\nThe senator said the bill would fail.", [""]),
    ("The rain fell all day.\n\nA veteran diplomat said the talks had stalled.", [""]),
]


@pytest.mark.parametrize("text, speakers", CASES)
def test_pronoun_and_description_rules(text, speakers):
    assert [s.speaker for s in extract_statements(text)] == speakers


@pytest.mark.parametrize("text, name, expected", [
    ("A view. (Tavi Rennick/Kessin Herald)", "Tavi Rennick", True),
    ("A view. (Tavi Rennick)", "Tavi Rennick", True),
    ("By Tavi Rennick\nMore text", "Tavi Rennick", True),
    ("Photo: Tavi Rennick\nMore", "Tavi Rennick", True),
    ("Tavi Rennick said so.", "Tavi Rennick", False),
    ("Later, by noon, the mayor met Tavi Rennick.", "Tavi Rennick", False),
])
def test_credit(text, name, expected):
    assert credit(text, text.index(name), len(name)) is expected


@pytest.mark.parametrize("text, expected", [
    # a name inside a quotation gets no vote from the "she" after it
    ("“Oren Vask has failed us,” she said.", {}),
    ("Oren Vask said she had failed.", {"Oren Vask": {"f": 1}}),
])
def test_gender_votes_skip_quoted_names(text, expected):
    votes = gender_votes(text, [(text.index("Oren Vask"), "Oren Vask")])
    assert {n: dict(c) for n, c in votes.items()} == expected


def test_a_name_running_into_a_longer_name_is_no_mention_of_the_person():
    from newsquotes.speakers.evidence import TextEvidence
    from newsquotes.speakers.registry import Registry

    text = "The gym of Harlow Community College was full. Harlow Tuesday said no. Harlow left."
    names = Registry(text, TextEvidence(text))
    names.add_person("Harlow", text.index("Harlow T"))
    assert [at for at, _ in names.mentions()] == [text.index("Harlow T"), text.index("Harlow l")]


def test_a_quotation_closing_its_line_closes_its_sentence():
    from newsquotes.speakers.evidence import sentence_starts
    from newsquotes.speakers.pronouns import masked

    text = "“Since then, we argued it,” said Brenn. “Both plans matter.”\nOn Monday, Pell spoke."
    quoted = [(text.index("“Both"), text.index("\n"))]
    assert text.index("On Monday") in sentence_starts(masked(text, quoted))
