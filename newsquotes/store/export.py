"""Statements out of the store as a file: Parquet, CSV or JSON Lines, chosen by extension.

A CSV cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a
carriage return) is written with a leading apostrophe, which makes it plain text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsquotes.store import StoreError
from newsquotes.store.files import atomic_write

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = (".parquet", ".csv", ".jsonl")


def inert_cell(value: object) -> object:
    """Give a text cell a spreadsheet shows as text ("=1+2" -> "'=1+2"); others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def inert_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Give `df` with every text cell made inert for a spreadsheet (see `inert_cell`)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(inert_cell)
    return out


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
        atomic_write(target, lambda tmp: inert_frame(flat).to_csv(tmp, index=False))
    else:
        atomic_write(target, lambda tmp: df.to_json(tmp, orient="records", lines=True,
                                                     force_ascii=False))
    return len(df)
