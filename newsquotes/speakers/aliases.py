"""The user's alias file: spelling variants mapped to the one name a speaker is counted under."""

from __future__ import annotations

import tomllib
from pathlib import Path


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
