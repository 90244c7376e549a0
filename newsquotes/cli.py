"""`python -m newsquotes`: parse files, ingest them into the store, extract statements."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from newsquotes.records import Article, Rejection

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

    from newsquotes import pipeline
    from newsquotes.ingest.files import Limits, read_paths
    from newsquotes.store.parquet import Store

    store = Store(args.store)
    limits = Limits(max_file_bytes=int(args.max_file_mb * 1024 * 1024))
    articles: list[Article] = []
    rejections: list[Rejection] = []
    with tqdm(desc="Reading", unit=" item", file=sys.stderr, disable=args.quiet) as bar:
        for item in read_paths(args.paths, limits):
            (articles if isinstance(item, Article) else rejections).append(item)
            bar.update(1)
    added, present = store.add_articles(articles)
    out = sys.stdout
    print(f"read:            {len(articles)} articles", file=out)
    print(f"added:           {len(added)}", file=out)
    print(f"already present: {len(present)}", file=out)
    print(f"rejected:        {len(rejections)}", file=out)
    for r in rejections:
        print(f"  {r.origin}: {r.reason}", file=out)
    if args.no_extract:
        return 0
    with tqdm(desc="Finding statements", unit=" article", file=sys.stderr,
              disable=args.quiet) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        extracted = pipeline.update_store(store, progress=progress, n_process=args.processes)
    print(f"extracted:       {extracted} articles; the store holds "
          f"{len(store.statements())} statements in {store.path}", file=out)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from newsquotes.batch import extract_jsonl

    written = extract_jsonl(args.input, args.output, n_process=args.processes)
    print(f"{written} records written to {args.output}", file=sys.stderr)
    return 0


def _speakers(args: argparse.Namespace) -> int:
    from newsquotes.speakers.aliases import load_aliases
    from newsquotes.speakers.corpus import names_of, settle
    from newsquotes.speakers.listing import listing_text, speaker_listing
    from newsquotes.store.parquet import Store

    store = Store(args.store)
    alias_file = store.path / "aliases.toml"
    aliases = load_aliases(alias_file) if alias_file.is_file() else None
    # a store of parts keeps its settled names table; else settle the stored statements
    settled = store.speakers() if hasattr(store, "speakers") else settle(
        names_of(store.statements()), aliases)
    print(listing_text(speaker_listing(settled, args.limit)))
    return 0


def _processes_option(parser: argparse.ArgumentParser) -> None:
    cores = min(2, os.cpu_count() or 1)
    parser.add_argument("--processes", type=int, default=cores, metavar="N",
                        help=f"processes that find statements (default: {cores})")


def _parser() -> argparse.ArgumentParser:
    from newsquotes.store.parquet import default_path

    parser = argparse.ArgumentParser(prog="python -m newsquotes",
                                     description="Find who said what in news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="print the parsed article(s) of files as JSON")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(run=_parse)
    i = sub.add_parser("ingest", help="add files, folders or .zip archives to the store")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--store", default=None,
                   help=f"store folder (default: $NEWSQUOTES_STORE or {default_path()})")
    i.add_argument("--max-file-mb", type=float, default=20.0,
                   help="reject files larger than this many MB (default: 20)")
    i.add_argument("--no-extract", action="store_true",
                   help="store the articles without finding their statements yet")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    _processes_option(i)
    i.set_defaults(run=_ingest)
    e = sub.add_parser("extract", help="statements of each {id, text} record of a JSONL file")
    e.add_argument("input", metavar="INPUT.jsonl")
    e.add_argument("-o", "--output", required=True, metavar="OUTPUT.jsonl")
    _processes_option(e)
    e.set_defaults(run=_extract)
    k = sub.add_parser("speakers", help="list the store's speakers: statements, type, spellings")
    k.add_argument("--store", default=None,
                   help=f"store folder (default: $NEWSQUOTES_STORE or {default_path()})")
    k.add_argument("--limit", type=int, default=50, metavar="N",
                   help="the N most quoted speakers (default: 50; 0 for all)")
    k.set_defaults(run=_speakers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Give the exit status of the command line run with `argv` (default: sys.argv[1:])."""
    args = _parser().parse_args(argv)
    return args.run(args)
