"""The corpus on disk: where the store lives, and the error a damaged one raises."""

from __future__ import annotations

import os
from pathlib import Path

# The store folder's one definition: the CLI, the dashboard and the benchmarks read it here.
STORE_ENV = "NEWSQUOTES_STORE"


def default_path() -> Path:
    """Give the store folder: env NEWSQUOTES_STORE, else data/store under the current folder."""
    return Path(os.environ.get(STORE_ENV) or Path("data") / "store")


class StoreError(RuntimeError):
    """A store that cannot be read or written as it is: the message names the file and why."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason
