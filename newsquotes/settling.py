"""Speaker names settled across the store over the names table (contract 2), re-settling only
the keys a new batch touches.

Statements keep the name the extractor gave in their article; `<store>/speakers.parquet` holds
one row per article and name with its corpus-wide `canonical` name and type, applied when the
store is read. A key groups the rows that can influence each other's settlement (the surname or
last word of the tidied name), so a batch re-settles only the rows of its keys, with the
corpus-wide set of place names given alongside. A changed alias file re-settles everything.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from newsquotes import schema
from newsquotes.speakers import corpus as speakers
from newsquotes.store.parquet import Store

NAME_COLUMNS = schema.NAME_COLUMNS
_STATES = ("government", "country")


def names_of(statements: pd.DataFrame) -> pd.DataFrame:
    """Give one row per article, speaker, type, affiliation and pronoun use, with its count."""
    named = statements[statements["speaker"].fillna("") != ""]
    if named.empty:
        return schema.empty_frame("names")
    rows = pd.DataFrame({
        "article_id": named["article_id"].astype(str),
        "speaker": named["speaker"].astype(str),
        "speaker_type": named["speaker_type"].fillna("").astype(str),
        "affiliation": named["affiliation"].fillna("").astype(str),
        "pronoun": named["speaker_mention"].fillna("").str.lower().isin(["he", "she"]),
    })
    counted = rows.value_counts(sort=False).rename("statements").reset_index()
    return schema.typed(counted, "names")


def settle_key(names: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.Series:
    """Give each row's key: the spelling key of the last word of its tidied (or aliased) name."""
    aliases = aliases or {}
    pairs = list(zip(names["speaker"].astype(str), names["speaker_type"].astype(str),
                     strict=True))
    keys: dict[tuple[str, str], str] = {}
    for pair in set(pairs):
        clean = aliases.get(" ".join(pair[0].split())) or speakers.tidy(*pair) or pair[0]
        words = clean.split()
        keys[pair] = speakers.spelling_key(words[-1]) if words else ""
    return pd.Series([keys[p] for p in pairs], index=names.index, dtype=object)


def settle(names: pd.DataFrame, aliases: dict[str, str] | None = None,
           places: set[str] = frozenset()) -> pd.DataFrame:
    """Give the names rows plus `canonical` and `canonical_type`, settled among themselves
    (`places`: the corpus's place names, which no surname may join)."""
    if names.empty:
        return names.assign(canonical=pd.Series(dtype=object),
                            canonical_type=pd.Series(dtype=object))
    names = names.reset_index(drop=True)
    # canonicalize counts statements: each names row stands for `statements` of them.
    rows = np.repeat(np.arange(len(names)), names["statements"].clip(lower=1).to_numpy())
    expanded = pd.DataFrame({
        "article_id": names["article_id"].to_numpy()[rows],
        "speaker": names["speaker"].to_numpy()[rows],
        "speaker_type": names["speaker_type"].to_numpy()[rows],
        "affiliation": names["affiliation"].to_numpy()[rows],
        "speaker_mention": np.where(names["pronoun"].to_numpy()[rows], "he", ""),
    })
    extra = pd.DataFrame({"article_id": "", "speaker": "", "speaker_type": "",
                          "affiliation": sorted(places), "speaker_mention": ""})
    settled = speakers.canonicalize(pd.concat([expanded, extra], ignore_index=True), aliases)
    first = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    return names.assign(canonical=settled["speaker"].to_numpy()[first],
                        canonical_type=settled["speaker_type"].to_numpy()[first])


def places_of(names: pd.DataFrame) -> set[str]:
    """Give the names the corpus uses as places: affiliations and governments, case-folded."""
    states = names.loc[names["speaker_type"].isin(_STATES), "speaker"]
    return {p.casefold() for p in pd.concat([names["affiliation"], states]).unique() if p}


def aliases_stamp(aliases: dict[str, str] | None) -> str:
    """Give a fingerprint of the alias table (a change re-settles every name)."""
    return hashlib.sha1(repr(sorted((aliases or {}).items())).encode()).hexdigest()[:16]


def _touched(old: pd.DataFrame, new: pd.DataFrame, keys: set[str]) -> set[str]:
    """Give `keys` plus those of old rows a newly seen place may change."""
    fresh = places_of(new) - places_of(old)
    if not fresh or old.empty:
        return keys
    words = "|".join(re.escape(p) for p in sorted(fresh, key=len, reverse=True))
    hit = old["speaker"].str.casefold().str.contains(rf"(?<!\w)(?:{words})(?!\w)", regex=True)
    return keys | set(old.loc[hit, "key"])


def resettle(store: Store, new_names: pd.DataFrame, aliases: dict[str, str] | None,
             everything: bool = False, replaced: set[str] = frozenset()) -> int:
    """Give the number of names rows re-settled after adding `new_names` to the store's
    settled names (in place of the rows of the `replaced` articles); only the keys they touch
    are settled again. With `everything`, `new_names` is the whole names table."""
    old = store.speakers()
    old = old[~old["article_id"].isin(replaced)] if replaced else old
    new_names = new_names.assign(key=settle_key(new_names, aliases))
    if everything:
        kept, todo = old.iloc[:0], new_names
    else:
        keys = _touched(old, new_names, set(new_names["key"]))
        inside = old["key"].isin(keys)
        kept = old[~inside]
        todo = pd.concat([old.loc[inside, [*NAME_COLUMNS, "key"]], new_names],
                         ignore_index=True)
    todo = todo.drop_duplicates([c for c in NAME_COLUMNS if c != "statements"], keep="last")
    if todo.empty and not everything and not replaced:
        return 0
    settled = settle(todo, aliases, places_of(pd.concat([kept, todo])))
    store.write_speakers(pd.concat([kept, settled], ignore_index=True))
    return len(settled)


def settle_all_if_needed(store: Store, aliases: dict[str, str] | None) -> int:
    """Give the rows re-settled when the alias file changed since the last settlement or a
    kill left a batch unsettled (then every name is settled again); else 0."""
    catalog = store.catalog()
    if catalog is None:
        return 0
    stamp = aliases_stamp(aliases)
    if catalog.meta("aliases", stamp) == stamp and catalog.meta("unsettled") != "1":
        return 0
    done = resettle(store, store.read("names"), aliases, everything=True)
    catalog.commit(meta={"aliases": stamp, "unsettled": ""})
    return done


def settle_batch(store: Store, aliases: dict[str, str] | None, names: pd.DataFrame,
                 replaced: set[str] = frozenset()) -> int:
    """Give the rows re-settled for one batch's names (in place of the `replaced` articles'),
    then mark the store settled."""
    done = resettle(store, names, aliases, replaced=replaced) if len(names) or replaced else 0
    store.catalog().commit(meta={"aliases": aliases_stamp(aliases), "unsettled": ""})
    return done
