"""The dashboard's questions asked of the store's Parquet parts in DuckDB: the sidebar's filters
become SQL predicates (values always passed as parameters), and what the pages draw is
aggregated in the database (`measures`) over the tables `tables.make_tables` holds in memory,
so pandas holds only what a page shows. Texts are read from the parts only for the rows
shown, by each row's file and row number (`file`, `row`), so no question scans every text.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from newsquotes.analytics.filters import FULL_SENTIMENT, Filters
from newsquotes.analytics.sentiment import LABELS
from newsquotes.schema import VIEW_COLUMNS
from newsquotes.store.tables import make_tables

# A count per label, as SQL select items: a sum of 0/1 (count(*) FILTER took half as long
# again at 15 million statements).
LABEL_COUNTS = ", ".join(f"coalesce(sum((label = '{label}')::INTEGER), 0) AS {label}"
                         for label in LABELS)
MEMO_ENTRIES = 32  # answers a Query keeps (`remember`): a filter state's samples and totals
GROUPS = {"speaker": "speaker", "outlet": "outlet", "kind": "kind", "label": "label"}
ARTICLE_COLUMNS = ["title", "section", "url"]
# What a row picked from facts carries (the rest of a shown row is read from its part).
PICKED = ("statement_id", "file", "row", "aid", "date", "speaker", "speaker_type", "outlet",
          "topic", "kind", "label", "compound")
# ENUMs, cast back to text for pandas.
NAMED = ("speaker", "speaker_type", "outlet", "topic", "kind", "label", "role", "affiliation",
         "speaker_mention")


class Query:
    """The store's parts opened in DuckDB, asked what the pages draw."""

    def __init__(self, statements: Sequence[Path], articles: Sequence[Path],
                 topics: Sequence[Path] = (), speakers: Sequence[Path] = ()) -> None:
        self.con = duckdb.connect()
        # One connection, used by every session's thread in turn (a DuckDB connection is not
        # to be used by two threads at once; a cursor would not see the temporary tables).
        self._lock = threading.Lock()
        # Two cores shared with the Streamlit server: DuckDB would take them all. The memory
        # cap makes DuckDB spill a large sort or join to disk instead of growing past it.
        self.con.execute("SET threads TO 2")
        self.con.execute("SET memory_limit = '2GB'")
        self.con.execute("SET preserve_insertion_order = false")
        self.files = [str(p) for p in statements]
        self.memo: dict = {}  # what is kept per filter state (`remember`)
        # Articles are numbered 1..articles (`aid`): a count of distinct articles is a count of
        # bits set (a third of the time of count(DISTINCT aid) at 15 million statements).
        self.articles, self.cut, self.low = make_tables(self.con, statements, articles, topics,
                                                        speakers)

    def sql(self, query: str, params: Sequence = (),
            frames: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
        """Give the rows of `query` (parameters bound, never pasted) as a DataFrame; the query
        may read `frames` by their names (there for this query only). A frame is read where it
        lies: binding 20,000 hashes as a list parameter took 15 ms, registering them 1 ms."""
        frames = frames or {}
        with self._lock:
            for name, frame in frames.items():
                self.con.register(name, frame)
            try:
                return self.con.execute(query, list(params)).df()
            finally:
                for name in frames:
                    self.con.unregister(name)

    def where(self, filters: Filters) -> tuple[str, list]:
        """Give the SQL predicate over `facts` that selects what `filters` selects, and its
        values."""
        terms, params = ["TRUE"], []
        for name, column in (("speakers", "speaker"), ("outlets", "outlet"), ("kinds", "kind")):
            chosen = getattr(filters, name)
            if chosen:
                terms.append(f"list_contains(?, {column})")
                params.append(list(chosen))
        if filters.topics:
            terms.append("(list_contains(?, topic) OR h IN (SELECT h FROM topic_rows "
                         "WHERE list_contains(?, topic)))")
            params.extend([list(filters.topics)] * 2)
        if filters.start is not None:
            terms.append("day >= ?")
            params.append(filters.start)
        if filters.end is not None:
            terms.append("day <= ?")
            params.append(filters.end)
        if tuple(filters.sentiment) != FULL_SENTIMENT:
            terms.append("compound BETWEEN ? AND ?")
            params.extend(filters.sentiment)
        if filters.text.strip():
            # The one filter that reads the parts: texts are not held in memory.
            terms.append("(h IN (SELECT hash(statement_id) FROM raw_statements "
                         "WHERE contains(lower(text), lower(?))) "
                         "OR contains(lower(speaker), lower(?)))")
            params.extend([filters.text.strip()] * 2)
        return " AND ".join(terms), params

    def filtered(self, filters: Filters, extra: str = "", table: str = "facts"
                 ) -> tuple[str, list]:
        """Give a FROM clause of the filtered facts (and `extra` more conditions), of `table`
        (facts or low_facts, its rows of the lowest hashes)."""
        predicate, params = self.where(filters)
        return f"(SELECT * FROM {table} WHERE {predicate} {extra})", params

    def with_topics(self, source: str) -> str:
        """Give a FROM clause of `source`'s rows once per topic, the topic in `grp`."""
        return (f"(SELECT *, topic AS grp FROM {source} WHERE topic IS NOT NULL UNION ALL "
                f"SELECT f.*, t.topic AS grp FROM {source} f JOIN topic_rows t USING (h))")

    def summary(self) -> dict:
        """Give what the sidebar offers and the Data page counts: statements, articles stored
        and quoted, speakers, outlets and topics (most statements first), first and last date."""
        counts = self.sql("""SELECT (SELECT count(*) FROM facts) AS statements,
                                    (SELECT count(*) FROM article_rows) AS articles,
                                    (SELECT count(DISTINCT aid) FROM facts) AS quoted,
                                    (SELECT min(date) FROM facts) AS first,
                                    (SELECT max(date) FROM facts) AS last""").iloc[0]

        def ranked(source: str, column: str) -> tuple[str, ...]:
            found = self.sql(f"""SELECT {column}::VARCHAR AS value FROM {source}
                                 WHERE {column} <> '' GROUP BY {column}
                                 ORDER BY count(*) DESC, value""")
            return tuple(found["value"])

        return {"statements": int(counts["statements"]), "articles": int(counts["articles"]),
                "quoted": int(counts["quoted"]), "speakers": ranked("facts", "speaker"),
                "outlets": ranked("facts", "outlet"),
                "topics": ranked(self.with_topics("facts"), "grp"),
                "first": date_value(counts["first"]), "last": date_value(counts["last"])}

    def count(self, filters: Filters) -> int:
        """Give how many statements `filters` selects (a tenth of the cost of `totals`; kept:
        every page asks it first, and a sample of the same statements asks again)."""
        return self.remember(("count", filters), lambda: self.size(*self.filtered(filters)))

    def size(self, source: str, params: Sequence = ()) -> int:
        """Give how many rows the FROM clause `source` holds."""
        return int(self.sql(f"SELECT count(*) AS n FROM {source}", params)["n"].iloc[0])

    def remember(self, key: tuple, make: Callable[[], object]):
        """Give what `make` gives, kept under `key` (at most MEMO_ENTRIES kept)."""
        found = self.memo.get(key)  # once: another session's thread may clear the memo
        if found is None:
            if len(self.memo) >= MEMO_ENTRIES:
                self.memo.clear()
            found = self.memo[key] = make()
        return found

    def totals(self, filters: Filters) -> dict:
        """Give statements, speakers (named), articles, undated statements, first and last date
        of the filtered, and their count per label (kept: the label mix reads it)."""
        source, params = self.filtered(filters)
        ask = f"""SELECT count(*) AS statements,
                         count(DISTINCT speaker) FILTER (speaker <> '') AS speakers,
                         coalesce(bit_count(bitstring_agg(aid, 1, {self.articles})), 0)
                             AS articles,
                         count(*) FILTER (date IS NULL) AS undated,
                         min(date) AS first, max(date) AS last, {LABEL_COUNTS} FROM {source}"""
        found = self.remember(("totals", filters), lambda: self.sql(ask, params).iloc[0])
        return found.to_dict()

    def pick(self, source: str, params: Sequence, order: str, limit: int | None,
             columns: Sequence[str] = PICKED) -> pd.DataFrame:
        """Give `columns` of facts of the rows of `source` in `order`, at most `limit`, names
        as text. Only what is asked for is sorted and copied: every column of facts for 5,000
        rows cost 0.7 s at 15 million statements, these 0.06 s."""
        cap = "" if limit is None else f"LIMIT {int(limit)}"
        chosen = ", ".join(f"{c}::VARCHAR AS {c}" if c in NAMED else c for c in columns)
        return self.sql(f"SELECT {chosen} FROM {source} ORDER BY {order} {cap}", params)

    def rows(self, filters: Filters, limit: int | None = None,
             columns: Sequence[str] = VIEW_COLUMNS) -> pd.DataFrame:
        """Give the filtered statements, the latest first (then by id), at most `limit`."""
        source, params = self.filtered(filters)
        order = "date DESC NULLS LAST, statement_id"
        if limit is None:  # every row (a download): read from the parts in one pass
            names = ", ".join(f'"{c}"' for c in columns)
            return self.sql(f"SELECT {names} FROM v WHERE hash(statement_id) IN "
                            f"(SELECT h FROM {source}) ORDER BY {order}", params)
        # The latest `limit` lie in the latest days holding `limit` dated statements: only
        # those days' rows are sorted (sorting 15 million rows for 10,000 took 3.6 s).
        days = self.sql(f"""SELECT day FROM (
                                SELECT day, sum(n) OVER (ORDER BY day DESC) AS running FROM (
                                    SELECT day, count(*) AS n
                                    FROM {source} WHERE day IS NOT NULL GROUP BY 1))
                            WHERE running >= ? ORDER BY day DESC LIMIT 1""", [*params, limit])
        if len(days):
            source = f"(SELECT * FROM {source} WHERE day >= ?)"
            params = [*params, pd.Timestamp(days["day"].iloc[0]).date()]
        return self.full_rows(self.pick(source, params, order, limit), columns)

    def full_rows(self, picked: pd.DataFrame, columns: Sequence[str] = VIEW_COLUMNS
                  ) -> pd.DataFrame:
        """Give the `picked` facts (`pick`) with `columns` of the view, in their order: what
        facts do not hold is read from each row's part by its row number, and the article's."""
        wanted = [c for c in columns if c not in picked.columns and c not in ARTICLE_COLUMNS]
        out = picked.reset_index(drop=True)
        if wanted and len(out):
            reads, params = self.from_parts(out, ", ".join(f'"{c}"' for c in wanted))
            out = out.merge(self.sql(reads, params), on=["file", "row"], how="left")
        if any(c in ARTICLE_COLUMNS for c in columns) and len(out):
            articles = self.sql("SELECT aid, title, section, url FROM article_rows "
                                "WHERE aid IN (SELECT unnest(?::BIGINT[]))",
                                [out["aid"].dropna().astype("int64").unique().tolist()])
            out = out.merge(articles, on="aid", how="left")
        return out.reindex(columns=list(columns))

    def from_parts(self, picked: pd.DataFrame, names: str) -> tuple[str, list]:
        """Give a query of `file`, `row` and `names` (SQL over a part's columns) of the
        `picked` rows (non-empty; `file`, `row`), each read from its part by row number."""
        reads, params = [], []
        for file, rows in picked.groupby("file"):
            reads.append(f"SELECT ? AS file, file_row_number AS row, {names} "
                         "FROM read_parquet(?, file_row_number = true) "
                         "WHERE file_row_number IN (SELECT unnest(?::BIGINT[]))")
            params += [int(file), self.files[int(file)], rows["row"].tolist()]
        return " UNION ALL ".join(reads), params

    def choices(self, column: str, text: str = "", limit: int = 100) -> list[str]:
        """Give the values of `column` (speaker, outlet, topic) holding `text`, most statements
        first (ties alphabetically), at most `limit`: a picker over 100,000 speakers."""
        source = self.with_topics("facts") if column == "topic" else "facts"
        name = "grp" if column == "topic" else GROUPS[column]
        found = self.sql(f"""SELECT {name}::VARCHAR AS value, count(*) AS n FROM {source}
                             WHERE {name} <> '' AND contains(lower({name}), lower(?))
                             GROUP BY {name} ORDER BY n DESC, value LIMIT {int(limit)}""",
                         [text.strip()])
        return found["value"].tolist()

    def article_choices(self, filters: Filters, limit: int) -> pd.DataFrame:
        """Give `id`, `n`, date, source, title of the articles holding the filtered statements,
        the latest first (undated last, then by id), at most `limit`
        (`analytics.articles.article_choices`)."""
        source, params = self.filtered(filters)
        ask = f"""WITH counted AS (SELECT aid, count(*) AS n FROM {source} {{within}} GROUP BY 1)
                  SELECT a.article_id AS id, n, a.date, a.outlet AS source, a.title
                  FROM counted JOIN article_rows a USING (aid)
                  ORDER BY a.date DESC NULLS LAST, id LIMIT {int(limit)}"""
        # The latest `limit` articles holding filtered statements are among the latest
        # 4 * `limit` articles whenever `limit` of those hold one: count those first
        # (counting the statements of a million articles took 0.8 s).
        latest = self.sql(ask.format(within="""WHERE aid IN (
                SELECT aid FROM article_rows ORDER BY date DESC NULLS LAST, article_id
                LIMIT ?)"""), [*params, 4 * int(limit)])
        if len(latest) == limit:
            return latest
        return self.sql(ask.format(within=""), params)

    def flag_counts(self) -> pd.DataFrame:
        """Give `flag`, `articles`: how many stored articles carry each flag (by its name),
        most first."""
        return self.sql("""
            SELECT split_part(flag, '=', 1) AS flag, count(DISTINCT id) AS articles
            FROM (SELECT id, unnest(string_split(coalesce(flags, ''), ';')) AS flag
                  FROM raw_articles)
            WHERE flag <> '' GROUP BY 1 ORDER BY articles DESC, flag""")

    def flagged(self, limit: int) -> pd.DataFrame:
        """Give id, date, source, title, flags of at most `limit` flagged articles, the latest
        first (undated last, then by id)."""
        return self.sql(f"""SELECT id, date::TIMESTAMP AS date, source, title, flags
                            FROM raw_articles WHERE coalesce(flags, '') <> ''
                            ORDER BY date DESC NULLS LAST, id LIMIT {int(limit)}""")

    def article(self, article_id: str) -> tuple[dict | None, pd.DataFrame]:
        """Give one article (with its body) and its statements in text order."""
        found = self.sql("SELECT * FROM raw_articles WHERE id = ? LIMIT 1", [article_id])
        statements = self.sql("SELECT * FROM v WHERE article_id = ? ORDER BY start", [article_id])
        return (found.iloc[0].to_dict() if len(found) else None), statements


def date_value(value) -> dt.date | None:
    """Give a DuckDB date or timestamp as a date (None for a missing one)."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()
