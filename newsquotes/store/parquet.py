"""The corpus on disk: Parquet files under one folder, written atomically.

    <store>/articles.parquet    one row an article (schema.ARTICLE_COLUMNS)
    <store>/statements.parquet  one row a statement (schema.STATEMENT_COLUMNS)
    <store>/topics.parquet      statement -> topic (schema.TOPIC_COLUMNS)
    <store>/manifest.json       format, extractor version per article, counts, topics key

Each file is written to a temporary file in the same folder, flushed to disk and moved over
the old one with `os.replace`, so a crash midway leaves the previous file whole. The manifest is
written last: statements it does not yet list as extracted are simply extracted again.

Writers take `<store>/.lock` (an advisory file lock) for each read-modify-write, so two
processes adding to one store at once both land; readers never wait.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsquotes.records import Article
from newsquotes.schema import ARTICLE_COLUMNS, STATEMENT_COLUMNS, TOPIC_COLUMNS, VIEW_COLUMNS

STORE_ENV = "NEWSQUOTES_STORE"
FORMAT = 1
_S, _I = pa.string(), pa.int64()
ARTICLE_SCHEMA = pa.schema(
    [(c, _S) for c in ARTICLE_COLUMNS[:3]] + [("date", pa.date32())]
    + [(c, _S) for c in ("section", "source", "author", "url", "language")]
    + [("word_count", _I), ("origin", _S), ("flags", _S)]
)
STATEMENT_SCHEMA = pa.schema(
    [("statement_id", _S), ("article_id", _S), ("start", _I), ("end", _I)]
    + [(c, _S) for c in ("text", "kind", "cue", "speaker", "speaker_mention")]
    + [("speaker_mention_start", _I), ("speaker_mention_end", _I)]
    + [(c, _S) for c in ("speaker_type", "role", "affiliation")]
    + [(c, pa.float64()) for c in ("compound", "pos", "neu", "neg")]
    + [("label", _S), ("terms", pa.list_(_S))]
)
TOPIC_SCHEMA = pa.schema([(c, _S) for c in TOPIC_COLUMNS])
assert ARTICLE_SCHEMA.names == ARTICLE_COLUMNS and STATEMENT_SCHEMA.names == STATEMENT_COLUMNS


def default_path() -> Path:
    """Give the store folder: env NEWSQUOTES_STORE, else data/store under the current folder."""
    return Path(os.environ.get(STORE_ENV) or Path("data") / "store")


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Write `target` through `write(tmp_path)`, then move it into place in one step."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    try:  # make the rename itself durable; not every platform can open a folder
        fd = os.open(target.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _to_table(df: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    df = df.reindex(columns=schema.names)
    if "date" in schema.names:
        df = df.assign(date=pd.to_datetime(df["date"]).dt.date.astype(object))
        df["date"] = df["date"].where(df["date"].notna(), None)
    if "terms" in schema.names:
        df = df.assign(terms=[list(t) if t is not None and not _isna(t) else []
                              for t in df["terms"]])
    return pa.Table.from_pandas(df, schema=schema, preserve_index=False)


def _isna(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and lists are values, not missing
        return False


def _from_table(table: pa.Table, columns: list[str]) -> pd.DataFrame:
    df = table.to_pandas()
    if "date" in columns:
        df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    for col in ("speaker_mention_start", "speaker_mention_end"):
        if col in columns:
            df[col] = df[col].astype("Int64")
    if "terms" in columns:
        df["terms"] = pd.Series([list(t) if t is not None else [] for t in df["terms"]],
                                index=df.index, dtype=object)
    return df[columns]


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Give articles as a DataFrame in schema.ARTICLE_COLUMNS (flags ";"-joined)."""
    rows = []
    for a in articles:
        d = a.to_dict()
        d["flags"] = ";".join(a.flags)
        rows.append(d)
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    df["word_count"] = df["word_count"].astype("int64")
    return df


@dataclass
class _Held:
    """A store folder's lock in this process: the thread lock, how deeply the holding thread
    has taken it, and the locked file while it is held."""

    thread_lock: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0
    file: BinaryIO | None = None


_HELD: dict[Path, _Held] = {}
_HELD_GUARD = threading.Lock()


class Store:
    """A corpus in a folder of Parquet files (see the module docstring)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's write lock (re-entrant in one thread; waits for other writers)."""
        with _HELD_GUARD:
            held = _HELD.setdefault(self.path.resolve(), _Held())
        with held.thread_lock:
            if held.depth == 0:
                self.path.mkdir(parents=True, exist_ok=True)
                held.file = open(self.path / ".lock", "a+b")  # noqa: SIM115 (held across calls)
                _flock(held.file, True)
            held.depth += 1
            try:
                yield
            finally:
                held.depth -= 1
                if held.depth == 0:
                    _flock(held.file, False)
                    held.file.close()
                    held.file = None

    def _file(self, name: str) -> Path:
        return self.path / name

    def _read(self, name: str, schema: pa.Schema) -> pd.DataFrame:
        path = self._file(name)
        table = pq.read_table(path, schema=schema) if path.exists() else schema.empty_table()
        return _from_table(table, schema.names)

    def _write(self, name: str, df: pd.DataFrame, schema: pa.Schema) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        table = _to_table(df, schema)
        atomic_write(self._file(name), lambda tmp: pq.write_table(table, tmp))

    def manifest(self) -> dict:
        """Give the manifest: format, extractor version per article id, counts, topics key."""
        path = self._file("manifest.json")
        if not path.exists():
            return {"format": FORMAT, "extractor_version": "", "extracted": {}, "counts": {},
                    "topics_key": ""}
        return json.loads(path.read_text(encoding="utf-8"))

    def _write_manifest(self, **changes) -> None:
        manifest = self.manifest() | changes
        manifest["updated"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        text = json.dumps(manifest, indent=1, sort_keys=True)
        self.path.mkdir(parents=True, exist_ok=True)
        atomic_write(self._file("manifest.json"),
                     lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def articles(self) -> pd.DataFrame:
        """Give the stored articles (schema.ARTICLE_COLUMNS; date datetime64, NaT if none)."""
        return self._read("articles.parquet", ARTICLE_SCHEMA)

    def statements(self) -> pd.DataFrame:
        """Give the stored statements (schema.STATEMENT_COLUMNS)."""
        return self._read("statements.parquet", STATEMENT_SCHEMA)

    def topics(self) -> pd.DataFrame:
        """Give the stored statement topics (schema.TOPIC_COLUMNS)."""
        return self._read("topics.parquet", TOPIC_SCHEMA)

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Give (ids added, ids already present) after storing the articles not yet stored."""
        with self.lock():
            return self._add_articles(articles)

    def _add_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        stored = self.articles()
        known = set(stored["id"])
        added, present, new = [], [], []
        for article in articles:
            if article.id in known:
                present.append(article.id)
            else:
                known.add(article.id)
                added.append(article.id)
                new.append(article)
        if new:
            merged = pd.concat([stored, articles_frame(new)], ignore_index=True) \
                if len(stored) else articles_frame(new)
            self._write("articles.parquet", merged, ARTICLE_SCHEMA)
            self._write_manifest(counts=self._counts(articles=len(merged)))
        return added, present

    def _counts(self, **known: int) -> dict:
        counts = dict(self.manifest().get("counts", {}))
        counts.update(known)
        return counts

    def write_statements(self, df: pd.DataFrame, version: str,
                         article_ids: Iterable[str] | None = None) -> None:
        """Store `df` as the statements of `article_ids` (default: the articles in `df`),
        replacing what those articles had, and record them as extracted by `version`."""
        with self.lock():
            self._write_statements(df, version, article_ids)

    def _write_statements(self, df: pd.DataFrame, version: str,
                          article_ids: Iterable[str] | None) -> None:
        ids = set(df["article_id"]) if article_ids is None else set(article_ids)
        old = self.statements()
        kept = old[~old["article_id"].isin(ids)]
        parts = [p for p in (kept, df.reindex(columns=STATEMENT_COLUMNS)) if len(p)]
        merged = pd.concat(parts, ignore_index=True) if parts else old.iloc[:0]
        self._write("statements.parquet", merged, STATEMENT_SCHEMA)
        extracted = dict(self.manifest().get("extracted", {}))
        extracted.update(dict.fromkeys(sorted(ids), version))
        self._write_manifest(extractor_version=version, extracted=extracted,
                             counts=self._counts(statements=len(merged)))

    def write_topics(self, df: pd.DataFrame, key: str = "") -> None:
        """Store `df` as the whole topics table; `key` says what it was computed from."""
        with self.lock():
            self._write("topics.parquet", df, TOPIC_SCHEMA)
            self._write_manifest(topics_key=key, counts=self._counts(topics=len(df)))


def _flock(f, take: bool) -> None:
    """Take or release an exclusive lock on open file `f` (no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # Windows: one writer at a time is then the user's to keep
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_EX if take else fcntl.LOCK_UN)


@dataclass(frozen=True)
class Corpus:
    """A stored corpus as DataFrames."""

    articles: pd.DataFrame
    statements: pd.DataFrame
    topics: pd.DataFrame

    def view(self) -> pd.DataFrame:
        """Give the statements joined to their article (schema.VIEW_COLUMNS), one outlet name
        per outlet (`outlet_names`), on a RangeIndex (row i is the i-th statement)."""
        joined = self.articles[["id", "date", "source", "title", "section", "url"]].rename(
            columns={"id": "article_id", "source": "outlet"})
        joined["outlet"] = outlet_names(joined["outlet"])
        view = self.statements.merge(joined, on="article_id", how="left", validate="many_to_one")
        return view[VIEW_COLUMNS].reset_index(drop=True)


def outlet_names(sources: pd.Series) -> pd.Series:
    """Give `sources` with one display name per outlet: spellings that differ only in case or
    spacing ("MERIDIAN WIRE", "Meridian  Wire") become the one written in mixed case, else the
    commonest (ties: alphabetical). Empty stays empty."""
    tidy = sources.fillna("").astype(str).str.split().str.join(" ")
    key = tidy.str.casefold()
    spellings = pd.DataFrame({"key": key, "name": tidy})[tidy != ""].value_counts().reset_index()
    # An outlet set in capitals (or lower case) is a headline or byline style, not its name.
    names = spellings["name"]
    spellings["plain"] = (names.str.upper() == names) | (names.str.lower() == names)
    best = spellings.sort_values(["key", "plain", "count", "name"],
                                 ascending=[True, True, False, True]).drop_duplicates("key")
    return key.map(best.set_index("key")["name"]).fillna("").astype(tidy.dtype).rename(
        sources.name)


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Give the corpus stored at `path` (default: `default_path()`) as DataFrames."""
    store = Store(path)
    return Corpus(store.articles(), store.statements(), store.topics())
