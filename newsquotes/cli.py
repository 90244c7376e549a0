"""`python -m newsquotes`: parse files, ingest them into the store, extract statements."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from newsquotes.records import Article

SHOWN_FIELDS = ("id", "title", "date", "section", "source", "author", "url", "language",
                "word_count", "origin", "flags", "body")


def _article_json(article: Article) -> dict:
    d = article.to_dict()
    d["date"] = article.date.isoformat() if article.date else None
    return {k: d[k] for k in SHOWN_FIELDS}


def _parse(args: argparse.Namespace) -> int:
    from newsquotes.ingest.files import read_paths

    found = []
    rejected = 0
    for item in read_paths(args.files):
        if isinstance(item, Article):
            found.append(_article_json(item))
        else:
            rejected += 1
            print(f"rejected: {item}", file=sys.stderr)
    json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if rejected and not found else 0


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsquotes.adding import add_files, count_files
    from newsquotes.config import MB, Limits
    from newsquotes.store.parquet import Store

    store = Store(args.store)
    limits = Limits(max_file_bytes=int(args.max_file_mb * MB))
    total = count_files(args.paths)
    with tqdm(total=total, desc="Adding", unit=" file", file=sys.stderr,
              disable=args.quiet) as bar:
        def progress(files: int, _total: int, articles: int, statements: int) -> None:
            bar.update(files - bar.n)
            bar.set_postfix(articles=articles, statements=statements, refresh=False)

        report = add_files(store, args.paths, limits, progress, _runner(args),
                           n_process=args.processes,
                           aliases_path=args.aliases, topics_path=args.topics,
                           extract=not args.no_extract, refit_topics=args.refit_topics,
                           files_total=total)
    out = sys.stdout
    print(f"read:            {report.read} articles", file=out)
    print(f"added:           {len(report.added)}", file=out)
    print(f"already present: {len(report.present)}", file=out)
    print(f"files read before, skipped: {len(report.skipped_files)}", file=out)
    print(f"rejected:        {len(report.rejected)}", file=out)
    for r in report.rejected:
        print(f"  {r.origin}: {r.reason}", file=out)
    print(f"statements:      {report.statements} found; the store holds "
          f"{report.total_statements} statements of {report.total_articles} articles "
          f"in {store.path}", file=out)
    if report.outdated:
        print(f"{report.outdated} articles were read by an older extractor version; "
              f"`python -m newsquotes reextract --store {store.path}` reads them again",
              file=out)
    return 0


def _reextract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsquotes import pipeline
    from newsquotes.extract.pipeline import EXTRACTOR_VERSION
    from newsquotes.store.parquet import Store

    store = Store(args.store)
    catalog = store.catalog()
    total = catalog.stale_articles(EXTRACTOR_VERSION) if catalog is not None else 0
    with tqdm(total=total, desc="Re-extracting", unit=" article", file=sys.stderr,
              disable=args.quiet) as bar:
        def progress(_files: int, _total: int, articles: int, _statements: int) -> None:
            bar.update(articles - bar.n)

        done = pipeline.update_store(store, progress, args.aliases, args.topics,
                                     args.processes, _runner(args), args.refit_topics)
    print(f"{done} articles extracted by {EXTRACTOR_VERSION}; the store holds "
          f"{store.count('statements')} statements of {store.count('articles')} articles "
          f"in {store.path}")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from newsquotes.synthstore import synth_store

    with tqdm(total=args.articles, desc="Writing", unit=" article", file=sys.stderr,
              disable=args.quiet) as bar:
        written = synth_store(args.store, args.articles, seed=args.seed,
                              progress=lambda done, _total: bar.update(done - bar.n))
    print(f"{args.articles} synthetic articles with {written} statements added to {args.store}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from newsquotes.analytics.filters import Filters, apply_filters
    from newsquotes.store.export import write_export
    from newsquotes.store.parquet import load_corpus

    corpus = load_corpus(args.store)
    filters = Filters(speakers=tuple(args.speaker), outlets=tuple(args.outlet),
                      topics=tuple(args.topic), kinds=tuple(args.kind), start=args.start,
                      end=args.end, text=args.q or "")
    rows = apply_filters(corpus.view(), filters, corpus.topics)
    print(f"{write_export(rows, args.to)} statements written to {args.to}")
    return 0


def _compact(args: argparse.Namespace) -> int:
    from newsquotes.store.compact import compact
    from newsquotes.store.parquet import Store

    merged, made = compact(Store(args.store))
    print(f"{merged} batches merged into {made}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from newsquotes.store.check import check, repair
    from newsquotes.store.parquet import Store

    store = Store(args.store)
    findings = check(store)
    damaged = [f for f in findings if f.damaged]
    for finding in damaged:
        print(finding)
    print(f"{len(findings) - len(damaged)} files whole, {len(damaged)} damaged in {store.path}")
    if damaged and args.repair:
        for line in repair(store):
            print(line)
        return 0
    if damaged:
        print("run again with --repair to rebuild what can be rebuilt (nothing is deleted)")
    return 1 if damaged else 0


def _date(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def _runner(args: argparse.Namespace):
    """Give the Dask runner of `--scheduler` (Dask is imported only then), else None: here."""
    if not args.scheduler:
        return None
    from newsquotes.cluster import dask_runner

    return dask_runner(args.scheduler)


def _store_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    from newsquotes.store import default_path

    parser.add_argument("--store", default=None if not required else argparse.SUPPRESS,
                        required=required,
                        help=f"store folder (default: $NEWSQUOTES_STORE or {default_path()})")


def _store_commands(sub) -> None:
    s = sub.add_parser("synth", help="write N synthetic articles with statements into a store")
    s.add_argument("--articles", type=int, required=True, metavar="N")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _store_option(s, required=True)
    s.set_defaults(run=_synth)
    x = sub.add_parser("export", help="write the (filtered) statements to .parquet/.csv/.jsonl")
    x.add_argument("--to", required=True, metavar="FILE")
    for name in ("speaker", "outlet", "topic", "kind"):
        x.add_argument(f"--{name}", action="append", default=[], help=f"keep this {name} "
                       "(repeat for several)")
    x.add_argument("--start", type=_date, help="first day (YYYY-MM-DD)")
    x.add_argument("--end", type=_date, help="last day (YYYY-MM-DD)")
    x.add_argument("--q", help="text the statement or its speaker contains")
    _store_option(x)
    x.set_defaults(run=_export)
    c = sub.add_parser("compact", help="merge a store's small parts")
    _store_option(c)
    c.set_defaults(run=_compact)
    k = sub.add_parser("check", help="read every part of a store; say what is damaged")
    k.add_argument("--repair", action="store_true",
                   help="rebuild the catalog, set damaged parts aside (never deleted)")
    _store_option(k)
    k.set_defaults(run=_check)


def _extract(args: argparse.Namespace) -> int:
    from newsquotes.batch import extract_jsonl

    try:
        written = extract_jsonl(args.input, args.output, n_process=args.processes)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{written} records written to {args.output}", file=sys.stderr)
    return 0


def _speakers(args: argparse.Namespace) -> int:
    from newsquotes.speakers.corpus import names_of
    from newsquotes.speakers.listing import listing_text, speaker_listing
    from newsquotes.store.parquet import Store, canonical

    store = Store(args.store)
    # Each name as its article gave it, beside the canonical name the store settled it to:
    # the listing shows what the dashboard shows, and which spellings were merged.
    names = names_of(store.raw_statements())
    shown = canonical(names.copy(), store.speakers())
    settled = names.assign(canonical=shown["speaker"].to_numpy(),
                           canonical_type=shown["speaker_type"].to_numpy())
    print(listing_text(speaker_listing(settled, args.limit)))
    return 0


def _extraction_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheduler", default=os.environ.get("NEWSQUOTES_SCHEDULER") or None,
                        metavar="ADDRESS", help="find statements on the Dask cluster of this "
                        "scheduler, e.g. tcp://10.0.0.5:8786 (default: $NEWSQUOTES_SCHEDULER)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    parser.add_argument("--aliases", default=None, metavar="FILE",
                        help="alias file (TOML; default: aliases.toml in the store folder)")
    parser.add_argument("--topics", default=None, metavar="FILE",
                        help="topic file (TOML; default: topics.toml in the store folder)")
    parser.add_argument("--refit-topics", action="store_true",
                        help="fit the topic model again on a sample of the whole store")
    _processes_option(parser)


def _processes_option(parser: argparse.ArgumentParser) -> None:
    cores = min(2, os.cpu_count() or 1)
    parser.add_argument("--processes", type=int, default=cores, metavar="N",
                        help=f"processes that find statements (default: {cores})")


def _parser() -> argparse.ArgumentParser:
    from newsquotes.config import MB, Limits

    parser = argparse.ArgumentParser(prog="python -m newsquotes",
                                     description="Find who said what in news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="print the parsed article(s) of files as JSON")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(run=_parse)
    i = sub.add_parser("ingest", help="add files, folders or .zip archives to the store")
    i.add_argument("paths", nargs="+", metavar="PATH")
    _store_option(i)
    default_mb = Limits().max_file_bytes / MB
    i.add_argument("--max-file-mb", type=float, default=default_mb,
                   help=f"reject files larger than this many MB (default: {default_mb:g})")
    i.add_argument("--no-extract", action="store_true",
                   help="store the articles without finding their statements yet")
    _extraction_options(i)
    i.set_defaults(run=_ingest)
    r = sub.add_parser("reextract", help="find again the statements of every article an older "
                       "extractor version read (rewrites only their batches)")
    _store_option(r)
    _extraction_options(r)
    r.set_defaults(run=_reextract)
    e = sub.add_parser("extract", help="statements of each {id, text} record of a JSONL file")
    e.add_argument("input", metavar="INPUT.jsonl")
    e.add_argument("-o", "--output", required=True, metavar="OUTPUT.jsonl")
    _processes_option(e)
    e.set_defaults(run=_extract)
    k = sub.add_parser("speakers", help="list the store's speakers: statements, type, spellings")
    _store_option(k)
    k.add_argument("--limit", type=int, default=50, metavar="N",
                   help="the N most quoted speakers (default: 50; 0 for all)")
    k.set_defaults(run=_speakers)
    _store_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Give the exit status of the command line run with `argv` (default: sys.argv[1:])."""
    from newsquotes.cluster import ClusterError  # imports no Dask
    from newsquotes.store import StoreError

    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    # A damaged store, or a cluster that cannot run this project: one plain line, no traceback.
    except (StoreError, ClusterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
