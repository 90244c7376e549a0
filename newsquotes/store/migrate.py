"""Old stores (articles.parquet, statements.parquet, topics.parquet, manifest.json) made into
parts on first open, losing nothing: the old files are kept, moved into `<store>/migrated/`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow.parquet as pq

from newsquotes import schema
from newsquotes.store import StoreError
from newsquotes.store.catalog import Catalog
from newsquotes.store.files import fsync_dir

if TYPE_CHECKING:
    from newsquotes.store.parquet import Store

OLD_FILES = ("articles.parquet", "statements.parquet", "topics.parquet", "manifest.json")


def _old_table(store: Store, kind: str) -> pd.DataFrame:
    path = store.path / f"{kind}.parquet"
    if not path.exists():
        return schema.empty_frame(kind)
    try:
        return schema.typed(pq.read_table(path).to_pandas(), kind)
    except Exception as exc:  # any damage: the old store stays as it is, untouched
        raise StoreError(path, f"cannot be migrated: not a readable Parquet file ({exc})") \
            from exc


def _manifest(store: Store) -> dict:
    path = store.path / "manifest.json"
    try:
        found = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError) as exc:
        raise StoreError(path, f"cannot be migrated: not a readable manifest ({exc})") from exc
    return found if isinstance(found, dict) else {}


def is_old(store: Store) -> bool:
    """Give True for a store folder in the old single-file format, not yet migrated."""
    return not (store.path / "catalog.sqlite").exists() and any(
        (store.path / name).exists() for name in OLD_FILES[:3])


def migrate(store: Store) -> None:
    """Turn an old single-file store into batches (one per extractor version the manifest
    gives its articles); the caller holds the write lock. A migration killed midway is
    started again: the old files stay in place until the new catalog is."""
    if not is_old(store):
        return
    for leftover in store.path.glob("*/part-*.parquet"):
        leftover.unlink()  # from a migration killed before its catalog was in place
    articles = _old_table(store, "articles")
    statements = _old_table(store, "statements")
    topics = _old_table(store, "topics")
    extracted = _manifest(store).get("extracted") or {}
    versions = articles["id"].map(lambda a: str(extracted.get(a) or ""))
    tmp = store.path / "catalog.sqlite.migrating"
    tmp.unlink(missing_ok=True)
    catalog = Catalog(tmp)
    orphans = ~statements["article_id"].isin(set(articles["id"]))
    for n, version in enumerate(sorted(set(versions)) or [""]):
        batch = f"{n:06d}"
        ids = set(articles.loc[versions == version, "id"])
        mine = statements["article_id"].isin(ids) | (orphans if n == 0 else False)
        frames = {"articles": articles[versions == version]}
        if version or mine.any():
            frames["statements"] = statements[mine]
            frames["topics"] = topics[topics["statement_id"].isin(set(statements.loc[
                mine, "statement_id"])) | (n == 0 and ~topics["statement_id"].isin(
                    set(statements["statement_id"])))]
        parts = store.write_parts(batch, frames, version)
        rows = frames["articles"]
        catalog.commit(parts=parts, articles=zip(
            rows["id"], [batch] * len(rows), [version] * len(rows), rows["language"].fillna(""),
            rows["flags"].fillna(""), strict=True), meta={"migrated_from": "1"})
    catalog.close()
    tmp.rename(store.path / "catalog.sqlite")
    (store.path / "migrated").mkdir(exist_ok=True)
    for name in OLD_FILES:
        if (store.path / name).exists():
            (store.path / name).rename(store.path / "migrated" / name)
    fsync_dir(store.path)
