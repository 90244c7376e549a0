"""The Articles page's choices: articles holding statements, the latest first, labelled."""

import pandas as pd

from newsquotes.analytics.articles import article_choices

ARTICLES = pd.DataFrame({
    "id": ["a", "b", "c", "d", "e"],
    "date": pd.to_datetime(["2025-01-02", None, "2025-03-01", "2025-03-01", "2024-12-31"]),
    "source": ["Reuters", "", "AP", "AP", "BBC"],
    "title": ["Gas", "Undated", "", "Rail", "Old"],
})


def test_latest_first_undated_last_ties_by_id_only_articles_with_statements():
    held = pd.Series(["a", "b", "b", "c", "d", "d", "d", "a", "a", "a"])
    choices = article_choices(ARTICLES, held)
    assert choices.to_dict("list") == {
        "id": ["c", "d", "a", "b"],
        "n": [1, 3, 4, 2],
        "label": ["2025-03-01 · AP · c (1)", "2025-03-01 · AP · Rail (3)",
                  "2025-01-02 · Reuters · Gas (4)", "no date · unknown outlet · Undated (2)"],
    }


def test_at_most_limit_choices():
    choices = article_choices(ARTICLES, pd.Series(["a", "b", "c", "e"]), limit=2)
    assert choices["id"].tolist() == ["c", "a"]


def test_no_statements_no_choices():
    assert article_choices(ARTICLES, pd.Series([], dtype=object)).empty
