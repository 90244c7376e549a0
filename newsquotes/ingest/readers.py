"""Readers for each article format: decoded text in, drafts (or rejections) out.

Every reader takes the decoded text of one file and the file's `origin` (its path as shown to
the user) and yields `(origin, Draft)` pairs, one per article, or `Rejection`s naming the file,
the record and the reason. A bad record never stops the records after it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator

from newsquotes.config import Limits
from newsquotes.ingest.dates import parse_date
from newsquotes.ingest.feeds import read_feed
from newsquotes.ingest.fields import (
    FIELDS,
    LONE_SURROGATE,
    field,
    field_key,
    from_record,
    keyed_record,
    record_text,
)
from newsquotes.ingest.textformat import parse_text
from newsquotes.records import Draft, Rejection

# Python's csv module stops at 131,072 characters a field; a long article is longer.
csv.field_size_limit(Limits().max_field_chars)

Read = Iterator[tuple[str, Draft] | Rejection]


def read_text(text: str, origin: str) -> Read:
    """Yield the one article of a plain-text file."""
    draft = parse_text(text)
    if not draft.body:
        yield Rejection(origin, "no article text found (only a headline or boilerplate)")
    else:
        yield origin, draft


def _records_in(data) -> list | None:
    """Give the article records a JSON document holds: a list, one article, or a wrapper."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if field(data, "body"):
            return [data]
        lists = [v for v in data.values() if isinstance(v, list) and v
                 and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:  # {"articles": [...]} and the like
            return lists[0]
        return [data]
    return None


def read_json(text: str, origin: str) -> Read:
    """Yield the articles of a JSON file: one object, a list of objects, or {"articles": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(origin, f"broken JSON: line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    except RecursionError:
        yield from _records_apart(text, origin)
        return
    records = _records_in(data)
    if records is None:
        yield Rejection(origin, f"expected a JSON object or a list of objects, "
                                f"found a {type(data).__name__}")
        return
    for n, record in enumerate(records, start=1):
        where = f"{origin}#record {n}" if len(records) > 1 or isinstance(data, list) else origin
        yield _object_record(record, where)


# A JSON string (escapes included) or a bracket or comma outside strings.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')


def _record_spans(text: str) -> list[tuple[int, int]] | None:
    """Give (start, end) of each element of a JSON document's list of records (the top-level
    array, or the one array of a top-level object), found by its brackets without recursion;
    None when there is no one such list or the brackets do not balance."""
    stack: list[str] = []
    spans: list[tuple[int, int]] = []
    lists, start = 0, 0
    for m in _TOKENS.finditer(text):
        tok = m.group()
        at_list = stack in (["["], ["{", "["])
        if tok in "[{":
            stack.append(tok)
            if tok == "[" and stack in (["["], ["{", "["]):
                lists, start = lists + 1, m.end()
        elif tok in "]}":
            if at_list and tok == "]" and text[start:m.start()].strip():
                spans.append((start, m.start()))
            if not stack:
                return None
            stack.pop()
        elif tok == "," and at_list:
            spans.append((start, m.start()))
            start = m.end()
    return spans if lists == 1 and spans and not stack else None


def _records_apart(text: str, origin: str) -> Read:
    """Yield the records of a JSON file too deep to read whole, each read on its own, so one
    over-nested record is rejected alone."""
    spans = _record_spans(text)
    if spans is None:
        yield Rejection(origin, "JSON nested too deeply to read")
        return
    for n, (start, end) in enumerate(spans, start=1):
        where = f"{origin}#record {n}"
        record, reason = json_line(text[start:end])
        yield Rejection(where, reason) if reason else _object_record(record, where)


def _object_record(record: object, where: str) -> tuple[str, Draft] | Rejection:
    """Give the draft of a JSON record, or a rejection when the record is not an object."""
    if not isinstance(record, dict):
        return Rejection(where, f"expected an object with a 'text' field, "
                                f"found a {type(record).__name__}")
    return from_record(record, where)


def json_line(line: str) -> tuple[object, str]:
    """Give (value, "") of one JSON Lines line, or (None, reason) when it cannot be read."""
    try:
        return json.loads(line), ""
    except json.JSONDecodeError as exc:
        return None, f"broken JSON: column {exc.colno}: {exc.msg}"
    except RecursionError:
        return None, "JSON nested too deeply to read"


def jsonl_texts(lines: Iterable[bytes]) -> Iterator[tuple[int, object, str | None, str]]:
    """Give (line number, record id, text or None, message) for each non-blank line of a
    JSON Lines file read as bytes: the fields `ingest` reads, one bad line costing only
    itself (a stray byte is replaced and said; a bad line gets text None and the reason)."""
    for n, raw in enumerate(lines, start=1):
        line = raw.decode("utf-8", errors="replace")
        if not line.strip():
            continue
        record, reason = json_line(line)
        if not reason and not isinstance(record, dict):
            reason = f"expected a JSON object, found a {type(record).__name__}"
        if reason:
            yield n, n, None, reason
            continue
        keyed = keyed_record(record)
        rid = next((keyed[k] for k in FIELDS["id"] if keyed.get(k) not in (None, "")), n)
        if isinstance(rid, str) and LONE_SURROGATE.search(rid):
            rid = n  # an id that cannot be written out as UTF-8
        text, why = record_text(record)
        bad = line.count("\ufffd") - raw.count("\ufffd".encode())
        yield n, rid, text or None, why or (f"{bad} byte(s) not UTF-8, replaced" if bad else "")


def read_jsonl(text: str, origin: str) -> Read:
    """Yield the articles of a JSON Lines file, one object a line (blank lines skipped)."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}#line {n}"
        record, reason = json_line(line)
        yield Rejection(where, reason) if reason else _object_record(record, where)


def _csv_rows(text: str, dialect) -> tuple[list[str], list[dict | str]]:
    """Give the header and each row as a dict, or as the error text of a row that breaks."""
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        header = [str(h).strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        return [], [f"line {reader.line_num}: {exc}"]
    rows: list[dict | str] = []
    try:
        for row in reader:
            rows.append(row if None not in row else
                        f"line {reader.line_num}: more fields than the header has")
    except csv.Error as exc:
        rows.append(f"line {reader.line_num}: {exc}; the rest is not read")
    return header, rows


def _has_text(header: list[str]) -> bool:
    return any(field_key(h) in FIELDS["body"] for h in header)


def _csv_ok(header: list[str], rows: list) -> bool:
    return _has_text(header) and not any(isinstance(r, str) for r in rows)


def read_csv(text: str, origin: str) -> Read:
    """Yield the articles of a CSV file with a header row, one article a row: read in the
    standard dialect (commas, doubled quotes), a sniffed one only when that fails."""
    header, rows = _csv_rows(text, csv.excel)
    if not _csv_ok(header, rows):
        try:
            sniffed = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        except csv.Error:
            sniffed = None
        if sniffed is not None:
            other = _csv_rows(text, sniffed)
            if _csv_ok(*other):
                header, rows = other
    if not _has_text(header):
        yield Rejection(origin, f"broken CSV: no text column in the header (expected one of "
                                f"text, body, maintext, content); found: "
                                f"{', '.join(header) or 'nothing'}")
        return
    for n, row in enumerate(rows, start=1):
        where = f"{origin}#record {n}"
        yield (Rejection(where, f"broken CSV: {row}") if isinstance(row, str)
               else from_record(row, where))


def _drop_leading(text: str, labels: set[str]) -> str:
    """Give `text` as paragraphs, without leading lines that repeat the title or section."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    while lines and lines[0].casefold() in labels:
        lines.pop(0)
    # One paragraph a line from trafilatura; a blank line between them, as in plain text.
    return "\n\n".join(lines)


# trafilatura's options: tables kept as text (a results table is the article); a date only from
# the page's markup (htmldate without its search of the free text and the URL).
HTML_OPTIONS = {
    "with_metadata": True, "include_comments": False, "include_tables": True,
    "include_images": False, "include_links": False,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def declared_date(found: str, page: str) -> str:
    """Give the date htmldate found in a page's markup, but not a 1 January the page never
    writes (htmldate's way of giving a year alone)."""
    if not found.endswith("-01-01"):
        return found
    year = found[:4]
    written = (f"{year}-01-01", f"{year}/01/01", f"01/01/{year}", f"1 January {year}",
               f"January 1, {year}", f"Jan 1, {year}", f"{year}0101")
    return found if any(w.lower() in page.lower() for w in written) else ""


def read_html(text: str, origin: str) -> Read:
    """Yield the article of an HTML page: main text and metadata found by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, **HTML_OPTIONS)
    if doc is None or not (doc.text or "").strip():
        yield Rejection(origin, "no article text found in the HTML page")
        return
    categories = [c for c in (doc.categories or []) if c]
    labels = {x.casefold() for x in [doc.title or "", *categories] if x}
    date_text = declared_date(doc.date or "", text)
    body = _drop_leading(doc.text, labels)
    first, _, rest = body.partition("\n\n")
    if not date_text and rest and parse_date(first):  # a dateline opening the text
        date_text, body = first, rest
    yield origin, Draft(
        title=(doc.title or "").strip(), body=body,
        date=parse_date(date_text) if date_text else None,
        section=categories[0] if categories else "", source=doc.sitename or "",
        author=doc.author or "", url=doc.url or "",
    )


READERS = {
    ".txt": read_text, ".text": read_text,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
}
