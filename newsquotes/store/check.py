"""`check`: read every part of a store and say what is damaged and what is whole; `repair`:
rebuild the catalog from the parts, and set a damaged part aside in `<store>/damaged/` (moved,
never deleted) with its articles made re-extractable (or, for lost articles, their files
forgotten, so reading them again brings them back)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from newsquotes import schema
from newsquotes.store import StoreError
from newsquotes.store.catalog import Catalog, Part
from newsquotes.store.files import fsync_dir, part_metadata, read_parquet
from newsquotes.store.parquet import CATALOG, KINDS, SPEAKERS, Store


@dataclass(frozen=True)
class Finding:
    """One file of the store: whole or damaged, and why."""

    path: Path
    damaged: bool
    reason: str = ""

    def __str__(self) -> str:
        return f"damaged: {self.path}: {self.reason}" if self.damaged else f"whole:   {self.path}"


def _read(path: Path, kind: str) -> str:
    """Give why the part at `path` cannot be read in full ("" when it is whole)."""
    try:
        read_parquet(path, schema.arrow_schema(kind))
    except StoreError as exc:
        return exc.reason
    return ""


def check(store: Store) -> list[Finding]:
    """Give a finding for the catalog and for every part it lists (and speakers.parquet)."""
    try:
        catalog = Catalog(store.path / CATALOG) if (store.path / CATALOG).exists() else None
        parts = catalog.parts() if catalog else []
    except StoreError as exc:
        return [Finding(store.path / CATALOG, True, exc.reason)]
    if catalog is None:
        return [Finding(store.path / CATALOG, True, "missing")]
    found = [Finding(store.path / CATALOG, False)]
    for part in parts:
        reason = _read(store.path / part.file, part.kind)
        found.append(Finding(store.path / part.file, bool(reason), reason))
    if (store.path / SPEAKERS).exists():
        reason = _read(store.path / SPEAKERS, "speakers")
        found.append(Finding(store.path / SPEAKERS, bool(reason), reason))
    catalog.close()
    return found


def _set_aside(store: Store, path: Path) -> Path:
    """Move a damaged file (or folder) into <store>/damaged/, never deleting it."""
    target = store.path / "damaged" / f"{path.parent.name}-{path.name}"
    target.parent.mkdir(exist_ok=True)
    if target.exists():
        target = target.with_name(f"{target.name}.{time.time_ns()}")
    path.rename(target)
    return target


def _rebuild(store: Store) -> list[str]:
    """Rebuild the catalog from the part files on disk (the newest of a kind per batch)."""
    said = []
    tmp = store.path / "catalog.sqlite.rebuilding"
    tmp.unlink(missing_ok=True)
    catalog = Catalog(tmp)
    newest: dict[tuple[str, str], Path] = {}
    for kind in KINDS:
        for path in sorted((store.path / kind).glob("part-*.parquet"),
                           key=lambda p: p.stat().st_mtime_ns):
            if _read(path, kind):
                said.append(f"set aside {path} as {_set_aside(store, path)}")
                continue
            newest[(kind, path.name.split("-")[1])] = path
    for (kind, batch), path in sorted(newest.items(), key=lambda kv: kv[0][1]):
        if kind != "articles" and ("articles", batch) not in newest:
            continue  # statements of lost articles: left unlisted
        meta = part_metadata(path)
        rows = pq.read_metadata(path).num_rows
        version = part_metadata(newest[("statements", batch)]).get("version", "") \
            if ("statements", batch) in newest else ""
        articles, files = [], []
        if kind == "articles":
            table = pq.read_table(path, columns=["id", "language", "flags"]).to_pylist()
            articles = [(r["id"], batch, version, r["language"] or "", r["flags"] or "")
                        for r in table]
            files = [(*line.split(" ", 1), batch) for line in meta.get("files", "").splitlines()
                     if " " in line]
        catalog.commit(parts=[Part(f"{kind}/{path.name}", kind, batch, rows,
                                   meta.get("version", ""))], articles=articles, files=files)
    catalog.commit(meta={"unsettled": "1"})
    catalog.close()
    if (store.path / CATALOG).exists():
        said.append(f"set aside {store.path / CATALOG} as "
                    f"{_set_aside(store, store.path / CATALOG)}")
    for extra in ("-wal", "-shm"):
        (store.path / f"{CATALOG}{extra}").unlink(missing_ok=True)
    tmp.rename(store.path / CATALOG)
    fsync_dir(store.path)
    said.append(f"rebuilt {store.path / CATALOG} from {len(newest)} whole parts")
    return said


def _drop_damaged(store: Store, catalog: Catalog, part: Part) -> str:
    """Take a damaged part out of the catalog and set it aside; give what was done."""
    batch = [p for p in catalog.parts() if p.batch == part.batch]
    articles = catalog.articles_of(part.batch)
    if part.kind == "speakers":  # settled names: settled again from the names
        catalog.commit(drop=[part.file], meta={"unsettled": "1"})
        moved = _set_aside(store, store.path / part.file)
        return f"set aside {store.path / part.file} as {moved}; names are settled again by " \
               f"the next ingest"
    if part.kind == "articles":  # the articles are lost: forget them and the files they came in
        catalog.forget_files_of(part.batch)
        catalog.commit(drop=[p.file for p in batch], forget=[a for a, *_ in articles])
        effect = f"its {len(articles)} articles come back when their files are read again"
    else:  # the articles are whole: extract them again
        catalog.commit(drop=[p.file for p in batch if p.kind != "articles"],
                       articles=[(a, part.batch, "", lang, flags)
                                 for a, _v, lang, flags in articles], meta={"unsettled": "1"})
        effect = f"its {len(articles)} articles will be extracted again by the next ingest"
    moved = _set_aside(store, store.path / part.file)
    return f"set aside {store.path / part.file} as {moved}; {effect}"


def repair(store: Store) -> list[str]:
    """Give what was done to make the store whole again (see the module docstring)."""
    with store.lock():
        findings = check(store)
        said = []
        if findings[0].damaged:
            if (store.path / CATALOG).is_dir():
                said.append(f"set aside {store.path / CATALOG} as "
                            f"{_set_aside(store, store.path / CATALOG)}")
            return said + _rebuild(store)
        catalog = Catalog(store.path / CATALOG)
        by_file = {store.path / p.file: p for p in catalog.parts()}
        for finding in findings[1:]:
            if not finding.damaged:
                continue
            if finding.path.name == SPEAKERS:
                catalog.commit(meta={"unsettled": "1"})
                said.append(f"set aside {finding.path} as {_set_aside(store, finding.path)}; "
                            f"names are settled again by the next ingest")
            else:
                said.append(_drop_damaged(store, catalog, by_file[finding.path]))
        catalog.close()
        store.close()
        return said
