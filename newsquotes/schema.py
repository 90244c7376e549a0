"""The one table of the stored columns: name and type of each, from which the pyarrow schemas
(on disk) and the pandas dtypes (in memory) are both derived.

articles:   one row an article (see `records.Article`); `date` is datetime64 (NaT when the
            article gives none), `flags` a ";"-joined string ("no_date;not_english").
statements: one row a statement (see `records.Statement`) plus `statement_id`
            ("<article_id>:<start>"), VADER's scores (`compound`, `pos`, `neu`, `neg`,
            `label`) and `terms` (keyword lemmas and bigrams, a list of str).
view:       statements joined with their article: `date`, `outlet` (the article's
            source), `title`, `section`, `url`.
topics:     `statement_id`, `topic`, `topic_kind` ("defined" or "discovered").
names:      one row per article and speaker as the extractor named them (contract 2), with
            the settlement `key` of the row.
speakers:   the names rows whose corpus-wide `canonical` name or `canonical_type` differs
            from their own (a row not listed keeps its name and type).
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

# Type name -> (Arrow type, pandas dtype). "Int" is an integer that may be missing.
TYPES = {
    "str": (pa.string(), object),
    "int": (pa.int64(), "int64"),
    "Int": (pa.int64(), "Int64"),
    "float": (pa.float64(), "float64"),
    "bool": (pa.bool_(), "bool"),
    "date": (pa.date32(), "datetime64[ns]"),
    "strs": (pa.list_(pa.string()), object),
}
_NAME_ROWS = (("article_id", "str"), ("speaker", "str"), ("speaker_type", "str"),
              ("affiliation", "str"), ("pronoun", "bool"), ("statements", "int"))
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "str"), ("title", "str"), ("body", "str"), ("date", "date"),
        ("section", "str"), ("source", "str"), ("author", "str"), ("url", "str"),
        ("language", "str"), ("word_count", "int"), ("origin", "str"), ("flags", "str"),
    ),
    "statements": (
        ("statement_id", "str"), ("article_id", "str"), ("start", "int"), ("end", "int"),
        ("text", "str"), ("kind", "str"), ("cue", "str"), ("speaker", "str"),
        ("speaker_mention", "str"), ("speaker_mention_start", "Int"),
        ("speaker_mention_end", "Int"), ("speaker_type", "str"), ("role", "str"),
        ("affiliation", "str"), ("compound", "float"), ("pos", "float"), ("neu", "float"),
        ("neg", "float"), ("label", "str"), ("terms", "strs"),
    ),
    "topics": (("statement_id", "str"), ("topic", "str"), ("topic_kind", "str")),
    "names": (*_NAME_ROWS, ("key", "str")),
    "speakers": (*_NAME_ROWS, ("key", "str"), ("canonical", "str"),
                 ("canonical_type", "str")),
}


def columns(table: str) -> list[str]:
    """Give the column names of `table`, in order."""
    return [name for name, _ in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    """Give the pyarrow schema `table` is stored in."""
    return pa.schema([(name, TYPES[kind][0]) for name, kind in TABLES[table]])


def empty_frame(table: str) -> pd.DataFrame:
    """Give an empty DataFrame of `table` with its columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=TYPES[kind][1]) for name, kind in TABLES[table]})


def _lists(values: pd.Series) -> list[list[str]]:
    """Give each cell as a list of str: None, NaN and a float64 column of NaN are no terms."""
    return [list(v) if v is not None and not isinstance(v, float) else [] for v in values]


def to_arrow(df: pd.DataFrame, table: str) -> pa.Table:
    """Give `df` as an Arrow table of `table` (missing columns empty, dates as dates)."""
    df = df.reindex(columns=columns(table))
    arrays = []
    for name, kind in TABLES[table]:
        values = df[name]
        if kind == "date":
            stamps = pd.to_datetime(values, errors="coerce")
            arrays.append(pa.array(stamps.dt.date.where(stamps.notna(), None),
                                   type=pa.date32()))
        elif kind == "strs":
            arrays.append(pa.array(_lists(values), type=pa.list_(pa.string())))
        elif kind == "str":
            arrays.append(pa.array(values.astype(object).where(values.notna(), None),
                                   type=pa.string()))
        elif kind == "bool":
            arrays.append(pa.array(values.fillna(False).astype(bool), type=pa.bool_()))
        else:
            arrays.append(pa.array(values, type=TYPES[kind][0], from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table))


def from_arrow(data: pa.Table, table: str) -> pd.DataFrame:
    """Give an Arrow table of `table` as a DataFrame in the schema's dtypes."""
    data = data.cast(arrow_schema(table)) if data.schema != arrow_schema(table) else data
    df = data.to_pandas()
    for name, kind in TABLES[table]:
        if kind == "date":
            df[name] = pd.to_datetime(df[name]).astype("datetime64[ns]")
        elif kind == "strs":
            df[name] = pd.Series(_lists(df[name]), index=df.index, dtype=object)
        elif kind != "str":
            df[name] = df[name].astype(TYPES[kind][1])
    return df[columns(table)]


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give `df` with exactly the columns of `table`, in the schema's dtypes."""
    return from_arrow(to_arrow(df, table), table)


ARTICLE_COLUMNS = columns("articles")
STATEMENT_COLUMNS = columns("statements")
TOPIC_COLUMNS = columns("topics")
NAME_COLUMNS = [name for name, _ in _NAME_ROWS]  # contract 2's columns
SENTIMENT_COLUMNS = ["compound", "pos", "neu", "neg", "label"]
VIEW_COLUMNS = [*STATEMENT_COLUMNS, "date", "outlet", "title", "section", "url"]
KINDS = ("direct", "indirect", "mixed")
