"""The people, organisations and places one article names, and what its text says of them.

An article's `Cast` collects the people it names (with the role and affiliation the text gives
them: "Ukraine’s Dmytro Kuleba", "Foreign Minister Sergey Lavrov", "Lavrov, Russia's foreign
minister") so that a bare surname, a pronoun or a role phrase can be resolved to a full name,
and the evidence the text gives: which names are places, organisations or people, and which
people it calls "he" or "she".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsquotes.lexicon.bodies import ORG_NAME_WORDS, ORG_NOUNS
from newsquotes.lexicon.people import NOT_NAME, PEOPLE_NOUNS, PRONOUNS, ROLE_NOUNS, TITLES
from newsquotes.speakers.evidence import TextEvidence, gender_votes, settled_gender
from newsquotes.speakers.names import (
    POSSESSIVE,
    clean_name,
    country_of,
    plain_name,
    same_place,
)

_TITLED = re.compile(r"\b(?:[A-Z][\w’'.-]*[ \u00a0]){1,6}[A-Z][\w’'-]+")


# How far (in characters) after a lede's role phrase the article may name the person.
_LEDE_REACH = 600


@dataclass
class Person:
    """One person the article names."""

    name: str
    role: str = ""
    affiliation: str = ""
    first: int = 0
    quoted: int = 0


@dataclass
class Speaker:
    """A resolved speaker: canonical local name and what kind of speaker it is."""

    name: str
    type: str = ""
    role: str = ""
    affiliation: str = ""


@dataclass
class Cast:
    """The people, organisations and places one article names."""

    text: str
    people: dict[str, Person] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)
    seen: list[tuple[int, str]] = field(default_factory=list)  # (offset, person name)
    evidence: TextEvidence | None = None
    # The last organisation or government and the last group that spoke: what "it" and
    # "they" refer to (classify is called in text order).
    last_body: tuple[int, Speaker] | None = None
    last_group: tuple[int, Speaker] | None = None
    _genders: dict[str, str] | None = field(default=None, repr=False)
    _mentions: tuple[int, list[tuple[int, str]]] | None = field(default=None, repr=False)
    # full_name depends only on the names known so far, which only grow: the count keys it.
    _names: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    def scan(self) -> None:
        """Add the titled names of the whole text ("Borlandian Foreign Minister Tavi Rennick",
        "Ostrava's Pell Marrow"), parsed or not, and what the text says about its names."""
        self.evidence = TextEvidence(self.text)
        self.evidence.scan(ROLE_NOUNS | PEOPLE_NOUNS, ORG_NOUNS | ORG_NAME_WORDS)
        for name in sorted(self.evidence.people):
            if len(name.split()) > 1 and self.may_be_person(name):
                at = self.text.find(name)
                self.people.setdefault(name, Person(name, first=at))
                self.seen.append((at, name))
        for m in _TITLED.finditer(self.text):
            words = m.group().split()
            aff = ""
            if POSSESSIVE.search(words[0]) and len(words) >= 3:
                aff, words = plain_name(words[0]), words[1:]
            titles = []
            while len(words) > 2 and words[0].lower() in TITLES:
                titles.append(words.pop(0))
            if not titles and len(words) > 2 and words[1].lower() in TITLES:
                aff = aff or words.pop(0)  # "Borlandian Foreign Minister ..."
                while len(words) > 2 and words[0].lower() in TITLES:
                    titles.append(words.pop(0))
            if titles and all(t.lower() == "the" for t in titles) and not aff:
                continue  # "The Veloran Ministry": "the" is no title
            if not (titles or aff) or len(words) not in (2, 3):
                continue
            if any(w.lower() in TITLES or POSSESSIVE.search(w) for w in words):
                continue
            name = " ".join(words)
            if not self.may_be_person(name):
                continue
            p = self.people.setdefault(name, Person(name, first=m.start()))
            p.role = p.role or " ".join(titles).lower()
            if aff and not p.affiliation:
                p.affiliation = country_of(aff, self.places) or aff
            self.seen.append((m.end() - len(name), name))

    def may_be_person(self, name: str) -> bool:
        """Give False when the name holds an organisation word or the text makes it a place."""
        if any(w.lower().strip("’'.") in ORG_NAME_WORDS | ORG_NOUNS for w in name.split()):
            return False
        ev = self.evidence
        return ev is None or not (ev.is_place(name, set())
                                  or ev.is_org(name) and name not in ev.people)

    def is_place(self, name: str) -> bool:
        """Give True when the text makes `name` a place and no known person bears it."""
        if self.evidence is None or not name:
            return False
        if name in self.places and name not in self.people:
            return True
        person_words = set(self.people) | {n.split()[-1] for n in self.people
                                           if len(n.split()) > 1}
        return self.evidence.is_place(name, person_words)

    def gender(self, name: str) -> str:
        """Give "m" or "f" when the text gives clear evidence of this person's gender, else ""."""
        if self._genders is None:
            votes = gender_votes(self.text, self.mentions())
            self._genders = {n: settled_gender(v) for n, v in votes.items()}
        return self._genders.get(name, "")

    def mentions(self) -> list[tuple[int, str]]:
        """Give (offset, full name) of every mention of a known person in the text; a bare
        surname shared by two known people is nobody's."""
        if self._mentions is not None and self._mentions[0] == len(self.people):
            return self._mentions[1]
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
                    if len(names) == 1 or m.group() != surname:
                        found.append((m.start(), full))
        self._mentions = (len(self.people), sorted(found))
        return self._mentions[1]

    def fit_pronoun(self, ref: Speaker | None, pronoun: str, at: int) -> Speaker | None:
        """Give the speaker "he"/"she" at offset `at` refers to: `ref` unless gender evidence
        points to another person named before it (when `ref` is of the other gender, or of
        unknown gender and a fitting person is among the last three named)."""
        want = "m" if pronoun == "he" else "f"
        have = self.gender(ref.name) if ref is not None else ""
        if have == want:
            return ref
        recent: list[str] = []
        for pos, name in reversed(self.mentions()):
            if pos < at and name not in recent and (ref is None or name != ref.name):
                recent.append(name)
        # Of unknown gender, `ref` gives way only to a fitting person named shortly before.
        fitting = [n for n in (recent if have else recent[:3]) if self.gender(n) == want]
        return self.as_speaker(fitting[0]) if fitting else ref

    def as_speaker(self, name: str) -> Speaker:
        """Give the speaker for person `name`, with the role and affiliation the text gives."""
        p = self.person(name)
        return Speaker(name, "person", p.role if p else "", p.affiliation if p else "")

    def introduced_after(self, pos: int, affiliation: str, role: str) -> Person | None:
        """Give the person a lede's role phrase at `pos` stands for: the article names no one
        before it, and right after it names a person it quotes, given no other role
        ("Kestria’s foreign minister on Thursday rejected ... Aleksandr Dravik, speaking in
        Dunmarsk, said ..."). Else None."""
        # Only some paragraphs are parsed: the text itself says whether a person came before.
        if any(re.search(rf"\b{re.escape(name.split()[-1])}\b", self.text[:pos])
               for name in self.people):
            return None
        after = sorted(at_name for at_name in self.seen if at_name[0] > pos)
        if not after or after[0][0] - pos > _LEDE_REACH:
            return None
        p = self.person(self.full_name(after[0][1]))
        if (p is None or not p.quoted or (p.role and role.split()[-1:] != p.role.split()[-1:])
                or (affiliation and p.affiliation and not same_place(affiliation, p.affiliation))):
            return None
        return p

    def last_person_before(self, pos: int) -> str:
        """Give the person named last before offset `pos`, or ""."""
        best = (-1, "")
        for at, name in self.seen:
            if best[0] < at < pos:
                best = (at, name)
        return self.full_name(best[1]) if best[1] else ""

    def learn(self, doc, base: int) -> None:
        """Add the people and places of a parsed paragraph."""
        for ent in doc.ents:
            if ent.label_ == "GPE":
                name = clean_name(ent.text)
                if name and name not in self.places and not name.isupper():
                    self.places.append(name)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._learn_person(ent, base)
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "flat"):
                self.learn_speaker(tok)

    def _learn_person(self, ent, base: int) -> None:
        name = clean_name(ent.text)
        if not name or name.lower() in PRONOUNS or not name[0].isupper():
            return
        if not self.may_be_person(name):
            return
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name, first=ent.start_char + base)
        self.seen.append((ent.start_char + base, name))
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
            person.affiliation = person.affiliation or country_of(doc[i].text, self.places)
        # Apposition after the name: "X, Russia's foreign minister, said".
        for child in ent.root.children:
            if child.dep_ == "appos" and child.i > ent.end - 1 and child.pos_ == "NOUN":
                aff, role = self.role_phrase(child)
                person.role = person.role or role
                person.affiliation = person.affiliation or aff

    def learn_speaker(self, head) -> None:
        """Add the person a name-like speaker mention gives ("Ukraine’s Dmytro Kuleba said")."""
        if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC"):
            return
        doc = head.doc
        names = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
        if not names or not all(t.text[:1].isupper() for t in names + [head]):
            return
        if any(t.lower_ in ORG_NAME_WORDS or t.ent_type_ for t in names + [head]):
            return
        first = min(names, key=lambda t: t.i)
        before = doc[first.i - 1] if first.i > 0 else None
        if (before is not None and before.head == head and before.text[:1].isupper()
                and before.lower_ not in TITLES):
            return  # cut from a longer name ("Open Hands Medical"): not a person's name
        span = doc[first.i:head.i + 1]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
                return
        from spacy.tokens import Span

        self._learn_person(Span(doc, span.start, span.end, label="PERSON"),
                           doc.user_data.get("base", 0))

    def role_phrase(self, head) -> tuple[str, str]:
        """Give (affiliation, role) of a role phrase headed by `head` ("Russia's top diplomat")."""
        aff, role_words = "", []
        for tok in head.subtree:
            if tok.i > head.i:
                break
            if tok.ent_type_ in ("GPE", "NORP") and tok.i < head.i:
                aff = aff or country_of(tok.text, self.places)
            elif tok.dep_ in ("compound", "amod") or tok.i == head.i:
                role_words.append(tok.text.lower())
        return aff, " ".join(role_words)

    def full_name(self, name: str) -> str:
        """Give the fullest name the article uses for `name` (a surname gives the full name)."""
        key = (name, len(self.people))
        if key not in self._names:
            self._names[key] = self._full_name(name)
        return self._names[key]

    def _full_name(self, name: str) -> str:
        name = clean_name(name)
        if not name:
            return name
        words = name.split()
        best = name
        for known in self.people:
            kw = known.split()
            if kw[-1] == words[-1] and len(kw) > len(best.split()) and set(words) <= set(kw):
                best = known
        if best == name and len(words) == 1 and name[0].isupper() and not self.is_place(name):
            # The surname may be introduced in a paragraph we did not parse.
            pattern = r"\b((?:[A-Z][\w’'.-]+ ){1,2})" + re.escape(name) + r"\b"
            for m in re.finditer(pattern, self.text):
                lead = [w for w in m.group(1).split() if w.lower() not in TITLES]
                # "... in Arvel. Velora said", "If Velora": a word ending a sentence or a
                # capitalised function word starts no name.
                if any(w.endswith(".") and len(w) > 3 or w.lower() in NOT_NAME for w in lead):
                    continue
                if lead and all(w[0].isupper() for w in lead) and self.may_be_person(
                        " ".join(lead[-1:] + [name])):
                    best = " ".join(lead[-1:] + [name])
                break
        return best

    def person(self, name: str) -> Person | None:
        """Give the known person with this full name, if any."""
        return self.people.get(name)

    def by_role(self, affiliation: str, role: str) -> Person | None:
        """Give the person the article gives this role and/or affiliation, if one stands out."""
        role_head = role.split()[-1] if role else ""
        cands = [p for p in self.people.values()
                 if affiliation and same_place(p.affiliation, affiliation)]
        if role_head:
            with_role = [p for p in cands if role_head in p.role]
            if with_role:
                cands = with_role
            elif not cands:
                cands = [p for p in self.people.values() if role and role in p.role]
        if not cands:
            return None
        cands.sort(key=lambda p: (-p.quoted, p.first))
        if len(cands) > 1 and cands[0].quoted == cands[1].quoted and not role_head:
            return None
        return cands[0]
