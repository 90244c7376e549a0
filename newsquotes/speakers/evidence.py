"""What an article's own words say about a name: a place, an organisation or a person, and a
person's gender.

Only the text is evidence, never a list of first names: a demonym built on the word
("Veloran" makes "Velora" a place), a place preposition ("in Velora", "near the Hollin Gap"), a
geographic word in the name ("Port Ansel", "Hollin Gap"), an apposition naming what it is
("Nadia Orsel, an energy analyst", "Kestragas, Kestria's state gas company"), a title ("Mr.",
"Ms."), and the he/she/his a sentence uses after naming exactly one person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from newsquotes.lexicon.bodies import INSTITUTION_NOUNS
from newsquotes.lexicon.people import (
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_NAME,
    PEOPLE_NOUNS,
    TITLES,
)
from newsquotes.lexicon.places import NATURAL_LAST, PLACE_FIRST, PLACE_LAST

# Pronouns that name the subject of their sentence or its owner; "her"/"him" are left out, as
# an object pronoun often names someone else ("Rennick thanked her").
_GENDERED = re.compile(r"\b(he|she|his|himself|herself)\b", re.IGNORECASE)
_MALE = {"he", "his", "himself"}
# A title is stronger evidence than a pronoun vote.
_TITLE_WEIGHT = 3
_NAME = r"[A-Z][\w’'-]*[\w](?:[ \u00a0][A-Z][\w’'-]*[\w])*"
_AFTER_PREP = re.compile(
    r"\b(?:in|near|inside|across|throughout|outside)[ \u00a0](the[ \u00a0])?(" + _NAME + r")"
    r"(?![\w’'])(?!['’]s)")
_APPOSITION = re.compile(r"(" + _NAME + r"),[ \u00a0]+((?:[\w’'-]+[ \u00a0]+){0,5}[\w’'-]+)")
# No sentence ends at an initial or an abbreviated title ("U.S. Senate", "Donald J. Trump",
# "Mr. Putin"); a blank line ends one, and so does a quotation closing its line (whose own
# full stop may be masked).
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St))(?<!\b(?:Sen|Rep|Gov|Gen))"
    r"[.!?][”\"’']?\s+(?=[A-Z“\"‘'])|\n\s*\n|(?<=[”\"»])[ \t]*\n\s*(?=[A-Z“\"‘'])")
_AFTER_QUOTE = re.compile(r"[”\"’'],?\s*$")
_TITLED_SURNAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Sir|Dame)\.?[ \u00a0]([A-Z][\w’'-]*\w)(?![ \u00a0][A-Z])")
_NOUN_NAME = re.compile(r"\b([a-z]+)[ \u00a0](" + _NAME + r")")
# "Tomas Brenn of Open Hands Medical", "an analyst at the Carrow Institute" (never "the wife
# of Ada Frey": "of" must follow a name).
_OF_NAME = re.compile(r"(?:(?<=[A-Z][a-z])[a-z]* of (?:the )?|\bat the )(" + _NAME + r")")
# "whose Open Hands Medical clinic": a name before an institution noun names a body.
_INSTITUTION = re.compile(
    r"(" + _NAME + r")[ \u00a0](?:" + "|".join(sorted(INSTITUTION_NOUNS)) + r")\b")
_STOP = {"said", "says", "and", "who", "which", "whose", "but", "that", "told", "added", "or"}
# Words after which a noun phrase's head has been named ("a spokesman for the ministry").
_HEAD_ENDS = {"of", "for", "at", "in", "with", "on", "to", "from", "by", "since", "until"}


def place_shaped(name: str) -> bool:
    """Give True when a name is shaped like a place ("Port Ansel", "Hollin Gap")."""
    words = name.lower().split()
    return len(words) > 1 and (words[0] in PLACE_FIRST or words[-1] in PLACE_LAST)


@dataclass
class TextEvidence:
    """The evidence one article gives about the names in it."""

    text: str
    places: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)

    def scan(self, role_nouns: set[str], org_nouns: set[str]) -> None:
        """Collect places, organisations and people the raw text marks as such."""
        words = set(re.findall(r"[A-Z][\w’'-]*\w", self.text))
        for m in re.finditer(_NAME, self.text):
            if place_shaped(m.group()):
                self.places.add(_last_name_run(m.group()))
        for word in words:
            if len(word) >= 4 and any(form in words for form in _demonyms(word)):
                self.places.add(word)
        for m in _AFTER_PREP.finditer(self.text):
            name = m.group(2)
            if m.group(1) is None or place_shaped(name):
                self.places.add(name)
        for m in _OF_NAME.finditer(self.text):
            lead = self.text[max(0, m.start() - 30):m.start(1)].split()
            while lead and lead[-1].lower() in ("the", "of", "at"):
                lead.pop()
            before = lead[-1] if lead else ""
            # "Secretary of State John Kerry": a title's "of" names no organisation
            if not place_shaped(m.group(1)) and before.lower() not in TITLES:
                self.orgs.add(m.group(1))
        for m in _INSTITUTION.finditer(self.text):
            name = _last_name_run(m.group(1))
            if name not in self.places:  # "a Kessin hospital"
                self.orgs.add(name)
        for m in _NOUN_NAME.finditer(self.text):
            if m.group(1) in org_nouns:  # "the relief group Open Hands Medical"
                self.orgs.add(_last_name_run(m.group(2)))
        self._pronoun_people()
        for m in _TITLED_SURNAME.finditer(self.text):
            self.people.add(m.group(1))  # "Mr. Trump", "Sen. Warren"
        for m in _APPOSITION.finditer(self.text):
            # The apposition's head noun is its last before a clause or a preposition: "a
            # former Bush administration official" is a person, "an oil company" a body.
            name, head = _last_name_run(m.group(1)), ""
            for word in m.group(2).lower().split():
                word = word.strip("’'")
                if word in _STOP or word in _HEAD_ENDS:
                    break
                if word in role_nouns or word in PEOPLE_NOUNS or word in org_nouns:
                    head = word
            if head in org_nouns and head not in role_nouns and head not in PEOPLE_NOUNS:
                self.orgs.add(name)
            elif head:
                self.people.add(name)

    def _pronoun_people(self) -> None:
        """Add the two- and three-word names a sentence calls "he" or "she"."""
        mentions: list[tuple[int, str]] = []
        for m in re.finditer(_NAME, self.text):
            name = _last_name_run(m.group())
            words = name.split()
            quoted = self.text[m.start() - 1:m.start()] in ("“", "‘", '"', "«")
            if len(words) in (2, 3) and not quoted and not place_shaped(name) and not (
                    {w.lower() for w in words} & NOT_NAME):  # a quoted run is a title
                mentions.append((m.end() - len(name), name))
        full = {name.split()[-1]: name for _, name in mentions}
        for m in re.finditer(r"\b(" + "|".join(map(re.escape, full)) + r")\b", self.text) \
                if full else ():
            mentions.append((m.start(), full[m.group(1)]))
        for name, votes in gender_votes(self.text, mentions).items():
            if settled_gender(votes):
                self.people.add(name)

    def natural(self, name: str) -> bool:
        """Give True when `name` is a natural feature or a landmark ("Hollin Gap", "Hollin")."""
        shaped = [p for p in self.places | {name} if p == name or p.startswith(name + " ")]
        return any(p.split()[-1].lower() in NATURAL_LAST for p in shaped if len(p.split()) > 1)

    def is_org(self, name: str) -> bool:
        """Give True when the text calls `name`, or a longer name ending in it, an organisation."""
        return any(o == name or o.endswith(" " + name) for o in self.orgs)

    def is_place(self, name: str, person_words: set[str]) -> bool:
        """Give True when the text marks `name` as a place and never as a person."""
        if name in self.people or name in person_words:
            return False
        # "Hollin" alone is the place "Hollin Gap".
        return (place_shaped(name) or name in self.places
                or any(p.startswith(name + " ") and place_shaped(p) for p in self.places))


def _demonyms(word: str) -> list[str]:
    """Give the demonyms a place name may have ("Velora" -> "Veloran", "Ukraine" ->
    "Ukrainian"); a person's name rarely has one, and a known person always wins."""
    stem = word[:-1] if word[-1] in "aeo" else word
    return [word + "n", word + "an", word + "ian", stem + "ian", stem + "an", stem + "ese",
            word + "ese", word + "i"]


def _last_name_run(name: str) -> str:
    """Give the name at the end of a capitalised run ("Analyst Nadia Orsel" stays whole; a
    sentence-initial "The Kestragas" loses "The")."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() in NOT_NAME
                              or words[0].endswith(("’s", "'s"))):
        words = words[1:]
    return " ".join(words)


def gender_votes(text: str, mentions: list[tuple[int, str]]) -> dict[str, Counter]:
    """Give per person a count of "m"/"f" evidence: titles and the gendered pronouns of
    sentences that named only that person before the pronoun (quotations excepted)."""
    votes: dict[str, Counter] = {}
    for at, name in mentions:
        before = text[max(0, at - 12):at].lower().split()
        word = before[-1] if before else ""
        if word in MALE_TITLES or word in FEMALE_TITLES:
            sex = "m" if word in MALE_TITLES else "f"
            votes.setdefault(name, Counter())[sex] += _TITLE_WEIGHT
    if not mentions:
        return votes
    starts = sentence_starts(text)
    # a name inside a quotation is not whom the sentence's "he"/"she" names ("“... Death
    # Cult ...,” she posted")
    ordered = sorted(m for m in mentions if not in_quotation(text, m[0]))
    offsets = [pos for pos, _ in ordered]

    def named_in(lo: int, hi: int) -> dict[str, bool]:
        """Give each person named in text[lo:hi], True when only as an owner ("Pell's")."""
        found: dict[str, bool] = {}
        for at, n in ordered[bisect_left(offsets, lo):bisect_left(offsets, hi)]:
            found[n] = found.get(n, True) and owner_at(text, at, n)
        return found

    for m in _GENDERED.finditer(text):
        at = m.start()
        if in_quotation(text, at) or _AFTER_QUOTE.search(text, max(0, at - 4), at):
            # a pronoun in a quotation may name anyone; one right after it ("“...,” she
            # said") names who said it, whom its sentence need not name
            continue
        i = bisect_right(starts, at) - 1
        named = named_in(starts[i], at)
        if not named and i > 0:
            # "Dravik said ... . He declined": the sentence before named one person
            named = named_in(starts[i - 1], starts[i])
        if len(named) != 1:
            continue
        sex = "m" if m.group(1).lower() in _MALE else "f"
        (who, owner), = named.items()
        # "Pell's charge that she ...": a sentence naming only an owner votes half
        votes.setdefault(who, Counter())[sex] += 0.5 if owner else 1
    return votes


def mention_end(text: str, at: int, name: str) -> int:
    """Give where the mention of person `name` at offset `at` ends (after its surname)."""
    surname = name.split()[-1]
    end = text.find(surname, at)
    return at + len(name) if end < 0 else end + len(surname)


def owner_at(text: str, at: int, name: str) -> bool:
    """Give True when the mention of `name` at offset `at` is a possessor ("Pell's")."""
    end = mention_end(text, at, name)
    return text[end:end + 2] in ("’s", "'s", "’ ", "' ")


def sentence_starts(text: str) -> list[int]:
    """Give the offset of each sentence's start, the first 0."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def in_quotation(text: str, at: int) -> bool:
    """Give True when offset `at` is inside a quotation opened in its paragraph."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    opened = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    return opened > 0 or before.count('"') % 2 == 1


def settled_gender(votes: Counter | None) -> str:
    """Give "m" or "f" when the evidence clearly says so (twice the other side), else ""."""
    if not votes:
        return ""
    m, f = votes["m"], votes["f"]
    if m > 2 * f:
        return "m"
    if f > 2 * m:
        return "f"
    return ""
