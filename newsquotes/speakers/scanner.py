"""The people an article's raw text names, parsed or not: names the text calls "he"/"she" or
gives a title ("Mr. Trump"), and titled names ("Borlandian Foreign Minister Tavi Rennick",
"Ostrava's Pell Marrow")."""

from __future__ import annotations

import re

from newsquotes.lexicon.people import PRONOUNS, TITLES
from newsquotes.speakers.names import POSSESSIVE, country_of, plain_name
from newsquotes.speakers.registry import Registry

_TITLED = re.compile(r"\b(?:[A-Z][\w’'.-]*[ \u00a0]){1,6}[A-Z][\w’'-]+")


def scan_people(names: Registry) -> None:
    """Add to `names` the people of its text's evidence and its titled names."""
    for raw in sorted(names.evidence.people):
        name = names.person_name(raw)
        # one word is a person's name where words around it were cut ("Had Pell won")
        if (len(name.split()) > 1 or name and name != raw) and names.may_be_person(name):
            at = names.text.find(name)
            names.add_person(name, at)
            names.saw(at, name)
    for m in _TITLED.finditer(names.text):
        found = titled_name(m.group().split())
        if found is None:
            continue
        aff, titles, name = found
        if names.person_name(name) != name or not names.may_be_person(name):
            continue
        p = names.add_person(name, m.start())
        p.role = p.role or " ".join(titles).lower()
        if aff and not p.affiliation:
            p.affiliation = country_of(aff, names.places) or aff
        names.saw(m.end() - len(name), name)


def titled_name(words: list[str]) -> tuple[str, list[str], str] | None:
    """Give (affiliation, titles, name) of a capitalised run that names a titled person
    ("Borlandian Foreign Minister Tavi Rennick"), else None."""
    aff = ""
    if POSSESSIVE.search(words[0]) and len(words) >= 3:
        # "He's Donald Trump" is "he is": a pronoun owns nothing
        aff = "" if plain_name(words[0]).lower() in PRONOUNS else plain_name(words[0])
        words = words[1:]
    titles = []
    while len(words) > 2 and words[0].lower() in TITLES:
        titles.append(words.pop(0))
    if not titles and len(words) > 2 and words[1].lower() in TITLES:
        aff = aff or words.pop(0)  # "Borlandian Foreign Minister ..."
        while len(words) > 2 and words[0].lower() in TITLES:
            titles.append(words.pop(0))
    if titles and all(t.lower() == "the" for t in titles) and not aff:
        return None  # "The Veloran Ministry": "the" is no title
    if not (titles or aff) or len(words) not in (2, 3):
        return None
    if any(w.lower() in TITLES or POSSESSIVE.search(w) for w in words):
        return None
    return aff, titles, " ".join(words)
