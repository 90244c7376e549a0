"""Files of the store written atomically (temp name, fsync, rename) and read with clear errors.

A temp file is named `.<name>.<pid>.tmp` beside its target; a kill between the write and the
rename leaves only such a file, which `clean_temps` removes on the next open.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsquotes.store import StoreError

TEMP_SUFFIX = ".tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Write `target` through `write(tmp_path)`, then move it into place in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(target.parent)


def write_parquet(target: Path, table: pa.Table, metadata: dict[str, str] | None = None,
                  row_group_size: int | None = None) -> None:
    """Write `table` to `target` atomically, with `metadata` in the file's key-value metadata
    (`row_group_size` rows a group: small groups let a filtered read skip most of a file)."""
    if metadata:
        extra = {k.encode(): v.encode() for k, v in metadata.items()}
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **extra})
    atomic_write(target, lambda tmp: pq.write_table(table, tmp, row_group_size=row_group_size))


def read_parquet(path: Path, schema: pa.Schema, columns: list[str] | None = None) -> pa.Table:
    """Give the table in `path`, or raise StoreError naming the file and the reason."""
    if path.is_dir():
        raise StoreError(path, "a folder where a Parquet file should be")
    if not path.exists():
        raise StoreError(path, "missing (the catalog lists it)")
    try:
        table = pq.read_table(path, columns=columns)
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise StoreError(path, f"not a readable Parquet file ({_short(exc)})") from exc
    wanted = schema if columns is None else pa.schema([schema.field(c) for c in columns])
    try:
        return table.select(wanted.names).cast(wanted)
    except (KeyError, pa.ArrowException, ValueError) as exc:
        raise StoreError(path, f"columns do not match the store's schema ({_short(exc)})") from exc


def part_metadata(path: Path) -> dict[str, str]:
    """Give a part's key-value metadata (batch, extractor version, file hashes)."""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise StoreError(path, f"not a readable Parquet file ({_short(exc)})") from exc
    return {k.decode(): v.decode() for k, v in meta.items() if not k.startswith(b"ARROW")
            and k != b"pandas"}


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def clean_temps(root: Path) -> list[Path]:
    """Remove the temp files a killed writer left under `root`; give what was removed."""
    removed = []
    if not root.is_dir():
        return removed
    for path in root.rglob(f".*{TEMP_SUFFIX}"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
