"""Whom "he" or "she" stands for, read from the sentences around it: the speaker of a
statement the sentence before continues, else the people the two sentences name (the one
the pronoun's own sentence names first, then the previous sentence's nearest)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from newsquotes.lexicon.people import TITLES
from newsquotes.speakers.evidence import owner_at, sentence_starts
from newsquotes.speakers.gender import Genders

PREPOSITIONS = frozenset(
    ["of", "to", "with", "by", "for", "against", "at", "from", "about", "on", "over", "behind",
     "than"])


def masked(text: str, quoted: list[tuple[int, int]]) -> str:
    """Give the text with the inside of each quotation blanked (marks kept): a quotation's
    sentences and names are not the article's own."""
    chars = list(text)
    for lo, hi in quoted:
        for i in range(lo + 1, hi - 1):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


@dataclass(frozen=True)
class Named:
    """A person named in the sentences before a pronoun."""

    at: int
    name: str
    # "Pell's adviser", "the rise of Pell": an owner or a preposition's object is seldom
    # whom the next sentence's "he" is
    aside: bool


class Antecedents:
    """The people "he"/"she" may stand for in one article, by sentence."""

    def __init__(self, text: str, quoted: list[tuple[int, int]], genders: Genders,
                 outside: list[tuple[int, str]]) -> None:
        """`quoted`: the (start, end) of the quotations; `outside`: (offset, full name) of the
        mentions of people outside quotations and credits, in text order."""
        self.starts = sentence_starts(masked(text, quoted))
        self.genders = genders
        self.people = [Named(at, name, _aside(text, at, name)) for at, name in outside]
        self.offsets = [n.at for n in self.people]

    def window(self, at: int) -> tuple[int, int]:
        """Give the starts of the sentence holding offset `at` and of the sentence before."""
        i = bisect_right(self.starts, at) - 1
        return (self.starts[i - 1] if i > 0 else 0), self.starts[i]

    def contrary(self, name: str, pronoun: str) -> bool:
        """Give True when the text gives person `name` the other gender ("" fits either)."""
        have = self.genders.of(name)
        return bool(have and pronoun) and have != ("m" if pronoun == "he" else "f")

    def named(self, lo: int, hi: int, pronoun: str) -> list[Named]:
        """Give the people named in text[lo:hi] whom the pronoun may stand for."""
        i, j = bisect_right(self.offsets, lo - 1), bisect_right(self.offsets, hi - 1)
        return [n for n in self.people[i:j] if not self.contrary(n.name, pronoun)]

    def in_sentences(self, at: int, pronoun: str) -> str:
        """Give whom a pronoun at offset `at` stands for by the two sentences ending at it: of
        its own sentence, the person the text says is of its gender, else the first named;
        else the previous sentence's last named who is no owner or preposition's object, one
        of its gender first; else ""."""
        before, own = self.window(at)
        same = self.named(own, at, pronoun)
        fits = [n for n in same if self.genders.fits(n.name, pronoun)]
        if fits or same:
            return (fits or same)[0].name
        return self._nearest(self.named(before, own, pronoun), pronoun)

    def _nearest(self, named: list[Named], pronoun: str) -> str:
        """Give the last of `named` who is no owner or preposition's object, one of the
        pronoun's gender first, or ""."""
        ranked = sorted(named[::-1], key=lambda n: (n.aside, not self.genders.fits(n.name,
                                                                                 pronoun)))
        return ranked[0].name if ranked else ""


def _aside(text: str, at: int, name: str) -> bool:
    """Give True when the mention of `name` at offset `at` is a possessor ("Pell's") or the
    object of a preposition ("the rise of Pell")."""
    before = [w for w in text[max(0, at - 24):at].lower().split() if w not in TITLES]
    return owner_at(text, at, name) or bool(before) and before[-1] in PREPOSITIONS
