"""HTML body extraction against ground truth: word precision / recall / F1 of the body, title
and url found, dates, boilerplate leaks, for the project's reader and for plain trafilatura.

    python benchmarks/bench_html.py DIR   # DIR: *.html.gz + ground-truth.json (the
                                          # article-extraction-benchmark's layout)

Words are compared as bags (multisets) of lower-cased words and numbers, per page, averaged
over pages. A leak is a page whose body holds a boilerplate phrase its true body does not.
Then the decoding of the same pages, damaged by one stray byte or re-encoded in cp1252 / cp1251
with their charset declaration removed: pages whose text came back whole.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.config import Limits  # noqa: E402
from newsquotes.ingest import readers  # noqa: E402
from newsquotes.ingest.archives import read_member  # noqa: E402
from newsquotes.records import Article  # noqa: E402

BOILERPLATE = ("cookie", "subscribe", "sign up", "newsletter", "all rights reserved",
               "share this", "advertisement", "related articles", "follow us", "log in",
               "privacy policy", "terms of use", "comments")
_WORD = re.compile(r"\w+")


def scores(found: str, truth: str) -> tuple[float, float, float]:
    """Give word precision, recall and F1 of `found` against `truth`."""
    a, b = Counter(_WORD.findall(found.lower())), Counter(_WORD.findall(truth.lower()))
    same = sum((a & b).values())
    p = same / sum(a.values()) if a else 0.0
    r = same / sum(b.values()) if b else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def project(data: bytes, name: str) -> dict:
    items = list(read_member(data, name, name, Limits(), nested=False))
    art = next((i for i in items if isinstance(i, Article)), None)
    if art is None:
        return {"body": "", "title": "", "url": "", "date": None, "flags": ()}
    return {"body": art.body, "title": art.title, "url": art.url, "date": art.date,
            "flags": art.flags}


def plain(data: bytes, name: str) -> dict:
    import trafilatura
    from trafilatura.utils import decode_file

    doc = trafilatura.bare_extraction(decode_file(gzip.decompress(data)), with_metadata=True)
    if doc is None:
        return {"body": "", "title": "", "url": "", "date": None, "flags": ()}
    return {"body": doc.text or "", "title": doc.title or "", "url": doc.url or "",
            "date": doc.date, "flags": ()}


def no_tables(data: bytes, name: str) -> dict:
    options = dict(readers.HTML_OPTIONS)
    readers.HTML_OPTIONS["include_tables"] = False
    try:
        return project(data, name)
    finally:
        readers.HTML_OPTIONS.update(options)


def run(label: str, read, pages: list[tuple[str, bytes]], truth: dict) -> None:
    start = time.perf_counter()
    p = r = f = 0.0
    titles = urls = leaks = dated = jan1 = foreign = 0
    for name, data in pages:
        got, want = read(data, name), truth[name.split(".")[0]]
        pp, rr, ff = scores(got["body"], want["articleBody"])
        p, r, f = p + pp, r + rr, f + ff
        titles += bool(got["title"])
        urls += bool(got["url"]) and got["url"].rstrip("/") == want["url"].rstrip("/")
        body, gold = got["body"].lower(), want["articleBody"].lower()
        leaks += any(b in body and b not in gold for b in BOILERPLATE)
        dated += got["date"] is not None
        jan1 += str(got["date"] or "").endswith("01-01")
        foreign += "not_english" in got["flags"]
    n = len(pages)
    print(f"{label:<26} P {p / n:.3f}  R {r / n:.3f}  F1 {f / n:.3f}  title {titles}/{n}  "
          f"url {urls}/{n}  dated {dated}/{n} (1 Jan: {jan1})  leaks {leaks}/{n}  "
          f"not_english {foreign}  {time.perf_counter() - start:.1f} s")


def encodings(pages: list[tuple[str, bytes]]) -> None:
    """Print how often the project's decoding and trafilatura's give back each page's text
    when it is damaged by one stray byte, or re-encoded in a legacy charset whose name the
    page does not declare."""
    from trafilatura.utils import decode_file

    from newsquotes.ingest.decoding import decode_bytes

    counts: Counter = Counter()
    for _, data in pages:
        text = gzip.decompress(data).decode("utf-8")
        raw = text.encode("utf-8")
        cut = len(text[: len(text) // 2].encode("utf-8"))
        stray = raw[:cut] + b"\xff" + raw[cut:]
        want = text[: len(text) // 2] + "\ufffd" + text[len(text) // 2:]
        cases = [("one stray byte in UTF-8", stray, want)]
        for codec in ("cp1252", "cp1251"):
            try:
                legacy = re.sub(rb"(?i)charset\s*=\s*[\"']?[\w-]+", b"", text.encode(codec))
            except UnicodeEncodeError:
                continue
            if legacy.isascii():
                continue  # nothing to tell the charsets apart by
            cases.append((f"{codec}, undeclared", legacy, legacy.decode(codec)))
        for case, damaged, good in cases:
            counts[case, "pages"] += 1
            found = decode_bytes(damaged)
            counts[case, "newsquotes"] += found is not None and found.text == good
            counts[case, "trafilatura"] += decode_file(damaged) == good
    for case in dict.fromkeys(c for c, _ in counts):
        print(f"decoding, {case:<24} newsquotes {counts[case, 'newsquotes']}/"
              f"{counts[case, 'pages']}  trafilatura {counts[case, 'trafilatura']}/"
              f"{counts[case, 'pages']}")


def _ascii(text: str) -> str:
    """Give the text with every non-ASCII character made ASCII (its base letter) or dropped."""
    text = text.translate(str.maketrans("‘’“”–—…\xa0", "''\"\"--. "))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def lone_bytes(pages: list[tuple[str, bytes]], seed: int = 7) -> None:
    """Print how ASCII pages with one high byte are read: each page made ASCII but for one
    of its own cp1252 characters where it stood (each distinct one, should read as cp1252),
    and with one random byte 0x80-0xFF at a random place (should be flagged a stray byte)."""
    from newsquotes.ingest.decoding import decode_bytes

    rng = random.Random(seed)
    real, stray = Counter(), Counter()
    for _, data in pages:
        text = re.sub(r"(?i)charset\s*=\s*[\"']?[\w-]+", "", gzip.decompress(data).decode())
        for char in dict.fromkeys(c for c in text if ord(c) > 127):
            if not char.isprintable() or len(char.encode("cp1252", "ignore")) != 1:
                continue
            at = text.index(char)
            one = (_ascii(text[:at]) + char + _ascii(text[at + 1:])).encode("cp1252")
            found = decode_bytes(one)
            real["cases"] += 1
            real["read"] += found is not None and found.encoding == "cp1252"
        plain = _ascii(text).encode("ascii")
        for _ in range(4):
            at, byte = rng.randrange(len(plain)), bytes([rng.randrange(0x80, 0x100)])
            found = decode_bytes(plain[:at] + byte + plain[at:])
            stray["cases"] += 1
            stray["flagged"] += found is not None and found.bad_bytes == 1
    print(f"decoding, ASCII + one of its cp1252 characters  read as cp1252 "
          f"{real['read']}/{real['cases']}")
    print(f"decoding, ASCII + one random high byte          flagged bad_bytes "
          f"{stray['flagged']}/{stray['cases']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(p.name, p.read_bytes()) for p in sorted(args.folder.glob("*.html.gz"))
             if p.name.split(".")[0] in truth]
    print(f"{len(pages)} pages with ground truth in {args.folder}")
    run("newsquotes", project, pages, truth)
    run("newsquotes, tables dropped", no_tables, pages, truth)
    run("plain trafilatura", plain, pages, truth)
    encodings(pages)
    lone_bytes(pages)


if __name__ == "__main__":
    main()
