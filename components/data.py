"""The dashboard's only cached loaders: the store, the corpus read from it, the statements a
filter selects, keyword counts and distinctive terms per filter, rendered word clouds.

Loaders are keyed by the store's path and a stamp of its files (names, sizes, mtimes), so a
store changed by an upload or by `python -m newsquotes` is read again on the next rerun and an
unchanged one never is. The corpus is cached as a shared resource, not copied per rerun:
pages treat its frames as read-only. What depends on the filters is keyed by the corpus's
(path, stamp) and the `Filters` record, never by a frame Streamlit would hash on every run.
"""

from __future__ import annotations

import atexit
import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from components import clouds
from newsquotes.analytics.filters import Filters, apply_filters, in_group
from newsquotes.analytics.keywords import (
    TermIndex,
    indexed_distinctive,
    indexed_frequencies,
    term_index,
)
from newsquotes.analytics.profiles import speaker_profiles
from newsquotes.schema import ARTICLE_COLUMNS, TOPIC_COLUMNS, VIEW_COLUMNS
from newsquotes.store import STORE_ENV, StoreError, default_path  # noqa: F401 (tests read STORE_ENV here)
from newsquotes.store.query import Query

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "sample_data"
# Benchmarks and demos: a synthetic corpus of this many statements instead of the store.
SYNTHETIC_ENV = "NEWSQUOTES_SYNTHETIC"
# What reading a damaged store raises (a truncated Parquet file, a garbled manifest, a folder
# where a file should be): the pages say so in plain words, the server log keeps the traceback.
DAMAGE = (StoreError, OSError, ValueError, TypeError, KeyError, AttributeError,
          pa.ArrowException)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """The corpus as the pages use it, and the choices the sidebar offers."""

    view: pd.DataFrame
    articles: pd.DataFrame
    topics: pd.DataFrame
    speakers: tuple[str, ...]
    outlets: tuple[str, ...]
    topic_names: tuple[str, ...]
    first_date: dt.date | None
    last_date: dt.date | None
    terms: TermIndex  # the terms of `view`'s rows, counted per filter without Python loops
    damage: str = ""  # why the store could not be read (then every frame is empty)


def store_path() -> Path:
    """Give the store folder (`newsquotes.store.default_path`), made absolute."""
    return default_path().resolve()


def stamp(path: Path) -> str:
    """Give a fingerprint of the store's files that changes whenever one is written."""
    if not path.is_dir():
        return "missing"
    parts = []
    for root, _dirs, files in os.walk(path):
        for name in sorted(files):
            info = (Path(root) / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(sorted(parts))


def is_new(path: Path) -> bool:
    """Give True for a store folder that is missing or holds no file: a first start."""
    return not path.is_dir() or not any(p.is_file() for p in path.rglob("*"))


def build_sample_store(path: Path) -> int:
    """Ingest sample_data/ into the store at `path` and find its statements; give articles added.

    Only a new store is filled: one emptied on purpose stays empty. The sample's alias and topic
    files go with it (a store folder's own files would win).
    """
    from newsquotes.adding import add_files
    from newsquotes.store import parquet as stores

    store = stores.Store(path)
    report = add_files(store, [SAMPLE_DIR / "articles", SAMPLE_DIR / "seed"],
                       aliases_path=_sample_file(path, "aliases.toml"),
                       topics_path=_sample_file(path, "topics.toml"))
    return len(report.added)


def _sample_file(path: Path, name: str) -> Path | None:
    """Give the store folder's own file `name`, else sample_data's."""
    for candidate in (path / name, SAMPLE_DIR / name):
        if candidate.is_file():
            return candidate
    return None


@st.cache_resource(show_spinner=False)
def _build_once(path: str) -> int:
    """Build the sample store once per process and path, however many sessions start at once."""
    return build_sample_store(Path(path)) if is_new(Path(path)) else 0


def ensure_store() -> Path:
    """Give the store folder, first filling a new one from sample_data/."""
    path = store_path()
    if is_new(path):
        with st.spinner("First start: reading the sample corpus and finding its statements…"):
            _build_once(str(path))
    return path


def _date(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _by_count(values: pd.Series) -> tuple[str, ...]:
    """Give the distinct non-empty values, most frequent first (ties alphabetically)."""
    counts = values[values.fillna("") != ""].value_counts()
    return tuple(sorted(counts.index, key=lambda v: (-counts[v], v)))


def loaded_from(articles: pd.DataFrame, view: pd.DataFrame, topics: pd.DataFrame) -> Loaded:
    """Give the pages' record of a corpus from its frames (also used by tests and benchmarks)."""
    view = (view.reindex(columns=VIEW_COLUMNS) if view.empty else view).reset_index(drop=True)
    dates = view["date"].dropna()
    return Loaded(
        view=view,
        articles=articles.reindex(columns=ARTICLE_COLUMNS) if articles.empty else articles,
        topics=topics.reindex(columns=TOPIC_COLUMNS) if topics.empty else topics,
        speakers=_by_count(view["speaker"]),
        outlets=_by_count(view["outlet"]),
        topic_names=_by_count(topics["topic"]) if not topics.empty else (),
        first_date=_date(dates.min()) if not dates.empty else None,
        last_date=_date(dates.max()) if not dates.empty else None,
        terms=term_index(view["terms"]),
    )


def plain_damage(error: Exception, store: str) -> str:
    """Give what is wrong with the store at `store` in a line that names no server path."""
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    where = getattr(error, "path", None)
    named = f"{Path(where).name}: " if where else ""
    # Paths inside the message name files by their names only.
    reason = re.sub(r"(?:[A-Za-z]:)?[/\\][^\s:'\"]*", lambda m: Path(m[0]).name or m[0],
                    reason.replace(store, "the store"))
    return f"{named}{reason}"


def damaged(reason: str) -> Loaded:
    """Give an empty corpus that says why the store could not be read."""
    empty = pd.DataFrame()
    return replace(loaded_from(empty, empty, empty), damage=reason)


@st.cache_resource(show_spinner="Reading the corpus…", max_entries=2)
def corpus(path: str, stamp: str) -> Loaded:
    """Give the corpus stored at `path` (`stamp` only keys the cache to the files' state)."""
    from newsquotes.store.parquet import load_corpus

    try:
        loaded = load_corpus(Path(path))
        # Bodies are read for the one article a reader opens (`article`), not held here.
        return loaded_from(loaded.articles.drop(columns="body"), loaded.view(), loaded.topics)
    except DAMAGE as error:
        log.exception("the store at %s cannot be read", path)
        return damaged(plain_damage(error, path))


def _synthetic_size() -> int | None:
    value = os.environ.get(SYNTHETIC_ENV, "").strip()
    return int(value) if value.isdigit() else None


@st.cache_resource(show_spinner="Making a synthetic corpus…", max_entries=1)
def synthetic(n_statements: int) -> Loaded:
    """Give a synthetic corpus of `n_statements` statements with terms and discovered topics."""
    from newsquotes.analytics.keywords import statement_terms
    from newsquotes.analytics.topics import topics_for
    from newsquotes.store.parquet import Corpus
    from newsquotes.synthetic import synthetic_corpus

    articles, statements = synthetic_corpus(n_statements)
    statements["terms"] = statement_terms(statements["text"])
    topics = topics_for(statements)
    _write_parts(synthetic_folder(n_statements), articles, statements, topics)
    return loaded_from(articles.drop(columns="body"), Corpus(articles, statements, topics).view(),
                       topics)


def synthetic_folder(n_statements: int) -> Path:
    """Give the folder where the synthetic corpus of `n_statements` is kept as Parquet (this
    process's own, removed when it ends)."""
    folder = Path(tempfile.gettempdir()) / f"newsquotes-synthetic-{os.getpid()}-{n_statements}"
    if not folder.exists():
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _write_parts(folder: Path, articles: pd.DataFrame, statements: pd.DataFrame,
                 topics: pd.DataFrame) -> None:
    """Write the frames as one Parquet file of each kind, as a store of one part would hold."""
    from newsquotes import schema
    from newsquotes.store.files import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in (("articles", articles), ("statements", statements), ("topics", topics)):
        table = schema.to_arrow(frame, name)
        atomic_write(folder / f"{name}.parquet", lambda tmp, t=table: pq.write_table(t, tmp))


def parts_of(path: Path) -> dict[str, list[Path]]:
    """Give the Parquet files of each kind the store's catalog lists (`Store.parts`)."""
    from newsquotes.store.parquet import Store

    store = Store(path)
    return {kind: store.parts(kind) for kind in ("statements", "articles", "topics")}


@st.cache_resource(show_spinner=False, max_entries=2)
def query(path: str, stamp: str) -> Query:
    """Give the DuckDB queries over the corpus at `path` (`stamp` keys the files' state)."""
    _loaded(path, stamp)  # a synthetic corpus is written as it is first made
    if path.startswith("synthetic:"):
        folder = synthetic_folder(int(path.split(":", 1)[1]))
        parts = {kind: [folder / f"{kind}.parquet"]
                 for kind in ("statements", "articles", "topics")}
    else:
        folder = Path(path)
        parts = parts_of(folder)
    return Query(parts["statements"], parts["articles"], parts["topics"],
                 folder / "speakers.parquet")


@st.cache_data(show_spinner=False, max_entries=256)
def choices(path: str, stamp: str, column: str, text: str, limit: int) -> list[str]:
    """Give the `limit` values of `column` most quoted that hold `text` (a picker's options)."""
    return query(path, stamp).choices(column, text, limit)


@st.cache_data(show_spinner=False, max_entries=16)
def article(path: str, stamp: str, article_id: str) -> tuple[dict | None, pd.DataFrame]:
    """Give one article with its body, and its statements in text order."""
    return query(path, stamp).article(article_id)


def source() -> tuple[str, str]:
    """Give (path, stamp) of what the pages read: the store, or "synthetic:<n>" for a benchmark."""
    n = _synthetic_size()
    if n is not None:
        return f"synthetic:{n}", "fixed"
    path = ensure_store()
    return str(path), stamp(path)


def current() -> Loaded:
    """Give the corpus of the current store, read once per change of its files."""
    return _loaded(*source())


@st.cache_data(show_spinner=False, max_entries=64)
def cloud_png(frequencies: tuple[tuple[str, float], ...], width: int, height: int) -> bytes:
    """Give the PNG bytes of the word cloud of `frequencies`."""
    return clouds.png(dict(frequencies), width=width, height=height)


def forget_corpus() -> None:
    """Drop the cached corpus, so the next read sees the store as it is now."""
    corpus.clear()


def _loaded(path: str, stamp: str) -> Loaded:
    return synthetic(int(path.split(":", 1)[1])) if path.startswith("synthetic:") else corpus(
        path, stamp)


# Each entry holds a filtered frame (at 100,000 statements a wide filter keeps ~40 MB):
# enough for going back and forth between a few filters, not a memory leak.
@st.cache_resource(show_spinner=False, max_entries=8)
def filtered(path: str, stamp: str, filters: Filters) -> pd.DataFrame:
    """Give the statements of the corpus at `path` that `filters` selects (shared, read-only)."""
    loaded = _loaded(path, stamp)
    return apply_filters(loaded.view, filters, loaded.topics)


def _selected(loaded: Loaded, view: pd.DataFrame, group: tuple[str, str] | None) -> np.ndarray:
    """Give the mask over the corpus's statements of the rows of `view` (in `group`)."""
    rows = view.index if group is None else view.index[in_group(view, group, loaded.topics)]
    mask = np.zeros(len(loaded.view), dtype=bool)
    mask[rows.to_numpy()] = True
    return mask


@st.cache_data(show_spinner=False, max_entries=128)
def keyword_weights(
    path: str, stamp: str, filters: Filters, group: tuple[str, str] | None = None,
    top: int = 150,
) -> dict[str, float]:
    """Give term -> count of the filtered statements (of `group`: ("speaker"|"topic", name))."""
    loaded = _loaded(path, stamp)
    return indexed_frequencies(loaded.terms, _selected(loaded, filtered(path, stamp, filters),
                                                       group), top)


@st.cache_data(show_spinner=False, max_entries=32)
def profiles(path: str, stamp: str, filters: Filters) -> pd.DataFrame:
    """Give one profile row a speaker of the filtered statements (`speaker_profiles`)."""
    return speaker_profiles(filtered(path, stamp, filters))


@st.cache_data(show_spinner=False, max_entries=128)
def distinctive(
    path: str, stamp: str, filters: Filters, group: tuple[str, str], min_count: int = 2
) -> pd.DataFrame:
    """Give the terms that set `group` apart from the other filtered statements (z > 0 only)."""
    loaded = _loaded(path, stamp)
    view = filtered(path, stamp, filters)
    inside = _selected(loaded, view, group)
    terms = indexed_distinctive(loaded.terms, inside, _selected(loaded, view, None) & ~inside,
                                min_count)
    return terms[terms["z"] > 0].reset_index(drop=True)
