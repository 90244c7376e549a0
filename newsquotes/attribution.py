"""Who said it: the speaker mention at a cue, and what it refers to within one article.

An article's `Cast` collects the people it names (with the role and affiliation the text gives
them: "Ukraine’s Dmytro Kuleba", "Foreign Minister Sergey Lavrov", "Lavrov, Russia's foreign
minister") so that a bare surname, a pronoun or a role phrase can be resolved to a full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PRONOUNS = {"he", "she", "him", "her", "they", "we", "i", "you", "it", "who"}
PERSON_PRONOUNS = {"he", "she", "i"}
TITLES = {
    "president", "minister", "secretary", "senator", "sen.", "sen", "rep.", "rep", "gov.", "gov",
    "governor", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "prof.", "professor", "gen.",
    "general", "speaker", "leader", "chancellor", "mayor", "judge", "justice", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director",
    "chief", "prime", "foreign", "defence", "defense", "finance", "deputy", "vice", "former",
    "state", "attorney", "house", "senate", "majority", "minority", "whip", "king", "queen",
    "prince", "pope", "rev.", "lt.", "col.", "capt.", "sgt.", "sir", "lord", "lady", "candidate",
    "commissioner", "envoy", "premier", "sheriff", "councilman", "councilwoman", "congressman",
    "congresswoman", "executive", "officer", "ceo", "founder", "head", "manager", "adviser",
    "advisor", "presidential", "gop", "democratic", "republican", "the", "u.s.", "us",
}
ROLE_NOUNS = {
    "minister", "president", "secretary", "senator", "governor", "spokesman", "spokeswoman",
    "spokesperson", "official", "chairman", "chairwoman", "chair", "director", "ambassador",
    "envoy", "leader", "candidate", "nominee", "chancellor", "premier", "mayor", "counterpart",
    "chief", "head", "adviser", "advisor", "aide", "congressman", "congresswoman", "lawmaker",
    "diplomat", "general", "commander", "representative", "manager", "ceo",
    "founder", "prosecutor", "judge", "attorney", "frontrunner", "front-runner", "republican",
    "democrat", "businessman", "billionaire", "king", "queen", "pope", "analyst", "expert",
    "professor", "economist", "officer", "executive", "negotiator", "strategist", "pollster",
}
ORG_NOUNS = {
    "ministry", "department", "committee", "campaign", "agency", "office", "company", "police",
    "party", "council", "commission", "association", "group", "union", "court", "army",
    "military", "administration", "board", "bank", "embassy", "organization", "organisation",
    "network", "newspaper", "institute", "foundation", "university", "team", "firm", "website",
}
# Words that make a capitalised name an organisation or a place, not a person.
ORG_NAME_WORDS = {
    "house", "party", "committee", "department", "ministry", "court", "times", "news", "post",
    "network", "university", "campaign", "council", "senate", "congress", "office", "agency",
    "association", "foundation", "institute", "union", "bank", "group", "street", "center",
    "centre", "church", "city", "county", "state", "states", "republic", "kingdom", "fund",
    "company", "corp", "inc", "co", "journal", "press", "media", "club", "board", "service",
    "review", "magazine", "channel", "tv", "radio", "school", "college", "hospital", "army",
}
GOVERNMENT_NAMES = {"kremlin", "white house", "pentagon", "government", "downing street"}
DEMONYMS = {
    "american": "United States", "british": "Britain", "french": "France", "german": "Germany",
    "chinese": "China", "dutch": "Netherlands", "swiss": "Switzerland", "turkish": "Turkey",
    "israeli": "Israel", "iraqi": "Iraq", "iranian": "Iran", "polish": "Poland",
    "spanish": "Spain", "swedish": "Sweden", "danish": "Denmark", "finnish": "Finland",
    "japanese": "Japan", "greek": "Greece", "irish": "Ireland", "welsh": "Wales",
    "scottish": "Scotland", "filipino": "Philippines", "pakistani": "Pakistan",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def clean_name(text: str) -> str:
    """Give a name without a trailing possessive, leading titles or surrounding punctuation."""
    text = _POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))
    words = text.split()
    # "Ukraine’s Dmytro Kuleba": the possessive before the name is an affiliation.
    while len(words) > 1 and _POSSESSIVE.search(words[0]):
        words = words[1:]
    while len(words) > 1 and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def plain_name(text: str) -> str:
    """Give a non-person name as written, without surrounding punctuation or a possessive."""
    return _POSSESSIVE.sub("", text.strip(" ,.;:—–-\"“”‘’'()\n\t"))


_TITLED = re.compile(r"\b(?:[A-Z][\w’'.-]*[ \u00a0]){1,6}[A-Z][\w’'-]+")


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
    orgs: set[str] = field(default_factory=set)
    seen: list[tuple[int, str]] = field(default_factory=list)  # (offset, person name)
    # full_name depends only on the names known so far, which only grow: the count keys it.
    _names: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    def scan(self) -> None:
        """Add the titled names of the whole text ("Borlandian Foreign Minister Tavi Rennick",
        "Ostrava's Pell Marrow"), parsed or not."""
        for m in _TITLED.finditer(self.text):
            words = m.group().split()
            aff = ""
            if _POSSESSIVE.search(words[0]) and len(words) >= 3:
                aff, words = plain_name(words[0]), words[1:]
            titles = []
            while len(words) > 2 and words[0].lower() in TITLES:
                titles.append(words.pop(0))
            if not titles and len(words) > 2 and words[1].lower() in TITLES:
                aff = aff or words.pop(0)  # "Borlandian Foreign Minister ..."
                while len(words) > 2 and words[0].lower() in TITLES:
                    titles.append(words.pop(0))
            if not (titles or aff) or len(words) not in (2, 3):
                continue
            if any(w.lower() in TITLES or _POSSESSIVE.search(w) for w in words):
                continue
            name = " ".join(words)
            p = self.people.setdefault(name, Person(name, first=m.start()))
            p.role = p.role or " ".join(titles).lower()
            if aff and not p.affiliation:
                p.affiliation = country_of(aff, self.places) or aff
            self.seen.append((m.end() - len(name), name))

    def last_person_before(self, pos: int) -> str:
        """Give the person named last before offset `pos`, or ""."""
        best = (-1, "")
        for at, name in self.seen:
            if best[0] < at < pos:
                best = (at, name)
        return self.full_name(best[1]) if best[1] else ""

    def learn(self, doc, base: int) -> None:
        """Add the people, places and organisations of a parsed paragraph."""
        for ent in doc.ents:
            if ent.label_ == "GPE":
                name = clean_name(ent.text)
                if name and name not in self.places and not name.isupper():
                    self.places.append(name)
            elif ent.label_ == "ORG":
                self.orgs.add(clean_name(ent.text))
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
                aff, role = self._role_phrase(child)
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
        span = doc[first.i:head.i + 1]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
                return
        from spacy.tokens import Span

        self._learn_person(Span(doc, span.start, span.end, label="PERSON"),
                           doc.user_data.get("base", 0))

    def _role_phrase(self, head) -> tuple[str, str]:
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
        if best == name and len(words) == 1 and name[0].isupper():
            # The surname may be introduced in a paragraph we did not parse.
            m = re.search(r"\b((?:[A-Z][\w’'.-]+ ){1,2})" + re.escape(name) + r"\b", self.text)
            if m:
                lead = [w for w in m.group(1).split() if w.lower() not in TITLES]
                if lead and all(w[0].isupper() for w in lead):
                    best = " ".join(lead[-1:] + [name])
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


_NP_DEPS = {"compound", "det", "poss", "amod", "nummod", "flat", "case", "nmod", "quantmod"}


def mention_tokens(tok):
    """Give the (first, last) tokens of the noun phrase a speaker token heads."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NP_DEPS and child.pos_ != "VERB":
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("flat", "compound"):
            right = child
    while left.i < right.i and (left.is_punct or left.dep_ == "cc"):
        left = left.doc[left.i + 1]
    return left, right


def classify(cast: Cast, head, first, last, pronoun_ref: Speaker | None) -> Speaker:
    """Give the speaker the mention first..last (head token `head`) refers to."""
    doc = head.doc
    span = doc[first.i:last.i + 1]
    low = head.text.lower()
    if head.pos_ == "PRON" or low in PRONOUNS:
        if low in PERSON_PRONOUNS and pronoun_ref is not None:
            return pronoun_ref
        return Speaker(head.text, "person" if low in PERSON_PRONOUNS else "")
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    if persons:
        name = cast.full_name(persons[-1].text)
        p = cast.person(name)
        return Speaker(name, "person", p.role if p else "", p.affiliation if p else "")
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.text[0].isupper()
                                      and cast.full_name(head.text) in cast.people):
        name = cast.full_name(head.text)
        p = cast.person(name)
        return Speaker(name, "person", p.role if p else "", p.affiliation if p else "")
    orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")]
    if head.lemma_.lower() in ROLE_NOUNS or low in ROLE_NOUNS:
        aff, role = cast._role_phrase(head)
        p = cast.by_role(aff, role)
        if p is not None:
            return Speaker(p.name, "person", p.role or role, p.affiliation or aff)
        return Speaker(plain_name(span.text), "person", role, aff)
    name = plain_name(span.text)
    if name.isupper() and len(name) > 4:
        name = name.title()  # a headline's capitals ("..., UKRAINE SAYS")
    if head.ent_type_ == "GPE" or (orgs and orgs[-1].label_ == "GPE" and orgs[-1].root == head):
        return Speaker(name, "government", "", name)
    if name.lower().removeprefix("the ") in GOVERNMENT_NAMES or low in GOVERNMENT_NAMES:
        return Speaker(name, "government")
    if head.ent_type_ == "ORG" or low in ORG_NOUNS or head.lemma_.lower() in ORG_NOUNS:
        aff = next((clean_name(e.text) for e in orgs if e.root != head), "")
        return Speaker(name, "organisation", "", aff)
    return Speaker(name, "person" if head.pos_ == "PROPN" else "")
