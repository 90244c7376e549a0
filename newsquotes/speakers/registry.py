"""The people and places one article names: who is who, by full name, and where each is named.

`Registry` answers what a name stands for ("Pell" -> "Ana Pell", "Velora" a place) from what
the text scanner and the parse learner add to it and from the text's `TextEvidence`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newsquotes.lexicon.bodies import ORG_NAME_WORDS, ORG_NOUNS
from newsquotes.lexicon.calendar import MONTHS, WEEKDAYS
from newsquotes.lexicon.corpus_names import EPITHETS, EVENT_WORDS
from newsquotes.lexicon.people import NOT_NAME, ROLE_NOUNS, TITLES
from newsquotes.speakers.cleaning import cut_name
from newsquotes.speakers.evidence import TextEvidence, place_shaped
from newsquotes.speakers.names import POSSESSIVE, clean_name, regnal

_THE = re.compile(r"\bthe\s$", re.IGNORECASE)
# A capitalised word right after a name: "Trump Tower", "Nashua Community College"
_INITIAL = re.compile(r"[A-Z]\.")
_NAME_GOES_ON = re.compile(r"[ \u00a0]([A-Z][a-z]+)")


@dataclass
class Person:
    """One person the article names."""

    name: str
    role: str = ""
    affiliation: str = ""
    first: int = 0


@dataclass
class Speaker:
    """A resolved speaker: canonical local name and what kind of speaker it is."""

    name: str
    type: str = ""
    role: str = ""
    affiliation: str = ""


@dataclass
class Registry:
    """The people and places one article names, with the text's evidence about names."""

    text: str
    evidence: TextEvidence
    people: dict[str, Person] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    seen: list[tuple[int, str]] = field(default_factory=list)  # (offset, person name)
    # What full_name and mentions give depends on the people known: adding one clears them.
    _names: dict[str, str] = field(default_factory=dict, repr=False)
    _mentions: list[tuple[int, str]] | None = field(default=None, repr=False)
    # `seen` by offset, and each full name's offsets: rebuilt when a mention is added.
    _by_offset: tuple[list[tuple[int, str]], list[int]] | None = field(default=None,
                                                                        repr=False)
    _named_at: dict[str, list[int]] | None = field(default=None, repr=False)

    def add_person(self, name: str, first: int) -> Person:
        """Give the person of this name, added (first named at `first`) if new."""
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, first=first)
            self._names.clear()
            self._mentions = self._named_at = None
        return person

    def saw(self, at: int, name: str) -> None:
        """Record that person `name` is named at offset `at`."""
        self.seen.append((at, name))
        self._by_offset = self._named_at = None

    def add_place(self, name: str) -> None:
        """Add a place the parse names."""
        if name not in self.places:
            self.places.append(name)

    def person(self, name: str) -> Person | None:
        """Give the known person with this full name, if any."""
        return self.people.get(name)

    def as_speaker(self, name: str) -> Speaker:
        """Give the speaker for person `name`, with the role and affiliation the text gives."""
        p = self.person(name)
        return Speaker(name, "person", p.role if p else "", p.affiliation if p else "")

    def may_be_person(self, name: str) -> bool:
        """Give False when the name holds an organisation word or an owner ("Reagan's
        Gallup"), ends in a day ("Election Day"), or the text makes it a place."""
        words = name.split()
        if any(w.lower().strip("’'.") in ORG_NAME_WORDS | ORG_NOUNS for w in words) or any(
                POSSESSIVE.search(w) for w in words[:-1]) or words[-1].lower() in EVENT_WORDS:
            return False  # "Election Day" is a day
        ev = self.evidence
        if len(words) == 2 and all(self._surname_of_another(w, words) for w in words):
            return False  # "Davis Manafort" beside "Rick Davis" and "Paul Manafort": a firm
        return not (ev.is_place(name, set()) or ev.is_org(name) and name not in ev.people)

    def _surname_of_another(self, word: str, name: list[str]) -> bool:
        """Give True when the text's prose names someone by a given name and `word`, the given
        name no word of `name` ("adviser Rick Davis" for "Davis" of "Davis Manafort"; not
        "Crooked Hillary", a place, "New York", nor a word of a capitalised run: "Democrat
        Hillary Clinton")."""
        for m in re.finditer(r"\b([A-Z][a-z][\w’'-]*)[ \u00a0]" + re.escape(word)
                             + r"\b(?![ \u00a0][A-Z])", self.text):
            given = m.group(1)
            before = self.text[max(0, m.start() - 30):m.start()].split()[-1:]
            in_run = before and before[0][:1].isupper() and before[0][-1] not in ".!?:”\""
            if not in_run and given not in name and not place_shaped(m.group()) and (
                    given.lower() not in NOT_NAME | TITLES | EPITHETS | ROLE_NOUNS):
                return True
        return False

    def is_place(self, name: str) -> bool:
        """Give True when the text makes `name` a place and no known person bears it."""
        if not name:
            return False
        if name in self.places and name not in self.people:
            return True
        person_words = set(self.people) | {n.split()[-1] for n in self.people
                                           if len(n.split()) > 1}
        return self.evidence.is_place(name, person_words)

    def mentions(self) -> list[tuple[int, str]]:
        """Give (offset, full name) of every mention of a known person in the text; a bare
        surname shared by two known people is nobody's, and a name after "the" ("the Pell
        campaign") is no mention of the person."""
        if self._mentions is not None:
            return self._mentions
        surnames: dict[str, set[str]] = {}
        for name in self.people:
            surnames.setdefault(name.split()[-1], set()).add(self.full_name(name))
        found = []
        for surname, names in surnames.items():
            # Each of two people with one surname by their full name (sorted: a set's order
            # changes from run to run with Python's string hashing).
            for full in sorted(names):
                given = full.split()[:-1]
                lead = r"(?:\b" + re.escape(" ".join(given)) + r"\s+)?" if given else ""
                for m in re.finditer(lead + r"\b" + re.escape(surname) + r"\b", self.text):
                    # "the Pell campaign", "the Pell administration": no mention of Pell
                    attributive = _THE.search(self.text, max(0, m.start() - 4), m.start())
                    if (len(names) == 1 or m.group() != surname) and not attributive \
                            and not self._goes_on(m.end()):
                        found.append((m.start(), full))
        self._mentions = sorted(found)
        return self._mentions

    def a_noun(self, word: str) -> bool:
        """Give True when the text uses `word` as a noun of its own ("the Demogorgon
        begins ..."): an epithet before a surname ("Demogorgon Trump"), no given name."""
        return re.search(r"\b(?i:the|a|an)\s+" + re.escape(word) + r"\b(?!\s+(?:[A-Z]|of\b))",
                         self.text) is not None

    def person_name(self, name: str) -> str:
        """Give a name the text gives a person without the words around it: an epithet the
        text uses as a noun, a word of the sentence before ("Following Pell on MSNBC"), a
        headline's verb ("Mom Corners Pell"), a dateline; "" where no name is left."""
        return cut_name(self.without_epithet(name), "person")

    def without_epithet(self, name: str) -> str:
        """Give `name` without a first word the text uses as a noun ("Kraken Vask" where the
        text has "the Kraken": "Vask")."""
        words = name.split(maxsplit=1)
        return words[1] if len(words) > 1 and self.a_noun(words[0]) else name

    def _goes_on(self, end: int) -> bool:
        """Give True when the name ending at `end` is part of a longer one ("Trump Tower",
        "Nashua Community College"): no mention of a person, though a day may follow
        ("Pell Tuesday said")."""
        more = _NAME_GOES_ON.match(self.text, end)
        return more is not None and more.group(1).lower() not in WEEKDAYS | MONTHS

    def last_person_before(self, pos: int) -> str:
        """Give the person named last before offset `pos`, or "" (of two named at one offset,
        the one seen first)."""
        seen, offsets = self._seen_index()
        i = bisect_left(offsets, pos) - 1
        if i < 0 or offsets[i] < 0:
            return ""
        name = seen[bisect_left(offsets, offsets[i])][1]
        return self.full_name(name) if name else ""

    def named_before(self, pos: int, most: int) -> list[tuple[int, str]]:
        """Give the last `most` (offset, name) mentions before offset `pos`, latest first."""
        seen, offsets = self._seen_index()
        i = bisect_left(offsets, pos)
        return [seen[j] for j in range(i - 1, max(i - 1 - most, -1), -1) if seen[j][0] >= 0]

    def last_named_at(self, name: str, before: int) -> int:
        """Give the offset of the last mention of person `name` before `before`, or -1."""
        if self._named_at is None:
            self._named_at = {}
            for at, n in self._seen_index()[0]:
                self._named_at.setdefault(self.full_name(n), []).append(at)
        offsets = self._named_at.get(name, [])
        i = bisect_left(offsets, before)
        return max(offsets[i - 1], -1) if i else -1

    def _seen_index(self) -> tuple[list[tuple[int, str]], list[int]]:
        """Give `seen` in order of offset (stable) and the offsets."""
        if self._by_offset is None:
            ordered = sorted(self.seen, key=lambda at_name: at_name[0])
            self._by_offset = (ordered, [at for at, _ in ordered])
        return self._by_offset

    def full_name(self, name: str) -> str:
        """Give the fullest name the article uses for `name` (a surname gives the full name)."""
        if name not in self._names:
            self._names[name] = self._fullest(name)
        return self._names[name]

    def _fullest(self, name: str) -> str:
        name = clean_name(name)
        if not name:
            return name
        words = name.split()
        best = name
        for known in self.people:
            kw = known.split()
            if kw[-1] == words[-1] and len(kw) > len(best.split()) and set(words) <= set(
                    kw) and not self._run_into(known):
                best = known
        if best == name and len(words) == 1 and name[0].isupper() and not self.is_place(name):
            # The surname may be introduced in a paragraph we did not parse.
            pattern = r"\b((?:[A-Z][\w’'.-]+ ){1,2})" + re.escape(name) + r"\b"
            opening = ""  # a name opening a sentence: "Will Pell concede?" may be a question
            for m in re.finditer(pattern, self.text):
                title = m.group(1).split()[-1]
                if regnal([title, name]):
                    best = f"{title} {name}"  # "Pope Francis" for "Francis"
                    break
                lead = [w for w in m.group(1).split() if w.lower() not in TITLES]
                # "... in Arvel. Velora said", "If Velora": a word ending a sentence or a
                # capitalised function word starts no name.
                if any(w.endswith(".") and len(w) > 3 or w.lower() in NOT_NAME for w in lead):
                    continue
                # a middle initial keeps the given name before it ("Douglas J. Band")
                given = lead[-2:] if len(lead) > 1 and _INITIAL.fullmatch(lead[-1]) else lead[-1:]
                # "Following Pell's win", a headline's "Mom Corners Pell": no given name
                longer = cut_name(" ".join(given + [name]), "person")
                if longer in ("", name):
                    continue
                if lead and all(w[0].isupper() for w in lead) and not self.a_noun(
                        given[0]) and self.may_be_person(longer):
                    if not opening and self._opens_sentence(m.start()):
                        opening = longer  # taken only where no other use gives a name
                        continue
                    best = longer
                break
            best = opening if best == name and opening else best
        return best

    def _run_into(self, name: str) -> bool:
        """Give True for a name that is another person's full name with words run into it
        once, words of a sentence, titles or a title-case headline ("Vask disavowed Ana
        Pell", "Representative Ana Pell", "Poll Burns Ana Pell" beside "Ana Pell"); not a
        longer form of the name ("Mario Vargas Llosa" beside "Vargas Llosa")."""
        if self.text.count(name) > 1:
            return False
        for other in self.people:
            if len(other.split()) > 1 and name.endswith(" " + other):
                extra = name[:-len(other)].split()
                return any(w[:1].islower() or w.lower() in TITLES | ROLE_NOUNS
                           for w in extra) or self._in_headline(name)
        return False

    def _in_headline(self, name: str) -> bool:
        """Give True when the line that holds `name` is a title-case headline."""
        at = self.text.find(name)
        if at < 0:
            return False
        lo, hi = self.text.rfind("\n", 0, at) + 1, self.text.find("\n", at)
        words = [w for w in self.text[lo:hi if hi >= 0 else None].split() if w[:1].isalpha()]
        return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)

    def _opens_sentence(self, at: int) -> bool:
        """Give True when offset `at` starts the text, a line or a sentence."""
        before = self.text[:at].rstrip(" \u00a0")
        return not before or before[-1] in ".!?:\n"
