"""Speaker names settled across the store over the names table (contract 2), re-settling only
the keys a new batch touches, from their kinds of article.

Statements keep the name the extractor gave in their article. Each batch's names part holds
one row per article and name with its settlement key (the spelling key of the last word of the
tidied name: rows with different keys never influence each other). The catalog keeps, per key,
its kinds table (`speakers.kinds`: one row per kind of article and name, its statements and
articles counted, with the canonical name and type it settled to), which a batch adds to and a
replaced batch takes from. A new batch settles its keys' kinds again, with the corpus-wide sets
of place names and the given-name and surname uses of words (kept in the catalog) given
alongside, and the keys of rows a new place or a word's new role may change. Where every
stored kind of a key settles as before, only the batch's own rows are looked up; where one
changes, all the key's rows are. Each batch's speakers part holds its rows whose canonical
name or type differs from their own, applied when the store is read. A changed alias file
re-keys and re-settles everything; so does a kill between a batch and its settling, and a
store written before the kinds table.

`settle_key` and `settle` are the speakers stage's (`speakers.corpus`), `settle` given the
corpus-wide sets.
"""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import pyarrow.dataset as ds

from newsquotes import schema
from newsquotes.speakers import corpus as speakers
from newsquotes.speakers import kinds
from newsquotes.store.catalog import KIND_ROW
from newsquotes.store.parquet import Store

NAME_COLUMNS = schema.NAME_COLUMNS
_STATES = ("government", "country")


def names_of(statements: pd.DataFrame) -> pd.DataFrame:
    """Give one row per article, speaker, type, affiliation and pronoun use, with its count."""
    named = statements[statements["speaker"].fillna("") != ""]
    if named.empty:
        return schema.empty_frame("names")[NAME_COLUMNS]
    rows = pd.DataFrame({
        "article_id": named["article_id"].astype(str),
        "speaker": named["speaker"].astype(str),
        "speaker_type": named["speaker_type"].fillna("").astype(str),
        "affiliation": named["affiliation"].fillna("").astype(str),
        "pronoun": named["speaker_mention"].fillna("").str.lower().isin(["he", "she"]),
    })
    counted = rows.value_counts(sort=False).rename("statements").reset_index()
    return schema.typed(counted, "names")[NAME_COLUMNS]


def settle_key(names: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.Series:
    """Give each row's key: the speakers stage's (`corpus.settle_key`), which `settle` groups
    by, so a batch re-settles exactly the rows that can influence its own."""
    return speakers.settle_key(names, aliases)


def settle(names: pd.DataFrame, aliases: dict[str, str] | None = None,
           places: set[str] = frozenset(), words: dict[str, list] | None = None) -> pd.DataFrame:
    """Give the names rows plus `canonical` and `canonical_type`, settled among themselves
    (`places`: the corpus's place names, which no surname may join, weighed against the
    surnames of these rows; `words`: the corpus's `speakers.name_words_of`)."""
    if names.empty:
        return names.assign(canonical=pd.Series(dtype=object),
                            canonical_type=pd.Series(dtype=object))
    names = names.reset_index(drop=True)
    return speakers.settle(names, aliases, _known_places(names, places, aliases),
                           words=words or {})


def keyed(names: pd.DataFrame, aliases: dict[str, str] | None) -> pd.DataFrame:
    """Give the names rows with their settlement key (the names part's columns)."""
    return schema.typed(names.assign(key=settle_key(names, aliases)), "names")


def places_of(names: pd.DataFrame) -> set[str]:
    """Give the names the corpus uses as places: affiliations and governments, case-folded."""
    states = names.loc[names["speaker_type"].isin(_STATES), "speaker"]
    return {p.casefold() for p in pd.concat([names["affiliation"], states]).unique() if p}


def words_of(names: pd.DataFrame, aliases: dict[str, str] | None) -> dict[str, list]:
    """Give the given-name and surname uses of the words of names rows (`name_words_of`)."""
    return speakers.name_words_of(names, aliases)


def words_added(old: dict[str, list], new: dict[str, list], gone: dict[str, list]
                 ) -> tuple[dict[str, list], set[str]]:
    """Give the corpus's word uses with a batch's added and a replaced batch's taken away,
    and the words whose role (given name, surname) that changes."""
    merged = {w: list(v) for w, v in old.items()}
    for table, sign in ((new, 1), (gone, -1)):
        for word, (first, last) in table.items():
            have = merged.setdefault(word, [0, 0])
            have[0], have[1] = have[0] + sign * first, have[1] + sign * last
    merged = {w: v for w, v in merged.items() if v != [0, 0]}
    changed = {w for w in {*old, *merged} if speakers.word_roles({w: old.get(w, [0, 0])})
               != speakers.word_roles({w: merged.get(w, [0, 0])})}
    return merged, changed


def aliases_stamp(aliases: dict[str, str] | None) -> str:
    """Give a fingerprint of the alias table (a change re-settles every name)."""
    return hashlib.sha1(repr(sorted((aliases or {}).items())).encode()).hexdigest()[:16]


# Kinds rows settled at once: whole key groups (which never influence each other) are taken
# until this many rows, so memory is bounded by the largest group, not by all that is touched.
SETTLE_ROWS = 200_000
# The catalog's settlement tables: kinds of article by key, and the keys of each word. A
# store of another (older) format is settled again whole by its next batch.
KINDS_FORMAT = "2"


def _settled_kinds(table: pd.DataFrame, aliases: dict[str, str] | None, places: set[str],
                   words: dict[str, list]) -> pd.DataFrame:
    """Give the kinds `table` settled key group by key group, a run of groups of at most
    SETTLE_ROWS rows at a time, each run with the corpus's `places` counted beside its own
    uses of them (as `settle` counts them)."""
    if table.empty:
        return table.assign(canonical=pd.Series(dtype=object),
                            canonical_type=pd.Series(dtype=object))
    table = table.sort_values("key", kind="stable").reset_index(drop=True)
    sizes = table.groupby("key", sort=True).size()
    runs, lo = [], 0
    for keys in _runs(list(sizes.items())):
        run = table.iloc[lo:lo + int(sizes[keys].sum())]
        lo += len(run)
        runs.append(speakers.settle_kinds(run, aliases, _known_places(run, places, aliases),
                                          words))
    return pd.concat(runs, ignore_index=True)


def _known_places(rows: pd.DataFrame, places: set[str], aliases: dict[str, str] | None
                  ) -> frozenset[str]:
    """Give the places of `rows` (names or kinds rows) with each corpus place counted as one
    statement's affiliation beside their own uses."""
    extra = pd.DataFrame({"speaker": "", "speaker_type": "", "affiliation": sorted(places),
                          "statements": 1})
    columns = ["speaker", "speaker_type", "affiliation", "statements"]
    return speakers.places_of(pd.concat([rows[columns], extra], ignore_index=True), aliases)


_WORD = re.compile(r"\w+")


def word_keys(names: pd.DataFrame) -> list[tuple[str, str]]:
    """Give the (word, key) pairs of names rows: each casefolded word of a speaker with the
    row's settlement key."""
    pairs = set()
    for speaker, key in set(zip(names["speaker"].tolist(), names["key"].tolist(), strict=True)):
        pairs.update((word, key) for word in _WORD.findall(speaker.casefold()))
    return sorted(pairs)


def _place_keys(store: Store, fresh: set[str]) -> set[str]:
    """Give the keys of names rows holding a place word or given name just seen (either
    changes how they settle): those holding every word of one (`word_keys`, in the catalog)."""
    catalog = store.catalog()
    keys: set[str] = set()
    for entry in fresh:
        words = _WORD.findall(entry.casefold())
        if words:
            keys |= set.intersection(*(catalog.keys_with([w]) for w in words))
    return keys


def _changed(settled: pd.DataFrame) -> pd.DataFrame:
    """Give the settled rows whose canonical name or type is not their own."""
    differs = (settled["canonical"] != settled["speaker"]) | (
        settled["canonical_type"] != settled["speaker_type"])
    return settled[differs]


def _kinds_frame(rows: list[tuple]) -> pd.DataFrame:
    """Give catalog kinds rows (KIND_ROW) as a frame of the kinds table's types."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(KIND_ROW)
    types = {"pronoun": bool, "statements": "int64", "articles": "int64"}
    return pd.DataFrame({name: np.array(values, dtype=types.get(name, object))
                         for name, values in zip(KIND_ROW, columns, strict=True)})


def _kind_rows(frame: pd.DataFrame, columns=KIND_ROW) -> list[tuple]:
    """Give kinds frame rows as catalog rows (`columns` of KIND_ROW), the he/she flag 0/1."""
    values = [(frame[c].astype(int) if c == "pronoun" else frame[c]).tolist() for c in columns]
    return list(zip(*values, strict=True))


def resettle(store: Store, keys: set[str] | None, aliases: dict[str, str] | None,
             added: pd.DataFrame | None = None, replaced: pd.DataFrame | None = None,
             batch: str = "") -> int:
    """Give the names rows looked up again after settling: the kinds of article of `keys`
    (all, for None; and any key a new place or a word's new role, given name or surname,
    touches) are settled again, with the kinds of `batch`'s names `added` added and those of
    the names they `replaced` taken away. A key whose stored kinds all settle as before keeps
    its settled rows and only the batch's own rows are looked up (one speakers part written):
    the cost of a batch is that of its keys' kinds, not of their rows. A key where one
    changes has all its rows looked up again, and the speakers parts of the batches holding
    them rewritten. Without a kinds table (a store from before it), everything is settled."""
    catalog = store.catalog()
    if keys is None or catalog.meta("kinds") != KINDS_FORMAT:
        return resettle_everything(store, aliases)
    added = added if added is not None else schema.empty_frame("names")
    old_places = set(json.loads(catalog.meta("places", "[]")))
    places = old_places | places_of(added)
    words, changed = words_added(json.loads(catalog.meta("words", "{}")),
                                 words_of(added, aliases),
                                 words_of(replaced, aliases) if replaced is not None else {})
    fresh = (places - old_places) | changed
    keys = keys | (_place_keys(store, fresh) if fresh else set())
    stored_kinds = catalog.kinds(keys)
    new = kinds.kinds_of(added)
    gone = kinds.kinds_of(replaced) if replaced is not None else new.iloc[:0]
    settled = _settled_kinds(kinds.kinds_added(_kinds_frame(stored_kinds), new, gone),
                             aliases, places, words)
    settled_rows = _kind_rows(settled)
    now = {row[:6]: row[8:] for row in settled_rows}  # identity -> (canonical, type)
    # a key moved where a stored kind settles to another name or type than it did
    moved = {row[0] for row in stored_kinds if now.get(row[:6], row[8:]) != row[8:]}
    rows = {batch: added[~added["key"].isin(moved)]}  # every row of a moved key, and these
    for part in catalog.parts("names") if moved else ():
        found = _part_rows(store, part, pc.field("key").isin(sorted(moved)))
        if len(found) or part.batch == batch:
            rows[part.batch] = pd.concat([rows.get(part.batch, found.iloc[:0]), found],
                                         ignore_index=True)
    by_batch = {p.batch: p for p in catalog.parts("speakers")}
    written = {}
    for name, looked in rows.items():
        had = store.read_part(by_batch[name]) if name in by_batch else \
            schema.empty_frame("speakers")
        kept = had[~had["key"].isin(moved) & (name != batch)]  # the batch's are all new
        written[name] = pd.concat([kept, _changed(kinds.with_canonical(looked, settled))],
                                  ignore_index=True)
    touched = {*_kind_rows(new, kinds.IDENTITY), *_kind_rows(gone, kinds.IDENTITY)}
    left = [row[:6] for row in stored_kinds if row[:6] not in now]  # no article is left of
    store.write_speakers(written, {"places": json.dumps(sorted(places)),
                                   "words": json.dumps(words, sort_keys=True)},
                         kinds=[row for row in settled_rows
                                if row[0] in moved or row[:6] in touched], kinds_gone=left,
                         word_keys=word_keys(added))
    return sum(len(r) for r in rows.values())


def _part_rows(store: Store, part, condition) -> pd.DataFrame:
    """Give the rows of one names part that meet a pyarrow `condition`."""
    table = ds.dataset(store.path / part.file, schema=schema.arrow_schema("names")).to_table(
        filter=condition)
    return schema.from_arrow(table, "names")


def resettle_everything(store: Store, aliases: dict[str, str] | None,
                        meta: dict[str, str] | None = None) -> int:
    """Give the names rows of the whole store looked up after settling it from its kinds of
    article, made anew with the corpus's places and word uses, recorded with `meta`. Memory:
    one names part, one run of keys' kinds (the kinds are counted in the catalog, part by
    part, then settled a run of keys at a time) and the rows that settle to another name."""
    catalog = store.catalog()
    catalog.commit(meta={"kinds": ""}, all_kinds=True)  # a kill from here: all again
    places: set[str] = set()
    words: dict[str, list] = {}
    pairs: set[tuple[str, str]] = set()
    for part in catalog.parts("names"):
        names = store.read_part(part)
        places |= places_of(names)
        words = words_added(words, words_of(names, aliases), {})[0]
        pairs.update(word_keys(names))
        catalog.commit(kinds_counted=_kind_rows(kinds.kinds_of(names), kinds.KIND_COLUMNS))
    moved: set[str] = set()
    for run in _runs(catalog.key_sizes()):
        settled = _settled_kinds(_kinds_frame(catalog.kinds(run)), aliases, places, words)
        moved |= set(settled.loc[(settled["canonical"] != settled["speaker"])
                                 | (settled["canonical_type"] != settled["speaker_type"]), "key"])
        catalog.commit(kinds=_kind_rows(settled))
    written, looked = {}, 0
    for part in catalog.parts("names"):
        rows = _part_rows(store, part, pc.field("key").isin(sorted(moved))) if moved else \
            schema.empty_frame("names")
        looked += len(rows)
        settled = _kinds_frame(catalog.kinds(set(rows["key"]))) if len(rows) else None
        written[part.batch] = _changed(kinds.with_canonical(rows, settled)) if len(rows) else \
            schema.empty_frame("speakers")
    written.update({p.batch: schema.empty_frame("speakers")
                    for p in catalog.parts("speakers") if p.batch not in written})
    store.write_speakers(written, {"places": json.dumps(sorted(places)),
                                   "words": json.dumps(words, sort_keys=True),
                                   "kinds": KINDS_FORMAT, **(meta or {})},
                         word_keys=sorted(pairs))
    return looked


def _runs(sizes: list[tuple[str, int]]) -> list[list[str]]:
    """Give runs of whole keys of at most SETTLE_ROWS kinds rows (a larger key alone)."""
    runs: list[list[str]] = []
    total = SETTLE_ROWS
    for key, rows in sizes:
        if total + rows > SETTLE_ROWS:
            runs.append([])
            total = 0
        runs[-1].append(key)
        total += rows
    return runs


def _rekey(store: Store, aliases: dict[str, str] | None) -> None:
    """Give every names part the keys of the current alias table (one part at a time)."""
    for part in store.catalog().parts("names"):
        names = store.read_part(part)
        store.replace_batch(part.batch, {"names": keyed(names, aliases)}, part.version)


def _add_missing_names(store: Store, aliases: dict[str, str] | None) -> bool:
    """Give True after writing the names part of each batch that has statements but none
    (a migrated store's batches): its names as the statements give them."""
    catalog = store.catalog()
    named = {p.batch for p in catalog.parts("names")}
    missing = [p for p in catalog.parts("statements") if p.batch not in named]
    for part in missing:
        names = keyed(names_of(store.read_part(part)), aliases)
        store.replace_batch(part.batch, {"names": names}, part.version,
                            meta={"unsettled": "1"})
    return bool(missing)


def settle_all_if_needed(store: Store, aliases: dict[str, str] | None) -> int:
    """Give the rows re-settled when the alias file changed since the last settlement or a
    kill left a batch unsettled (then every name is settled again); else 0."""
    catalog = store.catalog()
    if catalog is None:
        return 0
    stamp = aliases_stamp(aliases)
    _add_missing_names(store, aliases)
    if catalog.meta("aliases", stamp) == stamp and catalog.meta("unsettled") != "1":
        return 0
    if catalog.meta("aliases", stamp) != stamp:
        _rekey(store, aliases)
    done = resettle(store, None, aliases)
    catalog.commit(meta={"aliases": stamp, "unsettled": ""})
    return done


def settle_batch(store: Store, aliases: dict[str, str] | None, batch: str,
                 names: pd.DataFrame, replaced: pd.DataFrame | None = None) -> int:
    """Give the rows looked up settling one batch's names (and the keys of the names they
    `replaced`), then mark the store settled."""
    keys = set(names["key"]) | (set(replaced["key"]) if replaced is not None else set())
    done = resettle(store, keys, aliases, names, replaced, batch) if keys else 0
    store.catalog().commit(meta={"aliases": aliases_stamp(aliases), "unsettled": ""})
    return done
