"""The people and places a parsed piece names: PERSON and GPE entities, with the title and
affiliation the parse gives them, and name-like speaker mentions NER missed."""

from __future__ import annotations

from newsquotes.lexicon.bodies import ORG_NAME_WORDS
from newsquotes.lexicon.people import PRONOUNS, TITLES
from newsquotes.speakers.names import clean_name, country_of
from newsquotes.speakers.registry import Registry
from newsquotes.speakers.roles import role_phrase


def learn_piece(names: Registry, doc, base: int) -> None:
    """Add the people and places of a parsed piece starting at offset `base`."""
    for ent in doc.ents:
        if ent.label_ == "GPE":
            name = clean_name(ent.text)
            if name and not name.isupper():
                names.add_place(name)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _learn_person(names, ent, base)
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat"):
            learn_speaker(names, tok)


def _learn_person(names: Registry, ent, base: int) -> None:
    name = clean_name(ent.text)
    if not name or name.lower() in PRONOUNS or not name[0].isupper():
        return
    name = names.person_name(name)
    if not name or not names.may_be_person(name):
        return
    at = ent.start_char + base + max(ent.text.find(name), 0)
    person = names.add_person(name, at)
    names.saw(at, name)
    doc = ent.doc
    # Title and affiliation right before the name: "Russian Foreign Minister X",
    # "Ukraine’s X".
    role_words: list[str] = []
    i = ent.start - 1
    while i >= 0 and doc[i].text.lower() in TITLES and doc[i].text[0].isupper():
        role_words.insert(0, doc[i].text)
        i -= 1
    if role_words and not person.role:
        person.role = " ".join(role_words).lower()
    if i >= 1 and doc[i].text in ("'s", "’s") and doc[i - 1].ent_type_ == "GPE":
        person.affiliation = person.affiliation or clean_name(doc[i - 1].text)
    elif i >= 0 and doc[i].ent_type_ in ("NORP", "GPE"):
        person.affiliation = person.affiliation or country_of(doc[i].text, names.places)
    # Apposition after the name: "X, Russia's foreign minister, said".
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i > ent.end - 1 and child.pos_ == "NOUN":
            aff, role = role_phrase(child, names.places)
            person.role = person.role or role
            person.affiliation = person.affiliation or aff


def learn_speaker(names: Registry, head) -> None:
    """Add the person a name-like speaker mention gives ("Ukraine’s Dmytro Kuleba said")."""
    if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC"):
        return
    doc = head.doc
    parts = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    if not parts or not all(t.text[:1].isupper() for t in parts + [head]):
        return
    if any(t.lower_ in ORG_NAME_WORDS or t.ent_type_ for t in parts + [head]):
        return
    first = min(parts, key=lambda t: t.i)
    before = doc[first.i - 1] if first.i > 0 else None
    if (before is not None and before.head == head and before.text[:1].isupper()
            and before.pos_ == "PROPN" and before.lower_ not in TITLES):
        return  # cut from a longer name ("Open Hands Medical"): not a person's name
    span = doc[first.i:head.i + 1]
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
            return
    from spacy.tokens import Span

    _learn_person(names, Span(doc, span.start, span.end, label="PERSON"),
                  doc.user_data.get("base", 0))
