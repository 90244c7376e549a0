"""Who a role phrase stands for: the person the article gives that role or affiliation
("the foreign minister", "Kestria's top diplomat"), told apart by who is quoted by name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsquotes.lexicon.people import ROLE_NOUNS, TITLE_ROLES, TITLES
from newsquotes.speakers.names import country_of, same_place
from newsquotes.speakers.registry import Person, Registry

# How far (in characters) after a lede's role phrase the article may name the person.
_LEDE_REACH = 600


def _as_roles(role: str) -> str:
    """Give a role with its titles written as role nouns ("sen." -> "senator")."""
    return " ".join(TITLE_ROLES.get(w, w) for w in role.split())


def other_role(person_role: str, role: str) -> bool:
    """Give True when a person given `person_role` holds an office that is not `role`
    ("prime minister" for "the foreign minister"; never "Ms." nor "Sen." for "senator")."""
    have = set(_as_roles(person_role).split())
    want = set(_as_roles(role).split()) - {"former"}
    return bool(have & ROLE_NOUNS) and not want <= have


def role_phrase(head, places: list[str]) -> tuple[str, str]:
    """Give (affiliation, role) of a role phrase headed by `head` ("Russia's top diplomat")."""
    aff, role_words = "", []
    for tok in head.subtree:
        if tok.i > head.i:
            break
        if tok.ent_type_ in ("GPE", "NORP") and tok.i < head.i:
            # the whole place, "New York" of "the New York businessman", not "New"
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            aff = aff or country_of(ent.text if ent is not None else tok.text, places)
        elif tok.dep_ in ("compound", "amod") or tok.i == head.i:
            role_words.append(tok.text.lower())
    return aff, " ".join(role_words)


@dataclass
class Roles:
    """The people of one article by role, with how often each is quoted by name."""

    names: Registry
    quoted: Counter = field(default_factory=Counter)

    def by_role(self, affiliation: str, role: str) -> Person | None:
        """Give the person the article gives this role and/or affiliation, if one stands out."""
        people = self.names.people.values()
        role = _as_roles(role)
        role_head = role.split()[-1] if role else ""
        cands = [p for p in people if affiliation and same_place(p.affiliation, affiliation)]
        if role_head:
            with_role = [p for p in cands if role_head in _as_roles(p.role)]
            if with_role:
                cands = with_role
            elif not cands:
                cands = [p for p in people if role and role in _as_roles(p.role)]
                # "the former governor", "the Vermont senator": the role's head noun, with
                # the words of office it has ("foreign minister" is no "prime minister")
                office = {w for w in role.split()[:-1] if w in TITLES and w != "former"}
                cands = cands or [p for p in people
                                  if {role_head, *office} <= set(_as_roles(p.role).split())]
        if not cands:
            return None
        cands.sort(key=lambda p: (-self.quoted[p.name], p.first))
        if (len(cands) > 1 and self.quoted[cands[0].name] == self.quoted[cands[1].name]
                and not role_head):
            return None
        return cands[0]

    def introduced_after(self, pos: int, affiliation: str, role: str) -> Person | None:
        """Give the person a lede's role phrase at `pos` stands for: the article names no one
        before it, and right after it names a person it quotes, given no other role
        ("Kestria’s foreign minister on Thursday rejected ... Aleksandr Dravik, speaking in
        Dunmarsk, said ..."). With `role` "", a noun saying nothing of office ("the last man
        to run", "a rival"): the first person named after it whom the article has not named
        before, who may come after others. Else None."""
        text = self.names.text

        def named_before(name: str) -> bool:
            # Only some paragraphs are parsed: the text itself says who came before.
            return re.search(rf"\b{re.escape(name.split()[-1])}\b", text[:pos]) is not None

        if role and any(named_before(name) for name in self.names.people):
            return None
        after = sorted(at_name for at_name in self.names.seen if at_name[0] > pos
                       and (role or not named_before(self.names.full_name(at_name[1]))))
        if not after or after[0][0] - pos > _LEDE_REACH:
            return None
        p = self.names.person(self.names.full_name(after[0][1]))
        if (p is None or not self.quoted[p.name]
                or (p.role and role and role.split()[-1:] != p.role.split()[-1:])
                or (affiliation and p.affiliation and not same_place(affiliation, p.affiliation))):
            return None
        return p
