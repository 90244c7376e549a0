"""`synth`: a synthetic corpus of any size written straight into a store, part by part, as if
extracted: long-tailed speakers, dates over ten years, outlets, sentiment, terms, topics from
a model fitted on the first part. Vectorised (numpy, pyarrow compute): 20,000 articles a part.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newsquotes import schema, settling, topicmodel
from newsquotes.store.parquet import Batch, Store
from newsquotes.synthetic import OBJECTS, OUTLETS, SUBJECTS, TAILS, VERBS

PART_ARTICLES = 20_000
WIDTH = 200  # characters a statement takes in its body, so offsets are arithmetic
FIRST = ["Anna", "Tomas", "Mira", "Oskar", "Lena", "Pavel", "Ines", "Dario", "Sofia", "Karl",
         "Ilse", "Marek", "Noor", "Elias", "Vera", "Jonas", "Hana", "Luca", "Rosa", "Timo"]
LAST = ["Varga", "Lindqvist", "Oduya", "Brenner", "Castell", "Morrow", "Ilves", "Tanaka",
        "Halvan", "Dravik", "Strand", "Kestrel", "Moravec", "Oyelaran", "Petrov", "Quist",
        "Sandoval", "Teague", "Ulrich", "Weller", "Yilmaz", "Zorin", "Abara", "Bexley"]
MORE_OUTLETS = [*OUTLETS, "Coastline Herald", "The Inland Courier", "Westgate Times",
                "Ferry Street Journal", "Calder Business Review", "Vesk Evening News"]


def _speakers() -> np.ndarray:
    """Give a pool of 11,520 person names, most quoted first, surnames taking turns."""
    initials = [f"{c}." for c in "ABCDEFGHJKLMNOPRSTVWXYZ"]
    return np.array([f"{f} {s}" for f in FIRST for s in LAST] +
                    [f"{f} {i} {s}" for i in initials for f in FIRST for s in LAST],
                    dtype=object)


def _terms_of(phrases: list[str]) -> np.ndarray:
    """Give one keyword per phrase: its longest word, lower-cased."""
    return np.array([max(p.lower().strip(".").split(), key=len) for p in phrases], dtype=object)


def _part(rng: np.random.Generator, first: int, n: int, per_article: float, seed: int,
          pool: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give (articles, statements) of articles first .. first+n-1."""
    counts = rng.poisson(per_article - 1, n) + 1
    total = int(counts.sum())
    ids = np.array([f"syn{seed}-{i:09d}" for i in range(first, first + n)], dtype=object)
    article_of = np.repeat(np.arange(n), counts)
    position = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    picks = [rng.integers(0, len(p), total) for p in (SUBJECTS, VERBS, OBJECTS, TAILS)]
    texts = pc.binary_join_element_wise(
        *(pa.array(np.asarray(p, dtype=object)[i]) for p, i in
          zip((SUBJECTS, VERBS, OBJECTS, TAILS), picks, strict=True)), " ")
    padded = pc.utf8_rpad(texts, WIDTH - 1, " ")
    lines = pc.binary_join_element_wise(padded, pa.scalar("\n"), "")
    offsets = pa.array(np.r_[0, np.cumsum(counts)], type=pa.int32())
    bodies = pc.binary_join(pa.ListArray.from_arrays(offsets, lines), "")
    days = rng.integers(0, 3653, n)
    articles = pd.DataFrame({
        "id": ids, "title": [f"Synthetic story {i}" for i in range(first, first + n)],
        "body": bodies.to_numpy(zero_copy_only=False),
        "date": pd.Timestamp("2015-01-01") + pd.to_timedelta(days, "D"), "section": "World",
        "source": np.asarray(MORE_OUTLETS, dtype=object)[
            np.minimum(rng.zipf(1.6, n) - 1, len(MORE_OUTLETS) - 1)],
        "author": "", "url": "", "language": "en", "word_count": counts * 12,
        "origin": "synthetic", "flags": ""})
    starts = position * WIDTH
    speaker = pool[(rng.zipf(1.15, total) - 1) % len(pool)]
    compound = np.round(np.tanh(rng.normal(0, 0.6, total)), 4)
    pos, neg = np.clip(compound, 0, None) * 0.6, np.clip(-compound, 0, None) * 0.6
    vocab = [_terms_of(p) for p in (SUBJECTS, VERBS, OBJECTS)]
    terms = np.stack([v[i] for v, i in zip(vocab, picks[:3], strict=True)], axis=1).ravel()
    kinds = np.array(["direct", "indirect", "mixed"], dtype=object)[
        rng.choice(3, total, p=[0.5, 0.35, 0.15])]
    statements = pd.DataFrame({
        "statement_id": pd.Series(ids[article_of]) + ":" + pd.Series(starts).astype(str),
        "article_id": ids[article_of], "start": starts,
        "end": starts + pc.utf8_length(texts).to_numpy(), "text": texts.to_numpy(
            zero_copy_only=False), "kind": kinds,
        "cue": np.array(["said", "told", "added", "warned"], dtype=object)[
            rng.integers(0, 4, total)],
        "speaker": speaker, "speaker_mention": speaker, "speaker_type": "person", "role": "",
        "affiliation": "", "compound": compound, "pos": pos, "neu": 1 - pos - neg, "neg": neg,
        "label": np.where(compound >= 0.05, "positive",
                          np.where(compound <= -0.05, "negative", "neutral")),
        "terms": pa.ListArray.from_arrays(pa.array(np.arange(0, 3 * total + 1, 3),
                                                   type=pa.int32()), pa.array(terms))
        .to_pandas()})
    return articles, statements


def synth_store(path: str | Path, n_articles: int, seed: int = 0, per_article: float = 15.0,
                progress: Callable[[int, int], None] | None = None) -> int:
    """Give the statements written after adding `n_articles` synthetic articles to the store
    (recorded as made by the current extractor version, so no ingest extracts them again)."""
    from newsquotes.extract.pipeline import EXTRACTOR_VERSION

    store = Store(path)
    rng = np.random.default_rng(seed)
    pool = _speakers()
    model, written = None, 0
    with store.lock():
        store.catalog(create=True)
        for first in range(0, n_articles, PART_ARTICLES):
            n = min(PART_ARTICLES, n_articles - first)
            articles, statements = _part(rng, first, n, per_article, seed, pool)
            statements = schema.typed(statements, "statements")
            if model is None:
                model = topicmodel.current(store, None) if store.count("statements") \
                    else topicmodel.fit(statements.head(topicmodel.SAMPLE), None)
            names = settling.keyed(settling.names_of(statements), None)
            store.add_batch(Batch(schema.typed(articles, "articles"), statements, names,
                                  model.assign(statements, None), EXTRACTOR_VERSION, (), {},
                                  model.id))
            written += len(statements)
            if progress is not None:
                progress(first + n, n_articles)
        _settle_as_named(store)
        topicmodel.save(store, model, store.count("statements"))
    return written


def _settle_as_named(store: Store) -> None:
    """Settle the synthetic names as ingest would, from their kinds of article, with the
    corpus's places and word uses recorded (without those, the next batch would take every
    word as new and settle every name again). The names are distinct people by construction:
    each settles to itself, so no speakers part is written."""
    settling.resettle_everything(store, None, meta={"aliases": settling.aliases_stamp(None),
                                                    "unsettled": ""})
