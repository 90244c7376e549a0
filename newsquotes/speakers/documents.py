"""Who a document or a set of bodies speaks for: "the statement said" (whoever gave the
statement before it), "the National Academies report" (its author), "the departments" (the
bodies that spoke just before)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsquotes.lexicon.bodies import (
    AUTHORED_NOUNS,
    ISSUED_FORMS,
    ORG_NOUNS,
    STATE_BODY_WORDS,
    THING_NOUNS,
)
from newsquotes.lexicon.people import PRONOUNS
from newsquotes.speakers.names import clean_name
from newsquotes.speakers.registry import Speaker

if TYPE_CHECKING:
    from newsquotes.speakers.resolver import Discourse

_DEFINITE = ("the", "this", "its", "these", "both")
_BODIES = ("organisation", "government")
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
# How many paragraph breaks may part a document noun from the statement it continues.
_PARAGRAPHS = 2
# How far back (in characters) "the company" looks for the organisation it stands for.
_REACH = 600


# A capitalised word of a body's name; "The" opens a sentence, not a name.
_NAME_WORD = r"(?!The\b)[A-Z][\w’'-]*"


def named_body(text: str, noun: str, before: int) -> str:
    """Give the name of the last body named with `noun` before offset `before` ("Veloran
    Ministry of Energy" for "ministry"), or ""."""
    word = noun[:1].upper() + noun[1:].lower()
    pattern = (rf"\b(?:{_NAME_WORD}\s)*{word}(?:\s(?:of|for|on)\s(?:the\s)?{_NAME_WORD}"
               rf"(?:\s(?:and\s)?{_NAME_WORD})*)?")
    found = [m.group() for m in re.finditer(pattern, text[:before])]
    # A bare "Ministry" (a headline's capital) names no particular body.
    found = [f for f in found if f != word]
    return clean_name(found[-1]) if found else ""


def body_type(name: str) -> str:
    """Give "government" for a state body ("the ministry"), else "organisation"."""
    words = {w.lower().strip("’'.,") for w in name.split()}
    return "government" if words & STATE_BODY_WORDS else "organisation"


def org_before(text: str, orgs: set[str], before: int) -> str:
    """Give the organisation of `orgs` the text names last in the _REACH characters before
    offset `before` ("The Kessin Herald, the city's largest newspaper, ... the editorial
    board wrote"), or ""."""
    last = {org: text.rfind(org, max(0, before - _REACH), before) for org in sorted(orgs)}
    found = [(at, org) for org, at in last.items() if at >= 0]
    return max(found)[1] if found else ""


def _singular(plural: str) -> str:
    """Give the singular of a plural body noun ("agencies" -> "agency")."""
    return plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")


def _in_name(head) -> bool:
    """Say whether a document noun is a word of a name: capitalised within its sentence
    ("the Washington Post", "the Kessin Ledger Report"), not "The statement said"."""
    return head.text[:1].isupper() and not head.is_sent_start


def author_token(head):
    """Give the token naming who issued a document noun ("the National Academies report",
    "Pell's statement", "a report released by the Kessin Institute", "a letter from the
    ministry", "the council issued a statement") or a thing that cannot speak ("data from the
    Kessin Institute"), or None."""
    if head.lower_ not in AUTHORED_NOUNS | THING_NOUNS or _in_name(head):
        return None
    named = next((c for c in head.children if c.dep_ in ("compound", "poss")
                  and c.pos_ == "PROPN" and c.ent_type_ in _NAMED), None)
    if named is not None and head.lower_ in AUTHORED_NOUNS:
        return named
    if head.dep_ == "dobj" and head.head.lower_ in ISSUED_FORMS:
        # "the council issued a statement saying ...": who issued it
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    # "by"/"from" on the noun or on a participle hung on it; "issued by" anywhere in its phrase
    issued = [t for t in head.subtree if t.dep_ == "acl" and t.lower_ in ISSUED_FORMS]
    for c in [*head.children, *issued]:
        preps = [c] if c.dep_ == "prep" and c.lower_ in ("by", "from") else [
            g for g in c.children if c.dep_ == "acl" and g.dep_ in ("agent", "prep")
            and g.lower_ == "by"]
        for obj in (o for prep in preps for o in prep.children if o.dep_ == "pobj"):
            if obj.pos_ == "PROPN" or obj.lower_ in ORG_NOUNS:
                return obj
    return None


def issuer(text: str, head, first, state: Discourse) -> Speaker | None:
    """Give who a definite document ("the statement") or bodies noun ("the departments")
    headed by `head` speaks for: the speaker of the statement before it, when that ended at
    most two paragraphs before (and, for bodies, is a body); else None."""
    low = head.lower_
    plural_body = head.tag_ == "NNS" and _singular(low) in ORG_NOUNS
    if first.lower_ not in _DEFINITE or not (low in AUTHORED_NOUNS or plural_body) or (
            _in_name(head)):
        return None
    prev = state.previous
    at = head.idx + head.doc.user_data.get("base", 0)
    if (prev is None or prev.speaker.name.lower() in ("", *PRONOUNS)
            or text.count("\n\n", state.previous_end, at) > _PARAGRAPHS
            or plural_body and prev.speaker.type not in _BODIES):
        return None
    return prev.speaker
