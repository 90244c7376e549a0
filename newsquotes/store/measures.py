"""What the pages draw, asked of a `Query`: counts, tone summaries, boxes, series, keyword
counts and distinctive terms, speaker profiles and the extremes of tone, each aggregated in
DuckDB over the filtered `facts` and equal to the pandas function it names (tests compare them).

Terms are read from the parts: over more than SAMPLE filtered statements they are counted on
a fixed sample of SAMPLE of them (the same statements for the same filters, by a hash of the
id), so a word cloud of fifteen million statements costs what one of SAMPLE does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from newsquotes.analytics.aggregates import EXTREME_COLUMNS, QUARTILE_COLUMNS
from newsquotes.analytics.filters import Filters
from newsquotes.analytics.keywords import MIN_BIGRAM_STATEMENTS, log_odds
from newsquotes.analytics.profiles import PROFILE_COLUMNS, aliases_of
from newsquotes.analytics.sentiment import LABELS
from newsquotes.analytics.timeseries import t_interval
from newsquotes.schema import KINDS
from newsquotes.store.query import GROUPS, LABEL_COUNTS, Query

# freq (timeseries.PERIODS) -> DuckDB's date_trunc part; weeks start on Monday in both.
TRUNC = {"D": "day", "W": "week", "MS": "month", "M": "month", "ME": "month"}
# date_trunc part -> a statement's period in facts, whose day and month are columns
# (truncating every row's date cost three times as much at 15 million statements).
PERIOD = {"day": "day", "week": "date_trunc('week', day)", "month": "month"}
SAMPLE = 20_000
# A count per kind of statement, as SQL select items (a sum of 0/1, as `LABEL_COUNTS`), and
# the sums of such counts over groups of them.
KIND_COUNTS = ", ".join(f"coalesce(sum((kind = '{kind}')::INTEGER), 0)::BIGINT AS {kind}"
                        for kind in KINDS)
KIND_SUMS = ", ".join(f"coalesce(sum({kind}), 0)::BIGINT AS {kind}" for kind in KINDS)
POINT_COLUMNS = ["statement_id", "date", "outlet", "speaker", "compound", "label", "text"]


def _grouped(q: Query, filters: Filters, by: str) -> tuple[str, list]:
    """Give a FROM clause of the filtered statements with their group in `grp`."""
    source, params = q.filtered(filters)
    if by == "topic":
        return q.with_topics(source), [*params, *params]  # the source is read twice
    return f"(SELECT *, {GROUPS[by]} AS grp FROM {source} WHERE {GROUPS[by]} <> '')", params


def sentiment_summary(q: Query, filters: Filters, by: str, top: int | None = None,
                      level: float = 0.95) -> pd.DataFrame:
    """Give `aggregates.sentiment_summary` of the filtered statements by `by`, top first."""
    source, params = _grouped(q, filters, by)
    cap = "" if top is None else f"LIMIT {int(top)}"
    out = q.sql(f"""SELECT grp::VARCHAR AS "{by}", count(compound) AS statements,
                              avg(compound) AS mean, stddev_samp(compound) AS sd, {LABEL_COUNTS}
                       FROM {source} GROUP BY grp ORDER BY statements DESC, grp::VARCHAR {cap}""",
                   params)
    out["low"], out["high"] = t_interval(out["mean"], out["sd"], out["statements"], level)
    return out[[by, "statements", "mean", "low", "high", *LABELS]].astype(
        {"statements": "int64", **{label: "int64" for label in LABELS}})


def label_counts(q: Query, filters: Filters) -> pd.DataFrame:
    """Give `label`, `statements` in label order (`aggregates.label_counts`)."""
    totals = q.totals(filters)  # counted with the totals every page asks first
    return pd.DataFrame({"label": list(LABELS),
                         "statements": [int(totals[label]) for label in LABELS]})


def kind_counts(q: Query, filters: Filters, top: int = 25) -> pd.DataFrame:
    """Give speaker and a count per kind, most statements first (`aggregates.kind_counts`)."""
    source, params = _grouped(q, filters, "speaker")
    # One row a speaker (its ENUM grouped, named after), a sum of 0/1 a kind: counting per
    # speaker and kind took half as long again at 15 million statements, one count(*) FILTER
    # a kind twice as long, grouping by the names as text three times as long.
    return q.sql(f"""SELECT grp::VARCHAR AS speaker, {", ".join(KINDS)}
                     FROM (SELECT grp, count(*) AS n, {KIND_COUNTS} FROM {source} GROUP BY grp)
                     ORDER BY n DESC, speaker LIMIT {int(top)}""", params)


def top_speakers(q: Query, filters: Filters, top: int) -> list[str]:
    """Give the `top` speakers of the filtered statements in `kind_counts`' order (most
    statements first, ties by name), for a picker: one count a speaker, not one a kind."""
    source, params = _grouped(q, filters, "speaker")
    return q.sql(f"""SELECT grp::VARCHAR AS speaker FROM {source} GROUP BY grp
                     ORDER BY count(*) DESC, grp::VARCHAR LIMIT {int(top)}""",
                 params)["speaker"].tolist()


def quartiles(q: Query, filters: Filters, speakers: Sequence[str]) -> pd.DataFrame:
    """Give `aggregates.quartiles` of the compound scores of `speakers` (five numbers each)."""
    source, params = q.filtered(filters, "AND list_contains(?, speaker) "
                                             "AND compound IS NOT NULL")
    # Each speaker's scores come as (score, how many): VADER's four decimals leave at most
    # 20,001 of them a speaker, so the box is worked out exactly without sorting every score
    # (two passes of quantiles and fences took 0.7 s at 15 million statements).
    # Grouped by the speaker's ENUM and named after (as in `kind_counts`).
    counts = q.sql(f"""SELECT speaker::VARCHAR AS speaker, compound, n
                       FROM (SELECT speaker, compound, count(*) AS n FROM {source} GROUP BY ALL)""",
                   [*params, list(speakers)])
    values, times = counts["compound"].to_numpy(float), counts["n"].to_numpy("int64")
    boxes = []
    for name, rows in sorted(counts.groupby("speaker").indices.items()):
        rows = rows[np.argsort(values[rows])]
        boxes.append((name, *_box(values[rows], times[rows])))
    return pd.DataFrame(boxes, columns=["speaker", *QUARTILE_COLUMNS])


def _box(values: np.ndarray, counts: np.ndarray) -> tuple:
    """Give statements, q1, median, q3, the fences and the mean of the scores `values`
    (sorted, distinct) held `counts` times each."""
    n = int(counts.sum())
    ends = np.cumsum(counts)

    def quantile(share: float) -> float:  # linear interpolation, as numpy's default
        position = (n - 1) * share
        low = int(np.floor(position))
        below, above = values[np.searchsorted(ends, [low, min(low + 1, n - 1)], side="right")]
        return below + (above - below) * (position - low)

    q1, median, q3 = quantile(0.25), quantile(0.5), quantile(0.75)
    reach = 1.5 * (q3 - q1)
    inside = values[(values >= q1 - reach) & (values <= q3 + reach)]
    return n, q1, median, q3, inside.min(), inside.max(), float(values @ counts) / n


def counts_over_time(q: Query, filters: Filters, by: str, freq: str,
                     top: int = 8) -> pd.DataFrame:
    """Give `period`, `group`, `statements` of the `top` groups, 0 in empty periods
    (`aggregates.top_groups` of `timeseries.counts_over_time` of the statements with a
    `by`; the span of periods is that of those statements, of all of them by topic)."""
    source, params = _grouped(q, filters, by)
    trunc = TRUNC[freq]
    span = f"""date_trunc('{trunc}', min(day))::TIMESTAMP AS lo,
               date_trunc('{trunc}', max(day))::TIMESTAMP AS hi"""
    groups = q.sql(f"""SELECT grp::VARCHAR AS grp, count(*) AS n, {span} FROM {source}
                       WHERE day IS NOT NULL GROUP BY grp""", params)
    best = groups.sort_values(["n", "grp"], ascending=[False, True]).head(int(top))
    if best.empty:
        return _full_grid(pd.DataFrame({"group": [], "period": [], "statements": []}), freq,
                          "statements")
    if by == "topic":  # the span of every filtered statement, with a topic or not
        every, every_params = q.filtered(filters)
        groups = q.sql(f"SELECT {span} FROM {every}", every_params)
    counts = q.sql(f"""SELECT grp::VARCHAR AS "group", p::TIMESTAMP AS period, n AS statements
                       FROM (SELECT grp, {PERIOD[TRUNC[freq]]} AS p, count(*) AS n FROM {source}
                             WHERE day IS NOT NULL AND list_contains(?, grp) GROUP BY ALL)""",
                   [*params, best["grp"].tolist()])
    ends = pd.DataFrame({"group": None, "period": [groups["lo"].min(), groups["hi"].max()],
                         "statements": 0})
    return _full_grid(pd.concat([counts, ends], ignore_index=True), freq, "statements")


def tone_over_time(q: Query, filters: Filters, freq: str, level: float = 0.95) -> pd.DataFrame:
    """Give `timeseries.sentiment_over_time` of the filtered statements."""
    source, params = q.filtered(filters, "AND date IS NOT NULL")
    out = q.sql(f"""SELECT p::TIMESTAMP AS period, n, mean, sd FROM (
                        SELECT {PERIOD[TRUNC[freq]]} AS p, count(compound) AS n,
                               avg(compound) AS mean, stddev_samp(compound) AS sd
                        FROM {source} GROUP BY 1) ORDER BY 1""", params)
    if out.empty:
        return pd.DataFrame(columns=["period", "mean", "low", "high", "n"])
    periods = _periods(out["period"], freq)
    out = out.set_index("period").reindex(periods).rename_axis("period").reset_index()
    out["n"] = out["n"].fillna(0)
    out["low"], out["high"] = t_interval(out["mean"], out["sd"], out["n"], level)
    return out[["period", "mean", "low", "high", "n"]].astype(
        {"period": "datetime64[us]", "n": "int64"})


def articles_over_time(q: Query, filters: Filters, freq: str) -> pd.DataFrame:
    """Give `period`, `articles`: the articles holding the filtered statements per period."""
    source, params = q.filtered(filters, "AND date IS NOT NULL")
    # The articles holding them as bits (article k is bit k - 1), then each article counted
    # in its own period: counting distinct articles per period took five times as long at 15
    # million statements.
    counts = q.sql(f"""
        WITH quoted AS (SELECT bitstring_agg(aid, 1, {q.articles}) AS bits FROM {source})
        SELECT date_trunc('{TRUNC[freq]}', a.date)::TIMESTAMP AS period, count(*) AS articles
        FROM article_rows a, quoted
        WHERE a.date IS NOT NULL AND get_bit(quoted.bits, (a.aid - 1)::INTEGER) = 1
        GROUP BY 1""", params)
    if counts.empty:
        return pd.DataFrame(columns=["period", "articles"])
    periods = _periods(counts["period"], freq)
    found = counts.set_index("period")["articles"].reindex(periods, fill_value=0)
    return pd.DataFrame({"period": periods, "articles": found.to_numpy("int64")}).astype(
        {"period": "datetime64[us]"})


def _in_group(group: tuple[str, str] | None) -> tuple[str, list]:
    """Give the extra condition selecting the statements of `group` ("speaker"|"topic", name),
    and its values."""
    if group is None:
        return "", []
    kind, name = group
    if kind == "speaker":
        return "AND speaker = ?", [name]
    return ("AND ((topic IS NOT NULL AND topic = ?) "
            "OR h IN (SELECT h FROM topic_rows WHERE topic = ?))", [name, name])


def sample(q: Query, filters: Filters, group: tuple[str, str] | None = None,
           size: int | None = None,
           columns: Sequence[str] = ("statement_id", "file", "row")) -> tuple[pd.DataFrame, int]:
    """Give `columns` of at most `size` of the filtered statements (of `group`) and how many
    there are: all of them when they are fewer, else a fixed sample (the lowest hashes of
    their ids)."""
    size = size or SAMPLE
    extra, values = _in_group(group)
    source, params = q.filtered(filters, extra)
    params = [*params, *values]
    total = q.count(filters) if group is None else q.size(source, params)
    every = source
    if total > size:
        # Only ids hashed below about twice the sample's share of 2^64 are sorted, not all;
        # below q.low they are all in low_facts, in one stretch of it.
        cut = min(2**64 - 1, int(2**64 * 2 * size / total))
        if cut <= q.low:
            source = q.filtered(filters, extra, "low_facts")[0]
        source = f"(SELECT * FROM {source} WHERE h < {cut}::UBIGINT)"
    found = q.pick(source, params, "h, statement_id", size, columns)
    if len(found) < min(size, total):  # the cut kept too few (a skewed hash): sort them all
        found = q.pick(every, params, "h, statement_id", size, columns)
    return found, total


def term_counts(q: Query, picked: pd.DataFrame) -> pd.DataFrame:
    """Give `term`, `n` (uses), `s` (statements using it) over the `picked` statements (`h`,
    `file`, `row`): the terms of held ones from memory, of others read from their parts by row
    number, counted in DuckDB."""
    held = picked["h"].to_numpy(dtype="uint64") <= np.uint64(q.cut)
    found = []
    if held.any():
        # term_rows is ordered by h: the join reads only the stretch between the lowest and
        # the highest hash picked (a sample's hashes are the lowest: a tenth of the table).
        found.append(q.sql("""SELECT term::VARCHAR AS term, count(*) AS n, count(DISTINCT h) AS s
                              FROM term_rows WHERE h IN (SELECT h FROM picked)
                              GROUP BY term""", frames={"picked": picked.loc[held, ["h"]]}))
    if not held.all():
        reads, params = q.from_parts(picked[~held], "unnest(terms) AS term")
        found.append(q.sql(f"""SELECT term, count(*) AS n, count(DISTINCT (file, row)) AS s
                               FROM ({reads}) GROUP BY term""", params))
    if not found:
        return pd.DataFrame({"term": pd.Series(dtype=str), "n": pd.Series(dtype="int64"),
                             "s": pd.Series(dtype="int64")})
    if len(found) == 1:
        return found[0]
    return pd.concat(found, ignore_index=True).groupby("term", as_index=False)[["n", "s"]].sum()


def _sampled_terms(q: Query, filters: Filters, group: tuple[str, str] | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Give the sample of the filtered statements (of `group`; `sample`, with speaker, topic
    and h), its `term_counts` and how many statements it is drawn from, kept on the Query per
    filters and group: a group's cloud and its distinctive terms, and every group's
    distinctive terms against the filtered statements, read each sample once."""
    if group is not None and group[0] == "speaker" and filters.speakers == (group[1],):
        group = None  # the speaker the filters chose: the group is every filtered statement
    def make() -> tuple[pd.DataFrame, pd.DataFrame, int]:
        picked, total = sample(q, filters, group, columns=("statement_id", "file", "row", "h",
                                                           "speaker", "topic"))
        return picked, term_counts(q, picked), total

    return q.remember(("sampled_terms", filters, group), make)


def _in_sample(q: Query, picked: pd.DataFrame, group: tuple[str, str]) -> pd.Series:
    """Give True for the `picked` statements of `group` ("speaker"|"topic", name)."""
    kind, name = group
    if kind == "speaker":
        return picked["speaker"] == name
    defined = q.sql("SELECT h FROM topic_rows WHERE topic = ? AND h IN (SELECT h FROM picked)",
                    [name], frames={"picked": picked[["h"]]})["h"]
    return (picked["topic"] == name) | picked["h"].isin(defined)


def keyword_counts(q: Query, filters: Filters, group: tuple[str, str] | None = None,
                   top: int = 150) -> dict[str, float]:
    """Give term -> count of the filtered statements (of `group`), most first
    (`keywords.frequencies`: a bigram counts only where it recurs in MIN_BIGRAM_STATEMENTS
    statements or more); over SAMPLE statements, counted on the sample (`sample`)."""
    found = _sampled_terms(q, filters, group)[1]
    found = found[~found["term"].str.contains(" ") | (found["s"] >= MIN_BIGRAM_STATEMENTS)]
    found = found.sort_values(["n", "term"], ascending=[False, True]).head(top)
    return dict(zip(found["term"], found["n"].astype(float), strict=True))


def distinctive(q: Query, filters: Filters, group: tuple[str, str],
                min_count: int = 2) -> pd.DataFrame:
    """Give the terms that set `group` apart from the other filtered statements, z > 0
    (`keywords.distinctive_terms`): the group counted on its sample, the others on the
    filtered statements' sample less the group's statements in it."""
    _, mine, held = _sampled_terms(q, filters, group)
    mine = mine.set_index("term")
    picked, every, total = _sampled_terms(q, filters)
    if held == total:
        others = mine.iloc[0:0]  # the group is every filtered statement: there are no others
    else:
        theirs = term_counts(q, picked[_in_sample(q, picked, group)]).set_index("term")
        others = every.set_index("term").sub(theirs, fill_value=0)
    both = mine.merge(others[others["n"] > 0], left_index=True, right_index=True,
                      how="outer", suffixes=("_a", "_b")).fillna(0)
    both = both[~both.index.str.contains(" ")
                | (both["s_a"] + both["s_b"] >= MIN_BIGRAM_STATEMENTS)].sort_index()
    terms = log_odds(both.index.tolist(), both["n_a"].to_numpy(float),
                     both["n_b"].to_numpy(float), min_count)
    return terms[terms["z"] > 0].reset_index(drop=True)


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


def day_counts(q: Query, filters: Filters) -> pd.Series:
    """Give the filtered dated statements counted per day (index: the days, sorted), what
    `timeseries.span_of_days` and `choose_freq` read."""
    source, params = q.filtered(filters, "AND date IS NOT NULL")
    found = q.sql(f"SELECT day::TIMESTAMP AS day, n FROM (SELECT day, count(*) AS n "
                  f"FROM {source} GROUP BY 1) ORDER BY 1", params)
    return pd.Series(found["n"].to_numpy("int64"),
                     index=pd.DatetimeIndex(found["day"]).astype("datetime64[us]"), name="n")


def profile(q: Query, filters: Filters, speaker: str) -> dict:
    """Give `profiles.speaker_profiles`'s row of `speaker` over the filtered statements ({} when
    the speaker says nothing there)."""
    source, params = q.filtered(filters, "AND speaker = ?")
    # The counts, and the statements per type, role, affiliation and mention (`level` says
    # which: 15 for all of them, else the one column grouped has its bit clear), summed from
    # one pass that counts each (type, role, affiliation, mention): grouping sets over the
    # statements themselves read them five times (0.11 s against 0.075 s for 1.8 million).
    found = q.sql(f"""WITH counted AS (
                          SELECT speaker_type, role, affiliation, speaker_mention,
                                 count(*) AS statements, min(date) AS first_quoted,
                                 max(date) AS last_quoted, {KIND_COUNTS}
                          FROM {source} GROUP BY ALL)
                      SELECT speaker_type::VARCHAR AS speaker_type, role::VARCHAR AS role,
                             affiliation::VARCHAR AS affiliation,
                             speaker_mention::VARCHAR AS speaker_mention,
                             coalesce(sum(statements), 0)::BIGINT AS statements,
                             min(first_quoted) AS first_quoted, max(last_quoted) AS last_quoted,
                             {KIND_SUMS},
                             GROUPING(speaker_type, role, affiliation, speaker_mention) AS level
                      FROM counted
                      GROUP BY GROUPING SETS ((), (speaker_type), (role), (affiliation),
                                              (speaker_mention))""", [*params, speaker])
    every = found[found["level"] == 15].iloc[0]
    if not speaker or int(every["statements"]) == 0:
        return {}
    out = every.to_dict()
    for column, level in (("speaker_type", 7), ("role", 11), ("affiliation", 13)):
        values = found[(found["level"] == level) & (found[column].fillna("") != "")]
        values = values.sort_values(["statements", column], ascending=[False, True])
        out[column] = str(values[column].iloc[0]) if len(values) else ""
    mentions = found.loc[found["level"] == 14, "speaker_mention"].dropna()
    out.update(speaker=speaker, aliases=aliases_of(speaker, mentions))
    return {column: out[column] for column in PROFILE_COLUMNS}


def points(q: Query, filters: Filters, speakers: Sequence[str], limit: int
           ) -> tuple[pd.DataFrame, int]:
    """Give the filtered statements of `speakers` (at most `limit`, a fixed sample past it:
    statement_id, date, outlet, speaker, compound, label, text) and how many there are."""
    picked, total = sample(q, replace(filters, speakers=tuple(speakers)), size=limit,
                           columns=["statement_id", "file", "row", *POINT_COLUMNS[1:-1]])
    return q.full_rows(picked, POINT_COLUMNS), total


def extremes(q: Query, filters: Filters, n: int = 3) -> pd.DataFrame:
    """Give `aggregates.extremes` of the filtered statements: the `n` most positive of the
    positive ones and the `n` most negative of the negative ones (ties: lower id first)."""
    parts = []
    for side, order in (("positive", "DESC"), ("negative", "ASC")):
        source, params = q.filtered(filters, "AND label = ?")
        picked = q.pick(source, [*params, side], f"compound {order}, statement_id", n)
        rows = q.full_rows(picked, ["statement_id", "speaker", "text", "compound"])
        parts.append(rows.assign(side=side, rank=range(1, len(rows) + 1)))
    return pd.concat(parts, ignore_index=True)[EXTREME_COLUMNS]
