"""The dashboard's filters as a small record, how they select statements, and how they travel
in a URL query string. Pure: no Streamlit, so the rules are tested on tiny frames.

A filter left at "everything" is stored as empty (no speakers, start=None, the full sentiment
range), so that statements without a date or topic still count when nothing is filtered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

FULL_SENTIMENT = (-1.0, 1.0)
# Query-string names, as issue 5 gives them; list-valued ones may repeat (?speaker=a&speaker=b).
LIST_KEYS = {"speaker": "speakers", "topic": "topics", "outlet": "outlets", "kind": "kinds"}
QUERY_KEYS = (*LIST_KEYS, "start", "end", "q")


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects; empty fields select everything."""

    speakers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    sentiment: tuple[float, float] = FULL_SENTIMENT
    text: str = ""

    def is_empty(self) -> bool:
        """Give True when the filters select every statement."""
        return self == Filters()


def members(column: pd.Series, values: Iterable) -> pd.Series:
    """Give `column.isin(values)`, quick for thousands of values: pandas' isin on an Arrow
    string column converts the values one by one (0.5 s for 30,000 ids), pyarrow's at once."""
    values = pd.Series(list(values) if not isinstance(values, pd.Series) else values,
                       dtype=column.dtype)
    if not isinstance(column.array, pd.arrays.ArrowStringArray):
        return column.isin(values)
    found = pc.is_in(pa.array(column.array), value_set=pa.array(values.array))
    return pd.Series(np.asarray(found.fill_null(False), dtype=bool), index=column.index)


def _as_dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.normalize()


def apply_filters(
    view: pd.DataFrame, filters: Filters, topics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Give the rows of `view` (statements joined to articles) that `filters` selects.

    A statement passes the topic filter when any of its topics (rows of `topics`:
    statement_id, topic) is selected. The text search is a case-insensitive substring of the
    statement's text or its speaker's name.
    """
    keep = pd.Series(True, index=view.index)
    for name, column in (("speakers", "speaker"), ("outlets", "outlet"), ("kinds", "kind")):
        chosen = getattr(filters, name)
        if chosen:
            keep &= view[column].isin(chosen)
    if filters.topics:
        ids = pd.Series(dtype=object) if topics is None else topics.loc[
            topics["topic"].isin(filters.topics), "statement_id"]
        keep &= members(view["statement_id"], ids)
    if filters.start is not None or filters.end is not None:
        day = _as_dates(view["date"])
        if filters.start is not None:
            keep &= day >= pd.Timestamp(filters.start)
        if filters.end is not None:
            keep &= day <= pd.Timestamp(filters.end)
    low, high = filters.sentiment
    if (low, high) != FULL_SENTIMENT:
        keep &= view["compound"].between(low, high)
    needle = filters.text.strip()
    if needle:
        found = view["text"].str.contains(needle, case=False, regex=False, na=False)
        found |= view["speaker"].str.contains(needle, case=False, regex=False, na=False)
        keep &= found
    return view[keep]


def in_group(
    view: pd.DataFrame, group: tuple[str, str], topics: pd.DataFrame | None = None
) -> pd.Series:
    """Give the mask of the rows of `view` in `group`: ("speaker", name), ("outlet", name) or
    ("topic", name) (a statement is in a topic when `topics` pairs them)."""
    kind, name = group
    if kind == "topic":
        ids = () if topics is None else topics.loc[topics["topic"] == name, "statement_id"]
        return members(view["statement_id"], ids)
    if kind not in ("speaker", "outlet"):
        raise ValueError(f"no group of statements by {kind!r}: expected speaker, outlet or topic")
    return view[kind] == name


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None  # a mistyped date in a shared link selects everything, not an error


def from_query(
    params: Mapping[str, Iterable[str]], choices: Mapping[str, Iterable[str]] | None = None
) -> Filters:
    """Give the filters a query string asks for (name -> all its values).

    `choices` (field name -> allowed values, e.g. "speakers" -> the corpus's speakers) drops
    values the corpus does not hold, so a stale link narrows to what exists. Unreadable dates
    are ignored; a start after the end is swapped.
    """
    fields: dict = {}
    for key, name in LIST_KEYS.items():
        values = [v for v in params.get(key, ()) if v]
        if choices is not None and name in choices:
            allowed = set(choices[name])
            values = [v for v in values if v in allowed]
        fields[name] = tuple(dict.fromkeys(values))
    start = _parse_date(next(iter(params.get("start", ())), None))
    end = _parse_date(next(iter(params.get("end", ())), None))
    if start and end and start > end:
        start, end = end, start
    text = next(iter(params.get("q", ())), "") or ""
    return Filters(start=start, end=end, text=text.strip(), **fields)


def to_query(filters: Filters) -> dict[str, list[str]]:
    """Give the query string (name -> values) that `from_query` reads back as `filters`.

    The sentiment range is not part of the link (issue 5 names no parameter for it).
    """
    out = {key: list(getattr(filters, name)) for key, name in LIST_KEYS.items()}
    out["start"] = [filters.start.isoformat()] if filters.start else []
    out["end"] = [filters.end.isoformat()] if filters.end else []
    out["q"] = [filters.text] if filters.text else []
    return {key: values for key, values in out.items() if values}


def within_bounds(
    filters: Filters, first: dt.date | None, last: dt.date | None
) -> Filters:
    """Give `filters` with a date range that covers the whole corpus stored as no range."""
    start = None if filters.start is None or (first and filters.start <= first) else filters.start
    end = None if filters.end is None or (last and filters.end >= last) else filters.end
    return replace(filters, start=start, end=end)
