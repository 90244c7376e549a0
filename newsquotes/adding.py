"""The one use case "add files to the store", for the CLI's `ingest`, the upload page and the
dashboard's first start: read, extract and store chunk by chunk.

Memory is bounded by one file being read (at most `Limits.max_file_bytes` of text and its
articles), one chunk of `pipeline.CHUNK` x processes articles with their statements, and the
settled names table; not by the corpus. A file whose content hash the catalog lists is skipped
without parsing; a file's hash is recorded in the commit of the chunk holding its last article,
so a kill at any moment keeps every committed chunk and running the same command again skips
the files already done and the articles already stored, and continues.
"""

from __future__ import annotations

import hashlib
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsquotes import pipeline, settling
from newsquotes.ingest.files import Limits, files_under, read_file
from newsquotes.records import Article, Rejection
from newsquotes.store.frames import articles_frame
from newsquotes.store.parquet import Batch, Store


@dataclass
class AddReport:
    """What one run added: articles read, added and already present, files skipped as read
    before, rejections, statements found, and what the store holds after."""

    read: int = 0
    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    statements: int = 0
    reextracted: int = 0
    outdated: int = 0  # articles left as an older extractor version found them
    total_statements: int = 0
    total_articles: int = 0


@dataclass
class _Chunk:
    articles: list[Article] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)


def content_hash(path: Path) -> str | None:
    """Give the SHA-256 of a regular file's bytes (read in blocks), None for anything else."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # FIFOs, devices: left to the reader, which rejects them
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _files(sources: Iterable[str | Path]) -> Iterator[Path]:
    for raw in sources:
        path = Path(raw)
        yield from (files_under(path) if path.is_dir() else [path])


def count_files(sources: Iterable[str | Path]) -> int:
    """Give the number of files `sources` name (folders walked), for the progress bar."""
    return sum(1 for _ in _files(sources))


class _Reader:
    """Walks the sources into chunks of new articles, skipping files read before."""

    def __init__(self, store: Store, limits: Limits, size: int, report: AddReport) -> None:
        self.store, self.limits, self.size, self.report = store, limits, size, report
        self.files_done = 0

    def _known(self, digest: str) -> bool:
        catalog = self.store.catalog()
        return catalog is not None and bool(catalog.known("files", "hash", [digest]))

    def chunks(self, sources: Iterable[str | Path]) -> Iterator[_Chunk]:
        chunk, seen = _Chunk(), set()
        for path in _files(sources):
            digest = content_hash(path)
            self.files_done += 1
            if digest is not None and (digest in seen or self._known(digest)):
                self.report.skipped_files.append(str(path))
                continue
            gave = False
            for item in read_file(path, self.limits):
                if isinstance(item, Rejection):
                    self.report.rejected.append(item)
                    continue
                gave = True
                self.report.read += 1
                if len(chunk.articles) >= self.size:  # flushed before, not after, an article:
                    yield chunk  # a file's hash then goes with its last article's chunk
                    chunk = _Chunk()
                chunk.articles.append(item)
            if digest is not None and gave:
                seen.add(digest)
                chunk.files.append((digest, str(path)))
        if chunk.articles or chunk.files:
            yield chunk

    def frames(self, chunks: Iterator[_Chunk], pending: deque) -> Iterator[pd.DataFrame]:
        """Give each chunk's new articles as a frame; the chunk waits in `pending`."""
        for chunk in chunks:
            catalog = self.store.catalog()
            known = catalog.known("articles", "id", [a.id for a in chunk.articles]) \
                if catalog is not None else set()
            new: dict[str, Article] = {}
            for article in chunk.articles:
                if article.id in known or article.id in new:
                    self.report.present.append(article.id)
                else:
                    new[article.id] = article
            frame = articles_frame(new.values())
            pending.append((frame, tuple(chunk.files)))
            yield frame


def add_files(store: Store, sources: Iterable[str | Path], limits: Limits | None = None,
              progress: pipeline.Progress | None = None, runner: pipeline.Runner | None = None,
              *, aliases_path: str | Path | None = None, topics_path: str | Path | None = None,
              extract: bool = True, refit_topics: bool = False, n_process: int = 1,
              files_total: int = 0) -> AddReport:
    """Give the report of adding everything in `sources` (files, folders, archives) to the
    store, extracting its statements through `runner` (default: here, `n_process`
    processes) unless not `extract`. Batches stored unextracted are done first; those of an
    older extractor version are counted, not touched (one article added to a large store
    must not wait for the whole store: `pipeline.update_store` re-extracts them)."""
    from newsquotes.extract import pipeline as extraction

    report = AddReport()
    store.catalog(create=True)
    aliases_file = pipeline.config_file(store, "aliases.toml", aliases_path)
    topics_file = pipeline.config_file(store, "topics.toml", topics_path)
    if extract:
        report.reextracted = pipeline.update_store(
            store, aliases_path=aliases_file, topics_path=topics_file, n_process=n_process,
            runner=runner, older=False)
    upkeep = pipeline.Upkeep(store, aliases_file, topics_file, refit_topics) if extract else None
    reader = _Reader(store, limits or Limits(), pipeline.CHUNK * max(n_process, 1), report)
    pending: deque = deque()
    frames = reader.frames(reader.chunks(sources), pending)
    found = (runner or pipeline.local_runner(n_process))(frames) if extract else (
        None for _ in frames)
    version = extraction.EXTRACTOR_VERSION if extract else ""
    for statements in found:
        articles, files = pending.popleft()
        if articles.empty:
            store.record_files(files)  # read again, but every article was stored before
        elif upkeep is None:
            store.add_batch(Batch(articles, files=files))
        else:
            parts, model = upkeep.batch_frames(statements)
            articles = pipeline.flagged(articles, statements)
            name = store.add_batch(Batch(articles, parts["statements"], parts["names"],
                                         parts["topics"], version, files, {"unsettled": "1"},
                                         model))
            settling.settle_batch(store, upkeep.aliases, name, parts["names"])
            report.statements += len(statements)
        report.added.extend(articles["id"])
        if progress is not None:
            progress(reader.files_done, files_total, len(report.added), report.statements)
    if upkeep is not None:
        upkeep.finish()
    if extract:  # every article stored unextracted is extracted by now
        report.outdated = store.catalog().stale_articles(version)
    report.total_statements = store.count("statements")
    report.total_articles = store.count("articles")
    return report
