"""Which articles the Articles page offers: those holding the filtered statements, the latest
first, each with a label saying when, where and how many statements it holds."""

from __future__ import annotations

import pandas as pd

from newsquotes.analytics.export import without_controls

MAX_PICK = 500


def article_choices(
    articles: pd.DataFrame, statement_articles: pd.Series, limit: int = MAX_PICK
) -> pd.DataFrame:
    """Give `id`, `n` (statements held), `label` of the articles named in `statement_articles`,
    the latest first (undated last, then by id), at most `limit` of them.

    Latest first, not most statements first: opening on the article of most statements made
    every visit of the page draw the largest article of the corpus (10,000 marks: 17-38 s).
    `articles` needs id, date, source, title.
    """
    held = statement_articles.value_counts().rename_axis("id").reset_index(name="n")
    rows = held.merge(articles[["id", "date", "source", "title"]], on="id", how="left")
    rows = rows.sort_values(["date", "id"], ascending=[False, True], na_position="last",
                            kind="stable").head(limit)
    return rows.assign(label=choice_labels(rows))[["id", "n", "label"]].reset_index(drop=True)


def choice_labels(rows: pd.DataFrame) -> pd.Series:
    """Give "YYYY-MM-DD · outlet · title (n)" per row of id, date, source, title, n."""
    title = without_controls(rows["title"]).set_axis(rows.index)
    source = without_controls(rows["source"]).set_axis(rows.index)
    return (rows["date"].dt.strftime("%Y-%m-%d").fillna("no date") + " · "
            + source.where(source != "", "unknown outlet") + " · "
            + title.where(title != "", rows["id"].astype(str))
            + " (" + rows["n"].astype(str) + ")")
