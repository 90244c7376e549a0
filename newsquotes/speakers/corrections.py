"""The user's corrections of speaker names: merge two names into one, split a spelling back
out of a merge, written to the store's alias file (TOML) atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

HEADER = ("# Speaker aliases: each spelling variant (left) is counted under one name (right).\n"
          "# A name mapped to itself is never merged with another.\n")


def merged(aliases: dict[str, str], names: list[str], into: str) -> dict[str, str]:
    """Give `aliases` with every one of `names` counted under `into` (no chains: a variant
    that pointed to one of `names` now points to `into`)."""
    into = " ".join(into.split())
    if not into:
        raise ValueError("the name to merge into is empty")
    gone = {" ".join(n.split()) for n in names} - {into}
    out = {v: (into if c in gone else c) for v, c in aliases.items() if v != into or c == into}
    out.update(dict.fromkeys(gone, into))
    return out


def split(aliases: dict[str, str], spelling: str) -> dict[str, str]:
    """Give `aliases` with `spelling` a name of its own again, never merged with another."""
    spelling = " ".join(spelling.split())
    return {**{v: c for v, c in aliases.items() if v != spelling}, spelling: spelling}


def aliases_text(aliases: dict[str, str], header: str = HEADER) -> str:
    """Give the alias file's TOML text (strings quoted as JSON, which TOML reads alike)."""
    lines = [header.rstrip("\n"), "[aliases]"]
    lines += [f"{json.dumps(v, ensure_ascii=False)} = {json.dumps(c, ensure_ascii=False)}"
              for v, c in sorted(aliases.items(), key=lambda kv: (kv[1], kv[0]))]
    return "\n".join(lines) + "\n"


def write_aliases(path: str | Path, aliases: dict[str, str]) -> None:
    """Write the alias file at `path` atomically, keeping the comments that open it."""
    path = Path(path)
    header = HEADER
    if path.is_file():
        kept = path.read_text(encoding="utf-8").split("[aliases]")[0]
        header = kept if kept.strip() else HEADER
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(aliases_text(aliases, header))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
