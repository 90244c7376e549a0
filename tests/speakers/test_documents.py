"""Who a document, a set of bodies or an unnamed person speaks for, a row of sentences each
(written for these tests)."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements

CASES = [
    # a document named by its author speaks for the author, a body
    ("The Kessin Institute report said wages had fallen.",
     [("Kessin Institute", "organisation")]),
    # "the agencies" after two agencies spoke: the one that spoke
    ("The Kessin Port Authority and the Velora Customs Office said they had followed the rules."
     " The agencies declined to give details, saying they could not discuss the case.",
     [("The Kessin Port Authority", "organisation"), ("The Kessin Port Authority",
                                                       "organisation")]),
    # ... but never a person who spoke before
    ("Ana Pell said the rules were followed. The agencies declined to give details, saying "
     "they could not discuss the case.",
     [("Ana Pell", "person"), ("The agencies", "group")]),
    # a noun for an unnamed person is the new person the article names and quotes next
    ("Ana Pell will run again, a former rival says.\n\n“She has earned it,” said Lida Moor, "
     "who ran against Pell in 2010.",
     [("Lida Moor", "person"), ("Lida Moor", "person")]),
    ("Mr. Oren Vask spoke on Monday.\n\nThe last man to win the race says he will not run.\n\n"
     "“I am done with it,” says Tavi Rennick, who won in 2004.",
     [("Tavi Rennick", "person"), ("Tavi Rennick", "person")]),
    # a document word inside a name is the name ("the Kessin Post", "the Velora Ledger Report")
    ("Wages fell in May, the Kessin Post reported on Monday.",
     [("the Kessin Post", "organisation")]),
    ("“Wages will not recover soon,” the Kessin Post wrote.",
     [("the Kessin Post", "organisation")]),
    # "State" is the State Department its article names; with none named it stays "State"
    ("The State Department said on Monday that it would release the letters.\n\nState said "
     "it would finish the work by May.",
     [("The State Department", "organisation"), ("State Department", "organisation")]),
    ("State said it would finish the work by May.", [("State", "")]),
    # a thing that cannot speak is whoever it comes from, else no one
    ("Data from the Kessin Institute suggest that wages fell in May.",
     [("the Kessin Institute", "organisation")]),
    ("The figures suggest that wages fell in May.", [("", "")]),
    # "the editorial board", "the company": the organisation named shortly before
    ("The Kessin Herald, the city's largest newspaper, has attacked the plan for weeks. "
     "“The plan is dead,” the editorial board wrote on Monday.",
     [("Kessin Herald", "organisation")] * 2),
    ("Shares of Velmar Industries fell on Monday.\n\nThe company said sales had dropped.",
     [("Velmar Industries", "organisation")]),
    # ... never one named within a person's name, nor for an owner's noun
    ("Ms. Ana Pell of Kessin met the board.\n\nThe agency's watchdog said the rules held.",
     [("The agency's watchdog", "organisation")]),
    # a report named with who released it speaks for them, and so does "the report" after it
    ("A report released in May by the Kessin Institute noted that wages fell.\n\nPrices rose."
     "\n\n“Wages will not recover soon,” the report concluded.",
     [("the Kessin Institute", "organisation")] * 2),
]


@pytest.mark.parametrize("text, speakers", CASES)
def test_documents_and_unnamed_people(text, speakers):
    assert [(s.speaker, s.speaker_type) for s in extract_statements(text)] == speakers
