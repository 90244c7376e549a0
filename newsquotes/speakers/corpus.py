"""One name per speaker across the corpus, settled over a small table of names per article.

The extractor resolves mentions within an article ("he", "Kuleba", "the Russian foreign
minister" -> "Dmytro Kuleba"). Settlement merges across articles. It reads a names table
(`names_of`: one row per article and distinct speaker, type, affiliation and he/she flag, with
its count of statements), never the statements themselves, so its cost grows with the
corpus's distinct names, not with its statements:

- Titles and possessive affiliations go: "Ukraine’s Dmytro Kuleba", "Foreign Minister Dmytro
  Kuleba" -> "Dmytro Kuleba"; organisations lose a leading "the" ("the Ministry of Energy" ->
  "Ministry of Energy"); an all-capitals person or country from a headline ("UKRAINE SAYS") is
  title-cased; a title's abbreviation or an acronym before a full name goes ("C.E.O. Tim
  Sloan"). Other names that differ only in case are one speaker. What is no name goes first
  (`cleaning.speaker_name`: datelines, words of the sentence before, a slogan's verb, epithets,
  headline verbs, page furniture, descriptions).
- Spelling variants of a full name merge when every word matches: the same transliteration key
  ("Zelenskyy"/"Zelensky", "Sergey"/"Sergei": y as i, x as ks, doubled letters once, accents
  dropped), or, for a given name of six letters or more, one letter inserted, dropped or changed
  inside the word with the same initial ("Aleksandr"/"Alexander"). The surname key must be
  equal. A changed or added last letter never merges, as it often marks another person
  ("Aleksandr"/"Aleksandra", "Mario"/"Maria"); different given names never merge ("Anna
  Varga"/"Peter Varga"), except a short form and its full form ("Chuck"/"Charles"). A middle
  name or initial goes where the shorter name is in as many articles, and so does a suffix
  ("Joseph R. Biden Jr" -> "Joe Biden") unless the corpus names that exact given name and
  surname without it (the father); a name known by its middle name is that form where it is
  in more articles ("Rafael Edward Cruz" -> "Ted Cruz"); two words whose first is a surname in
  the corpus are a double surname, the one longer name ending in them (`forms.py`).
- A bare surname ("Kuleba", "De Blasio") joins the full name with that surname that its own
  article gives a statement to; failing that, the full name named in 90% of the articles
  that name someone of that surname in full (a full name led by a surname, "Davis Manafort",
  is no rival). Shared more evenly and not decided by the article, it stays as it is. "The
  Hill" is a body's name, never a surname. A bare given name ("Lou", "Bill") is the one full
  name its article begins with it; else, where no full name ends in it, no one ("Donald").
- The forms of one body's name merge (`bodynames.py`): where the corpus qualifies it by one
  place only ("Velora's Central Electoral Commission", "Central Electoral Commission"; two
  countries' "Ministry of Energy" stay two); "Cruz's campaign" and "The Cruz campaign" are
  "the Cruz campaign"; "the Times" is the one "... Times" its article (or corpus) names.
- The canonical spelling is the most frequent one in the corpus (ties: alphabetical); a
  group's, or a "the ..." name's, lower-case form where it has one ("aides", not "Aides").
- Each speaker gets one type across the corpus: "government" for a name the corpus uses as a
  place that most of its statements type a country or government, "person" for anyone a "he"
  or "she" refers to, else the type most statements give (ties: person, government,
  organisation, group; a full name led by a corpus given name counts as a person's, and a
  span led by a word of the sentence before, "Is Google", counts only alone); a name-like
  speaker that no statement types is a person. A statement with no speaker keeps its own type.

Every rule above compares only names that end in the same word (by spelling key, a suffix
aside; a bare given name takes the key of the full name its article begins with it): that is
`settle_key`, and rows of different keys are settled apart, so a store re-settles only the keys
a new batch touches. The corpus-wide state is the set of place names (`places_of`) and the
articles in which each word begins or ends a person's full name (`name_words_of`).
The alias file (see `aliases.py`) is applied before anything else and always wins.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pandas as pd

from newsquotes.speakers.aliases import AliasError, load_aliases
from newsquotes.speakers.bodynames import bodies_joined, bodies_merged
from newsquotes.speakers.cleaning import led_by_sentence, speaker_name
from newsquotes.speakers.forms import (
    SURNAME_SHARE,
    clusters,
    forms_joined,
    given_name_key,
    surnames_joined,
)
from newsquotes.speakers.kinds import DESCRIBED, kinds_of, with_canonical
from newsquotes.speakers.naming import (
    ORG_WORDS,
    STATE_TYPES,
    core_words,
    given_word,
    is_bare,
    is_full,
    name_like,
    names_people,
    party_plural,
    spelling_key,
    surname_key,
    tidy,
)

__all__ = ["NAME_COLUMNS", "SURNAME_SHARE", "AliasError", "canonicalize", "name_words_of",
           "load_aliases", "name_like", "names_of", "places_of", "settle", "settle_key",
           "spelling_key", "tidy"]

NAME_COLUMNS = ["article_id", "speaker", "speaker_type", "affiliation", "pronoun", "statements"]
_KEYS = NAME_COLUMNS[:-1]
# Passes repeat until the types hold: a settled type can change how a name is tidied ("VARGA"
# typed person is "Varga"), and a second settlement must change nothing.
_PASSES = 4


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    if name not in df:
        return pd.Series([""] * len(df), index=df.index, dtype=object)
    return df[name].astype(object).where(df[name].notna(), "").astype(str)


def _name_rows(statements: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Give the names table of `statements` and, per statement, its row in that table."""
    mention = _column(statements, "speaker_mention").str.lower()
    keys = pd.DataFrame({
        "article_id": _column(statements, "article_id"),
        "speaker": _column(statements, "speaker"),
        "speaker_type": _column(statements, "speaker_type"),
        "affiliation": _column(statements, "affiliation"),
        "pronoun": mention.isin(("he", "she")),
    })
    if keys.empty:
        return keys.assign(statements=pd.Series(dtype="int64")), []
    groups = keys.groupby(_KEYS, sort=True, dropna=False)
    row = groups.ngroup().tolist()
    names = groups.size().rename("statements").reset_index()
    return names[NAME_COLUMNS], row


def names_of(statements: pd.DataFrame) -> pd.DataFrame:
    """Give the names table (NAME_COLUMNS) of a statements frame: one row per article and
    distinct speaker, type, affiliation and he/she flag, with its count of statements."""
    return _name_rows(statements)[0]


def places_of(names: pd.DataFrame, aliases: dict[str, str] | None = None) -> frozenset[str]:
    """Give the casefolded words the names table uses as a country, government or affiliation
    at least as often as the last word of a person's full name: places, which are never taken
    for a surname ("Velora"; not "Trump", though "the Trump campaign" gives an affiliation)."""
    used: Counter = Counter()
    surname: Counter = Counter()
    # the same spelling, type and affiliation in many articles: summed first, judged once
    distinct = names.assign(affiliation=names["affiliation"].astype(str)).groupby(
        ["speaker", "speaker_type", "affiliation"], sort=False)["statements"].sum()
    for (speaker, kind, affiliation), count in distinct.items():
        name = _named(speaker, kind, aliases or {})[0]
        if kind in STATE_TYPES:
            used[name.casefold()] += count
        elif is_full(name, kind):
            surname[name.split()[-1].casefold()] += count
        used[affiliation.casefold()] += count
    return frozenset(p for p, n in used.items() if n >= surname[p])


def name_words_of(names: pd.DataFrame, aliases: dict[str, str] | None = None) -> dict[str, list]:
    """Give {casefolded word: [articles where it begins a full name typed a person (or
    untyped and settled as one), articles where it ends one]}: a word that begins one is a
    given name ("Donald"), a word that ends more than it begins is a surname ("Davis" of
    "Rick Davis", not in "Davis Manafort")."""
    first: dict[str, set] = {}
    last: dict[str, set] = {}
    cleaned: dict[str, str] = {}
    for article, speaker, kind in zip(names["article_id"].tolist(), names["speaker"].tolist(),
                                      names["speaker_type"].tolist(), strict=True):
        if kind not in ("person", ""):
            continue
        if speaker not in cleaned:
            cleaned[speaker] = _named(speaker, kind, aliases or {})[0]
        name = cleaned[speaker]
        if kind == "" and not _person_shaped(name):
            continue  # an untyped name counts where settling types it a person
        kind = "person"
        if is_full(name, kind):
            words = core_words(name)
            if given_word(words[0]):
                first.setdefault(words[0].casefold(), set()).add(article)
            last.setdefault(words[-1].casefold(), set()).add(article)
    return {w: [len(first.get(w, ())), len(last.get(w, ()))] for w in sorted({*first, *last})}


def word_roles(words: dict[str, list]) -> tuple[frozenset[str], frozenset[str]]:
    """Give the given names and the surnames of a `name_words_of` table."""
    return (frozenset(w for w, (f, _) in words.items() if f),
            frozenset(w for w, (f, n) in words.items() if n > f))


@lru_cache(maxsize=1 << 16)
def _tidied(speaker: str, kind: str) -> str:
    """Give the name cleaned until nothing changes ("Mr. VARGA" -> "VARGA" -> "Varga"; "0." ->
    "0" -> ""), so that a second pass changes nothing; each step only shortens or re-cases it.
    Cached: a key group of a popular name holds the same few spellings in every article."""
    clean = tidy(speaker_name(speaker, kind), kind)
    for _ in range(8):
        again = tidy(speaker_name(clean, kind), kind)
        if again == clean:
            break
        clean = again
    return clean


def _named(speaker: str, kind: str, aliases: dict[str, str]) -> tuple[str, bool]:
    """Give the tidied name (or its alias) and whether the alias file fixed it."""
    clean = _tidied(speaker, kind)
    target = aliases.get(" ".join(speaker.split()), aliases.get(clean))
    return (clean, False) if target is None else (target, True)


def settle_key(names: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.Series:
    """Give each names row its settlement key (the spelling key of the last word of its tidied
    name, a suffix aside; for a bare given name, that of the one full name its article gives
    it to, `forms.given_name_key`): rows with different keys never influence each other."""
    aliases = aliases or {}
    cache: dict[tuple[str, str], tuple[str, bool]] = {}
    tidied, forced = [], []
    for pair in zip(names["speaker"].tolist(), names["speaker_type"].tolist(), strict=True):
        if pair not in cache:
            cache[pair] = _named(*pair, aliases)
        tidied.append(cache[pair][0])
        forced.append(cache[pair][1])
    articles = names["article_id"].tolist()
    full: dict[str, list[str]] = {}
    for article, name, kind in zip(articles, tidied, names["speaker_type"].tolist(),
                                   strict=True):
        if is_full(name, kind):
            full.setdefault(article, []).append(name)
    # a group naming its people has a key of its own, never the last one's surname key
    keys = [("+" + name.casefold() if names_people(name, kind) else "")
            or (not fixed and given_name_key(name, kind, full.get(article, [])))
            or surname_key(name)
            for article, name, kind, fixed in zip(articles, tidied,
                                                  names["speaker_type"].tolist(), forced,
                                                  strict=True)]
    return pd.Series(keys, index=names.index, dtype=object)


def settle(names: pd.DataFrame, aliases: dict[str, str] | None = None,
           places: frozenset[str] | None = None, by_key: bool = True,
           words: dict[str, list] | None = None) -> pd.DataFrame:
    """Give the names rows plus `canonical` and `canonical_type`, the corpus-wide name and type.
    `places` and `words` default to `places_of(names)` and `name_words_of(names)`: pass the
    whole corpus's when settling a part. `by_key=False` settles all rows as one group: the
    same result, kept to test that."""
    aliases = aliases or {}
    places = places_of(names, aliases) if places is None else places
    words = name_words_of(names, aliases) if words is None else words
    # the store's names rows carry their key (computed with their whole article, as here)
    keys = (pd.Series([""] * len(names), dtype=object) if not by_key
            else names["key"].astype(object) if "key" in names else settle_key(names, aliases))
    keyed = pd.DataFrame({c: names[c].to_numpy() for c in NAME_COLUMNS}).assign(
        key=keys.to_numpy())
    settled = settle_kinds(kinds_of(keyed), aliases, places, words)
    found = with_canonical(keyed, settled)
    return names.assign(canonical=pd.Series(found["canonical"].to_numpy(), index=names.index,
                                            dtype=object),
                        canonical_type=pd.Series(found["canonical_type"].to_numpy(),
                                                 index=names.index, dtype=object))


def settle_kinds(kinds: pd.DataFrame, aliases: dict[str, str] | None, places: frozenset[str],
                 words: dict[str, list]) -> pd.DataFrame:
    """Give the kinds table (`kinds.kinds_of`) plus `canonical` and `canonical_type`, each key
    group settled from its kinds of article, each kind standing for its articles: the result
    of settling every article's rows (`places`, `words`: the corpus's `places_of`,
    `name_words_of`)."""
    aliases = aliases or {}
    given, surnames = word_roles(words)
    canonical = [""] * len(kinds)
    types = [""] * len(kinds)
    cols = {c: kinds[c].tolist() for c in (*DESCRIBED, "kind", "statements", "articles")}
    for rows in (kinds.groupby("key", sort=False).indices.values() if len(kinds) else ()):
        group = {c: [cols[c][i] for i in rows] for c in (*DESCRIBED, "statements")}
        group["article_id"] = [cols["kind"][i] for i in rows]
        group["weights"] = {cols["kind"][i]: cols["articles"][i] for i in rows}
        got_names, got_types = _settled_group(group, aliases, (places, given, surnames))
        for i, name, kind in zip(rows, got_names, got_types, strict=True):
            canonical[i], types[i] = name, kind
    return kinds.assign(canonical=pd.Series(canonical, index=kinds.index, dtype=object),
                        canonical_type=pd.Series(types, index=kinds.index, dtype=object))


def _settled_group(group: dict[str, list], aliases: dict[str, str],
                   known: tuple[frozenset[str], ...]) -> tuple[list[str], list[str]]:
    """Give the canonical names and types of one key group's rows, passes repeated until the
    types hold (`known`: the corpus's places, given names and surnames)."""
    types = group["speaker_type"]
    for _ in range(_PASSES):
        # each pass reads the names as given, with the types the last pass settled
        names, settled = _pass(group["speaker"], types, group, aliases, known)
        if settled == types:
            break
        types = settled
    return names, settled


def _pass(speakers: list[str], types: list[str], group: dict[str, list],
          aliases: dict[str, str],
          known: tuple[frozenset[str], ...]) -> tuple[list[str], list[str]]:
    """Give one settlement pass over a key group: canonical names and types per row."""
    places, given, surnames = known
    weights, articles = group["statements"], group["article_id"]
    named: dict[tuple[str, str], tuple[str, bool]] = {}
    for pair in zip(speakers, types, strict=True):
        if pair not in named:
            named[pair] = _named(*pair, aliases)
    names, forced = zip(*(named[p] for p in zip(speakers, types, strict=True)), strict=True)
    pinned = set(aliases.values())
    full_counts: Counter = Counter()
    spread: dict[str, set[str]] = {}  # the articles that give each full name
    for name, kind, weight, article in zip(names, types, weights, articles, strict=True):
        if is_full(name, kind):
            full_counts[name] += weight
            if name in spread:
                spread[name].add(article)
            else:
                spread[name] = {article}
    stand_for = group.get("weights")
    canonical = forms_joined(clusters(full_counts, pinned, spread, surnames, stand_for),
                             places)
    blocked = _places_named(names, types, group["affiliation"], weights, places)
    result = surnames_joined(speakers, names, types, articles, forced, canonical, spread,
                             (blocked, given, surnames), group["speaker_type"], stand_for,
                             places)
    result = bodies_merged(result, types, weights, places, pinned)
    result = bodies_joined(speakers, result, types, articles, pinned)
    merged = _same_case_merged(result, types, weights, pinned)
    led = [led_by_sentence(s, k) for s, k in zip(group["speaker"], group["speaker_type"],
                                                 strict=True)]
    return merged, _settled_types(merged, types, group["pronoun"], weights, known, led)


def canonicalize(statements: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Give `statements` (same rows, same columns) with one canonical `speaker` per person
    and one `speaker_type` per speaker, settled over their names table."""
    out = statements.copy()
    if out.empty:
        return out
    names, row = _name_rows(statements)
    settled = settle(names, aliases)
    merged = pd.Series(settled["canonical"].to_numpy()[row], index=out.index, dtype=object)
    # A missing speaker stays missing, in the column's own dtype.
    missing = out["speaker"].isna()
    out["speaker"] = merged.where(~missing, out["speaker"]).astype(statements["speaker"].dtype)
    if "speaker_type" in out:
        kinds = pd.Series(settled["canonical_type"].to_numpy()[row], index=out.index,
                          dtype=object)
        out["speaker_type"] = kinds.astype(statements["speaker_type"].dtype)
    return out


def _places_named(names: tuple[str, ...], types: list[str], affiliations: list[str],
                  weights: list[int], places: frozenset[str]) -> set[str]:
    """Give the casefolded names that are places and that this group's statements make a
    country or government (by type, or as their own affiliation) at least as often as
    anything else: never taken for a surname (judged on the rows, so that settling the
    settled rows again changes nothing)."""
    votes: dict[str, Counter] = {}
    for name, kind, own, weight in zip(names, types, affiliations, weights, strict=True):
        low = name.casefold()
        if low in places:
            state = kind in STATE_TYPES or str(own).casefold() == low
            votes.setdefault(low, Counter())["state" if state else kind] += weight
    return {name for name, count in votes.items()
            if count["state"] >= max((n for k, n in count.items() if k not in ("state", "")),
                                     default=0)}


# When the votes for a speaker's type tie, the first of these wins.
_TYPE_ORDER = ("person", "government", "organisation", "group")


def _settled_types(names: list[str], types: list[str], pronouns: list[bool], weights: list[int],
                   known: tuple[frozenset[str], ...], led: list[bool]) -> list[str]:
    """Give one type per speaker name: "government" for a place most statements type so;
    "person" for anyone a "he" or "she" refers to; else the most frequent type given (ties:
    person, government, organisation, group), where a full name led by a corpus given name
    typed an organisation counts as a person ("Susan Hennessey"); a name-like speaker with no
    type is a person. A statement without a speaker keeps the type it has. Spans led by a
    word of the sentence before (`led`) vote only where no other row types the name."""
    places, given, surnames = known
    votes: dict[str, Counter] = {}
    weak: dict[str, Counter] = {}  # the types of spans cut from a sentence ("Is Google")
    for name, kind, pronoun, weight, cut in zip(names, types, pronouns, weights, led,
                                                strict=True):
        table = weak if cut else votes
        count = table.get(name)
        if count is None:
            count = table[name] = Counter()
        if kind == "organisation" and is_full(name, "person") and (
                name.split()[0].casefold() in given):
            count["person"] += weight
        elif not kind and name.casefold() in surnames and is_bare(name, "person"):
            count["person"] += weight  # "Hannity asked": untyped, a corpus surname
        elif kind:
            count[kind] += weight
        if kind == "person" and pronoun:
            count["pronoun"] += weight
    for name, count in weak.items():
        if not +votes.get(name, Counter()):
            votes[name] = count  # only such spans type it
    settled = {}
    for name, count in votes.items():
        # a place is a government where as many statements type it so as any other way
        # ("Politico's X" makes "Politico" an affiliation, not a government)
        state = count["government"] + count["country"]
        other = max((n for k, n in count.items() if k not in ("government", "country")),
                    default=0)
        if name.casefold() in places and not count["pronoun"] and (
                (state and state >= other) or not count):
            settled[name] = "government"
        elif party_plural(name):
            settled[name] = "group"
        elif count["pronoun"]:
            settled[name] = "person"
        elif count:
            settled[name] = max(_TYPE_ORDER + tuple(sorted(set(count) - set(_TYPE_ORDER))),
                                key=lambda k: (count[k], -_rank(k)))
        else:
            settled[name] = "person" if _person_shaped(name) else ""
    return [settled[name] if name else kind for name, kind in zip(names, types, strict=True)]


def _person_shaped(name: str) -> bool:
    """Give True for an untyped name that settles as a person's: written like one, with no
    organisation word (an all-capitals name stays untyped: typed, it would be title-cased
    next time)."""
    return name_like(name) and not name.isupper() and not any(
        w.lower() in ORG_WORDS for w in name.split())


def _rank(kind: str) -> int:
    return _TYPE_ORDER.index(kind) if kind in _TYPE_ORDER else len(_TYPE_ORDER)


def _same_case_merged(names: list[str], types: list[str], weights: list[int],
                      pinned: set[str]) -> list[str]:
    """Give `names` with spellings that differ only in case made one: the most frequent, but
    a group's or a "the ..." name in its lower-case form, as a sentence's first word capitalised
    it ("Aides", "The Clinton campaign" -> "aides", "the Clinton campaign")."""
    counts: Counter = Counter()
    lower_first = set()
    for name, kind, weight in zip(names, types, weights, strict=True):
        counts[name] += weight
        words = name.split()
        if name[:1].islower() and (kind == "group" or words[0] in ("the", "a", "an")):
            lower_first.add(name)
    best: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (n not in pinned, n not in lower_first,
                                              -counts[n], n)):
        best.setdefault(name.casefold(), name)
    return [best[n.casefold()] for n in names]
