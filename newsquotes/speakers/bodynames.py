"""One body, one name: the forms a text gives a campaign, an outlet or an office made one.

"Velora's Central Electoral Commission", "Veloran Central Electoral Commission" and "Central
Electoral Commission" are one where the corpus qualifies that body by one place only.
"The Halvan campaign" opened a sentence: it is "the Halvan campaign". "Halvan's campaign" and
"Mrs. Halvan's campaign" are "the Halvan campaign" where the corpus names it so. "The Times"
is the one "... Times" its article names ("the Kestra Times"), else the one the corpus names;
with two and none in its article it stays "Times". All of these end in the same word, so
they meet in one key group (`corpus.settle_key`).
"""

from __future__ import annotations

import re
from collections import Counter

from newsquotes.speakers.names import TITLES, same_place
from newsquotes.speakers.naming import ORG_WORDS, QUALIFIED

_BODY_TYPES = ("organisation", "group")
# "Halvan's campaign", "Mrs. Mira Halvan's presidential campaign": an owner and its body
_OWNED = re.compile(r"^((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*?)['’]s?\s+([a-z][\w -]*)$")


def _the_lowered(name: str) -> str:
    """Give "the Halvan campaign" for "The Halvan campaign" (a body named by a description
    after a name, capitalised as a sentence's first word); else the name."""
    words = name.split()
    if len(words) > 2 and words[0] == "The" and words[1][:1].isupper() and (
            words[-1][:1].islower()):
        return "the " + " ".join(words[1:])
    return name


def _owned_forms(name: str) -> list[str]:
    """Give the "the ..." forms an owner's body may be named by: "Mrs. Mira Halvan's
    campaign" -> "the Mira Halvan campaign", "the Halvan campaign"."""
    match = _OWNED.match(name)
    if not match:
        return []
    owner = [w for w in match.group(1).split() if w.lower() not in TITLES]
    body = match.group(2)
    return [f"the {' '.join(owner)} {body}", f"the {owner[-1]} {body}"] if owner else []


def _outlet(name: str, longer: list[str]) -> str:
    """Give the one longer body name that ends in one-word `name` ("Times"), or ""."""
    found = {n for n in longer if n.split()[-1] == name}
    return found.pop() if len(found) == 1 else ""


def bodies_joined(speakers: list[str], names: list[str], types: list[str],
                  articles: list[str], pinned: set[str]) -> list[str]:
    """Give `names` (the tidied `speakers`) with a body's forms made one: a sentence's "The"
    lowered, an owner's possessive in the corpus's "the ..." form, a body given as "the" and
    one word ("the Times"; not "Republicans", "the two Republicans") its article's (or else
    the corpus's) one longer name that ends in it."""
    lowered = [_the_lowered(n) if k in _BODY_TYPES and n not in pinned else n
               for n, k in zip(names, types, strict=True)]
    bodies = Counter(n.casefold() for n, k in zip(lowered, types, strict=True)
                     if k in _BODY_TYPES)
    spelled = {n.casefold(): n for n, k in zip(lowered, types, strict=True) if k in _BODY_TYPES}
    longer: dict[str, list[str]] = {}
    for name, kind, article in zip(lowered, types, articles, strict=True):
        if kind == "organisation" and len(name.split()) > 1 and name[:1].isupper():
            longer.setdefault(article, []).append(name)
    everywhere = sorted({n for found in longer.values() for n in found})
    result = []
    for raw, name, kind, article in zip(speakers, lowered, types, articles, strict=True):
        if kind in _BODY_TYPES and name not in pinned:
            owned = next((spelled[f.casefold()] for f in _owned_forms(name)
                          if bodies[f.casefold()]), "")
            single = kind == "organisation" and raw.lower().split() == ["the", name.lower()]
            outlet = (_outlet(name, longer.get(article, [])) or _outlet(name, everywhere)) \
                if single else ""
            name = owned or outlet or name
        result.append(name)
    return result


def bodies_merged(names: list[str], types: list[str], weights: list[int],
                   places: frozenset[str], pinned: set[str]) -> list[str]:
    """Give `names` with the forms of one body made one ("Velora's Central Electoral
    Commission", "Veloran Central Electoral Commission", "Central Electoral Commission") where
    the corpus qualifies that body by one place only: the ministries of energy of two countries
    stay two. The most frequent form names it (ties: the longer)."""
    counts: Counter = Counter()
    for name, kind, weight in zip(names, types, weights, strict=True):
        if name and kind in ("organisation", "government") and name not in pinned:
            counts[name] += weight
    forms: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    for name in counts:
        qualified = QUALIFIED.match(name)
        place = next((p for p in sorted(places) if same_place(qualified.group(1), p)), "") \
            if qualified else ""
        body = qualified.group(2) if place else name
        if len(body.split()) < 2 or not any(w.lower() in ORG_WORDS for w in body.split()):
            continue
        forms.setdefault(body.casefold(), []).append(name)
        if place:
            owners.setdefault(body.casefold(), set()).add(place)
    rename = {}
    for key, members in forms.items():
        if len(members) > 1 and len(owners.get(key, ())) == 1:
            head = max(members, key=lambda n: (counts[n], len(n), n))
            rename.update(dict.fromkeys(members, head))
    return [rename.get(name, name) for name in names]
