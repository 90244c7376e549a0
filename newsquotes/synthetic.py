"""A synthetic corpus in the store's schema, for benchmarks at sizes the samples don't reach.

The statements are made from a fixed word pool with a seeded generator, so a run is
repeatable. Sentiment is computed by VADER like real statements; terms are left to the caller
(`keywords.statement_terms`) so a benchmark can time that step on its own.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from newsquotes.schema import ARTICLE_COLUMNS, STATEMENT_COLUMNS

OUTLETS = ["Harbor Wire", "The Calder Post", "Northline Daily", "Meridian Radio", "Vesk Tribune"]
SUBJECTS = ["The talks", "The ceasefire", "The pipeline deal", "Our government", "The election",
            "The new tariff", "The water treaty", "This budget", "The border crossing"]
VERBS = ["will help", "threatens", "has failed", "protects", "could destroy", "supports",
         "undermines", "guarantees", "delays", "will strengthen"]
OBJECTS = ["families in the north", "regional security", "our farmers", "the energy supply",
           "millions of voters", "the fragile truce", "trade with our neighbours",
           "public health", "the rule of law"]
TAILS = ["and we welcome it.", "and that is a disgrace.", "according to our own figures.",
         "despite the warnings.", "and nobody should be surprised.", "which is good news.",
         "and the damage is terrible.", "as we promised."]
KIND_WEIGHTS = {"direct": 0.5, "indirect": 0.35, "mixed": 0.15}


def _speakers(n: int) -> list[str]:
    first = ["Anna", "Tomas", "Mira", "Oskar", "Lena", "Pavel", "Ines", "Dario", "Sofia", "Karl"]
    last = ["Varga", "Lindqvist", "Oduya", "Brenner", "Castell", "Morrow", "Ilves", "Tanaka"]
    return [f"{first[i % len(first)]} {last[(i // len(first)) % len(last)]}" for i in range(n)]


def _articles(ids: list[str], dates: pd.DatetimeIndex, bodies: list[str],
              sources: np.ndarray) -> pd.DataFrame:
    """Give the synthetic articles frame (schema columns) of these ids, dates and bodies."""
    return pd.DataFrame({
        "id": ids,
        "title": [f"Synthetic story {i}" for i in range(len(ids))],
        "body": bodies,
        "date": dates.astype("datetime64[ns]"),
        "section": "World",
        "source": sources,
        "author": "",
        "url": "",
        "language": "en",
        "word_count": [len(b.split()) for b in bodies],
        "origin": "synthetic",
        "flags": "",
    })[ARTICLE_COLUMNS]


def synthetic_corpus(
    n_statements: int, seed: int = 0, statements_per_article: int = 8, n_speakers: int = 60
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give (articles, statements) DataFrames with `n_statements` statements in the schema."""
    from newsquotes.analytics.sentiment import score_texts

    rng = np.random.default_rng(seed)
    n_articles = max(1, -(-n_statements // statements_per_article))
    ids = [
        hashlib.sha1(f"synthetic-{seed}-{i}".encode()).hexdigest()[:16] for i in range(n_articles)
    ]
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 180, n_articles), "D")
    speakers = _speakers(n_speakers)

    def pick(pool: list[str], n: int) -> np.ndarray:
        return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), n)]

    texts = [
        " ".join(parts)
        for parts in zip(pick(SUBJECTS, n_statements), pick(VERBS, n_statements),
                         pick(OBJECTS, n_statements), pick(TAILS, n_statements), strict=True)
    ]
    article_of = np.arange(n_statements) // statements_per_article
    position = np.arange(n_statements) % statements_per_article
    starts = position * 200
    kinds = rng.choice(list(KIND_WEIGHTS), n_statements, p=list(KIND_WEIGHTS.values()))
    spoken_by = pick(speakers, n_statements)

    bodies = [[] for _ in range(n_articles)]
    for art, text in zip(article_of, texts, strict=True):
        bodies[art].append(text.ljust(199) + "\n")
    articles = _articles(ids, dates, ["".join(b) for b in bodies], pick(OUTLETS, n_articles))

    article_ids = np.asarray(ids, dtype=object)[article_of]
    statements = pd.DataFrame({
        "statement_id": [f"{a}:{s}" for a, s in zip(article_ids, starts, strict=True)],
        "article_id": article_ids,
        "start": starts,
        "end": starts + np.array([len(t) for t in texts]),
        "text": texts,
        "kind": kinds,
        "cue": pick(["said", "told", "added", "warned"], n_statements),
        "speaker": spoken_by,
        "speaker_mention": spoken_by,
        "speaker_mention_start": pd.array([pd.NA] * n_statements, dtype="Int64"),
        "speaker_mention_end": pd.array([pd.NA] * n_statements, dtype="Int64"),
        "speaker_type": "person",
        "role": "",
        "affiliation": "",
    })
    statements = pd.concat([statements, score_texts(texts)], axis=1)
    statements["terms"] = [[] for _ in range(n_statements)]
    return articles, statements[STATEMENT_COLUMNS]
