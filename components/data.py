"""The dashboard's only cached loaders: the store opened in DuckDB (`Query`), what the sidebar
offers, every question a page asks of the filtered statements, one article, word clouds.

Loaders are keyed by the store's path and a stamp of its files (names, sizes, mtimes), so a
store changed by an upload or by `python -m newsquotes` is read again on the next rerun and an
unchanged one never is. The Query is one shared resource; what depends on the filters is keyed
by (path, stamp), the question's name, the `Filters` record and its arguments, and holds only
what a page draws: no corpus frame lives in the server.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from components import clouds
from newsquotes.analytics.filters import Filters
from newsquotes.store import (  # noqa: F401 (tests read STORE_ENV here)
    STORE_ENV,
    StoreError,
    default_path,
    measures,
)
from newsquotes.store.query import Query

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "sample_data"
# What reading a damaged store raises (a truncated Parquet file, a garbled manifest, a folder
# where a file should be): the pages say so in plain words, the server log keeps the traceback.
DAMAGE = (StoreError, OSError, ValueError, TypeError, KeyError, AttributeError,
          pa.ArrowException, duckdb.Error)
log = logging.getLogger(__name__)
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Loaded:
    """What the corpus holds as the sidebar and the Data page use it (no statement's rows)."""

    speakers: tuple[str, ...] = ()  # every speaker, most quoted first
    outlets: tuple[str, ...] = ()
    topic_names: tuple[str, ...] = ()
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    statements: int = 0
    articles: int = 0  # stored, with or without statements
    quoted: int = 0  # articles holding a statement
    damage: str = ""  # why the store could not be read (then it is empty)


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
            # SQLite's side files come and go as the catalog is merely read; every change
            # of the store also writes a part or speakers.parquet, which the stamp sees.
            if name.endswith(SQLITE_SIDE_FILES):
                continue
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
    return Loaded(damage=reason)



# One Query at a time: at 15 million statements its tables take about 1.5 GB.
@st.cache_resource(show_spinner="Reading the corpus…", max_entries=1)
def query(path: str, stamp: str) -> Query:
    """Give the DuckDB queries over the store at `path` (`stamp` keys the files' state)."""
    from newsquotes.store.parquet import Store

    store = Store(Path(path))
    parts = {kind: store.parts(kind) for kind in ("statements", "articles", "topics")}
    return Query(parts["statements"], parts["articles"], parts["topics"],
                 store.speakers_parts())


@st.cache_resource(show_spinner=False, max_entries=2)
def corpus(path: str, stamp: str) -> Loaded:
    """Give what the store at `path` holds (`stamp` only keys the cache to the files' state)."""
    try:
        found = query(path, stamp).summary()
    except DAMAGE as error:
        log.exception("the store at %s cannot be read", path)
        return damaged(plain_damage(error, path))
    return Loaded(speakers=found["speakers"], outlets=found["outlets"],
                  topic_names=found["topics"], first_date=found["first"],
                  last_date=found["last"], statements=found["statements"],
                  articles=found["articles"], quoted=found["quoted"])


@st.cache_data(show_spinner=False, max_entries=512)
def asked(path: str, stamp: str, name: str, filters: Filters, *args):
    """Give the answer of question `name` about the statements `filters` selects: a method of
    the store's `Query` (totals, rows, article_choices) or a function of `measures`."""
    found = query(path, stamp)
    method = getattr(found, name, None)
    return method(filters, *args) if method else getattr(measures, name)(found, filters, *args)


@st.cache_data(show_spinner=False, max_entries=256)
def choices(path: str, stamp: str, column: str, text: str, limit: int) -> list[str]:
    """Give the `limit` values of `column` most quoted that hold `text` (a picker's options)."""
    return query(path, stamp).choices(column, text, limit)


@st.cache_data(show_spinner=False, max_entries=16)
def article(path: str, stamp: str, article_id: str) -> tuple[dict | None, pd.DataFrame]:
    """Give one article with its body, and its statements in text order."""
    return query(path, stamp).article(article_id)


@st.cache_data(show_spinner=False, max_entries=4)
def flags(path: str, stamp: str, limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give how many stored articles carry each flag, and the latest `limit` flagged."""
    found = query(path, stamp)
    return found.flag_counts(), found.flagged(limit)


@st.cache_data(show_spinner=False, max_entries=4)
def stale_articles(path: str, stamp: str) -> int:
    """Give how many stored articles the current extractor version has not read."""
    from newsquotes.extract.pipeline import EXTRACTOR_VERSION
    from newsquotes.store import parquet as stores

    catalog = stores.Store(path).catalog()
    return catalog.stale_articles(EXTRACTOR_VERSION) if catalog is not None else 0


def source() -> tuple[str, str]:
    """Give (path, stamp) of the store the pages read."""
    path = ensure_store()
    return str(path), stamp(path)


def current() -> Loaded:
    """Give what the current store holds, read once per change of its files."""
    return corpus(*source())


@st.cache_data(show_spinner=False, max_entries=64)
def cloud_png(frequencies: tuple[tuple[str, float], ...], width: int, height: int) -> bytes:
    """Give the PNG bytes of the word cloud of `frequencies`."""
    return clouds.png(dict(frequencies), width=width, height=height)


def forget_corpus() -> None:
    """Drop the cached store, so the next read sees it as it is now."""
    corpus.clear()
    query.clear()
