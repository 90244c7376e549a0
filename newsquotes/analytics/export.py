"""Tables made safe to hand out: text cells a spreadsheet would run as a formula made inert.

Excel, LibreOffice and Google Sheets read a cell that begins with = + - @ (or a tab or carriage
return before one) as a formula, so `=HYPERLINK(...)` quoted in an article would become a live
link in a researcher's spreadsheet. Such a cell gets a leading apostrophe (OWASP's advice):
shown as typed, never run. Numbers stay numbers: -0.5 in a float column is no formula.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_text(value: str) -> str:
    """Give `value` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _inert_column(column: pd.Series) -> pd.Series:
    # Per column, not per cell: a statements export may hold millions of rows.
    try:
        risky = column.str.startswith(FORMULA_STARTS, na=False).astype(bool)
    except AttributeError:  # no text in it (lists of terms, say)
        return column
    if not risky.any():
        return column
    return column.where(~risky, "'" + column[risky].astype(str))


def inert_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a copy of `frame` whose text cells and column names no spreadsheet runs."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            out[name] = _inert_column(column)
    out.columns = [inert_text(c) if isinstance(c, str) else c for c in out.columns]
    return out
