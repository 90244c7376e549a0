"""The corpus on disk: Parquet datasets of parts under one folder, listed by a catalog.

    <store>/catalog.sqlite               parts, articles (batch, extractor version), files read
    <store>/articles/part-<batch>-*.parquet    one row an article (schema "articles")
    <store>/statements/part-<batch>-*.parquet  one row a statement, speaker as the extractor
                                               named them in their article
    <store>/topics/part-<batch>-*.parquet      statement -> topic
    <store>/names/part-<batch>-*.parquet       speakers per article (contract 2)
    <store>/speakers/part-<batch>-*.parquet    the batch's names rows settled to another
                                               canonical name or type (none: no part)
    <store>/speakers.parquet                   the same, all in one file, in a store settled
                                               before the kinds table (until it is settled)

One ingest chunk is one batch: its parts are written (temp file, fsync, rename), THEN recorded
in the catalog in one transaction. Readers use only the parts the catalog lists, so a kill at
any moment leaves the store as of its last commit; a part on disk that no commit recorded is
removed by the next writer.

Writers take `<store>/.lock` (an advisory file lock) for each change; readers never wait.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa

from newsquotes import schema
from newsquotes.records import Article
from newsquotes.store import StoreError, default_path
from newsquotes.store.catalog import Catalog, Part
from newsquotes.store.files import clean_temps, read_parquet, write_parquet
from newsquotes.store.frames import Corpus, articles_frame, outlet_names

KINDS = ("articles", "statements", "topics", "names", "speakers")
CATALOG = "catalog.sqlite"
SPEAKERS = "speakers.parquet"
NAMES_ROW_GROUP = 4096
__all__ = ["Corpus", "Store", "articles_frame", "default_path", "load_corpus", "outlet_names"]


@dataclass
class _Held:
    """A store folder's lock in this process: the thread lock, how deeply the holding thread
    has taken it, and the locked file while it is held."""

    thread_lock: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0
    file: BinaryIO | None = None


_HELD: dict[Path, _Held] = {}
_HELD_GUARD = threading.Lock()


@dataclass(frozen=True)
class Batch:
    """What one chunk adds: its frames, the extractor version, the files it finished reading."""

    articles: pd.DataFrame
    statements: pd.DataFrame | None = None  # None: stored without extraction
    names: pd.DataFrame | None = None
    topics: pd.DataFrame | None = None
    version: str = ""
    files: tuple[tuple[str, str], ...] = ()  # (content hash, origin)
    meta: dict[str, str] = field(default_factory=dict)  # catalog settings set in its commit
    model: str = ""  # the topic model that assigned `topics`


class Store:
    """A corpus in a folder of Parquet parts (see the module docstring)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._catalog: Catalog | None = None

    # -- opening ---------------------------------------------------------------------------
    def catalog(self, create: bool = False) -> Catalog | None:
        """Give the catalog, migrating an old store first; None for no store (unless
        `create`)."""
        if self._catalog is not None:
            return self._catalog
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(self.path, "a file where the store folder should be")
        if not (self.path / CATALOG).exists():
            from newsquotes.store.migrate import is_old, migrate

            if is_old(self):
                with self.lock():
                    migrate(self)
            elif any((self.path / kind).is_dir() and any((self.path / kind).glob("part-*"))
                     for kind in KINDS):
                raise StoreError(self.path / CATALOG, "missing while parts exist; run "
                                 "`python -m newsquotes check --repair` to rebuild it")
            elif not create:
                return None
            self.path.mkdir(parents=True, exist_ok=True)
        self._catalog = Catalog(self.path / CATALOG)
        return self._catalog

    def close(self) -> None:
        """Close the catalog connection (reopened on the next use)."""
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's write lock (re-entrant in one thread; waits for other writers).
        Taking it first cleans what a killed writer left: temp files, unrecorded parts."""
        with _HELD_GUARD:
            held = _HELD.setdefault(self.path.resolve(), _Held())
        with held.thread_lock:
            if held.depth == 0:
                self.path.mkdir(parents=True, exist_ok=True)
                held.file = open(self.path / ".lock", "a+b")  # noqa: SIM115 (held across calls)
                _flock(held.file, True)
                self._clean()
            held.depth += 1
            try:
                yield
            finally:
                held.depth -= 1
                if held.depth == 0:
                    _flock(held.file, False)
                    held.file.close()
                    held.file = None

    def _clean(self) -> None:
        clean_temps(self.path)
        if not (self.path / CATALOG).exists():
            return
        try:
            catalog = Catalog(self.path / CATALOG)
        except StoreError:
            return  # a broken catalog: parts are left for `check --repair` to rebuild from
        listed = {p.file for p in catalog.parts()}
        catalog.close()
        for kind in KINDS:
            for path in (self.path / kind).glob("part-*.parquet"):
                if f"{kind}/{path.name}" not in listed:
                    path.unlink(missing_ok=True)  # renamed, but no commit recorded it

    # -- reading ---------------------------------------------------------------------------
    def parts(self, kind: str) -> list[Path]:
        """Give the part files of `kind` the catalog lists, oldest batch first."""
        catalog = self.catalog()
        return [] if catalog is None else [self.path / p.file for p in catalog.parts(kind)]

    def read(self, kind: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Give all rows of `kind` (schema table of that name) from its parts."""
        arrow = schema.arrow_schema(kind)
        tables = [read_parquet(p, arrow, columns) for p in self.parts(kind)]
        if columns is not None:
            wanted = pa.schema([arrow.field(c) for c in columns])
            table = pa.concat_tables(tables) if tables else wanted.empty_table()
            return table.to_pandas()
        table = pa.concat_tables(tables) if tables else arrow.empty_table()
        return schema.from_arrow(table, kind)

    def read_part(self, part: Part) -> pd.DataFrame:
        """Give the rows of one part the catalog lists."""
        arrow = schema.arrow_schema(part.kind)
        return schema.from_arrow(read_parquet(self.path / part.file, arrow), part.kind)

    def articles(self) -> pd.DataFrame:
        """Give the stored articles (schema.ARTICLE_COLUMNS; date datetime64, NaT if none)."""
        return self.read("articles")

    def raw_statements(self) -> pd.DataFrame:
        """Give the statements with the speaker as the extractor named them in their article."""
        return self.read("statements")

    def speakers(self) -> pd.DataFrame:
        """Give the settled names (schema "speakers"); empty before any settlement."""
        tables = [read_parquet(p, schema.arrow_schema("speakers")) for p in self.speakers_parts()]
        return schema.from_arrow(pa.concat_tables(tables), "speakers") if tables else \
            schema.empty_frame("speakers")

    def speakers_parts(self) -> list[Path]:
        """Give the files holding the settled names: the speakers parts of a store settled
        from its kinds table (or a catalog rebuilt from its parts), else the one file of an
        older store."""
        catalog = self.catalog()
        if catalog is None:
            return []
        parts = self.parts("speakers")
        if parts or catalog.meta("kinds"):
            return parts
        return [self.path / SPEAKERS] if (self.path / SPEAKERS).exists() else []

    def statements(self) -> pd.DataFrame:
        """Give the stored statements with each speaker's canonical name and type."""
        return canonical(self.raw_statements(), self.speakers())

    def topics(self) -> pd.DataFrame:
        """Give the stored statement topics (schema.TOPIC_COLUMNS)."""
        return self.read("topics")

    def extracted(self) -> dict[str, str]:
        """Give article id -> the extractor version its statements come from ("" for none)."""
        catalog = self.catalog()
        return {} if catalog is None else catalog.versions()

    def count(self, kind: str) -> int:
        """Give the rows the parts of `kind` hold, from the catalog."""
        catalog = self.catalog()
        return 0 if catalog is None else catalog.rows_of(kind)

    # -- writing ---------------------------------------------------------------------------
    def _part(self, kind: str, batch: str, df: pd.DataFrame, version: str,
              meta: dict[str, str]) -> Part:
        """Write one part file (topics parts carry the topic model's id as their version)."""
        name = f"{kind}/part-{batch}-{secrets.token_hex(3)}.parquet"
        if kind == "names":  # sorted by key in small groups: reading a few keys skips the rest
            df = df.sort_values("key", kind="stable")
        write_parquet(self.path / name, schema.to_arrow(df, kind),
                      {"batch": batch, "version": version, **meta},
                      NAMES_ROW_GROUP if kind == "names" else None)
        return Part(name, kind, batch, len(df), version)

    def write_parts(self, batch: str, frames: dict[str, pd.DataFrame], version: str,
                    meta: dict[str, str] | None = None, model: str = "") -> list[Part]:
        """Write one part per frame of `batch` (not yet recorded: see `Catalog.commit`)."""
        return [self._part(kind, batch, df, model if kind == "topics" else version, meta or {})
                for kind, df in frames.items()]

    def add_batch(self, batch: Batch) -> str:
        """Store one chunk as a new batch: its parts written, then recorded; give its name."""
        with self.lock():
            catalog = self.catalog(create=True)
            name = catalog.next_batch()
            frames = {"articles": batch.articles}
            if batch.statements is not None:
                frames.update(statements=batch.statements,
                              names=_or_empty(batch.names, "names"),
                              topics=_or_empty(batch.topics, "topics"))
            files = [f"{h} {o}" for h, o in batch.files]
            parts = self.write_parts(name, frames, batch.version,
                                     {"files": "\n".join(files)} if files else {}, batch.model)
            catalog.commit(parts=parts, articles=_catalog_rows(batch.articles, name,
                                                               batch.version),
                           files=[(h, o, name) for h, o in batch.files], meta=batch.meta)
            return name

    def replace_batch(self, batch: str, frames: dict[str, pd.DataFrame], version: str = "",
                      meta: dict[str, str] | None = None, model: str = "") -> None:
        """Replace the parts of `batch` of each kind in `frames` (re-extraction, refit)."""
        with self.lock():
            catalog = self.catalog(create=True)
            old = [p.file for p in catalog.parts() if p.batch == batch and p.kind in frames]
            parts = self.write_parts(batch, frames, version, model=model)
            if "articles" in frames:
                ids = _catalog_rows(frames["articles"], batch, version)
            else:
                ids = [(a, batch, version, lang, flags) for a, _v, lang, flags in
                       catalog.articles_of(batch)] if "statements" in frames else []
            catalog.commit(parts=parts, drop=old, articles=ids, meta=meta)
            for file in old:
                (self.path / file).unlink(missing_ok=True)

    def record_files(self, files: Iterable[tuple[str, str]]) -> None:
        """Record files (content hash, origin) as read, with no new article of their own."""
        with self.lock():
            self.catalog(create=True).commit(files=[(h, o, "") for h, o in files])

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Give (ids added, ids already present) after storing the new articles, unextracted."""
        with self.lock():
            catalog = self.catalog(create=True)
            articles = list(articles)
            known = catalog.known("articles", "id", [a.id for a in articles])
            added, present, new = [], [], []
            for article in articles:
                (present if article.id in known else added).append(article.id)
                if article.id not in known:
                    known.add(article.id)
                    new.append(article)
            if new:
                self.add_batch(Batch(articles_frame(new)))
            return added, present

    def write_speakers(self, settled: dict[str, pd.DataFrame], meta: dict[str, str] | None = None,
                       **changes) -> None:
        """Store the settled names (schema "speakers") of each batch given in place of its
        old ones (no rows: no part), recorded in one commit with `meta` and the catalog
        `changes` (`Catalog.commit`'s kinds rows); the one file of an older store goes."""
        with self.lock():
            catalog = self.catalog(create=True)
            old = [p.file for p in catalog.parts("speakers") if p.batch in settled]
            parts = [self._part("speakers", batch, rows, "", {})
                     for batch, rows in settled.items() if not rows.empty]
            catalog.commit(parts=parts, drop=old, meta=meta, **changes)
            for file in old:
                (self.path / file).unlink(missing_ok=True)
            if catalog.meta("kinds"):
                (self.path / SPEAKERS).unlink(missing_ok=True)


def _or_empty(df: pd.DataFrame | None, kind: str) -> pd.DataFrame:
    return schema.empty_frame(kind) if df is None else df


def _catalog_rows(articles: pd.DataFrame, batch: str, version: str) -> list[tuple]:
    return list(zip(articles["id"], [batch] * len(articles), [version] * len(articles),
                    articles["language"].fillna(""), articles["flags"].fillna(""), strict=True))


def canonical(statements: pd.DataFrame, settled: pd.DataFrame) -> pd.DataFrame:
    """Give `statements` with speaker and type replaced by the settled canonical ones."""
    if settled.empty or statements.empty:
        return statements
    key = ["article_id", "speaker", "speaker_type"]
    mapping = settled.drop_duplicates(key)[[*key, "canonical", "canonical_type"]]
    merged = statements[key].fillna("").merge(mapping, on=key, how="left")
    found = merged["canonical"].notna().to_numpy()
    out = statements.copy()
    out.loc[found, "speaker"] = merged.loc[found, "canonical"].to_numpy()
    out.loc[found, "speaker_type"] = merged.loc[found, "canonical_type"].to_numpy()
    return out


def _flock(f, take: bool) -> None:
    """Take or release an exclusive lock on open file `f` (no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # Windows: one writer at a time is then the user's to keep
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_EX if take else fcntl.LOCK_UN)


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Give the corpus stored at `path` (default: `default_path()`) as DataFrames."""
    store = Store(path)
    try:
        return Corpus(store.articles(), store.statements(), store.topics())
    finally:
        store.close()
