"""Who said it: the speaker mention at a cue, and what it refers to within one article.

`mention_span` gives the noun phrase of a speaker token; `classify` decides what it names: a
person of the article's `Cast` (a pronoun by gender evidence, a surname by its full name, a role
phrase by the person given that role), a government, an organisation, an unnamed group, or
nothing that can speak ("figures", "the statement").
"""

from __future__ import annotations

import re

from newsquotes.lexicon.bodies import (
    GOVERNMENT_NAMES,
    GOVERNMENT_WORDS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    STATE_BODY_WORDS,
    THING_NOUNS,
)
from newsquotes.lexicon.people import (
    GROUP_WORDS,
    NOT_NAME,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)
from newsquotes.speakers.cast import Cast, Speaker
from newsquotes.speakers.names import (
    POSSESSIVE,
    clean_name,
    country_of,
    plain_name,
)

__all__ = ["Cast", "Speaker", "classify", "mention_span", "mention_tokens"]

_NP_DEPS = {"compound", "det", "poss", "amod", "nummod", "flat", "case", "nmod", "quantmod"}
# How far back (in characters) "it" and "they" look for the body or group they stand for.
_REACH = 1500


# A capitalised word of a body's name; "The" opens a sentence, not a name.
_NAME_WORD = r"(?!The\b)[A-Z][\w’'-]*"


def _named_body(text: str, noun: str, before: int) -> str:
    """Give the name of the last body named with `noun` before offset `before` ("Veloran
    Ministry of Energy" for "ministry"), or ""."""
    word = noun[:1].upper() + noun[1:].lower()
    pattern = (rf"\b(?:{_NAME_WORD}\s)*{word}(?:\s(?:of|for|on)\s(?:the\s)?{_NAME_WORD}"
               rf"(?:\s(?:and\s)?{_NAME_WORD})*)?")
    found = [m.group() for m in re.finditer(pattern, text[:before])]
    # A bare "Ministry" (a headline's capital) names no particular body.
    found = [f for f in found if f != word]
    return clean_name(found[-1]) if found else ""


def _body_type(name: str) -> str:
    """Give "government" for a state body ("the ministry"), else "organisation"."""
    words = {w.lower().strip("’'.,") for w in name.split()}
    return "government" if words & STATE_BODY_WORDS else "organisation"


def mention_tokens(tok):
    """Give the (first, last) tokens of the noun phrase a speaker token heads ("the Ministry of
    Energy" keeps its "of" phrase when the head is an organisation word)."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NP_DEPS and child.pos_ != "VERB":
            left = min(left, child.left_edge, key=lambda t: t.i)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("flat", "compound"):
            right = child
        elif (child.dep_ == "prep" and child.lower_ == "of" and child.i == right.i + 1
              and tok.lower_ in ORG_NOUNS | ORG_NAME_WORDS | GOVERNMENT_WORDS):
            tail = list(child.subtree)[1:]
            if tail and all(t.text[:1].isupper() or t.lower_ in ("and", "&", "the") for t in tail):
                right = tail[-1]
    while left.i < right.i and (left.is_punct or left.dep_ == "cc"):
        left = left.doc[left.i + 1]
    return left, right


def classify(cast: Cast, head, first, last, pronoun_ref: Speaker | None) -> Speaker:
    """Give the speaker the mention first..last (head token `head`) refers to.

    A thing that cannot speak ("figures", "the statement") or a pronoun with nothing to refer
    to gets an empty name and type. Call it in text order: an organisation or group it gives is
    what a later "it" or "they" refers to.
    """
    who = _classify(cast, head, first, last, pronoun_ref)
    at = head.idx + head.doc.user_data.get("base", 0)
    if who.name and who.type in ("organisation", "government"):
        cast.last_body = (at, who)
    elif who.name and who.type == "group":
        cast.last_group = (at, who)
    return who


def _classify(cast: Cast, head, first, last, pronoun_ref: Speaker | None) -> Speaker:
    doc = head.doc
    span = doc[first.i:last.i + 1]
    low = head.text.lower()
    if low in ("who", "which", "that") and head.dep_ == "nsubj" and head.head.dep_ == "relcl":
        antecedent = head.head.head  # "Heddle, who said ..."
        return _classify(cast, antecedent, *mention_tokens(antecedent), pronoun_ref)
    if head.pos_ == "PRON" or low in PRONOUNS or low == "his":
        at = head.idx + doc.user_data.get("base", 0)
        # "his claim that ...", "her warning that ...": the owner is who "he"/"she" would be
        low = {"his": "he", "her": "she"}.get(low, low)
        return _pronoun(cast, low, head.text, pronoun_ref, at)
    if low in THING_NOUNS and head.ent_type_ not in ("PERSON", "ORG", "GPE"):
        return Speaker("", "")
    raw = plain_name(span.text)
    if raw.isupper() and len(raw) > 4:
        raw = raw.title()  # a headline's capitals ("..., UKRAINE SAYS")
    orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")]
    aff = next((clean_name(e.text) for e in orgs if not e.start <= head.i < e.end), "")
    if head.pos_ == "PROPN":
        named = _named(cast, head, span, raw, aff)
        if named is not None:
            return named
    elif head.text[:1].isupper() and cast.full_name(head.text) in cast.people:
        return cast.as_speaker(cast.full_name(head.text))  # a surname tagged as a noun
    elif low in ROLE_NOUNS or low in PEOPLE_NOUNS:
        apposed = _apposed_name(cast, head)
        if apposed is not None:
            return apposed
    if low in ROLE_NOUNS:
        role_aff, role = cast.role_phrase(head)
        p = cast.by_role(role_aff, role)
        if p is None:
            p = cast.introduced_after(head.idx + doc.user_data.get("base", 0), role_aff, role)
        if p is not None:
            return Speaker(p.name, "person", p.role or role, p.affiliation or role_aff)
        return Speaker(raw, "person", role, role_aff)
    if (raw.lower().removeprefix("the ") in GOVERNMENT_NAMES
            or low in GOVERNMENT_NAMES | GOVERNMENT_WORDS):
        state = _state_named(cast, span, head)
        return Speaker(state or raw, "government", "", state or aff)
    if low in ORG_NOUNS and span.text.lower() == f"the {low}":
        # "the ministry" after "the Veloran Ministry of Energy": the body named last before it.
        named_body = _named_body(cast.text, head.text, head.idx + doc.user_data.get("base", 0))
        if named_body:
            return Speaker(named_body, _body_type(named_body), "", aff)
    if low in ORG_NOUNS:
        calling = _self_named(head)
        if calling:
            return Speaker(calling, "organisation")
        if low == "group" and first.lower_ in ("a", "an"):
            return Speaker(raw, "group")  # "a small group of protesters": no body behind it
    if head.ent_type_ == "ORG" or low in ORG_NOUNS or (cast.evidence and raw in cast.evidence.orgs):
        return Speaker(raw, _body_type(raw), "", aff)
    if head.tag_ == "NNS" or low in GROUP_WORDS or (
            # "Republicans" when the text also says "Republican"; never "Sanders"
            head.tag_ == "NNPS" and re.search(rf"\b{re.escape(head.text[:-1])}\b", cast.text)):
        return Speaker(raw, "group")
    if head.pos_ == "PROPN" and len(_name_run(head, first).split()) == 1:
        # One capitalised word the article never gives a first name, a title or a he/she
        # ("Kestragas said"): a person would be introduced in full.
        return Speaker(raw, "organisation")
    if head.pos_ == "PROPN" or low in PEOPLE_NOUNS:
        return Speaker(raw, "person")
    return Speaker(raw, "")


def _pronoun(cast: Cast, low: str, text: str, ref: Speaker | None, at: int) -> Speaker:
    """Give the speaker a pronoun refers to; gender evidence decides between people."""
    if low in ("he", "she"):
        ref = cast.fit_pronoun(ref, low, at)
    if low in PERSON_PRONOUNS:
        return ref if ref is not None else Speaker(text, "person")
    recent = cast.last_body if low == "it" else cast.last_group if low == "they" else None
    if recent is not None and at - recent[0] <= _REACH:
        return recent[1]
    return Speaker("", "")


def _name_run(head, first) -> str:
    """Give the capitalised words that end at `head`, without titles, roles or a possessor
    ("White House spokesman Josh Earnest" -> "Josh Earnest")."""
    doc = head.doc
    i = head.i
    while i > first.i:
        prev = doc[i - 1]
        low = prev.text.lower()
        if (not prev.text[:1].isupper() or low in TITLES or low in ROLE_NOUNS
                or POSSESSIVE.search(prev.text) or prev.text in ("'s", "’s")):
            break
        i -= 1
    return doc[i:head.i + 1].text


def _named(cast: Cast, head, span, raw: str, aff: str) -> Speaker | None:
    """Give the speaker a proper-noun mention names, or None when it names no one known."""
    run = _name_run(head, span[0])
    persons = [e for e in span.ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    # A person entity shorter than the capitalised run is cut from a longer name ("Open
    # Hands Medical"), unless what it leaves out is known as a person.
    if persons and (len(persons[-1].text) >= len(run) or run in cast.people):
        name = cast.full_name(persons[-1].text)
        if cast.may_be_person(name) and not cast.is_place(name):
            return cast.as_speaker(name)
    words = {w.lower().strip("’'.") for w in run.split()}
    right = span[head.i - span.start + 1:].text  # "of Energy" after "Ministry"
    if words & GOVERNMENT_WORDS:
        return Speaker(raw, "government", "", aff)
    if words & (ORG_NAME_WORDS | ORG_NOUNS) or (right and words & ORG_NOUNS):
        return Speaker(raw, _body_type(raw), "", aff)
    name = cast.full_name(head.text) if head.text[:1].isupper() else raw
    evidence = cast.evidence.people if cast.evidence else set()
    if name in cast.people or name in evidence:
        return cast.as_speaker(name)
    orgs = cast.evidence.orgs if cast.evidence else set()
    org = next((o for o in sorted(orgs) if o == run or o.endswith(" " + run)), "")
    if org and run not in cast.people:
        return Speaker(org, "organisation", "", aff)  # "the relief group Open Hands Aid"
    place = run.title() if run.isupper() else run
    # A name cut from a longer capitalised run ("Hands Medical" of "Open Hands Medical").
    cut = len(run.split()) > len(name.split()) and run.endswith(" " + name)
    # A name the text gives with a first name ("Bernie Sanders" for "Sanders").
    if ((head.ent_type_ == "PERSON" or len(name.split()) > 1) and cast.may_be_person(name)
            and not cut and not cast.is_place(name) and not cast.is_place(place)):
        return cast.as_speaker(name)
    if cast.is_place(place) or head.ent_type_ == "GPE":
        if cast.evidence and cast.evidence.natural(place):
            return Speaker("", "")  # "the disputed Hollin Gap" speaks for no one
        return Speaker(place, "government", "", place)
    return None


def _self_named(head) -> str:
    """Give the name a body gives itself ("a group calling itself Grey Lantern"), or ""."""
    for acl in head.rights:
        if acl.dep_ == "acl" and acl.lemma_ in ("call", "name"):
            for child in acl.rights:
                if child.dep_ in ("oprd", "attr", "dobj") and child.pos_ == "PROPN":
                    first, last = mention_tokens(child)
                    return plain_name(head.doc[first.i:last.i + 1].text).removeprefix("the ")
    return ""


def mention_span(cast: Cast, tok):
    """Give the (first, last) tokens of the mention `tok` heads, with a sentence's first word
    put back where the tagger cut it from a name the article gives in full elsewhere ("Open"
    of "Open Hands Medical said", read as a verb)."""
    first, last = mention_tokens(tok)
    doc = tok.doc
    prev = doc[first.i - 1] if first.i > 0 else None
    if (prev is not None and prev.is_sent_start and prev.is_alpha and prev.text[:1].isupper()
            and first.text[:1].isupper() and prev.lower_ not in NOT_NAME):
        longer = f"{prev.text} {doc[first.i:last.i + 1].text}"
        if len(re.findall(rf"(?<![\w’']){re.escape(longer)}(?![\w’'])", cast.text)) > 1:
            return prev, last
    return first, last


def _apposed_name(cast: Cast, head) -> Speaker | None:
    """Give the person named in apposition to a role or person noun ("The bride, Lina
    Marek, told ..."), or None."""
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.text[:1].isupper():
            first, last = mention_tokens(child)
            name = cast.full_name(clean_name(head.doc[first.i:last.i + 1].text))
            if len(name.split()) > 1 and cast.may_be_person(name) and not cast.is_place(name):
                return cast.as_speaker(name)
    return None


def _state_named(cast: Cast, span, head) -> str:
    """Give the place a government mention names ("the Veloran government" -> "Velora")."""
    places = list(cast.places) + sorted(cast.evidence.places if cast.evidence else ())
    for tok in span:
        if tok.i != head.i and tok.text[:1].isupper() and tok.lower_ != "the":
            place = country_of(tok.text, places)
            if place in places:
                return place
    return ""
