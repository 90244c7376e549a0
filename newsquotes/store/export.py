"""Statements out of the store as a file: Parquet, CSV or JSON Lines, chosen by extension.

A CSV cell that a spreadsheet would run as a formula is written inert, by the same rule as
every download of the dashboard (`analytics.export.inert_cells`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsquotes.analytics.export import inert_cells
from newsquotes.store import StoreError
from newsquotes.store.files import atomic_write

FORMATS = (".parquet", ".csv", ".jsonl")


def write_export(df: pd.DataFrame, target: str | Path) -> int:
    """Give the rows written to `target` (.parquet, .csv or .jsonl), atomically."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise StoreError(target, f"unknown export format '{suffix or '(none)'}' "
                                 f"(expected one of {', '.join(FORMATS)})")
    df = df.reset_index(drop=True)
    if "date" in df:
        df = df.assign(date=pd.to_datetime(df["date"]).dt.strftime("%Y-%m-%d"))
    if suffix == ".parquet":
        atomic_write(target, lambda tmp: df.to_parquet(tmp, index=False))
    elif suffix == ".csv":
        flat = df.assign(terms=df["terms"].map(lambda t: "; ".join(t))) if "terms" in df else df
        atomic_write(target, lambda tmp: inert_cells(flat).to_csv(tmp, index=False))
    else:
        atomic_write(target, lambda tmp: df.to_json(tmp, orient="records", lines=True,
                                                     force_ascii=False))
    return len(df)
