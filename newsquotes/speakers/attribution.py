"""Who said it: the speaker mention at a cue, and what it refers to within one article.

`mention_span` gives the noun phrase of a speaker token; `classify` decides what it names: a
person of the article's `Cast` (a pronoun by gender evidence, a surname by its full name, a role
phrase by the person given that role), a government, an organisation, an unnamed group, or
nothing that can speak ("figures", "the statement").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsquotes.lexicon.bodies import (
    GOVERNMENT_NAMES,
    GOVERNMENT_WORDS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    STATE_BODY_WORDS,
    THING_NOUNS,
)
from newsquotes.lexicon.people import (
    FEMALE_NOUNS,
    GROUP_WORDS,
    MALE_NOUNS,
    NOT_NAME,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)
from newsquotes.speakers.cast import Cast
from newsquotes.speakers.documents import author_token, body_type, issuer, named_body, org_before
from newsquotes.speakers.names import (
    POSSESSIVE,
    clean_name,
    country_of,
    plain_name,
)
from newsquotes.speakers.registry import Speaker
from newsquotes.speakers.roles import role_phrase

if TYPE_CHECKING:
    from newsquotes.speakers.resolver import Discourse

__all__ = ["classify", "mention_span", "mention_tokens"]

_NP_DEPS = {"compound", "det", "poss", "amod", "nummod", "flat", "case", "nmod", "quantmod"}
# How far back (in characters) "it" and "they" look for the body or group they stand for.
_REACH = 1500


_CLAUSES = ("relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct")


def phrase_tokens(tok):
    """Give the tokens of the phrase `tok` heads, without a clause or mark hung on any word of
    it (the parse may hang the quotation of "“...,” councilmember Ana Pell said" on
    "councilmember")."""
    yield tok
    for child in tok.children:
        if child.dep_ not in _CLAUSES:
            yield from phrase_tokens(child)


def mention_tokens(tok):
    """Give the (first, last) tokens of the noun phrase a speaker token heads ("the Ministry of
    Energy", "the Council for Urban Renewal" keep their "of"/"for" phrase when the head is an
    organisation word)."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NP_DEPS and child.pos_ != "VERB":
            left = min(left, *phrase_tokens(child), key=lambda t: t.i)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("flat", "compound"):
            right = child
        elif (child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == right.i + 1
              and tok.lower_ in ORG_NOUNS):
            right = child  # "the activist group Grey Lantern": the name is the mention's
        elif (child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == right.i + 1
              and tok.lower_ in ORG_NOUNS | ORG_NAME_WORDS | GOVERNMENT_WORDS):
            tail = list(child.subtree)[1:]
            if tail and all(t.text[:1].isupper() or t.lower_ in ("and", "&", "the") for t in tail):
                right = tail[-1]
    while left.i < right.i and (left.is_punct or left.dep_ == "cc"):
        left = left.doc[left.i + 1]
    return left, right


@dataclass(frozen=True)
class _Mention:
    """A speaker mention being classified, with what the resolvers read of it."""

    cast: Cast
    head: object  # the token heading the mention
    first: object
    last: object
    ref: Speaker | None  # whom "he"/"she" would be
    state: Discourse
    span: object
    low: str  # the head, lower-cased
    raw: str  # the mention as written, without punctuation or a possessive
    aff: str  # an organisation or place named in the mention beside its head


def classify(cast: Cast, head, first, last, pronoun_ref: Speaker | None,
             state: Discourse) -> Speaker:
    """Give the speaker the mention first..last (head token `head`) refers to.

    A thing that cannot speak ("figures", "the statement") or a pronoun with nothing to refer
    to gets an empty name and type; `state` says what "it" and "they" refer to.
    """
    span = head.doc[first.i:last.i + 1]
    raw = plain_name(span.text)
    if raw.isupper() and len(raw) > 4:
        raw = raw.title()  # a headline's capitals ("..., UKRAINE SAYS")
    orgs = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")]
    aff = next((clean_name(e.text) for e in orgs if not e.start <= head.i < e.end), "")
    m = _Mention(cast, head, first, last, pronoun_ref, state, span, head.text.lower(), raw, aff)
    for rule in _RULES:
        who = rule(m)
        if who is not None:
            return who
    body = _department(cast.text, raw)
    return Speaker(body, body_type(body)) if body != raw else Speaker(raw, "")


def _relative(m: _Mention) -> Speaker | None:
    """"Heddle, who said ...": the noun the relative pronoun stands for."""
    head = m.head
    if m.low in ("who", "which", "that") and head.dep_ == "nsubj" and head.head.dep_ == "relcl":
        antecedent = head.head.head
        return classify(m.cast, antecedent, *mention_tokens(antecedent), m.ref, m.state)
    return None


def _pronoun_rule(m: _Mention) -> Speaker | None:
    """A pronoun, or "his claim that ...", "her warning that ...": whom it stands for."""
    if not (m.head.pos_ == "PRON" or m.low in PRONOUNS or m.low == "his"):
        return None
    at = m.head.idx + m.head.doc.user_data.get("base", 0)
    # the owner of "his claim" is who "he" would be
    low = {"his": "he", "her": "she"}.get(m.low, m.low)
    return _pronoun(m.cast, low, m.head.text, m.ref, at, m.state)


def _authored(m: _Mention) -> Speaker | None:
    """A document or bodies noun ("the statement", "the report", "the departments"): its
    named author, else whoever spoke just before it."""
    tok = author_token(m.head)
    if tok is not None:
        who = classify(m.cast, tok, *mention_tokens(tok), m.ref, m.state)
        known = who.type != "person" or m.cast.names.person(who.name) is not None
        return who if known else Speaker(who.name, "organisation", "", who.affiliation)
    return issuer(m.cast.text, m.head, m.first, m.state)


def _thing(m: _Mention) -> Speaker | None:
    """A thing that cannot speak ("figures", "the statement"): no speaker."""
    if m.low in THING_NOUNS and m.head.ent_type_ not in ("PERSON", "ORG", "GPE"):
        return Speaker("", "")
    return None


def _proper(m: _Mention) -> Speaker | None:
    """A proper noun: the person, body or place it names, if known."""
    if m.head.pos_ == "PROPN":
        return _named(m.cast, m.head, m.span, m.raw, m.aff)
    return None


def _surname_as_noun(m: _Mention) -> Speaker | None:
    """A known person's surname the tagger read as a common noun."""
    names = m.cast.names
    if (m.head.pos_ != "PROPN" and m.head.text[:1].isupper()
            and names.full_name(m.head.text) in names.people):
        return names.as_speaker(names.full_name(m.head.text))
    return None


def _apposed(m: _Mention) -> Speaker | None:
    """A role or person noun with a name in apposition ("The bride, Lina Marek, told")."""
    if m.head.pos_ != "PROPN" and (m.low in ROLE_NOUNS or m.low in PEOPLE_NOUNS):
        return _apposed_name(m.cast, m.head)
    return None


def _role(m: _Mention) -> Speaker | None:
    """A role phrase ("the foreign minister"): the person the article gives that role."""
    if m.low not in ROLE_NOUNS:
        return None
    role_aff, role = role_phrase(m.head, m.cast.names.places)
    roles = m.cast.roles
    p = roles.by_role(role_aff, role)
    if p is None:
        p = roles.introduced_after(m.head.idx + m.head.doc.user_data.get("base", 0), role_aff,
                                   role)
    if p is not None:
        return Speaker(p.name, "person", p.role or role, p.affiliation or role_aff)
    # a role no one in the article holds is left unresolved: never a speaker "the senator"
    return Speaker("", "person", role, role_aff)


def _government(m: _Mention) -> Speaker | None:
    """"The Kremlin", "the Veloran government": the state it speaks for."""
    if (m.raw.lower().removeprefix("the ") in GOVERNMENT_NAMES
            or m.low in GOVERNMENT_NAMES | GOVERNMENT_WORDS):
        state = _state_named(m.cast, m.span, m.head)
        return Speaker(state or m.raw, "government", "", state or m.aff)
    return None


def _the_body(m: _Mention) -> Speaker | None:
    """"the ministry" after "the Veloran Ministry of Energy": the body named last before it;
    "the company", "the editorial board": the organisation named shortly before."""
    if m.low in ORG_NOUNS and m.first.lower_ == "the" and m.span[1:].text.islower():
        at = m.head.idx + m.head.doc.user_data.get("base", 0)
        name = named_body(m.cast.text, m.head.text, at) if m.span[1:].text == m.low else ""
        if not name and m.low not in STATE_BODY_WORDS and not any(t.tag_ == "POS" for t in m.span):
            # an "organisation" the text names within a person's name is none ("Colin"), nor
            # a capitalised function word ("The company")
            orgs = {o for o in m.cast.evidence.orgs if o.lower() not in NOT_NAME
                    and not any(o in p for p in m.cast.names.people)}
            name = org_before(m.cast.text, orgs, at)
        if name:
            return Speaker(name, body_type(name), "", m.aff)
    return None


def _body_noun(m: _Mention) -> Speaker | None:
    """A body noun: the name it calls itself, or a group that is no body."""
    if m.low not in ORG_NOUNS:
        return None
    calling = _self_named(m.head)
    if calling:
        return Speaker(calling, "organisation")
    if m.low == "group" and m.first.lower_ in ("a", "an"):
        return Speaker(m.raw, "group")  # "a small group of protesters": no body behind it
    return None


def _organisation(m: _Mention) -> Speaker | None:
    """An organisation by entity type, noun or the text's evidence."""
    if m.head.ent_type_ == "ORG" or m.low in ORG_NOUNS or m.raw in m.cast.evidence.orgs:
        return Speaker(m.raw, body_type(m.raw), "", m.aff)
    return None


def _group(m: _Mention) -> Speaker | None:
    """A plural ("officials", "Republicans" when the text also says "Republican"; never
    "Sanders"): an unnamed group."""
    head = m.head
    if head.tag_ == "NNS" or m.low in GROUP_WORDS or (
            head.tag_ == "NNPS" and re.search(rf"\b{re.escape(head.text[:-1])}\b", m.cast.text)):
        return Speaker(m.raw, "group")
    return None


def _one_word(m: _Mention) -> Speaker | None:
    """One capitalised word the article never gives a first name, a title or a he/she
    ("Kestragas said"): a person would be introduced in full."""
    if m.head.pos_ == "PROPN" and len(_name_run(m.head, m.first).split()) == 1:
        return Speaker(m.raw, "organisation")
    return None


def _person(m: _Mention) -> Speaker | None:
    """Any other name; a noun for one unnamed person ("the bride") is the person a lede
    introduces right after it, else left unresolved."""
    if m.head.pos_ == "PROPN":
        return Speaker(m.raw, "person")
    if m.low in PEOPLE_NOUNS:
        # A person the noun's own clause names is whom it acted on, not its name ("a woman
        # who accused Vask of fraud"): the lede's name comes after that clause.
        last = max([m.head] + [c.right_edge for c in m.head.rights if c.dep_ in ("relcl", "acl")],
                   key=lambda t: t.i)
        at = last.idx + len(last) + m.head.doc.user_data.get("base", 0)
        p = m.cast.roles.introduced_after(at, "", "")
        # "a woman" is never a man the text calls "he", nor "a man" a woman
        other = "he" if m.low in FEMALE_NOUNS else "she" if m.low in MALE_NOUNS else ""
        if p is not None and other and m.cast.genders.fits(p.name, other):
            p = None
        return m.cast.names.as_speaker(p.name) if p else Speaker("", "person")
    return None


# Tried in turn; the first that gives a speaker decides.
_RULES: tuple[Callable[[_Mention], Speaker | None], ...] = (
    _relative, _pronoun_rule, _authored, _thing, _proper, _surname_as_noun, _apposed, _role,
    _government, _the_body, _body_noun, _organisation, _group, _one_word, _person,
)


def _pronoun(cast: Cast, low: str, text: str, ref: Speaker | None, at: int,
             state: Discourse) -> Speaker:
    """Give the speaker a pronoun refers to; gender evidence decides between people."""
    if low in ("he", "she"):
        ref = cast.genders.fit_pronoun(ref, low, at)
    if low in PERSON_PRONOUNS:
        return ref if ref is not None else Speaker(text, "person")
    recent = state.last_body if low == "it" else state.last_group if low == "they" else None
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
    names = cast.names
    run = _name_run(head, span[0])
    persons = [e for e in span.ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    # A person entity shorter than the capitalised run is cut from a longer name ("Open
    # Hands Medical"), unless what it leaves out is known as a person.
    if persons and (len(persons[-1].text) >= len(run) or run in names.people):
        name = names.full_name(persons[-1].text)
        if names.may_be_person(name) and not names.is_place(name):
            return names.as_speaker(name)
    words = {w.lower().strip("’'.") for w in run.split()}
    right = span[head.i - span.start + 1:].text  # "of Energy" after "Ministry"
    if words & GOVERNMENT_WORDS:
        return Speaker(raw, "government", "", aff)
    if words & (ORG_NAME_WORDS | ORG_NOUNS) or (right and words & ORG_NOUNS):
        body = _department(cast.text, raw)
        return Speaker(body, body_type(body), "", aff)
    name = names.full_name(head.text) if head.text[:1].isupper() else raw
    evidence = cast.evidence.people
    if name in names.people or name in evidence:
        return names.as_speaker(name)
    orgs = cast.evidence.orgs
    org = next((o for o in sorted(orgs) if o == run or o.endswith(" " + run)), "")
    if org and run not in names.people:
        return Speaker(org, "organisation", "", aff)  # "the relief group Open Hands Aid"
    place = run.title() if run.isupper() else run
    # A name cut from a longer capitalised run ("Hands Medical" of "Open Hands Medical").
    cut = len(run.split()) > len(name.split()) and run.endswith(" " + name)
    # A name the text gives with a first name ("Bernie Sanders" for "Sanders").
    if ((head.ent_type_ == "PERSON" or len(name.split()) > 1) and names.may_be_person(name)
            and not cut and not names.is_place(name) and not names.is_place(place)):
        return names.as_speaker(name)
    if names.is_place(place) or head.ent_type_ == "GPE":
        if cast.evidence.natural(place):
            return Speaker("", "")  # "the disputed Hollin Gap" speaks for no one
        if " " not in place and _reports(head) and not cast.evidence.is_place(place, set()):
            # One word only the tagger calls a place (the text puts nothing in it, makes no
            # demonym of it) that reports is an outlet: "Bloomberg reported" (not "according
            # to": "according to Russia" is as common).
            return Speaker(place, "organisation", "", aff)
        return Speaker(place, "government", "", place)
    return None


def _reports(head) -> bool:
    """Give True for the subject of "reported" ("Bloomberg reported that ...")."""
    return head.dep_ == "nsubj" and head.head.lemma_ == "report"


def _department(text: str, name: str) -> str:
    """Give "State Department" for "State" where the article names the State Department
    ("State said it would release the emails"), else `name`."""
    if " " not in name and re.search(rf"\b{re.escape(name)} Department\b", text):
        return f"{name} Department"
    return name


def _self_named(head) -> str:
    """Give the name a body gives itself ("a group calling itself Grey Lantern") or is given
    right after its noun ("the activist group Grey Lantern"), or ""."""
    for acl in head.rights:
        if acl.dep_ == "appos" and acl.pos_ == "PROPN" and acl.left_edge.i == head.i + 1:
            first, last = mention_tokens(acl)
            return plain_name(head.doc[first.i:last.i + 1].text)
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
    names = cast.names
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.text[:1].isupper():
            first, last = mention_tokens(child)
            name = names.full_name(clean_name(head.doc[first.i:last.i + 1].text))
            if len(name.split()) > 1 and names.may_be_person(name) and not names.is_place(name):
                return names.as_speaker(name)
    return None


def _state_named(cast: Cast, span, head) -> str:
    """Give the place a government mention names ("the Veloran government" -> "Velora")."""
    names = cast.names
    places = list(names.places) + sorted(cast.evidence.places)
    for tok in span:
        if tok.i != head.i and tok.text[:1].isupper() and tok.lower_ != "the":
            place = country_of(tok.text, places)
            if place in places:
                return place
    return ""
