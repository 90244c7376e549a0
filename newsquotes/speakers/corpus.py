"""One name per speaker across the corpus, the user's alias file, and a profile per speaker.

The extractor resolves mentions within an article ("he", "Kuleba", "the Russian foreign
minister" -> "Dmytro Kuleba"). `canonicalize` merges across articles:

- Titles and possessive affiliations go: "Ukraine’s Dmytro Kuleba", "Foreign Minister Dmytro
  Kuleba" -> "Dmytro Kuleba"; organisations lose a leading "the" ("the Ministry of Energy" ->
  "Ministry of Energy"); an all-capitals person or country from a headline ("UKRAINE SAYS") is
  title-cased. Other names that differ only in case are one speaker.
- Spelling variants of a full name merge when every word matches: the same transliteration key
  ("Zelenskyy"/"Zelensky", "Sergey"/"Sergei": y as i, x as ks, doubled letters once, accents
  dropped), or, for a given name of six letters or more, one letter inserted, dropped or changed
  inside the word with the same initial ("Aleksandr"/"Alexander"). The surname key must be
  equal. A changed or added last letter never merges, as it often marks another person
  ("Aleksandr"/"Aleksandra", "Mario"/"Maria"); different given names never merge ("Anna
  Varga"/"Peter Varga").
- A bare surname ("Kuleba") joins the full name with that surname that its own article gives
  a statement to; failing that, the only full name in the corpus with that surname. Shared by
  two people and not decided by the article, it stays as it is.
- The forms of one body's name merge where the corpus qualifies it by one place only:
  "Velora's Central Electoral Commission", "Veloran Central Electoral Commission" and
  "Central Electoral Commission" are one; two countries' "Ministry of Energy" stay two.
- The canonical spelling is the most frequent one in the corpus (ties: alphabetical).
- Each speaker gets one type across the corpus: "government" for a name the corpus uses as a
  country or government, "person" for anyone a "he" or "she" refers to, else the type most
  statements give (ties: person, government, organisation, group); a name-like speaker that no
  statement types is a person. Types: "person", "organisation", "government", and "group" for
  an unnamed group ("officials", "analysts", "both sides"). A statement whose source cannot
  speak ("figures", "polls", "the statement") or an unresolved "it"/"they" has no speaker and no
  type.

Alias file (TOML), applied before anything else; it always wins::

    # spelling variant -> canonical name
    [aliases]
    "Alexander Dravik" = "Aleksandr Dravik"
    "Sergei Ivanov" = "Sergei Ivanov"   # a name mapped to itself is kept apart from ...
    "Sergey Ivanov" = "Sergey Ivanov"   # ... this one: two people, never merged

Keys are matched against the speaker as the extractor gave it and as tidied above. Every value
is a final name: an alias may not point to another alias's variant (no chains, no cycles).
Two different canonical names of the file are never merged with each other.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

from newsquotes.speakers.names import (
    ORG_NAME_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    plain_name,
    same_place,
)

# Lower-case words inside a personal name ("Ursula von der Leyen", "Ibn al Saud").
PARTICLES = {"van", "von", "der", "den", "de", "du", "da", "di", "del", "dos", "la", "le", "bin",
             "ibn", "al", "el", "ter", "y"}
# Small words inside the name of an organisation ("Ministry of Energy", "Doctors and Nurses").
CONNECTORS = {"of", "and", "for", "on", "the", "&"}
STATE_TYPES = {"government", "country"}
_POSSESSIVE_WORD = re.compile(r"\w(?:['’]s|s['’])$")
# A body's name after a place: "Velora's Central Electoral Commission", "Veloran Ministry ..."
_QUALIFIED = re.compile(r"^([A-Z][\w-]*?)(?:['’]s)? +([A-Z].*)$")
_ORG_WORDS = ORG_NAME_WORDS | {"ministry", "commission", "department", "government", "agency",
                               "council", "committee", "office", "authority", "organisation",
                               "organization", "party", "police", "army", "military"}


class AliasError(ValueError):
    """An alias file that cannot be used, with the file and the reason in the message."""


def load_aliases(path: str | Path) -> dict[str, str]:
    """Give the `[aliases]` table of a TOML alias file as {variant: canonical name}.

    Raises:
        AliasError: the file is missing or not TOML, has no `[aliases]` table, holds a value
            that is not a non-empty string, or chains aliases (a canonical name that is itself
            mapped to another name).
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasError(f"{path}: cannot read the alias file ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise AliasError(f"{path}: not valid TOML ({exc})") from exc
    table = data.get("aliases")
    if not isinstance(table, dict):
        raise AliasError(f"{path}: expected an [aliases] table of \"variant\" = \"canonical\"")
    aliases: dict[str, str] = {}
    for variant, canonical in table.items():
        if not variant.strip():
            raise AliasError(f"{path}: an alias has an empty variant (left of '=')")
        if not isinstance(canonical, str) or not canonical.strip():
            raise AliasError(f"{path}: alias {variant!r}: the canonical name must be a "
                             f"non-empty string, not {canonical!r}")
        aliases[" ".join(variant.split())] = " ".join(canonical.split())
    for variant, canonical in aliases.items():
        onward = aliases.get(canonical, canonical)
        if onward != canonical:
            raise AliasError(f"{path}: alias chain {variant!r} -> {canonical!r} -> {onward!r}; "
                             f"map each variant straight to its final name")
    return aliases


_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_INITIAL = re.compile(r"[^\W\d_]{1,2}\.")  # "J.", "Jr.", "St."


def _name_word(word: str) -> bool:
    return word[:1].isupper() and bool(_NAME_WORD.fullmatch(word) or _INITIAL.fullmatch(word))


def _marker(word: str) -> bool:
    """A word that comes before a name without being part of it: title, role, possessive."""
    low = word.lower()
    return (low in TITLES or low in ROLE_NOUNS or bool(_POSSESSIVE_WORD.search(word))
            or (word[:1].islower() and low not in PARTICLES))


def name_like(name: str) -> bool:
    """Give True when `name` is written like a personal name ("Ursula von der Leyen")."""
    words = name.split()
    return (bool(words) and _name_word(words[0]) and words[0].lower() not in PRONOUNS
            and all(_name_word(w) or w in PARTICLES for w in words[1:]))


def tidy(name: str, speaker_type: str = "") -> str:
    """Give a speaker name without titles, possessive affiliations or a leading "the"."""
    words = plain_name(" ".join(str(name).split())).split()
    if not words:
        return ""
    if (speaker_type in STATE_TYPES or speaker_type == "person") and all(
        w.isupper() for w in words
    ) and len("".join(words)) > 3:
        words = [w.title() for w in words]  # a headline's "UKRAINE SAYS"
    # "The Veloran Manufacturers’ Association": a plural possessive is a word of the name
    if words[0].lower() == "the" and len(words) > 1 and _name_word(words[1]) and all(
        _name_word(w.rstrip("’'")) or w in CONNECTORS or w in PARTICLES for w in words[2:]
    ):
        words = words[1:]
    if speaker_type in STATE_TYPES or any(w.lower() in _ORG_WORDS for w in words):
        return " ".join(words)
    for i in range(len(words) - 2, -1, -1):
        rest = words[i + 1:]
        if (_marker(words[i]) and name_like(" ".join(rest))
                and not all(w.lower() in TITLES for w in rest)):
            return " ".join(rest)
    return " ".join(words)


def spelling_key(word: str) -> str:
    """Give the transliteration key of one name word ("Zelenskyy", "Zelensky" -> "zelenski")."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    letters = "".join(ch for ch in plain if ch.isalpha() and not unicodedata.combining(ch))
    letters = letters.replace("x", "ks").replace("y", "i")
    letters = re.sub(r"ij$", "i", letters)
    return re.sub(r"(.)\1+", r"\1", letters)


def _close(a: str, b: str) -> bool:
    """Keys one letter apart inside a long given name, never at the last letter."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    short, long_ = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    if i >= len(long_) - 1:
        return False
    skip = 1 if len(short) == len(long_) else 0
    return short[i + skip:] == long_[i + 1:]


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or spelling_key(wa[-1]) != spelling_key(wb[-1]):
        return False
    return all(_close(spelling_key(x), spelling_key(y)) for x, y in zip(wa, wb, strict=True))


def _is_full(name: str, speaker_type: str) -> bool:
    return (speaker_type not in STATE_TYPES and len(name.split()) > 1 and name_like(name)
            and not any(w.lower() in _ORG_WORDS for w in name.split()))


def _is_bare(name: str, speaker_type: str) -> bool:
    return (speaker_type not in STATE_TYPES and len(name.split()) == 1 and name_like(name)
            and name.lower() not in _ORG_WORDS)


def _clusters(counts: Counter, pinned: set[str]) -> dict[str, str]:
    """Give {full name: canonical full name}, merging safe spelling variants."""
    groups: dict[str, list[list[str]]] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        clusters = groups.setdefault(spelling_key(name.split()[-1]), [])
        for members in clusters:
            both_pinned = name in pinned and any(m in pinned for m in members)
            if not both_pinned and all(_same_person(name, m) for m in members):
                members.append(name)
                break
        else:
            clusters.append([name])
    canonical = {}
    for clusters in groups.values():
        for members in clusters:
            fixed = [m for m in members if m in pinned]
            # members are in order of frequency, then alphabetical
            head = fixed[0] if fixed else members[0]
            canonical.update(dict.fromkeys(members, head))
    return canonical


def canonicalize(statements: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Give `statements` (same rows, same columns) with one canonical `speaker` per person
    and one `speaker_type` per speaker (see `_settled_types`)."""
    out = _canonical_pass(statements, aliases or {})
    # A settled type can change how a name is tidied ("VARGA" typed person is "Varga"):
    # passes repeat until the types hold, so that a second call changes nothing.
    for _ in range(3):
        if "speaker_type" not in out or out["speaker_type"].equals(statements["speaker_type"]):
            break
        statements, out = out, _canonical_pass(out, aliases or {})
    return out


def _canonical_pass(statements: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    """Give one pass of `canonicalize`."""
    out = statements.copy()
    if out.empty:
        return out
    # Plain lists: iterating an Arrow-backed string column item by item is slow.
    types = (out["speaker_type"].fillna("").astype(str).tolist() if "speaker_type" in out
             else [""] * len(out))
    raw = out["speaker"].fillna("").astype(str).tolist()
    named: dict[tuple[str, str], tuple[str, bool]] = {}  # a corpus repeats its speakers
    for pair in zip(raw, types, strict=True):
        if pair not in named:
            clean = tidy(*pair)
            target = aliases.get(" ".join(pair[0].split()), aliases.get(clean))
            named[pair] = (clean, False) if target is None else (target, True)
    names, forced = zip(*(named[pair] for pair in zip(raw, types, strict=True)), strict=True)
    pinned = set(aliases.values())
    pairs = Counter(zip(names, types, strict=True))
    full_counts: Counter = Counter()
    for (name, kind), count in pairs.items():
        if _is_full(name, kind):
            full_counts[name] += count
    canonical = _clusters(full_counts, pinned)
    by_surname: dict[str, set[str]] = {}
    for full, head in canonical.items():
        by_surname.setdefault(spelling_key(full.split()[-1]), set()).add(head)
    articles = (out["article_id"].fillna("").astype(str).tolist() if "article_id" in out
                else [""] * len(out))
    in_article: dict[str, set[str]] = {}
    for name, article in zip(names, articles, strict=True):
        if name in canonical:
            in_article.setdefault(article, set()).add(canonical[name])
    # A word the corpus uses as an affiliation or a government is a place, not a surname
    # ("Velora said ..." must not join a stray full name ending in "Velora").
    places = {n.casefold() for n, k in pairs if k in STATE_TYPES}
    if "affiliation" in out:
        places |= {a.casefold() for a in out["affiliation"].dropna().astype(str).unique()}
    result = []
    for name, kind, article, fixed in zip(names, types, articles, forced, strict=True):
        if name in canonical:
            result.append(canonical[name])
            continue
        if not fixed and _is_bare(name, kind) and name.casefold() not in places:
            heads = by_surname.get(spelling_key(name), set())
            local = heads & in_article.get(article, set())
            decided = local if len(local) == 1 else heads if len(heads) == 1 and not local else ()
            if decided:
                result.append(next(iter(decided)))
                continue
        result.append(name)
    result = _bodies_merged(result, types, places, pinned)
    merged = pd.Series(_same_case_merged(result, pinned), index=out.index, dtype=object)
    # A missing speaker stays missing, in the column's own dtype.
    missing = out["speaker"].isna()
    out["speaker"] = merged.where(~missing, out["speaker"]).astype(statements["speaker"].dtype)
    if "speaker_type" in out:
        mentions = (out["speaker_mention"].fillna("").astype(str).tolist()
                    if "speaker_mention" in out else [""] * len(out))
        settled = _settled_types(merged.tolist(), types, mentions, places)
        out["speaker_type"] = pd.Series(settled, index=out.index, dtype=object).astype(
            statements["speaker_type"].dtype)
    return out


# When the votes for a speaker's type tie, the first of these wins.
_TYPE_ORDER = ("person", "government", "organisation", "group")


def _settled_types(names: list[str], types: list[str], mentions: list[str],
                   places: set[str]) -> list[str]:
    """Give one type per speaker name: "government" for a place the corpus uses as one;
    "person" for anyone a "he" or "she" refers to; else the most frequent type given (ties:
    person, government, organisation, group); a name-like speaker with no type is a person.
    A statement without a speaker keeps the type it has."""
    votes: dict[str, Counter] = {}
    for name, kind, mention in zip(names, types, mentions, strict=True):
        count = votes.setdefault(name, Counter())
        if kind:
            count[kind] += 1
        if kind == "person" and mention.lower() in ("he", "she"):
            count["pronoun"] += 1
    settled = {}
    for name, count in votes.items():
        if name.casefold() in places and not count["pronoun"]:
            settled[name] = "government"
        elif count["pronoun"]:
            settled[name] = "person"
        elif count:
            settled[name] = max(_TYPE_ORDER + tuple(sorted(set(count) - set(_TYPE_ORDER))),
                                key=lambda k: (count[k], -_rank(k)))
        else:
            # An all-capitals name stays untyped: typed, it would be title-cased next time.
            settled[name] = "person" if name_like(name) and not name.isupper() and not any(
                w.lower() in _ORG_WORDS for w in name.split()) else ""
    return [settled[name] if name else kind for name, kind in zip(names, types, strict=True)]


def _rank(kind: str) -> int:
    return _TYPE_ORDER.index(kind) if kind in _TYPE_ORDER else len(_TYPE_ORDER)


def _bodies_merged(names: list[str], types: list[str], places: set[str],
                   pinned: set[str]) -> list[str]:
    """Give `names` with the forms of one body made one ("Velora's Central Electoral
    Commission", "Veloran Central Electoral Commission", "Central Electoral Commission") where
    the corpus qualifies that body by one place only: the ministries of energy of two countries
    stay two. The most frequent form names it (ties: the longer)."""
    counts = Counter(name for name, kind in zip(names, types, strict=True)
                     if name and kind in ("organisation", "government") and name not in pinned)
    forms: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    for name in counts:
        qualified = _QUALIFIED.match(name)
        place = next((p for p in sorted(places) if same_place(qualified.group(1), p)), "") \
            if qualified else ""
        body = qualified.group(2) if place else name
        if len(body.split()) < 2 or not any(w.lower() in _ORG_WORDS for w in body.split()):
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


def _same_case_merged(names: list[str], pinned: set[str]) -> list[str]:
    """Give `names` with spellings that differ only in case made one (the most frequent)."""
    counts = Counter(names)
    best: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (n not in pinned, -counts[n], n)):
        best.setdefault(name.casefold(), name)
    return [best[n.casefold()] for n in names]
