"""The kinds of article a key group holds: the table a key is settled from.

Settlement reads an article only through its own rows of a key, and the corpus only through
sums of statements and counts of articles. So the articles that name a key's names alike (the
same spellings, types, affiliations and he/she uses) settle alike, and a key group settles from
one row per kind of article and name, its statements summed and its articles counted: the
kinds table. It adds up: a batch's kinds are added to the store's, a replaced batch's taken
away, so a store settles a key in the time of its kinds of article, not of its articles.

A kind is named by a hash of its article's rows of the key. Two kinds given two names would
only settle as two kinds of one (the same result); a wrong merge needs a 64-bit collision.
"""

from __future__ import annotations

import hashlib

import pandas as pd

DESCRIBED = ["speaker", "speaker_type", "affiliation", "pronoun"]
IDENTITY = ["key", "kind", *DESCRIBED]  # one row of the kinds table
KIND_COLUMNS = [*IDENTITY, "statements", "articles"]


def _kind_name(rows: str) -> str:
    return hashlib.blake2b(rows.encode(), digest_size=8).hexdigest()


def kind_ids(names: pd.DataFrame) -> pd.Series:
    """Give each names row (with its `key`) the name of its article's kind within its key."""
    if names.empty:
        return pd.Series([], index=names.index, dtype=object)
    described = (names["speaker"].astype(str) + "\x1f" + names["speaker_type"].astype(str)
                 + "\x1f" + names["affiliation"].astype(str) + "\x1f"
                 + names["pronoun"].astype(bool).map({True: "1", False: "0"}))
    frame = pd.DataFrame({"key": names["key"].to_numpy(), "article": names["article_id"]
                          .to_numpy(), "described": described.to_numpy()})
    size = frame.groupby(["key", "article"], sort=False)["described"].transform("size")
    rows = frame["described"].to_numpy(copy=True)
    several = frame[(size > 1).to_numpy()].sort_values("described")
    if not several.empty:  # an article's rows of a key, in one order
        joined = several.groupby(["key", "article"], sort=False)["described"].agg("\x1e".join)
        rows[several.index.to_numpy()] = joined.reindex(
            pd.MultiIndex.from_frame(several[["key", "article"]])).to_numpy()
    cache: dict[str, str] = {}
    return pd.Series([cache.get(r) or cache.setdefault(r, _kind_name(r)) for r in rows],
                     index=names.index, dtype=object)


def kinds_of(names: pd.DataFrame) -> pd.DataFrame:
    """Give the kinds table (KIND_COLUMNS) of names rows that carry their `key`."""
    if names.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("statements", "articles")
                                          else bool if c == "pronoun" else object)
                             for c in KIND_COLUMNS})
    frame = names[["key", *DESCRIBED, "statements"]].assign(kind=kind_ids(names))
    grouped = frame.groupby(IDENTITY, sort=True)["statements"]
    return grouped.agg(statements="sum", articles="size").reset_index()[KIND_COLUMNS]


def kinds_added(old: pd.DataFrame, new: pd.DataFrame, gone: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """Give the kinds table `old` with the kinds `new` added and `gone` taken away."""
    parts = [old, new]
    if gone is not None and not gone.empty:
        parts.append(gone.assign(statements=-gone["statements"], articles=-gone["articles"]))
    return summed(parts)


def summed(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Give kinds tables as one, the rows of one kind and name added up (a kind no article is
    left of goes)."""
    rows = pd.concat([t[KIND_COLUMNS] for t in tables], ignore_index=True)
    added = rows.groupby(IDENTITY, sort=True)[["statements", "articles"]].sum().reset_index()
    return added[added["articles"] > 0].reset_index(drop=True)


def with_canonical(names: pd.DataFrame, settled: pd.DataFrame) -> pd.DataFrame:
    """Give names rows (with `key`) plus the `canonical` and `canonical_type` that the settled
    kinds table gives their kind."""
    looked = names.assign(kind=kind_ids(names))
    found = looked.merge(settled[[*IDENTITY, "canonical", "canonical_type"]], on=IDENTITY,
                         how="left", validate="many_to_one")
    found.index = names.index
    return found.drop(columns="kind")
