"""The tables a `Query` makes once, in DuckDB's memory, from the store's Parquet parts.

Views over the parts (read where they lie, never copied): `raw_statements` (with each row's
file name and row number), `raw_articles`, `topics`, `mapping` (the settled speaker names),
and `v`, the statements joined to their article with the canonical speaker (the view's
columns, without bodies). Tables:

    article_rows  one row an article without its body, numbered (`aid`), its outlet named once
    facts         every statement's columns a filter, count or series reads (no text, no
                  terms), with its discovered topic, its day and month, its part file and row
    low_facts     the facts of the statements of the lowest hashes (LOW), ordered by hash
    topic_rows    the statements' defined topics
    term_rows     the terms of a fixed sample of the statements (HELD, the lowest hashes),
                  ordered by hash

Speakers, types, outlets, topics, roles, affiliations and mentions are ENUM columns (grouped
as integers, held in a byte or four instead of sixteen) and a statement's article an integer:
joining the parts again on every question cost 1-2 s at 1.5 million statements, grouping
strings 1.7 s at 15 million; the tables answer in tenths. Facts are
ordered by speaker, so a question about a few speakers reads only their stretch of the table
(ten times less time at 15 million). Statements are matched to their topics by a 64-bit hash
of the id (`h`; two ids of a store share one with a chance of about 10^-5 at 15 million
statements), which also orders samples.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from newsquotes.schema import arrow_schema

ARTICLE_SCHEMA, STATEMENT_SCHEMA, TOPIC_SCHEMA = (
    arrow_schema(table) for table in ("articles", "statements", "topics"))

MAPPING_SCHEMA = pa.schema([(c, pa.string()) for c in (
    "article_id", "speaker", "speaker_type", "canonical", "canonical_type")])
ALL = 2**64 - 1  # the highest hash
# What `facts` holds of each statement (besides h, file, row, aid and topic): what filters,
# counts, series and profiles read; the view's other columns are read from the parts.
FACT_COLUMNS = ["statement_id", "start", "speaker", "speaker_type",
                "speaker_mention", "role", "affiliation", "kind", "label", "compound", "date",
                "outlet"]
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
    SELECT row_number() OVER () AS aid, a.id AS article_id, a.date::TIMESTAMP AS date,
           coalesce(o.outlet, '') AS outlet, a.title, a.section, a.url
    FROM raw_articles a LEFT JOIN ({_OUTLETS}) o
      ON o.key = lower(regexp_replace(trim(coalesce(a.source, '')), '\\s+', ' ', 'g'))
"""
_MAPPING = """
    CREATE TEMP TABLE mapping_rows AS
    SELECT article_id, speaker, speaker_type, first(canonical) AS canonical,
           first(canonical_type) AS canonical_type FROM mapping GROUP BY ALL
"""
_VIEW = """
    SELECT s.* EXCLUDE (filename, file_row_number)
               REPLACE (coalesce(m.canonical, s.speaker) AS speaker,
                        coalesce(m.canonical_type, s.speaker_type) AS speaker_type),
           a.date, a.outlet, a.title, a.section, a.url
    FROM raw_statements s
    LEFT JOIN mapping_rows m
      ON m.article_id = s.article_id AND m.speaker = coalesce(s.speaker, '')
         AND m.speaker_type = coalesce(s.speaker_type, '')
    LEFT JOIN article_rows a ON a.article_id = s.article_id
"""
_TYPES = """
    CREATE TYPE speaker_name AS ENUM (
        SELECT DISTINCT coalesce(speaker, '') FROM raw_statements
        UNION SELECT canonical FROM mapping_rows WHERE canonical IS NOT NULL);
    CREATE TYPE type_name AS ENUM (
        SELECT DISTINCT speaker_type FROM raw_statements WHERE speaker_type IS NOT NULL
        UNION SELECT canonical_type FROM mapping_rows WHERE canonical_type IS NOT NULL);
    CREATE TYPE outlet_name AS ENUM (SELECT DISTINCT outlet FROM article_rows);
    CREATE TYPE topic_name AS ENUM (
        SELECT DISTINCT topic FROM topics WHERE coalesce(topic, '') <> '');
    CREATE TYPE kind_name AS ENUM (SELECT DISTINCT kind FROM raw_statements
                                   WHERE kind IS NOT NULL);
    CREATE TYPE label_name AS ENUM (SELECT DISTINCT label FROM raw_statements
                                    WHERE label IS NOT NULL);
    CREATE TYPE role_name AS ENUM (SELECT DISTINCT role FROM raw_statements
                                   WHERE role IS NOT NULL);
    CREATE TYPE affiliation_name AS ENUM (SELECT DISTINCT affiliation FROM raw_statements
                                          WHERE affiliation IS NOT NULL);
    CREATE TYPE mention_name AS ENUM (SELECT DISTINCT speaker_mention FROM raw_statements
                                      WHERE speaker_mention IS NOT NULL)
"""
# The columns of facts made below, not taken as the part holds them.
_MADE = ("speaker", "speaker_type", "date", "outlet", "kind", "label", "role", "affiliation",
         "speaker_mention")
_FACTS = f"""
    CREATE TEMP TABLE facts AS
    WITH discovered AS (SELECT hash(statement_id) AS h, min(topic) AS topic FROM topics
                        WHERE topic_kind = 'discovered' AND coalesce(topic, '') <> ''
                        GROUP BY 1)
    SELECT hash(s.statement_id) AS h, f.file, s.file_row_number AS row, a.aid,
           {", ".join(f"s.{c}" for c in FACT_COLUMNS if c not in _MADE)},
           coalesce(m.canonical, s.speaker, '')::speaker_name AS speaker,
           coalesce(m.canonical_type, s.speaker_type)::type_name AS speaker_type,
           a.date, a.date::DATE AS day, date_trunc('month', a.date)::DATE AS month,
           coalesce(a.outlet, '')::outlet_name AS outlet,
           d.topic::topic_name AS topic, s.kind::kind_name AS kind,
           s.label::label_name AS label, s.role::role_name AS role,
           s.affiliation::affiliation_name AS affiliation,
           s.speaker_mention::mention_name AS speaker_mention
    FROM raw_statements s
    JOIN files f ON f.filename = s.filename
    LEFT JOIN mapping_rows m
      ON m.article_id = s.article_id AND m.speaker = coalesce(s.speaker, '')
         AND m.speaker_type = coalesce(s.speaker_type, '')
    LEFT JOIN article_rows a ON a.article_id = s.article_id
    LEFT JOIN discovered d ON d.h = hash(s.statement_id)
    ORDER BY speaker
"""
# The terms of the statements of the lowest hashes, at most HELD of them, are held in memory
# (`term_rows`): a sample of the filtered statements (the lowest hashes, `measures.sample`)
# lies among them whenever the filtered are more than a few hundred thousand, so a word cloud
# of most of fifteen million statements counts terms in memory instead of reading parts.
# Ordered by hash, so the terms of a sample (the lowest hashes) lie in one stretch of the
# table, the only one read (the 20,000 of a wide filter: 0.01 s instead of 0.08 s at 15
# million).
HELD = 2_000_000
_HELD_TERMS = """
    CREATE TEMP TABLE held_terms AS
    SELECT hash(statement_id) AS h, unnest(terms) AS term FROM raw_statements
    WHERE hash(statement_id) <= {cut}::UBIGINT;
    CREATE TYPE term_name AS ENUM (SELECT DISTINCT term FROM held_terms WHERE term IS NOT NULL);
    CREATE TEMP TABLE term_rows AS
    SELECT h, term::term_name AS term FROM held_terms WHERE term IS NOT NULL ORDER BY h;
    DROP TABLE held_terms
"""
# The facts of the statements of the lowest hashes, at most LOW of them, are copied in hash
# order (`low_facts`, a thirtieth of facts at 15 million statements): the sample of a filter
# selecting more than 2 * SAMPLE * statements / LOW of them (`measures.sample`) lies among
# them, so it is picked from one stretch of that table instead of all of facts (0.02-0.03 s
# against 0.08-0.15 s at 15 million, on a busy machine). A store of fewer statements reads
# facts.
LOW = 500_000
_LOW_FACTS = """
    CREATE TEMP TABLE low_facts AS SELECT * FROM facts WHERE h <= {cut}::UBIGINT ORDER BY h
"""
_TOPIC_ROWS = """
    CREATE TEMP TABLE topic_rows AS
    SELECT DISTINCT hash(statement_id) AS h, topic::topic_name AS topic FROM topics
    WHERE topic_kind <> 'discovered' AND coalesce(topic, '') <> ''
"""


def parts_view(con: duckdb.DuckDBPyConnection, name: str, paths: Sequence[Path],
           schema: pa.Schema, numbered: bool = False) -> None:
    """Make view `name` over the Parquet files `paths` (an empty table of `schema` if none),
    `numbered`: with each row's file name and row number in its file."""
    if paths:
        con.read_parquet([str(p) for p in paths], union_by_name=True, filename=numbered,
                         file_row_number=numbered).create_view(name)
        return
    if numbered:
        schema = schema.append(pa.field("filename", pa.string())).append(
            pa.field("file_row_number", pa.int64()))
    con.register(name, schema.empty_table())


def make_tables(con: duckdb.DuckDBPyConnection, statements: Sequence[Path],
                articles: Sequence[Path], topics: Sequence[Path] = (),
                speakers: Sequence[Path] = ()) -> tuple[int, int, int]:
    """Make the views and tables over the parts; give the number of articles (the highest
    `aid`), the highest hash whose terms are held (`term_rows`) and the highest whose facts
    `low_facts` copies (0: none)."""
    parts_view(con, "raw_statements", statements, STATEMENT_SCHEMA, numbered=True)
    parts_view(con, "raw_articles", articles, ARTICLE_SCHEMA)
    parts_view(con, "topics", topics, TOPIC_SCHEMA)
    parts_view(con, "mapping", list(speakers), MAPPING_SCHEMA)
    con.register("files", pd.DataFrame({"file": range(len(statements)),
                                        "filename": [str(p) for p in statements]}))
    for statement in (_ARTICLES, _MAPPING, f"CREATE TEMP VIEW v AS {_VIEW}", _TYPES, _FACTS,
                      _TOPIC_ROWS):
        con.execute(statement)
    count = con.execute("SELECT (SELECT count(*) FROM article_rows), "
                        "(SELECT count(*) FROM facts)").fetchone()
    cut = ALL if count[1] <= HELD else int(ALL * HELD / count[1])
    con.execute(_HELD_TERMS.format(cut=cut))
    low = int(ALL * LOW / count[1]) if count[1] > LOW else 0
    con.execute(_LOW_FACTS.format(cut=low))
    return max(1, int(count[0])), cut, low
