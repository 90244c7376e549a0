"""Names cleaned, places matched, titled names found and full names given, on text alone."""

from __future__ import annotations

import pytest

from newsquotes.extract.pipeline import extract_statements
from newsquotes.speakers.evidence import TextEvidence
from newsquotes.speakers.names import clean_name, country_of, plain_name, same_place
from newsquotes.speakers.registry import Registry, Speaker
from newsquotes.speakers.resolver import Attribution, Discourse, Mention, close
from newsquotes.speakers.scanner import titled_name


@pytest.mark.parametrize("text, expected", [
    ("Ukraine’s Dmytro Kuleba", "Dmytro Kuleba"),
    ("President Ana Pell's", "Ana Pell"),
    ("Foreign Minister Tavi Rennick,", "Tavi Rennick"),
    ("(Pell)", "Pell"),
    ("“Pell”", "Pell"),
    ("Mr.", "Mr"),  # a title alone stays
    ("Pope Tavian", "Pope Tavian"),  # a pope's title before one name is part of it
    ("", ""),
])
def test_clean_name(text, expected):
    assert clean_name(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the Ministry's", "the Ministry"), (" Open Hands, ", "Open Hands"),
    ("President Pell", "President Pell"),
])
def test_plain_name(text, expected):
    assert plain_name(text) == expected


@pytest.mark.parametrize("word, known, expected", [
    ("Russian", ["Russia"], "Russia"),
    ("Veloran", ["Velora"], "Velora"),
    ("velora", ["Velora"], "Velora"),
    ("French", [], "France"),
    ("Kestrian", [], "Kestrian"),
    ("official", [], ""),
])
def test_country_of(word, known, expected):
    assert country_of(word, known) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Borland", "Borlandian", True), ("Borlandian", "Borland", True), ("Velora", "Kestria", False),
    ("Borland", "", False),
])
def test_same_place(a, b, expected):
    assert same_place(a, b) is expected


@pytest.mark.parametrize("words, expected", [
    ("Borlandian Foreign Minister Tavi Rennick",
     ("Borlandian", ["Foreign", "Minister"], "Tavi Rennick")),
    ("Ostrava's Pell Marrow", ("Ostrava", [], "Pell Marrow")),
    ("Senator Ana Pell", ("", ["Senator"], "Ana Pell")),
    ("The Veloran Ministry", None),  # "The" is no title
    ("Ana Pell", None),  # no title, no affiliation
    ("Minister Ana Maria Lopes Pell", None),  # four words are no name
])
def test_titled_name(words, expected):
    assert titled_name(words.split()) == expected


def test_full_name_of_a_surname():
    text = "Ana Pell spoke. Minister Tavi Rennick met her. Pell and Rennick left. If Velora said"
    names = Registry(text, TextEvidence(text))
    names.add_person("Ana Pell", 0)
    assert names.full_name("Pell") == "Ana Pell"
    assert names.full_name("Pell's") == "Ana Pell"
    # introduced in a part of the text not parsed: the text gives the first name
    assert names.full_name("Rennick") == "Tavi Rennick"
    assert names.full_name("Velora") == "Velora"  # "If" starts no name
    names.add_person("Tavi Rennick", 25)
    assert names.as_speaker("Tavi Rennick") == Speaker("Tavi Rennick", "person")


@pytest.mark.parametrize("text, expected", [
    # a word of the sentence before, a headline's verb: no given name of the surname's
    ("Following Halvan's win in Arvel, the race tightened. Halvan left.", "Halvan"),
    ("Mom Corners Halvan On Ports\n\nMira Halvan spoke on Monday. Halvan left.",
     "Mira Halvan"),
    # a question's "Will" opening a sentence gives way to a given name in the prose
    ("Game over. Will Halvan come down?\n\nAfter Tuesday, Mira Halvan's chance is slim. "
     "Halvan left.", "Mira Halvan"),
    ("Will Halvan spoke. Halvan left.", "Will Halvan"),
])
def test_the_full_name_of_a_surname_is_no_word_around_it(text, expected):
    names = Registry(text, TextEvidence(text))
    assert names.full_name("Halvan") == expected


def test_a_full_name_with_a_headlines_or_a_titles_words_run_into_it_is_not_the_fullest():
    text = ("Kessin Poll Burns Ana Pell In Arvel\n\nAna Pell spoke. Representative Lida Moor "
            "met Mario Vask Orlov. Vask Orlov and Lida Moor left. Pell, Moor and Orlov said no.")
    names = Registry(text, TextEvidence(text))
    for name in ["Burns Ana Pell", "Ana Pell", "Representative Lida Moor", "Lida Moor",
                 "Mario Vask Orlov", "Vask Orlov"]:
        names.add_person(name, text.find(name))
    assert names.full_name("Pell") == "Ana Pell"
    assert names.full_name("Moor") == "Lida Moor"
    assert names.full_name("Orlov") == "Mario Vask Orlov"  # a longer form in the prose


def test_an_article_names_a_speaker_without_the_word_before_the_name():
    text = ("Following Halvan's win in Arvel, the race tightened.\n\nHalvan said the party "
            "must unite. “We will win,” Halvan said.")
    assert {s.speaker for s in extract_statements(text)} == {"Halvan"}


@pytest.mark.parametrize("name, expected", [
    # two surnames the text gives other people ("adviser Rick Harlan", "Paul Vasko"): a firm
    ("Harlan Vasko", False),
    ("Paul Vasko", True),
    # a word of a capitalised run or an epithet names no other person ("Democrat Lida Moor"),
    # nor does a place ("Port Kessin")
    ("Lida Moor", True),
    ("Kessin Vasko", True),
])
def test_a_name_of_two_other_peoples_surnames_is_their_firm(name, expected):
    text = ("Vasko founded Harlan Vasko with the adviser Rick Harlan. “Paul Vasko made certain "
            "of it,” said Democrat Lida Moor, who calls him Crooked Lida's rival. Moor left "
            "for Port Kessin.")
    names = Registry(text, TextEvidence(text))
    assert names.may_be_person(name) is expected


def test_last_person_before():
    text = "Ana Pell met Tavi Rennick."
    names = Registry(text, TextEvidence(text))
    for at, name in ((0, "Ana Pell"), (13, "Tavi Rennick")):
        names.add_person(name, at)
        names.saw(at, name)
    assert [names.last_person_before(pos) for pos in (0, 5, 20)] == ["", "Ana Pell",
                                                                    "Tavi Rennick"]
    assert names.last_named_at("Ana Pell", 20) == 0
    assert names.last_named_at("Tavi Rennick", 10) == -1


def _said(name: str, kind: str, at: int) -> Attribution:
    return Attribution(Speaker(name, kind), Mention(name, at, at + len(name)))


def test_discourse_remembers_bodies_groups_and_people():
    state = Discourse()
    state.named(Speaker("Veloran Ministry", "government"), 10)
    state.named(Speaker("officials", "group"), 40)
    state.named(Speaker("", ""), 50)  # no one: nothing changes
    assert state.last_body == (10, Speaker("Veloran Ministry", "government"))
    assert state.last_group == (40, Speaker("officials", "group"))
    state.spoke(_said("Ana Pell", "person", 60), 90)
    state.spoke(_said("he", "person", 100), 120)  # an unresolved pronoun is no one named
    assert (state.last_person, state.last_person_at) == (Speaker("Ana Pell", "person"), 60)
    assert state.previous == _said("he", "person", 100) and state.previous_end == 120


@pytest.mark.parametrize("gap, expected", [
    (" ", True), ("\n" * 8, True), ("\n" * 9, False), (" word" * 150, True),
    (" word" * 151, False),
])
def test_close(gap, expected):
    text = "x" + gap + "y"
    assert close(text, 1, len(text) - 1) is expected
