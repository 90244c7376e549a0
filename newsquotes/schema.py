"""Column names of the DataFrames the core hands to the dashboard.

articles:   one row an article (see `records.Article`); `date` is datetime64 (NaT when the
            article gives none), `flags` a ";"-joined string ("no_date;not_english").
statements: one row a statement (see `records.Statement`) plus `statement_id`
            ("<article_id>:<start>"), VADER's scores (`compound`, `pos`, `neu`, `neg`,
            `label`) and `terms` (keyword lemmas and bigrams, a list of str).
view:       statements joined with their article: `date`, `outlet` (the article's
            source), `title`, `section`, `url`.
topics:     `statement_id`, `topic`, `topic_kind` ("defined" or "discovered").
"""

ARTICLE_COLUMNS = [
    "id", "title", "body", "date", "section", "source", "author", "url",
    "language", "word_count", "origin", "flags",
]
SENTIMENT_COLUMNS = ["compound", "pos", "neu", "neg", "label"]
STATEMENT_COLUMNS = [
    "statement_id", "article_id", "start", "end", "text", "kind", "cue",
    "speaker", "speaker_mention", "speaker_mention_start", "speaker_mention_end",
    "speaker_type", "role", "affiliation", *SENTIMENT_COLUMNS, "terms",
]
VIEW_COLUMNS = [*STATEMENT_COLUMNS, "date", "outlet", "title", "section", "url"]
TOPIC_COLUMNS = ["statement_id", "topic", "topic_kind"]
KINDS = ("direct", "indirect", "mixed")
