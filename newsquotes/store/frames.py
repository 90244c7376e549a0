"""The stored corpus as DataFrames: articles made from records, and statements joined to them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from newsquotes import schema
from newsquotes.records import Article
from newsquotes.schema import VIEW_COLUMNS

# pandas keeps dates as nanoseconds since 1970, which reach from 1677-09-21 to 2262-04-11.
FIRST_DAY, LAST_DAY = dt.date(1677, 9, 22), dt.date(2262, 4, 11)
DATE_FLAG = "date_out_of_range"


def _stored(article: Article) -> dict:
    d = article.to_dict()
    flags = list(article.flags)
    if article.date is not None and not FIRST_DAY <= article.date <= LAST_DAY:
        d["date"] = None  # kept, flagged: one odd date must not fail its batch
        flags += [DATE_FLAG, "no_date"] if "no_date" not in flags else [DATE_FLAG]
    d["flags"] = ";".join(flags)
    return d


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Give articles as a DataFrame in schema.ARTICLE_COLUMNS (flags ";"-joined; a date
    outside 1677-2262 left empty and flagged `date_out_of_range`)."""
    rows = [_stored(a) for a in articles]
    if not rows:
        return schema.empty_frame("articles")
    return schema.typed(pd.DataFrame(rows, columns=schema.ARTICLE_COLUMNS), "articles")


@dataclass(frozen=True)
class Corpus:
    """A stored corpus as DataFrames."""

    articles: pd.DataFrame
    statements: pd.DataFrame
    topics: pd.DataFrame

    def view(self) -> pd.DataFrame:
        """Give the statements joined to their article (schema.VIEW_COLUMNS), one outlet name
        per outlet (`outlet_names`), on a RangeIndex (row i is the i-th statement)."""
        joined = self.articles[["id", "date", "source", "title", "section", "url"]].rename(
            columns={"id": "article_id", "source": "outlet"})
        joined["outlet"] = outlet_names(joined["outlet"])
        view = self.statements.merge(joined, on="article_id", how="left", validate="many_to_one")
        return view[VIEW_COLUMNS].reset_index(drop=True)


def outlet_names(sources: pd.Series) -> pd.Series:
    """Give `sources` with one display name per outlet: spellings that differ only in case or
    spacing ("MERIDIAN WIRE", "Meridian  Wire") become the one written in mixed case, else the
    commonest (ties: alphabetical). Empty stays empty."""
    tidy = sources.fillna("").astype(str).str.split().str.join(" ")
    key = tidy.str.casefold()
    spellings = pd.DataFrame({"key": key, "name": tidy})[tidy != ""].value_counts().reset_index()
    # An outlet set in capitals (or lower case) is a headline or byline style, not its name.
    names = spellings["name"]
    spellings["plain"] = (names.str.upper() == names) | (names.str.lower() == names)
    best = spellings.sort_values(["key", "plain", "count", "name"],
                                 ascending=[True, True, False, True]).drop_duplicates("key")
    return key.map(best.set_index("key")["name"]).fillna("").astype(tidy.dtype).rename(
        sources.name)
