"""The corpus's speakers as a user reads them: statements, type and the spellings merged in."""

from __future__ import annotations

import pandas as pd

LISTING_COLUMNS = ["speaker", "type", "statements", "articles", "spellings"]


def speaker_listing(settled: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """Give one row per canonical speaker of a settled names table, the most quoted first:
    its type, statements, articles and the other spellings merged into it (most used first)."""
    named = settled[settled["canonical"].fillna("") != ""]
    if named.empty:
        return pd.DataFrame(columns=LISTING_COLUMNS)
    by = named.groupby("canonical", sort=False)
    table = pd.DataFrame({
        "type": by["canonical_type"].agg(lambda t: t.mode().iat[0] if len(t) else ""),
        "statements": by["statements"].sum(),
        "articles": by["article_id"].nunique(),
    })
    forms = named.groupby(["canonical", "speaker"])["statements"].sum().reset_index()
    forms = forms[forms["speaker"] != forms["canonical"]].sort_values(
        ["statements", "speaker"], ascending=[False, True])
    table["spellings"] = forms.groupby("canonical")["speaker"].agg(list).reindex(table.index)
    table["spellings"] = table["spellings"].map(lambda v: v if isinstance(v, list) else [])
    table = table.rename_axis("speaker").reset_index()
    table = table.sort_values(["statements", "speaker"], ascending=[False, True])
    return table.head(limit).reset_index(drop=True)[LISTING_COLUMNS] if limit else \
        table.reset_index(drop=True)[LISTING_COLUMNS]


def listing_text(table: pd.DataFrame, spellings: int = 6) -> str:
    """Give the listing as aligned lines: rank, statements, articles, type, name, spellings."""
    lines = [f"{'#':>4} {'stmts':>6} {'arts':>5}  {'type':12} speaker  [spellings merged in]"]
    for rank, row in enumerate(table.itertuples(index=False), 1):
        more = row.spellings[:spellings] + (["..."] if len(row.spellings) > spellings else [])
        shown = f"  [{'; '.join(more)}]" if more else ""
        lines.append(f"{rank:>4} {row.statements:>6} {row.articles:>5}  {row.type or '-':12} "
                     f"{row.speaker}{shown}")
    return "\n".join(lines)
