"""WARC and WARC.gz, the format of web crawls (Common Crawl's CC-News among them), read by
warcio: every HTML response (or resource) record an article, its WARC-Target-URI the `url`,
its WARC-Date the date where the page declares none. Other records are skipped."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import BinaryIO

from newsquotes.config import Limits, size_text
from newsquotes.ingest.articles import make_article, shown
from newsquotes.ingest.dates import parse_date
from newsquotes.ingest.decoding import decode_bytes
from newsquotes.ingest.readers import read_html
from newsquotes.records import Article, Rejection

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(head: bytes) -> bool:
    """Give True for the first bytes of a WARC file (its version line)."""
    return head.startswith(b"WARC/")


def _html_record(record) -> tuple[str, str | None] | None:
    """Give (target URI, declared charset) of an HTML page record, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if not ctype.lower().startswith(HTML_TYPES):
        return None
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in ctype.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), None)
    return record.rec_headers.get_header("WARC-Target-URI") or "", charset


def _page(data: bytes, charset: str | None, uri: str, stamp: str, where: str
          ) -> Iterator[Article | Rejection]:
    """Give the article of one HTML record: the page's own date first, else the WARC-Date."""
    found = decode_bytes(data, charset)
    if found is None:
        yield Rejection(where, "binary record: not text in any known encoding")
        return
    flags = (f"bad_bytes={found.bad_bytes}",) if found.bad_bytes else ()
    for item in read_html(found.text, where):
        if isinstance(item, Rejection):
            yield item
            continue
        draft = item[1]
        crawled = parse_date(stamp[:10]) if stamp and draft.date is None else None
        if crawled:  # the day it was crawled: said, as it may be later than publication
            draft = dataclasses.replace(draft, date=crawled, flags=(*draft.flags, "date_crawled"))
        yield make_article(dataclasses.replace(draft, url=uri or draft.url), where, flags)


def read_warc(stream: BinaryIO, origin: str, limits: Limits) -> Iterator[Article | Rejection]:
    """Give the articles of the HTML records of a WARC stream (gzipped or not), read one
    record at a time: each page under the file limit, the whole under the pages and
    unpacked-size limits (a crawl file, 1 GB for CC-News, is not held to the file limit)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = total = 0
    try:
        for record in ArchiveIterator(stream):
            total += record.length or 0  # every record, read or skipped: time is bounded too
            if total > limits.max_unpacked_bytes:
                yield Rejection(origin, f"WARC unpacks to more than "
                                        f"{size_text(limits.max_unpacked_bytes)}, the limit; "
                                        f"the rest is not read")
                return
            found = _html_record(record)
            if found is None:
                continue
            uri, charset = found
            pages += 1
            where = f"{origin}!{shown(uri) or f'record {pages}'}"
            if pages > limits.max_members:
                yield Rejection(origin, f"WARC has more than {limits.max_members} pages, the "
                                        f"limit; the rest is not read")
                return
            data = record.content_stream().read(limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                yield Rejection(where, f"page is over the size limit of "
                                       f"{size_text(limits.max_file_bytes)} per file")
                continue
            stamp = record.rec_headers.get_header("WARC-Date") or ""
            yield from _page(data, charset, uri, stamp, where)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Rejection(origin, f"broken WARC after {pages} pages: {exc}")
