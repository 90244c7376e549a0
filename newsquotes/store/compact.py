"""`compact`: merge runs of small batches into one, so a store of many small ingests reads
fast. Atomic: the merged parts are written and recorded, the old ones dropped from the catalog
in the same transaction, and only then deleted."""

from __future__ import annotations

import pandas as pd

from newsquotes.store.catalog import Part
from newsquotes.store.parquet import KINDS, Store

TARGET_ROWS = 200_000  # statements a merged batch holds at most


def _groups(parts: list[Part], by_batch: dict[str, dict[str, Part]], target: int
            ) -> list[list[str]]:
    """Give runs of consecutive batches that can be merged: same kinds, same versions, and
    together under `target` statements (articles for unextracted batches)."""
    groups: list[list[str]] = []
    run: list[str] = []
    size = 0
    for part in parts:
        kinds = by_batch[part.batch]
        rows = kinds["statements"].rows if "statements" in kinds else part.rows
        fits = run and _shape(kinds) == _shape(by_batch[run[0]]) and size + rows <= target
        if not fits:
            if len(run) > 1:
                groups.append(run)
            run, size = [], 0
        run.append(part.batch)
        size += rows
    if len(run) > 1:
        groups.append(run)
    return groups


def _shape(kinds: dict[str, Part]) -> dict[str, str]:
    """Give the kinds of part a batch has and their versions (a batch has a speakers part
    only where a name of it settles to another, so that one is left out)."""
    return {k: p.version for k, p in kinds.items() if k != "speakers"}


def compact(store: Store, target: int = TARGET_ROWS) -> tuple[int, int]:
    """Give (batches merged, batches made) after merging runs of small batches."""
    with store.lock():
        catalog = store.catalog()
        if catalog is None:
            return 0, 0
        by_batch: dict[str, dict[str, Part]] = {}
        for part in catalog.parts():
            by_batch.setdefault(part.batch, {})[part.kind] = part
        groups = _groups(catalog.parts("articles"), by_batch, target)
        for group in groups:
            _merge(store, group, by_batch)
        return sum(len(g) for g in groups), len(groups)


def _merge(store: Store, group: list[str], by_batch: dict[str, dict[str, Part]]) -> None:
    catalog = store.catalog()
    name = catalog.next_batch()
    first = by_batch[group[0]]
    frames = {kind: pd.concat([store.read_part(by_batch[b][kind]) for b in group
                               if kind in by_batch[b]], ignore_index=True)
              for kind in KINDS if any(kind in by_batch[b] for b in group)}
    version = first["statements"].version if "statements" in first else ""
    parts = store.write_parts(name, frames, version,
                              model=first["topics"].version if "topics" in first else "")
    articles = [(a, name, v, lang, flags) for b in group
                for a, v, lang, flags in catalog.articles_of(b)]
    old = [p.file for b in group for p in by_batch[b].values()]
    catalog.commit(parts=parts, drop=old, articles=articles, moved_files=(group, name))
    for file in old:
        (store.path / file).unlink(missing_ok=True)
