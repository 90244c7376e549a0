"""The extractor on short passages we wrote: one row per phenomenon, exact expected statements.

Each row gives the passage and the statements expected, as (speaker, cue, kind, text).
The names and events are fictional.
"""

import json

import pytest

from newsquotes.batch import extract_jsonl, extract_many
from newsquotes.extract.pipeline import EXTRACTOR_VERSION, extract_statements

INTRO = "Borlandian Foreign Minister Tavi Rennick met Ostrava's Pell Marrow in Lisbon.\n\n"

CASES = [
    # direct quotes in every kind of mark
    ("“The bridge will reopen in June,” Tavi Rennick said.",
     [("Tavi Rennick", "said", "direct", "The bridge will reopen in June")]),
    ('"The bridge will reopen in June," Tavi Rennick said.',
     [("Tavi Rennick", "said", "direct", "The bridge will reopen in June")]),
    ("‘The bridge will reopen in June,’ said Tavi Rennick.",
     [("Tavi Rennick", "said", "direct", "The bridge will reopen in June")]),
    ("Tavi Rennick said: « The bridge will reopen in June. »",
     [("Tavi Rennick", "said", "direct", "The bridge will reopen in June.")]),
    # a quotation ending in "?" or "!" before its speaker and cue (the parse ends a sentence
    # at the mark), but not one a cue before it claims, nor where the cue says something
    ("“Will the bridge reopen in June?” Tavi Rennick said about the plan.",
     [("Tavi Rennick", "said", "direct", "Will the bridge reopen in June?")]),
    ("“The bridge is open!” Ana Pell, the mayor, told reporters.",
     [("Ana Pell", "told", "direct", "The bridge is open!")]),
    ("“Is the bridge open?” Ana Pell said the bridge was closed.",
     [("Ana Pell", "said", "indirect", "the bridge was closed")]),
    # a quoted title in the speaker's phrase, or beside the quotation a cue brings, is a name
    ("Ana Pell, whose book “Rivers Without Walls” argued years ago for a joint board, said she "
     "was pleased.", [("Ana Pell", "said", "indirect", "she was pleased")]),
    ("Ana Pell, whose book “Rivers Without Walls” argued for a joint board, said she had "
     "“allowed herself a small smile” during the meeting.",
     [("Ana Pell", "said", "mixed", "she had “allowed herself a small smile” during the meeting")]),
    ("Tavi Rennick argued for a board. In his book “Rivers Without Walls”, written while he was "
     "a student, he described the river as “a shared road between two peoples.”",
     [("Tavi Rennick", "described", "direct", "a shared road between two peoples.")]),
    # the that-clause after the medium of a cue ("said in a statement that ...")
    ("The Ostravan Water Board said in a statement that the dam was safe.",
     [("The Ostravan Water Board", "said", "indirect", "the dam was safe")]),
    # mismatched marks
    ("Tavi Rennick said the talks failed because “nobody listened to us“.",
     [("Tavi Rennick", "said", "mixed", "the talks failed because “nobody listened to us“")]),
    # interrupted quote
    ("“We tried,” Tavi Rennick said. “We will try again next week.”",
     [("Tavi Rennick", "said", "direct", "We tried"),
      ("Tavi Rennick", "said", "direct", "We will try again next week.")]),
    # ... within one sentence, the cue between the two parts
    ("“Then,” Ana Pell said, “we start on the hard part.”",
     [("Ana Pell", "said", "direct", "Then"),
      ("Ana Pell", "said", "direct", "we start on the hard part.")]),
    ("“If we cannot promise you a warm house,” Ana Pell joked, “we can promise you lunch.”",
     [("Ana Pell", "joked", "direct", "If we cannot promise you a warm house"),
      ("Ana Pell", "joked", "direct", "we can promise you lunch.")]),
    # multi-paragraph quote
    ("Pell Marrow told reporters:\n\n“The harbour is closed to all ships.\n\n“It will stay "
     "closed until the storm is over.”",
     [("Pell Marrow", "told", "direct", "The harbour is closed to all ships.\n\n“It will stay "
       "closed until the storm is over.")]),
    # reported speech
    ("Pell Marrow said that the harbour would stay closed until Friday.",
     [("Pell Marrow", "said", "indirect", "the harbour would stay closed until Friday")]),
    (INTRO + "Rennick told reporters the bridge would reopen in June.",
     [("Tavi Rennick", "told", "indirect", "the bridge would reopen in June")]),
    ("The harbour will stay closed until Friday, according to Pell Marrow.",
     [("Pell Marrow", "according to", "indirect",
       "The harbour will stay closed until Friday")]),
    ("The harbour will stay closed until Friday, added Pell Marrow.",
     [("Pell Marrow", "added", "indirect", "The harbour will stay closed until Friday")]),
    (INTRO + "The harbour will stay closed until Friday, he added.",
     [("Pell Marrow", "added", "indirect", "The harbour will stay closed until Friday")]),
    ("Pell Marrow says the harbour will stay closed.",
     [("Pell Marrow", "says", "indirect", "the harbour will stay closed")]),
    # noun cues and role phrases
    ("The ministry said in a statement that the harbour would stay closed.",
     [("The ministry", "said", "indirect", "the harbour would stay closed")]),
    ("The ministry's spokeswoman said the harbour would stay closed.",
     [("", "said", "indirect", "the harbour would stay closed")]),  # no one named: unresolved
    ("In a statement, the ministry called the vote a disgrace.",
     [("the ministry", "called", "indirect", "the vote a disgrace")]),
    # weak verbs whose object is what was said; not when the object is an act
    ("Pell Marrow criticized the harbour plan.",
     [("Pell Marrow", "criticized", "indirect", "the harbour plan")]),
    ("Tavi Rennick accused Pell Marrow of lying about the bridge.",
     [("Tavi Rennick", "accused", "indirect", "Pell Marrow of lying about the bridge")]),
    ("Tavi Rennick called for a ban on fishing in the bay.",
     [("Tavi Rennick", "called for", "indirect", "a ban on fishing in the bay")]),
    # ... a gerund, or a clause the parser gives "for" as its opening word
    ("Tavi Rennick has called for cutting taxes on boats.",
     [("Tavi Rennick", "called for", "indirect", "cutting taxes on boats")]),
    ("Tavi Rennick is calling for the minister to release the papers.",
     [("Tavi Rennick", "calling for", "indirect", "the minister to release the papers")]),
    ("Tavi Rennick reported raising two million euros in March.",
     [("Tavi Rennick", "reported", "indirect", "raising two million euros in March")]),
    ("Pell Marrow called the police.", []),
    ("Pell Marrow called Tavi Rennick a liar.",
     [("Pell Marrow", "called", "indirect", "Tavi Rennick a liar")]),
    ("Tavi Rennick called the plan “a gift to smugglers.”",
     [("Tavi Rennick", "called", "direct", "a gift to smugglers.")]),
    # what was said ends before a trailing aside, a second act, or a semicolon
    ("Pell Marrow said the council backed the bill, which includes new money for the port.",
     [("Pell Marrow", "said", "indirect", "the council backed the bill")]),
    ("Pell Marrow criticized the harbour plan and said it would cost too much.",
     [("Pell Marrow", "criticized", "indirect", "the harbour plan"),
      ("Pell Marrow", "said", "indirect", "it would cost too much")]),
    # two characterising acts of one subject are one statement
    ("Pell Marrow described the talks as “slow” and accused the council of delay.",
     [("Pell Marrow", "described", "mixed",
       "the talks as “slow” and accused the council of delay")]),
    ("Tavi Rennick said the ferries would run again; the captains agreed on Friday.",
     [("Tavi Rennick", "said", "indirect", "the ferries would run again")]),
    # a question or request: what is asked, not whom; a passive subject was only addressed
    ("Tavi Rennick asked the council to close the harbour for a week.",
     [("Tavi Rennick", "asked", "indirect", "to close the harbour for a week")]),
    ("Pell Marrow asked the mayor if the bridge would reopen.",
     [("Pell Marrow", "asked", "indirect", "if the bridge would reopen")]),
    ("Pell Marrow was asked to leave the hall.", []),
    ("Pell Marrow was told that the harbour would close.", []),
    # a cue after a preposition speaks for the subject of the sentence
    ("Pell Marrow opened the meeting by saying the harbour would stay closed.",
     [("Pell Marrow", "saying", "indirect", "the harbour would stay closed")]),
    # a headline or line attributed by a colon; a label before a colon is no speaker
    ("Pell Marrow: The harbour must stay open all winter.\n\nThe council met on Friday.",
     [("Pell Marrow", ":", "indirect", "The harbour must stay open all winter")]),
    ("Mayor Pell Marrow: “We will reopen the harbour soon.”",
     [("Pell Marrow", ":", "direct", "We will reopen the harbour soon.")]),
    ("Update: The harbour is closed today.", []),
    # nominal reports: a speech noun with its owner and a that-clause
    ("Tavi Rennick’s claim that he opposed the bridge is false.",
     [("Tavi Rennick", "claim", "indirect", "he opposed the bridge")]),
    (INTRO + "Marrow’s warning that the ferries would stop came too late.",
     [("Pell Marrow", "warning", "indirect", "the ferries would stop")]),
    ("The claim that the bridge was unsafe spread fast.", []),
    # "his claim that": the owner is who "he" would be
    ("Tavi Rennick spoke on Monday.\n\nHis claim that the harbour would close angered the town.",
     [("Tavi Rennick", "claim", "indirect", "the harbour would close")]),
    # mixed: reported speech holding a partial quote
    ("Tavi Rennick said Ostrava's “special harbour operation” was illegal.",
     [("Tavi Rennick", "said", "mixed", "Ostrava's “special harbour operation” was illegal")]),
    # pronouns and role phrases resolved within the article
    (INTRO + "“We made progress,” he said.",
     [("Pell Marrow", "said", "direct", "We made progress")]),
    (INTRO + "Borland’s foreign minister said the talks had failed.",
     [("Tavi Rennick", "said", "indirect", "the talks had failed")]),
    ("Portuguese Foreign Minister Tavi Rennick met Pell Marrow.\n\n"
     "The Portuguese foreign minister said the talks had failed.",
     [("Tavi Rennick", "said", "indirect", "the talks had failed")]),
    # a bare surname gets the full name given earlier
    (INTRO + "“We made progress,” Rennick said.",
     [("Tavi Rennick", "said", "direct", "We made progress")]),
    # a country as speaker is a government
    ("Portugal said the harbour would stay closed.",
     [("Portugal", "said", "indirect", "the harbour would stay closed")]),
    # an attribution inside the sentence; the short lead-in and the "as ..." clause are no part
    ("In both years, Pell Marrow said, the money went to the harbour fund.",
     [("Pell Marrow", "said", "indirect", "the money went to the harbour fund")]),
    ("“We are done here,” Pell Marrow said as she left the hall.",
     [("Pell Marrow", "said", "direct", "We are done here")]),
    # quotation marks typed as two apostrophes
    ("''The bridge will reopen in June,'' Tavi Rennick said.",
     [("Tavi Rennick", "said", "direct", "The bridge will reopen in June")]),
    # a quotation after a lead-in clause without a speech verb
    ("Pell Marrow disagreed. “The harbour must stay open all winter.”",
     [("Pell Marrow", "disagreed", "direct", "The harbour must stay open all winter.")]),
    # a dateline is not the speaker
    ("LISBON (AP) — Mayor Pell Marrow said the harbour would stay closed.",
     [("Pell Marrow", "said", "indirect", "the harbour would stay closed")]),
    # the statement ends before a participle that belongs to the reporting sentence
    ("Pell Marrow told the council that she would not run again, ending months of doubt.",
     [("Pell Marrow", "told", "indirect", "she would not run again")]),
    # NOT statements: scare quotes, titles, apostrophes, boilerplate
    ("The film “Winter Harbour” opened in Lisbon on Friday.", []),
    ("The so-called “peace dividend” never arrived.", []),
    ("Borland’s harbour doesn’t open on Sundays.", []),
    ("Tried ‘peaceful means’", []),
    ("Leave a Reply\n\nYour email address will not be published.", []),
    # the subject of a passive cue is what was said or who was addressed, not a speaker
    ("The ministry also reported that about 1,100 donor names weren't disclosed.",
     [("The ministry", "reported", "indirect", "about 1,100 donor names weren't disclosed")]),
    ("It was announced that the harbour would close.", []),
    # a cue without a speaker or content is no statement
    ("The plan went ahead according to schedule.", []),
    ("Asked about the harbour, the mayor smiled.", []),
]


def rows(text):
    return [(s.speaker, s.cue, s.kind, s.text) for s in extract_statements(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_statements(text, expected):
    assert rows(text) == expected


def test_a_question_a_colon_cue_claims_is_not_the_next_speakers():
    found = extract_statements("Tavi Rennick asked: “Is the bridge open?” Ana Pell said no.")
    assert [(s.speaker, s.cue) for s in found] == [("Tavi Rennick", "asked")]


def test_offsets_point_into_the_text():
    text = INTRO + "“We made progress,” he said. The harbour is closed, Rennick added."
    for s in extract_statements(text):
        assert text[s.start:s.end] == s.text
        assert text[s.speaker_mention_start:s.speaker_mention_end] == s.speaker_mention


def test_pronoun_mention_keeps_its_own_offsets():
    text = INTRO + "“We made progress,” he said."
    (s,) = extract_statements(text)
    assert (s.speaker_mention, s.speaker) == ("he", "Pell Marrow")
    assert text[s.speaker_mention_start:s.speaker_mention_end] == "he"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (INTRO + "“We made progress,” Rennick said.",
         ("Tavi Rennick", "person", "foreign minister", "Borlandian")),
        ("Portugal said the harbour would stay closed.",
         ("Portugal", "government", "", "Portugal")),
        ("The ministry said the harbour would stay closed.",
         ("The ministry", "government", "", "")),
        ("The Borlandian Ministry of Ports said the harbour would stay closed.",
         ("The Borlandian Ministry of Ports", "government", "", "")),
        ("The harbour company said the harbour would stay closed.",
         ("The harbour company", "organisation", "", "")),
        # an apposition is named by its head noun, its last: a person, then a body
        ("Ari Vask, a former Kessin administration official, said the plan had failed.",
         ("Ari Vask", "person", "former administration official", "Kessin")),
        ("“The bill is a lie,” the Anti-Fraud League said.",
         ("the Anti-Fraud League", "organisation", "", "")),
        # a role phrase is of the whole place it names, "New York", not "New"
        ("Tavi Rennick spoke on Monday.\n\n“We need change,” the New York businessman said.",
         ("", "person", "businessman", "New York")),
    ],
)
def test_speaker_type_role_affiliation(text, expected):
    (s,) = extract_statements(text)
    assert (s.speaker, s.speaker_type, s.role, s.affiliation) == expected


def test_extract_many_keeps_order_and_empty_texts():
    out = extract_many(["", "Pell Marrow said the harbour would stay closed.", "No cue here."])
    assert [len(x) for x in out] == [0, 1, 0]


def test_two_processes_give_what_one_gives_in_the_same_order():
    speakers = ["Pell Marrow", "Tavi Rennick", "Ada Quill"]
    texts = [f"{speakers[i % 3]} said the harbour would stay closed for {i} days." if i % 4
             else "No cue here." for i in range(60)]
    one = extract_many(texts)
    two = extract_many(texts, n_process=2)
    assert two == one
    assert [s[0].speaker for s in two[1:4]] == ["Tavi Rennick", "Ada Quill", "Pell Marrow"]


def test_version_is_a_nonempty_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_extract_jsonl_reports_bad_records_and_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Pell Marrow said the harbour would stay closed."}) + "\n"
        + "not json\n"
        + json.dumps({"id": "c", "text": 42}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert extract_jsonl(src, out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", 2, "c"]
    assert [len(r["quotes"]) for r in recs] == [1, 0, 0]
    q = recs[0]["quotes"][0]
    assert (q["speaker"], q["start"], q["end"]) == ("Pell Marrow", 17, 46)
    assert q["sentiment"]["label"] in ("positive", "neutral", "negative")
    err = capsys.readouterr().err
    assert "line 2" in err and "line 3 (id c)" in err and "in.jsonl" in err


def test_pronoun_respects_gender():
    text = "Anna Pell said she met Tavi Rennick.\n\n“It was hard,” she said."
    assert [s.speaker for s in extract_statements(text)] == ["Anna Pell", "Anna Pell"]


@pytest.mark.xfail(reason="nominal reports are taken (see CASES), but here the tagger reads "
                          "'drew' as part of a name, so the that-clause runs on to 'drew anger'",
                   strict=True)
def test_nominal_report():
    assert rows("Pell Marrow’s remarks that the harbour would close drew anger.") == [
        ("Pell Marrow", "remarks", "indirect", "the harbour would close")]


def test_headline_attribution_speaker_is_title_cased():
    text = "HARBOUR TALKS FAIL TO MAKE PROGRESS, PORTUGAL SAYS\n\nThe talks failed."
    assert [s.speaker for s in extract_statements(text)] == ["Portugal"]


def test_a_pronoun_before_a_name_owns_nothing():
    """"He's Tavi Rennick" is "he is", not Tavi Rennick of somewhere called "He"."""
    found = extract_statements("“He's Tavi Rennick, and he's in his own lane,” said Ana Pell.\n\n"
                               "Tavi Rennick said he would win. “We will win,” Rennick said.")
    assert [(s.speaker, s.affiliation) for s in found] == [
        ("Ana Pell", ""), ("Tavi Rennick", ""), ("Tavi Rennick", "")]
