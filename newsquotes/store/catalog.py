"""The store's catalog: which parts exist, which articles are stored where and by which
extractor version, which files were read. SQLite in WAL mode, in `<store>/catalog.sqlite`.

Every change to it is one transaction made after the part files it names are in place, so a
kill leaves either the old catalog or the new one; updating it costs O(what changed).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsquotes.store import StoreError

FORMAT = "2"
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS parts (
    file TEXT PRIMARY KEY, kind TEXT NOT NULL, batch TEXT NOT NULL, rows INTEGER NOT NULL,
    version TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS parts_kind ON parts (kind, batch);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, batch TEXT NOT NULL, version TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '', flags TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS articles_batch ON articles (batch);
CREATE TABLE IF NOT EXISTS files (
    hash TEXT PRIMARY KEY, origin TEXT NOT NULL, batch TEXT NOT NULL DEFAULT '');
"""


# The kinds of article of each settlement key, settled (`speakers.kinds`); made by a writer.
_KINDS = """
CREATE TABLE IF NOT EXISTS kinds (
    key TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT NOT NULL, speaker_type TEXT NOT NULL,
    affiliation TEXT NOT NULL, pronoun INTEGER NOT NULL, statements INTEGER NOT NULL,
    articles INTEGER NOT NULL, canonical TEXT NOT NULL, canonical_type TEXT NOT NULL,
    PRIMARY KEY (key, kind, speaker, speaker_type, affiliation, pronoun)) WITHOUT ROWID
"""
# Which settlement keys hold a name with each word (casefolded): the keys a word whose role
# changes may touch; made by a writer.
_WORD_KEYS = """
CREATE TABLE IF NOT EXISTS word_keys (word TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (word, key)) WITHOUT ROWID
"""
KIND_ROW = ("key", "kind", "speaker", "speaker_type", "affiliation", "pronoun", "statements",
            "articles", "canonical", "canonical_type")

_OTHER_VERSION = "(version < ? OR version > ?)"
# Made by the first writer's commit, not on open: a reader (the dashboard) that wrote the
# catalog would change the store's stamp and read the whole corpus twice.
_VERSION_INDEX = "CREATE INDEX IF NOT EXISTS articles_version ON articles (version, batch)"


@dataclass(frozen=True)
class Part:
    """One part file as the catalog records it (`file` relative to the store folder)."""

    file: str
    kind: str
    batch: str
    rows: int
    version: str = ""


class Catalog:
    """The catalog of one store folder (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.is_dir():
            raise StoreError(path, "a folder where the catalog file should be")
        existed = path.exists()
        try:
            self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
            # Never write to a file that is not a catalog: one with tables must have ours
            # (one with none is a catalog a kill stopped right after it was created).
            if existed and self.db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
                self.db.execute("SELECT value FROM meta WHERE key = 'format'").fetchall()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(_TABLES)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
        except sqlite3.DatabaseError as exc:
            raise StoreError(path, f"the catalog is damaged ({exc}); "
                                   f"run `python -m newsquotes check --repair`") from exc

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def _rows(self, sql: str, args: Sequence = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"the catalog is damaged ({exc}); "
                                        f"run `python -m newsquotes check --repair`") from exc

    def parts(self, kind: str | None = None) -> list[Part]:
        """Give the recorded parts (of `kind`), oldest batch first."""
        where, args = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        return [Part(*row) for row in self._rows(
            f"SELECT file, kind, batch, rows, version FROM parts {where} ORDER BY batch, file",
            args)]

    def meta(self, key: str, default: str = "") -> str:
        """Give a stored setting (format, part counter, topic model's statements...)."""
        found = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return found[0][0] if found else default

    def count(self, table: str) -> int:
        """Give the number of rows of catalog table `table`."""
        return self._rows(f"SELECT COUNT(*) FROM {table}")[0][0]

    def rows_of(self, kind: str) -> int:
        """Give the rows all parts of `kind` hold."""
        return self._rows("SELECT COALESCE(SUM(rows), 0) FROM parts WHERE kind = ?", (kind,))[0][0]

    def _rows_in(self, query: str, values: Iterable[str]) -> list[tuple]:
        """Give the rows of `query` (with one "{marks}" for an IN list) for all `values`,
        asked 500 at a time (SQLite's limit on bound parameters)."""
        values = list(dict.fromkeys(values))
        found: list[tuple] = []
        for lo in range(0, len(values), 500):
            chunk = values[lo:lo + 500]
            found += self._rows(query.format(marks=",".join("?" * len(chunk))), chunk)
        return found

    def _has(self, table: str) -> bool:
        """Give True where the catalog holds `table` (a writer makes the settlement's)."""
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)))

    def known(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Give those of `values` present in `table.column` (ids or hashes)."""
        return {r[0] for r in self._rows_in(
            f"SELECT {column} FROM {table} WHERE {column} IN ({{marks}})", values)}

    def stale_batches(self, version: str, older: bool = True) -> list[str]:
        """Give the batches holding an article not extracted by `version` (only those never
        extracted unless `older`), oldest first."""
        # "<" or ">", not "!=": the version index then reads only the stale rows
        where, params = (_OTHER_VERSION, (version, version)) if older else ("version = ''", ())
        # sorted here: an ORDER BY would have SQLite walk the batch index, every row
        return sorted(r[0] for r in self._rows(
            f"SELECT DISTINCT batch FROM articles WHERE {where}", params))

    def stale_articles(self, version: str) -> int:
        """Give the number of articles not extracted by `version`."""
        return self._rows(f"SELECT COUNT(*) FROM articles WHERE {_OTHER_VERSION}",
                          (version, version))[0][0]

    def kinds(self, keys: Iterable[str] | None = None) -> list[tuple]:
        """Give the kinds rows (KIND_ROW) of `keys` (all, for None); none before the first
        settlement that wrote them."""
        if not self._has("kinds"):
            return []
        if keys is None:
            return self._rows("SELECT * FROM kinds")
        return self._rows_in("SELECT * FROM kinds WHERE key IN ({marks})", sorted(set(keys)))

    def key_sizes(self) -> list[tuple[str, int]]:
        """Give each settlement key of the kinds table with its number of rows, by key."""
        if not self._has("kinds"):
            return []
        return self._rows("SELECT key, COUNT(*) FROM kinds GROUP BY key ORDER BY key")

    def keys_with(self, words: Iterable[str]) -> set[str]:
        """Give the settlement keys that hold a name with any of `words` (casefolded)."""
        if not self._has("word_keys"):
            return set()
        return {r[0] for r in self._rows_in(
            "SELECT DISTINCT key FROM word_keys WHERE word IN ({marks})", words)}

    def articles_of(self, batch: str) -> list[tuple[str, str, str, str]]:
        """Give (id, version, language, flags) of each article of `batch`."""
        return self._rows("SELECT id, version, language, flags FROM articles WHERE batch = ? "
                          "ORDER BY rowid", (batch,))

    def versions(self) -> dict[str, str]:
        """Give article id -> extractor version, for every article."""
        return dict(self._rows("SELECT id, version FROM articles"))

    def next_batch(self) -> str:
        """Give a new batch name ("000042"); the counter is saved by the commit that uses it."""
        return f"{int(self.meta('next_batch', '0')):06d}"

    def commit(self, *, parts: Iterable[Part] = (), drop: Iterable[str] = (),
               articles: Iterable[tuple[str, str, str, str, str]] = (),
               files: Iterable[tuple[str, str, str]] = (), forget: Iterable[str] = (),
               meta: dict[str, str] | None = None,
               moved_files: tuple[list[str], str] | None = None,
               kinds: Iterable[tuple] = (), kinds_gone: Iterable[tuple] = (),
               all_kinds: bool = False, word_keys: Iterable[tuple[str, str]] = (),
               kinds_counted: Iterable[tuple] = ()) -> None:
        """Record in one transaction: new `parts`, dropped part files, articles (id, batch,
        version, language, flags; replaced if present), files read (hash, origin, batch),
        articles to forget, settings, (old batches, new batch) of a merge, kinds rows
        (KIND_ROW) written and gone (their first six columns), or, with `all_kinds`, in place
        of every kinds row (and of every (word, key) pair), kinds rows whose statements and
        articles are added to those of the same kind (a new one settled to no name yet), and
        (word, key) pairs seen."""
        parts = list(parts)
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(_VERSION_INDEX)
            self.db.execute(_KINDS)
            self.db.execute(_WORD_KEYS)
            if all_kinds:
                self.db.execute("DELETE FROM kinds")
                self.db.execute("DELETE FROM word_keys")
            self.db.executemany("INSERT OR IGNORE INTO word_keys VALUES (?, ?)", list(word_keys))
            self.db.executemany("DELETE FROM kinds WHERE key = ? AND kind = ? AND speaker = ? "
                                "AND speaker_type = ? AND affiliation = ? AND pronoun = ?",
                                list(kinds_gone))
            self.db.executemany(f"INSERT OR REPLACE INTO kinds VALUES ({','.join('?' * 10)})",
                                list(kinds))
            self.db.executemany(
                f"INSERT INTO kinds VALUES ({','.join('?' * 8)}, '', '') ON CONFLICT (key, kind, "
                "speaker, speaker_type, affiliation, pronoun) DO UPDATE "
                "SET statements = statements + excluded.statements, "
                "articles = articles + excluded.articles", kinds_counted)
            self.db.executemany("DELETE FROM parts WHERE file = ?", [(f,) for f in drop])
            self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?)",
                                [(p.file, p.kind, p.batch, p.rows, p.version) for p in parts])
            self.db.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in forget])
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)",
                                list(articles))
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", list(files))
            if moved_files:
                self.db.executemany("UPDATE files SET batch = ? WHERE batch = ?",
                                    [(moved_files[1], b) for b in moved_files[0]])
            batches = [int(p.batch) for p in parts if p.batch.isdigit()]
            settings = dict(meta or {})
            if batches and max(batches) >= int(self.meta("next_batch", "0")):
                settings["next_batch"] = str(max(batches) + 1)
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                list(settings.items()))
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(self.path, f"the catalog could not be updated ({exc})") from exc

    def forget_files_of(self, batch: str) -> None:
        """Forget the files read into `batch`, so that reading them again restores it."""
        self.db.execute("DELETE FROM files WHERE batch = ?", (batch,))
