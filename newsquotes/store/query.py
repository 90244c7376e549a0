"""The dashboard's questions asked of the store's Parquet parts in DuckDB: the sidebar's filters
become SQL predicates (values always passed as parameters), and counts, series, boxes and
keyword counts are aggregated in the database, so pandas holds only what a page draws.

Views over the parts (one connection per `Query`, parts read where they lie, never copied):

    statements  the statement parts, the speaker's canonical name applied through the
                settled mapping (article_id, speaker, speaker_type -> canonical, canonical_type)
    articles    the article parts, `outlet` one name per outlet (as `parquet.outlet_names`)
    topics      statement_id, topic, topic_kind
    v           statements joined to their article: schema.VIEW_COLUMNS, without bodies
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from newsquotes.analytics.filters import FULL_SENTIMENT, Filters
from newsquotes.analytics.keywords import MIN_BIGRAM_STATEMENTS
from newsquotes.analytics.sentiment import LABELS
from newsquotes.analytics.timeseries import t_interval
from newsquotes.schema import KINDS, VIEW_COLUMNS, arrow_schema

ARTICLE_SCHEMA, STATEMENT_SCHEMA, TOPIC_SCHEMA = (
    arrow_schema(table) for table in ("articles", "statements", "topics"))

MAPPING_SCHEMA = pa.schema([(c, pa.string()) for c in (
    "article_id", "speaker", "speaker_type", "canonical", "canonical_type")])
GROUPS = {"speaker": "speaker", "outlet": "outlet", "kind": "kind", "label": "label"}
# freq (timeseries.PERIODS) -> DuckDB's date_trunc part; weeks start on Monday in both.
TRUNC = {"D": "day", "W": "week", "MS": "month", "M": "month", "ME": "month"}
_OUTLETS = """
    WITH tidy AS (SELECT regexp_replace(trim(coalesce(source, '')), '\\s+', ' ', 'g') AS name
                  FROM raw_articles),
    spellings AS (SELECT lower(name) AS key, name, count(*) AS n,
                         upper(name) = name OR lower(name) = name AS plain
                  FROM tidy WHERE name <> '' GROUP BY name)
    SELECT key, arg_min(name, (plain::int, -n, name)) AS outlet FROM spellings GROUP BY key
"""
# Made once per Query, in memory: one row an article without its body (small next to the
# statements), its outlet named once; and the speaker mapping, one row a key.
_ARTICLES = f"""
    CREATE TEMP TABLE article_rows AS
    SELECT a.id AS article_id, a.date::TIMESTAMP AS date, coalesce(o.outlet, '') AS outlet,
           a.title, a.section, a.url
    FROM raw_articles a LEFT JOIN ({_OUTLETS}) o
      ON o.key = lower(regexp_replace(trim(coalesce(a.source, '')), '\\s+', ' ', 'g'))
"""
_MAPPING = """
    CREATE TEMP TABLE mapping_rows AS
    SELECT article_id, speaker, speaker_type, first(canonical) AS canonical,
           first(canonical_type) AS canonical_type FROM mapping GROUP BY ALL
"""
_VIEW = """
    SELECT s.* REPLACE (coalesce(m.canonical, s.speaker) AS speaker,
                        coalesce(m.canonical_type, s.speaker_type) AS speaker_type),
           a.date, a.outlet, a.title, a.section, a.url
    FROM raw_statements s
    LEFT JOIN mapping_rows m
      ON m.article_id = s.article_id AND m.speaker = coalesce(s.speaker, '')
         AND m.speaker_type = coalesce(s.speaker_type, '')
    LEFT JOIN article_rows a ON a.article_id = s.article_id
"""


def _table(con: duckdb.DuckDBPyConnection, name: str, paths: Sequence[Path],
           schema: pa.Schema) -> None:
    """Make view `name` over the Parquet files `paths` (an empty table of `schema` if none)."""
    if paths:
        con.read_parquet([str(p) for p in paths], union_by_name=True).create_view(name)
    else:
        con.register(name, schema.empty_table())


class Query:
    """The store's parts opened in DuckDB, asked what the pages draw."""

    def __init__(self, statements: Sequence[Path], articles: Sequence[Path],
                 topics: Sequence[Path] = (), speakers: Path | None = None) -> None:
        self.con = duckdb.connect()
        # One connection, used by every session's thread in turn (a DuckDB connection is not
        # to be used by two threads at once; a cursor would not see the temporary views).
        self._lock = threading.Lock()
        # Two cores shared with the Streamlit server: DuckDB would take them all.
        self.con.execute("SET threads TO 2")
        _table(self.con, "raw_statements", statements, STATEMENT_SCHEMA)
        _table(self.con, "raw_articles", articles, ARTICLE_SCHEMA)
        _table(self.con, "topics", topics, TOPIC_SCHEMA)
        has_mapping = speakers is not None and Path(speakers).exists()
        _table(self.con, "mapping", [speakers] if has_mapping else [], MAPPING_SCHEMA)
        for statement in (_ARTICLES, _MAPPING, f"CREATE TEMP VIEW v AS {_VIEW}"):
            self.con.execute(statement)

    def sql(self, query: str, params: Sequence = ()) -> pd.DataFrame:
        """Give the rows of `query` (parameters bound, never pasted) as a DataFrame."""
        with self._lock:
            return self.con.execute(query, list(params)).df()

    def where(self, filters: Filters) -> tuple[str, list]:
        """Give the SQL predicate over `v` that selects what `filters` selects, and its values."""
        terms, params = ["TRUE"], []
        for name, column in (("speakers", "speaker"), ("outlets", "outlet"), ("kinds", "kind")):
            chosen = getattr(filters, name)
            if chosen:
                terms.append(f"list_contains(?, {column})")
                params.append(list(chosen))
        if filters.topics:
            terms.append("statement_id IN (SELECT statement_id FROM topics "
                         "WHERE list_contains(?, topic))")
            params.append(list(filters.topics))
        if filters.start is not None:
            terms.append("date::DATE >= ?")
            params.append(filters.start)
        if filters.end is not None:
            terms.append("date::DATE <= ?")
            params.append(filters.end)
        if tuple(filters.sentiment) != FULL_SENTIMENT:
            terms.append("compound BETWEEN ? AND ?")
            params.extend(filters.sentiment)
        if filters.text.strip():
            terms.append("(contains(lower(text), lower(?)) OR contains(lower(speaker), lower(?)))")
            params.extend([filters.text.strip()] * 2)
        return " AND ".join(terms), params

    def _filtered(self, filters: Filters, extra: str = "") -> tuple[str, list]:
        """Give a FROM clause of the filtered statements (and `extra` more conditions)."""
        predicate, params = self.where(filters)
        return f"(SELECT * FROM v WHERE {predicate} {extra})", params

    def totals(self, filters: Filters) -> dict:
        """Give statements, speakers (named), articles, first and last date of the filtered."""
        source, params = self._filtered(filters)
        row = self.sql(f"""SELECT count(*) AS statements,
                                  count(DISTINCT nullif(speaker, '')) AS speakers,
                                  count(DISTINCT article_id) AS articles,
                                  min(date) AS first, max(date) AS last FROM {source}""", params)
        return row.iloc[0].to_dict()

    def rows(self, filters: Filters, limit: int | None = None,
             columns: Sequence[str] = VIEW_COLUMNS) -> pd.DataFrame:
        """Give the filtered statements, the latest first (then by id), at most `limit`."""
        source, params = self._filtered(filters)
        cap = "" if limit is None else f"LIMIT {int(limit)}"
        names = ", ".join(f'"{c}"' for c in columns)
        return self.sql(f"SELECT {names} FROM {source} ORDER BY date DESC NULLS LAST, "
                        f"statement_id {cap}", params)

    def choices(self, column: str, text: str = "", limit: int = 100) -> list[str]:
        """Give the values of `column` (speaker, outlet, topic) holding `text`, most statements
        first (ties alphabetically), at most `limit`: a picker over 100,000 speakers."""
        table = "topics" if column == "topic" else "v"
        name = "topic" if column == "topic" else GROUPS[column]
        found = self.sql(f"""SELECT {name} AS value, count(*) AS n FROM {table}
                             WHERE coalesce({name}, '') <> '' AND contains(lower({name}), lower(?))
                             GROUP BY 1 ORDER BY n DESC, value LIMIT {int(limit)}""",
                         [text.strip()])
        return found["value"].tolist()

    def _grouped(self, filters: Filters, by: str) -> tuple[str, list]:
        """Give a FROM clause of the filtered statements with their group in `grp`."""
        source, params = self._filtered(filters)
        if by == "topic":
            return (f"(SELECT f.*, t.topic AS grp FROM {source} f JOIN "
                    "(SELECT DISTINCT statement_id, topic FROM topics) t USING (statement_id))",
                    params)
        return f"(SELECT *, {GROUPS[by]} AS grp FROM {source} WHERE {GROUPS[by]} <> '')", params

    def sentiment_summary(self, filters: Filters, by: str, top: int | None = None,
                          level: float = 0.95) -> pd.DataFrame:
        """Give `aggregates.sentiment_summary` of the filtered statements by `by`, top first."""
        source, params = self._grouped(filters, by)
        labels = ", ".join(f"count(*) FILTER (label = '{label}') AS {label}" for label in LABELS)
        cap = "" if top is None else f"LIMIT {int(top)}"
        out = self.sql(f"""SELECT grp AS "{by}", count(compound) AS statements,
                                  avg(compound) AS mean, stddev_samp(compound) AS sd, {labels}
                           FROM {source} GROUP BY grp ORDER BY statements DESC, grp {cap}""",
                       params)
        out["low"], out["high"] = t_interval(out["mean"], out["sd"], out["statements"], level)
        return out[[by, "statements", "mean", "low", "high", *LABELS]].astype(
            {"statements": "int64", **{label: "int64" for label in LABELS}})

    def label_counts(self, filters: Filters) -> pd.DataFrame:
        """Give `label`, `statements` in label order (`aggregates.label_counts`)."""
        source, params = self._filtered(filters)
        counts = self.sql(f"SELECT label, count(*) AS n FROM {source} GROUP BY label", params)
        found = counts.set_index("label")["n"].reindex(list(LABELS), fill_value=0)
        return pd.DataFrame({"label": list(LABELS), "statements": found.to_numpy("int64")})

    def kind_counts(self, filters: Filters, top: int = 25) -> pd.DataFrame:
        """Give speaker and a count per kind, most statements first (`aggregates.kind_counts`)."""
        source, params = self._grouped(filters, "speaker")
        kinds = ", ".join(f"count(*) FILTER (kind = '{kind}') AS {kind}" for kind in KINDS)
        out = self.sql(f"""SELECT grp AS speaker, {kinds} FROM {source} GROUP BY grp
                           ORDER BY count(*) DESC, grp LIMIT {int(top)}""", params)
        return out.astype({kind: "int64" for kind in KINDS})

    def quartiles(self, filters: Filters, speakers: Sequence[str]) -> pd.DataFrame:
        """Give `aggregates.quartiles` of the compound scores of `speakers` (five numbers each)."""
        source, params = self._filtered(filters, "AND list_contains(?, speaker) "
                                                 "AND compound IS NOT NULL")
        params = [*params, list(speakers)]
        return self.sql(f"""
            WITH f AS {source},
            box AS (SELECT speaker, count(*) AS statements, avg(compound) AS mean,
                           quantile_cont(compound, 0.25) AS q1,
                           quantile_cont(compound, 0.5) AS median,
                           quantile_cont(compound, 0.75) AS q3 FROM f GROUP BY speaker)
            SELECT box.speaker, statements, q1, median, q3,
                   min(compound) FILTER (compound >= q1 - 1.5 * (q3 - q1)) AS lowerfence,
                   max(compound) FILTER (compound <= q3 + 1.5 * (q3 - q1)) AS upperfence, mean
            FROM box JOIN f USING (speaker) GROUP BY ALL ORDER BY box.speaker""", params)

    def counts_over_time(self, filters: Filters, by: str, freq: str,
                         top: int = 8) -> pd.DataFrame:
        """Give `period`, `group`, `statements` of the `top` groups, 0 in empty periods
        (`aggregates.top_groups` of `timeseries.counts_over_time` of the statements with a
        `by`; the span of periods is that of those statements, of all of them by topic)."""
        source, params = self._grouped(filters, by)
        spanned, span_params = self._filtered(filters) if by == "topic" else (source, params)
        trunc = TRUNC[freq]
        counts = self.sql(f"""
            WITH g AS (SELECT grp, date_trunc('{trunc}', date) AS period FROM {source}
                       WHERE date IS NOT NULL),
            span AS (SELECT date_trunc('{trunc}', min(date)) AS lo,
                            date_trunc('{trunc}', max(date)) AS hi FROM {spanned}),
            best AS (SELECT grp FROM g GROUP BY grp ORDER BY count(*) DESC, grp
                     LIMIT {int(top)})
            SELECT grp AS "group", period, count(*) AS statements FROM g
            WHERE grp IN (SELECT grp FROM best) GROUP BY ALL
            UNION ALL SELECT NULL, lo, 0 FROM span UNION ALL SELECT NULL, hi, 0 FROM span""",
                          [*params, *span_params])
        return _full_grid(counts.dropna(subset=["period"]), freq, "statements")

    def tone_over_time(self, filters: Filters, freq: str, level: float = 0.95) -> pd.DataFrame:
        """Give `timeseries.sentiment_over_time` of the filtered statements."""
        source, params = self._filtered(filters, "AND date IS NOT NULL")
        out = self.sql(f"""SELECT date_trunc('{TRUNC[freq]}', date) AS period,
                                  count(compound) AS n, avg(compound) AS mean,
                                  stddev_samp(compound) AS sd
                           FROM {source} GROUP BY 1 ORDER BY 1""", params)
        if out.empty:
            return pd.DataFrame(columns=["period", "mean", "low", "high", "n"])
        periods = _periods(out["period"], freq)
        out = out.set_index("period").reindex(periods).rename_axis("period").reset_index()
        out["n"] = out["n"].fillna(0)
        out["low"], out["high"] = t_interval(out["mean"], out["sd"], out["n"], level)
        return out[["period", "mean", "low", "high", "n"]].astype(
            {"period": "datetime64[us]", "n": "int64"})

    def articles_over_time(self, filters: Filters, freq: str) -> pd.DataFrame:
        """Give `period`, `articles`: the articles holding the filtered statements per period."""
        source, params = self._filtered(filters, "AND date IS NOT NULL")
        counts = self.sql(f"""SELECT date_trunc('{TRUNC[freq]}', date) AS period,
                                     count(DISTINCT article_id) AS articles
                              FROM {source} GROUP BY 1""", params)
        if counts.empty:
            return pd.DataFrame(columns=["period", "articles"])
        periods = _periods(counts["period"], freq)
        found = counts.set_index("period")["articles"].reindex(periods, fill_value=0)
        return pd.DataFrame({"period": periods, "articles": found.to_numpy("int64")}).astype(
            {"period": "datetime64[us]"})

    def keyword_counts(self, filters: Filters, top: int = 150) -> dict[str, float]:
        """Give term -> count of the filtered statements, most first (`keywords.frequencies`:
        a bigram counts only where it recurs in MIN_BIGRAM_STATEMENTS statements or more)."""
        source, params = self._filtered(filters)
        found = self.sql(f"""
            WITH t AS (SELECT statement_id, unnest(terms) AS term FROM {source}),
            c AS (SELECT term, count(*) AS n, count(DISTINCT statement_id) AS s
                  FROM t GROUP BY term)
            SELECT term, n FROM c WHERE NOT contains(term, ' ') OR s >= ?
            ORDER BY n DESC, term LIMIT {int(top)}""", [*params, MIN_BIGRAM_STATEMENTS])
        return dict(zip(found["term"], found["n"].astype(float), strict=True))

    def article(self, article_id: str) -> tuple[dict | None, pd.DataFrame]:
        """Give one article (with its body) and its statements in text order."""
        found = self.sql("SELECT * FROM raw_articles WHERE id = ? LIMIT 1", [article_id])
        statements = self.sql("SELECT * FROM v WHERE article_id = ? ORDER BY start", [article_id])
        return (found.iloc[0].to_dict() if len(found) else None), statements


def _periods(found: pd.Series, freq: str) -> pd.DatetimeIndex:
    """Give every period from the first to the last of `found` (period starts)."""
    first, last = pd.Timestamp(found.min()), pd.Timestamp(found.max())
    step = {"D": "D", "W": "W-MON", "MS": "MS", "M": "MS", "ME": "MS"}[freq]
    return pd.date_range(first, last, freq=step)


def _full_grid(counts: pd.DataFrame, freq: str, value: str) -> pd.DataFrame:
    """Give every group in every period of the span (rows with no group only mark the span)."""
    columns = {"period": "datetime64[us]", "group": "str", value: "int64"}
    named = counts[counts["group"].notna()]
    if named.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    periods = _periods(counts["period"], freq)
    full = pd.MultiIndex.from_product([sorted(named["group"].unique()), periods],
                                      names=["group", "period"])
    out = named.set_index(["group", "period"])[value].reindex(full, fill_value=0)
    return out.reset_index()[list(columns)].astype(columns)


def date_value(value) -> dt.date | None:
    """Give a DuckDB date or timestamp as a date (None for a missing one)."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()
