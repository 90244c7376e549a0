"""From stored articles to stored statements: extract, name speakers, score, find terms, topics.

`update_store` only extracts what is new or was extracted by an older extractor version, then
settles speaker names across the whole corpus and recomputes topics when their inputs changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from newsquotes.records import STATEMENT_FIELDS
from newsquotes.schema import STATEMENT_COLUMNS
from newsquotes.store.parquet import Store

ROOT = Path(__file__).resolve().parents[1]
# Articles extracted per step: small enough to move a progress bar, large enough for batching.
CHUNK = 64
Progress = Callable[[int, int], None]


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Give the statements with the schema's columns and dtypes."""
    df = df.reindex(columns=STATEMENT_COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for col in ("speaker_mention_start", "speaker_mention_end"):
        df[col] = df[col].astype("Int64")
    return df


def build_statements(articles: pd.DataFrame, aliases: dict[str, str] | None = None,
                     n_process: int = 1) -> pd.DataFrame:
    """Give the statements of `articles` (schema.STATEMENT_COLUMNS): extracted, speakers made
    canonical across these articles, VADER sentiment and keyword terms added."""
    from newsquotes import batch
    from newsquotes.analytics import keywords, sentiment
    from newsquotes.speakers import corpus as speakers

    ids = articles["id"].astype(str).tolist()
    batches = batch.extract_many(articles["body"].astype(str).tolist(), n_process=n_process)
    rows = [{**s.to_dict(), "article_id": aid}
            for aid, batch in zip(ids, batches, strict=True) for s in batch]
    df = pd.DataFrame(rows, columns=list(STATEMENT_FIELDS))
    df["statement_id"] = df["article_id"] + ":" + df["start"].astype(str)
    if df.empty:
        return _typed(df)
    df = speakers.canonicalize(df, aliases).reset_index(drop=True)
    texts = df["text"].tolist()
    scores = sentiment.score_texts(texts).reset_index(drop=True)
    df = pd.concat([df.drop(columns=[c for c in scores.columns if c in df]), scores], axis=1)
    df["terms"] = pd.Series(keywords.statement_terms(texts), index=df.index, dtype=object)
    return _typed(df)


def _config_file(store: Store, name: str, given: str | Path | None) -> Path | None:
    """Give the file to use: the one given, else one in the store folder, else sample_data's."""
    if given is not None:
        return Path(given)
    for candidate in (store.path / name, ROOT / "sample_data" / name):
        if candidate.is_file():
            return candidate
    return None


def stale_articles(store: Store, version: str) -> pd.DataFrame:
    """Give the stored articles with no statements from extractor `version` yet."""
    articles = store.articles()
    extracted = store.manifest().get("extracted", {})
    return articles[[extracted.get(aid) != version for aid in articles["id"]]]


def update_store(store: Store, progress: Progress | None = None,
                 aliases_path: str | Path | None = None,
                 topics_path: str | Path | None = None, n_process: int = 1) -> int:
    """Give the number of articles (re-)extracted after bringing the store's statements and
    topics up to date. `progress(done, total)` is called after each batch of articles;
    `n_process` worker processes share the extraction. Holds the store's write lock
    throughout, so a second writer waits instead of overwriting this one's work."""
    with store.lock():
        return _update_store(store, progress, aliases_path, topics_path, n_process)


def _update_store(store: Store, progress: Progress | None, aliases_path: str | Path | None,
                  topics_path: str | Path | None, n_process: int) -> int:
    from newsquotes.analytics import topics
    from newsquotes.extract import pipeline as extraction
    from newsquotes.speakers import corpus as speakers

    version = extraction.EXTRACTOR_VERSION
    todo = stale_articles(store, version)
    aliases_file = _config_file(store, "aliases.toml", aliases_path)
    aliases = speakers.load_aliases(aliases_file) if aliases_file else None
    if len(todo):
        parts = []
        step = CHUNK * n_process
        for lo in range(0, len(todo), step):
            parts.append(build_statements(todo.iloc[lo:lo + step], aliases, n_process))
            if progress is not None:
                progress(min(lo + step, len(todo)), len(todo))
        old = store.statements()
        kept = old[~old["article_id"].isin(set(todo["id"]))]
        fresh = [p for p in (kept, *parts) if len(p)]
        merged = pd.concat(fresh, ignore_index=True) if fresh else old.iloc[:0]
        # Names are settled across the corpus: a surname alone in a new article may belong
        # to a full name from an older one.
        merged = _typed(speakers.canonicalize(merged, aliases)) if len(merged) else merged
        store.write_statements(merged, version, article_ids=store.articles()["id"])
    statements = store.statements()
    topics_file = _config_file(store, "topics.toml", topics_path)
    key = topics.topics_key(statements, topics_file)
    if key != store.manifest().get("topics_key"):
        store.write_topics(topics.topics_for(statements, topics_file), key)
    return len(todo)
