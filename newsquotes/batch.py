"""The extractor over many texts: worker processes, and JSON Lines files in and out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from newsquotes.extract import pipeline as extraction
from newsquotes.records import Statement

# Texts per task handed to a worker process: large enough to fill spaCy's batches, small
# enough that two workers finish together.
_CHUNK = 24


def extract_texts(texts: Iterable[str], n_process: int = 1) -> list[extraction.Extraction]:
    """Give the statements and bound flags of each text.

    With `n_process` > 1 and enough texts, whole chunks of texts go to worker processes, so
    that both the parse and the attribution after it run on every core.
    """
    texts = list(texts)
    if n_process > 1 and len(texts) > _CHUNK:
        import multiprocessing

        extraction.load_parser()  # loaded once here, inherited by forked workers
        chunks = [texts[i:i + _CHUNK] for i in range(0, len(texts), _CHUNK)]
        with multiprocessing.get_context().Pool(n_process) as pool:
            return [found for part in pool.imap(extraction.extract_texts, chunks)
                    for found in part]
    return extraction.extract_texts(texts)


def extract_many(texts: Iterable[str], n_process: int = 1) -> list[list[Statement]]:
    """Give the statements of each text (see `extract_texts`)."""
    return [found.statements for found in extract_texts(texts, n_process)]


def _quote_record(s: Statement) -> dict:
    """Give the JSON form of one statement (the evaluation interface)."""
    d = s.to_dict()
    d.pop("article_id", None)
    return d


def _with_sentiment(batches: list[list[Statement]]) -> list[list[dict]]:
    """Give the JSON records of each article's statements, each with its VADER sentiment."""
    from newsquotes.analytics.sentiment import score_texts

    flat = [s for batch in batches for s in batch]
    scores = score_texts([s.text for s in flat]).to_dict("records") if flat else []
    it = iter(scores)
    out = []
    for batch in batches:
        recs = []
        for s in batch:
            d = _quote_record(s)
            sc = next(it)
            d["sentiment"] = {k: sc[k] for k in ("compound", "pos", "neu", "neg", "label")}
            recs.append(d)
        out.append(recs)
    return out


def extract_jsonl(in_path: str | Path, out_path: str | Path, batch: int = 256,
                  n_process: int = 1) -> int:
    """Give the number of records written: one `{"id", "quotes"}` line per input line (with
    `"flags"` when the extraction reached one of its bounds, see extract/limits.py).

    A record is read with ingest's field names (`text`, `maintext`, `content`, ...); one with
    no text gets an empty list and a message on stderr naming the file, the line and the
    reason. The output is written to a temporary file and moved into place, so it is never
    half-written; ValueError when no record held a text.
    """
    from newsquotes.ingest.readers import jsonl_texts

    in_path, out_path = Path(in_path), Path(out_path)
    tmp = out_path.with_name(out_path.name + ".part")
    written = readable = 0
    with open(in_path, "rb") as src, open(tmp, "w", encoding="utf-8") as dst:
        pending: list[tuple[object, str | None]] = []

        def flush() -> None:
            nonlocal written
            found = extract_texts([t for _, t in pending if t is not None], n_process)
            results = iter(zip(_with_sentiment([f.statements for f in found]), found,
                               strict=True))
            for rid, t in pending:
                quotes, flags = next(results) if t is not None else ([], None)
                record = {"id": rid, "quotes": quotes}
                if flags is not None and flags.flags:
                    record["flags"] = flags.flags  # the extractor's bounds it reached
                dst.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
            pending.clear()

        for lineno, rid, text, message in jsonl_texts(src):
            if message:
                print(f"{in_path}: line {lineno} (id {rid}): {message}", file=sys.stderr)
            readable += text is not None
            pending.append((rid, text))
            if len(pending) >= batch:
                flush()
        flush()
    if written and not readable:
        tmp.unlink()
        raise ValueError(f"{in_path}: no record holds a text to extract from")
    tmp.replace(out_path)
    return written
