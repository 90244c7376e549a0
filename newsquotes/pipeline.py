"""From articles to stored statements: extract, score, find terms, then store per batch.

`build_statements` is the unit of work for one chunk of articles; a runner maps chunks to their
statements in order (`local_runner` here; the cluster's Dask runner has the same shape).
`update_store` brings batches stored unextracted, or extracted by an older extractor version,
up to date, rewriting only those batches' parts. Adding files extracts only the unextracted
ones first; older versions wait for `reextract`, which may take hours on a large store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from newsquotes import schema, settling, topicmodel
from newsquotes.extract import limits
from newsquotes.records import STATEMENT_FIELDS
from newsquotes.store.parquet import Store

# Articles extracted per chunk and process: small enough to move a progress bar and bound
# memory, large enough for spaCy's batching.
CHUNK = 64
Runner = Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]
# (files done, files in all, articles stored, statements found) after each chunk.
Progress = Callable[[int, int, int, int], None]
# Where a statements frame carries its articles' extraction flags (article id -> flags).
FLAGS_ATTR = "article_flags"
EXTRACTION_FLAGS = frozenset({
    limits.SENTENCE_TOO_LONG, limits.QUOTE_TOO_LONG, limits.TOO_MANY_QUOTES,
    limits.TOO_MUCH_TEXT, limits.TOO_MANY_STATEMENTS, limits.FAILED})


def _english(articles: pd.DataFrame) -> pd.Series:
    """Give True for articles the English extractor reads: language unset or "en"."""
    language = articles["language"].fillna("").astype(str) if "language" in articles \
        else pd.Series("", index=articles.index)
    return language.isin(["", "en"])


def build_statements(articles: pd.DataFrame, aliases: dict[str, str] | None = None,
                     n_process: int = 1) -> pd.DataFrame:
    """Give the statements of `articles` (schema.STATEMENT_COLUMNS): extracted, VADER sentiment
    and keyword terms added; an article whose language is set and not "en" gets none. Speakers
    stay as named in their article (the store settles them corpus-wide; `aliases` apply there).
    """
    from newsquotes import batch
    from newsquotes.analytics import keywords, sentiment

    del aliases  # settled over the names table, not per chunk (contract 2)
    read = articles[_english(articles)]
    ids = read["id"].astype(str).tolist()
    found = batch.extract_texts(read["body"].astype(str).tolist(), n_process=n_process)
    rows = [{**s.to_dict(), "article_id": aid}
            for aid, each in zip(ids, found, strict=True) for s in each.statements]
    bounds = {aid: list(each.flags) for aid, each in zip(ids, found, strict=True) if each.flags}
    df = pd.DataFrame(rows, columns=list(STATEMENT_FIELDS))
    if df.empty:
        return _with_flags(schema.empty_frame("statements"), bounds)
    df["statement_id"] = df["article_id"] + ":" + df["start"].astype(str)
    texts = df["text"].tolist()
    scores = sentiment.score_texts(texts).reset_index(drop=True)
    df = pd.concat([df.drop(columns=[c for c in scores.columns if c in df]), scores], axis=1)
    df["terms"] = pd.Series(keywords.statement_terms(texts), index=df.index, dtype=object)
    return _with_flags(schema.typed(df, "statements"), bounds)


def _with_flags(statements: pd.DataFrame, bounds: dict[str, list[str]]) -> pd.DataFrame:
    """Give `statements` carrying the bound flags of each article in its attrs (they travel
    with the frame through a runner, a process pool or a Dask worker, pickled with it)."""
    statements.attrs[FLAGS_ATTR] = bounds
    return statements


def flagged(articles: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Give `articles` with the flags of their extraction (carried by `statements`) in place
    of any an earlier extraction left; the ingest's own flags ("no_date") stay."""
    bounds = statements.attrs.get(FLAGS_ATTR, {})
    if articles.empty:
        return articles

    def joined(article_id: str, flags) -> str:
        kept = [f for f in str(flags or "").split(";") if f and f not in EXTRACTION_FLAGS]
        return ";".join(sorted({*kept, *bounds.get(article_id, [])}))

    out = articles.copy()
    out["flags"] = [joined(a, f) for a, f in zip(out["id"], out["flags"], strict=True)]
    return out


def local_runner(n_process: int = 1) -> Runner:
    """Give the runner that extracts each chunk here, with `n_process` processes."""
    def run(chunks: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for chunk in chunks:
            yield build_statements(chunk, n_process=n_process) if len(chunk) \
                else schema.empty_frame("statements")
    return run


def config_file(store: Store, name: str, given: str | Path | None) -> Path | None:
    """Give the file to use: the one given, else the store folder's own, else None."""
    if given is not None:
        return Path(given)
    candidate = store.path / name
    return candidate if candidate.is_file() else None


class Upkeep:
    """What each stored batch needs beside its statements: the alias table, the topic model
    and defined topics; `batch_frames` gives a batch's names and topics parts."""

    def __init__(self, store: Store, aliases_path: Path | None, topics_path: Path | None,
                 refit: bool = False) -> None:
        from newsquotes.analytics.topics import load_topics
        from newsquotes.speakers.corpus import load_aliases

        self.store = store
        self.aliases = load_aliases(aliases_path) if aliases_path else None
        self.defined = load_topics(topics_path) if topics_path else None
        self.topics_path = topics_path
        self.refit = refit
        self._model: topicmodel.TopicModel | None = None
        settling.settle_all_if_needed(store, self.aliases)

    def model(self, statements: pd.DataFrame) -> topicmodel.TopicModel:
        """Give the topic model; the first fit of a new store is on its first batch."""
        if self._model is None:
            self._model = topicmodel.load(self.store)
            words = self.topics_path.read_bytes() if self.topics_path else b""
            if self._model is None or self._model.topics_file != words:
                self._model = topicmodel.fit(statements, self.topics_path)
                topicmodel.save(self.store, self._model, len(statements))
        return self._model

    def batch_frames(self, statements: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], str]:
        """Give the names and topics parts of a batch's statements, and the model's id."""
        model = self.model(statements)
        names = settling.keyed(settling.names_of(statements), self.aliases)
        return {"statements": statements, "names": names,
                "topics": model.assign(statements, self.defined)}, model.id

    def finish(self) -> None:
        """Refit the topics when asked or when the store has grown enough, and re-assign
        every batch another model assigned."""
        model = self._model or topicmodel.load(self.store)
        if self.refit or model is None or topicmodel.due(self.store):
            model = topicmodel.current(self.store, self.topics_path, refit=True)
        if self.store.catalog() is not None:
            topicmodel.reassign(self.store, model, self.defined)


def _kept(frames: Iterator[pd.DataFrame], kept: deque) -> Iterator[pd.DataFrame]:
    """Give each frame of `frames`, keeping it in `kept` for when its statements come back."""
    for frame in frames:
        kept.append(frame)
        yield frame


def update_store(store: Store, progress: Progress | None = None,
                 aliases_path: str | Path | None = None,
                 topics_path: str | Path | None = None, n_process: int = 1,
                 runner: Runner | None = None, refit_topics: bool = False,
                 older: bool = True) -> int:
    """Give the number of articles (re-)extracted after extracting every batch stored
    unextracted or (if `older`) by an older extractor version, one batch at a time (its parts
    replaced, its names re-settled), then bringing topics up to date."""
    from newsquotes.extract import pipeline as extraction

    if store.catalog() is None:
        return 0
    upkeep = Upkeep(store, config_file(store, "aliases.toml", aliases_path),
                    config_file(store, "topics.toml", topics_path), refit_topics)
    version = extraction.EXTRACTOR_VERSION
    stale = store.catalog().stale_batches(version, older)
    done = 0
    parts = {(p.kind, p.batch): p for p in store.catalog().parts()}
    read: deque[pd.DataFrame] = deque()  # each batch's articles, until its statements are back
    frames = _kept((store.read_part(parts[("articles", b)]) for b in stale), read)
    for batch, statements in zip(stale, (runner or local_runner(n_process))(frames),
                                 strict=True):
        ids = {a for a, *_ in store.catalog().articles_of(batch)}
        old = store.read_part(parts[("names", batch)]) if ("names", batch) in parts else None
        batch_frames, model = upkeep.batch_frames(statements)
        batch_frames["articles"] = flagged(read.popleft(), statements)
        store.replace_batch(batch, batch_frames, version, meta={"unsettled": "1"}, model=model)
        settling.settle_batch(store, upkeep.aliases, batch, batch_frames["names"],
                              replaced=old)
        done += len(ids)
        if progress is not None:
            progress(0, 0, done, len(statements))
    upkeep.finish()
    return done
