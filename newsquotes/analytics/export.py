"""Text made safe to hand out: cells a spreadsheet would run as a formula made inert, and
names freed of the control characters that reorder or hide what is shown around them.

Excel, LibreOffice and Google Sheets read a cell that begins with = + - @ (or a tab or carriage
return before one) as a formula, so `=HYPERLINK(...)` quoted in an article would become a live
link in a researcher's spreadsheet. Such a cell gets a leading apostrophe (OWASP's advice):
shown as typed, never run. Numbers stay numbers: -0.5 in a float column is no formula.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 controls, the bidi marks, embeddings, overrides and isolates (U+061C, U+200E-200F,
# U+202A-202E, U+2066-2069): "\u202eBBC" shows as "CBB" in a legend, a table or a picker.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_controls(values: Iterable) -> pd.Series:
    """Give each value as text with its control characters dropped (missing: "")."""
    texts = pd.Series(list(values) if not isinstance(values, pd.Series) else values,
                      dtype=object).fillna("").astype(str)
    return texts.str.replace(CONTROLS, "", regex=True)


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
