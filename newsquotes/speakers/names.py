"""Small functions over names: a name cleaned of titles, possessives and punctuation, the
country a demonym points to, and whether two place words name one place."""

from __future__ import annotations

import re

from newsquotes.lexicon.bodies import (
    GOVERNMENT_NAMES,
    GOVERNMENT_WORDS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    STATE_BODY_WORDS,
)
from newsquotes.lexicon.people import (
    PERSON_PRONOUNS,
    PRONOUNS,
    REGNAL_TITLES,
    ROLE_NOUNS,
    TITLES,
)
from newsquotes.lexicon.places import DEMONYMS

# The tables are the lexicon's; they are named here too for corpus.py, which reads them here.
__all__ = [
    "GOVERNMENT_NAMES", "GOVERNMENT_WORDS", "ORG_NAME_WORDS", "ORG_NOUNS", "PERSON_PRONOUNS",
    "POSSESSIVE", "PRONOUNS", "ROLE_NOUNS", "STATE_BODY_WORDS", "TITLES", "clean_name",
    "country_of", "plain_name", "regnal", "same_place",
]

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def clean_name(text: str) -> str:
    """Give a name without a trailing possessive, leading titles or surrounding punctuation."""
    text = POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))
    words = text.split()
    # "Ukraine’s Dmytro Kuleba": the possessive before the name is an affiliation.
    while len(words) > 1 and POSSESSIVE.search(words[0]):
        words = words[1:]
    while len(words) > 1 and words[0].lower() in TITLES and not regnal(words):
        words = words[1:]
    return " ".join(words)


def regnal(words: list[str]) -> bool:
    """Give True for a sovereign's or a pope's title before one name ("Pope Francis"): the
    title is part of the name."""
    return len(words) == 2 and words[0].lower() in REGNAL_TITLES


def plain_name(text: str) -> str:
    """Give a non-person name as written, without surrounding punctuation or a possessive."""
    return POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))


def country_of(word: str, known: list[str]) -> str:
    """Give the country a demonym or country name points to ("Russian" -> "Russia"), or ""."""
    w = clean_name(word)
    low = w.lower()
    if w in known:
        return w
    for k in known:
        if k.lower() == low:
            return k
    if low in DEMONYMS:
        return DEMONYMS[low]
    for k in known:
        stem = k.lower()[: max(4, len(k) - 2)]
        if len(k) >= 4 and low.startswith(stem) and low != k.lower():
            return k
    return w if w[:1].isupper() else ""


def same_place(a: str, b: str) -> bool:
    """Give True when two place words name the same place ("Borland", "Borlandian")."""
    a, b = a.lower(), b.lower()
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short[: max(4, len(short) - 2)])
