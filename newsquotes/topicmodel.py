"""Topics that keep up with a growing store: an NMF model fitted on a bounded sample of the
statements and applied to each new batch as it is written.

The model (TF-IDF vocabulary and NMF factors, `<store>/topics-model.pkl`) is fitted on at most
`SAMPLE` statements drawn evenly from every part, and refitted on request or when the store
holds `GROWTH` times the statements it held at the last fit; a refit re-assigns every batch's
topics, part by part. Defined topics (the user's topics.toml) are matched per statement. Each
topics part records the model id that assigned it, so a refit killed midway is finished by the
next run.
"""

from __future__ import annotations

import hashlib
import pickle
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from newsquotes import schema
from newsquotes.analytics import topics as topic_rules
from newsquotes.analytics.keywords import as_lists
from newsquotes.store.files import atomic_write
from newsquotes.store.parquet import Store

SAMPLE = 20_000  # statements a fit reads, whatever the corpus size
GROWTH = 2.0  # refit once the store holds this many times the statements of the last fit
N_TOPICS = 8
MODEL_FILE = "topics-model.pkl"


@dataclass
class TopicModel:
    """A fitted vectorizer and NMF, the topics' names, and the topic file it goes with."""

    vectorizer: object
    nmf: object
    names: list[str]
    topics_file: bytes = b""
    id: str = ""

    def assign(self, statements: pd.DataFrame, defined: dict | None) -> pd.DataFrame:
        """Give the topics rows (schema "topics") of `statements`: defined, then discovered."""
        found = [topic_rules.assign_defined(statements, defined)] if defined else []
        docs = as_lists(statements["terms"])
        if self.names and len(docs):
            weights = self.nmf.transform(self.vectorizer.transform(docs))
            has = weights.max(axis=1) > 0
            found.append(pd.DataFrame({
                "statement_id": statements["statement_id"].to_numpy()[has],
                "topic": np.asarray(self.names, dtype=object)[weights.argmax(axis=1)[has]],
                "topic_kind": "discovered"}))
        found = [f for f in found if len(f)]
        return schema.typed(pd.concat(found, ignore_index=True), "topics") if found \
            else schema.empty_frame("topics")


def _identity(doc: list[str]) -> list[str]:
    return doc


def fit(statements: pd.DataFrame, topics_file: Path | None) -> TopicModel:
    """Give a model fitted on `statements` (the sample) with the topic file's words."""
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = topics_file.read_bytes() if topics_file else b""
    docs = as_lists(statements["terms"])
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=2 if len(docs) >= 20 else 1,
                                 sublinear_tf=True)
    try:
        tfidf = vectorizer.fit_transform(docs)
    except ValueError:  # no statements, or no term in enough of them
        return _identified(TopicModel(None, None, [], words))
    k = min(N_TOPICS, *tfidf.shape)
    if k < 1 or tfidf.nnz == 0:
        return _identified(TopicModel(None, None, [], words))
    nmf = NMF(n_components=k, init="nndsvd", random_state=0, tol=1e-3, max_iter=200)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        nmf.fit(tfidf)
    # The names as the store's topics have always been named: the same fit, named there.
    names = topic_rules.discover_topics(statements, n_topics=N_TOPICS)[1]["topic"].tolist()
    return _identified(TopicModel(vectorizer, nmf, names, words))


def _identified(model: TopicModel) -> TopicModel:
    factors = getattr(model.nmf, "components_", None)
    model.id = hashlib.sha1(pickle.dumps((model.names, model.topics_file, factors))).hexdigest()
    model.id = model.id[:12]
    return model


def load(store: Store) -> TopicModel | None:
    """Give the store's topic model, or None before the first fit (or if unreadable)."""
    path = store.path / MODEL_FILE
    try:
        with open(path, "rb") as f:
            model = pickle.load(f)  # our own file, written by `save`
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return model if isinstance(model, TopicModel) else None


def save(store: Store, model: TopicModel, statements: int) -> None:
    """Store `model` as fitted when the store held `statements` statements."""
    data = pickle.dumps(model)
    with store.lock():  # another writer taking the lock removes temp files it does not hold
        atomic_write(store.path / MODEL_FILE, lambda tmp: tmp.write_bytes(data))
        store.catalog(create=True).commit(meta={"topics_model": model.id,
                                                "topics_fit_statements": str(statements)})


def sample(store: Store, size: int = SAMPLE, seed: int = 0) -> pd.DataFrame:
    """Give at most `size` statements (id, text, terms), drawn evenly from every part."""
    rng = np.random.default_rng(seed)
    parts = store.parts("statements")
    total = store.count("statements")
    picked = []
    for path in parts:
        part = store_part(path, ["statement_id", "text", "terms"])
        take = min(len(part), -(-size * len(part) // max(total, 1)))
        picked.append(part.iloc[np.sort(rng.choice(len(part), take, replace=False))]
                      if take < len(part) else part)
    return pd.concat(picked, ignore_index=True) if picked else schema.empty_frame("statements")


def store_part(path: Path, columns: list[str]) -> pd.DataFrame:
    """Give some columns of one statements part."""
    from newsquotes.store.files import read_parquet

    return read_parquet(path, schema.arrow_schema("statements"), columns).to_pandas()


def current(store: Store, topics_file: Path | None, refit: bool = False) -> TopicModel:
    """Give the model to assign new statements with: the stored one, else a new fit."""
    model = load(store)
    words = topics_file.read_bytes() if topics_file else b""
    if refit or model is None or model.topics_file != words:
        model = fit(sample(store), topics_file)
        save(store, model, store.count("statements"))
    return model


def due(store: Store) -> bool:
    """Give True when the store has grown `GROWTH` times since the last fit."""
    catalog = store.catalog()
    fitted = int(catalog.meta("topics_fit_statements", "0") or 0) if catalog else 0
    return store.count("statements") >= GROWTH * max(fitted, 1) and fitted < store.count(
        "statements")


def reassign(store: Store, model: TopicModel, defined: dict | None) -> int:
    """Give the batches whose topics were re-assigned: those another model assigned."""
    done = 0
    catalog = store.catalog()
    assigned = {p.batch: p.version for p in catalog.parts("topics")}
    for part in catalog.parts("statements"):
        if assigned.get(part.batch) == model.id:
            continue
        statements = store_part(store.path / part.file, ["statement_id", "text", "terms"])
        store.replace_batch(part.batch, {"topics": model.assign(statements, defined)},
                            model=model.id)
        done += 1
    return done
