"""Ingest speed and rejections: articles parsed per second over sample_data/, and what a folder
of bad files (built here, in a temporary folder) gives, counted by reason.

    python benchmarks/bench_ingest.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.config import Limits  # noqa: E402
from newsquotes.ingest.files import read_paths  # noqa: E402
from newsquotes.records import Article, Rejection  # noqa: E402

SAMPLE = [ROOT / "sample_data" / "articles", ROOT / "sample_data" / "seed"]
STORY = ("Ferry fares rise\n\nBy Jane Doe\n\nMarch 10, 2022\n\n"
         "Ferry fares rose by a tenth on Monday, the harbour board said.\n")


def build_bad_folder(folder: Path) -> Limits:
    """Write one file for each kind of bad input; give the limits the folder is read with."""
    def write(name: str, data: bytes | str) -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    write("empty.txt", b"")
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    write("slides.pdf", b"%PDF-1.4")
    write("broken.json", '[{"text": "Fares rose."},\n{"text": ]')
    write("broken.csv", "title,text\nA,Fares rose.\nB,Fares fell.,extra\n")
    write("no_text.jsonl", '{"title": "Fares"}\n{"text": "Fares rose, the board said."}\n')
    write("huge.txt", STORY + "More. " * 2000)
    write("undated.txt", "Fares explained\n\nFares are set by the port board each spring.\n")
    write("french.txt", "Les tarifs augmentent\n\nLes tarifs du ferry ont augmenté lundi, a "
                        "déclaré le conseil du port, qui a dit que le prix du carburant a doublé.")
    with zipfile.ZipFile(folder / "many.zip", "w") as z:
        for i in range(12):
            z.writestr(f"{i}.txt", STORY)
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", "a" * 5_000_000)
    with zipfile.ZipFile(folder / "evil.zip", "w") as z:
        z.writestr("../../escape.txt", STORY)
        z.writestr("ok.txt", STORY.replace("tenth", "fifth"))
    return Limits(max_file_bytes=10_000, max_members=10, max_unpacked_bytes=1_000_000)


def reason_kind(reason: str) -> str:
    """Give a rejection reason without its numbers and details (its kind)."""
    head = re.split(r"[:(;]", reason, maxsplit=1)[0]
    return re.sub(r"\d[\d,.]*", "N", head).strip()


def build_packed(folder: Path) -> dict[str, Path | list[Path]]:
    """Write the sample corpus's .txt articles packed three ways; give each shape's paths."""
    import gzip
    import io
    import tarfile

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsquotes.ingest.decoding import decode

    texts = sorted((ROOT / "sample_data" / "articles").rglob("*.txt"))
    tgz = folder / "sample.tar.gz"
    with tarfile.open(tgz, "w:gz") as tar:
        for p in texts:
            tar.add(p, arcname=p.name)
    jsonl = folder / "sample.jsonl.gz"
    jsonl.write_bytes(gzip.compress("".join(
        json.dumps({"maintext": decode(p.read_bytes()), "title": p.stem}) + "\n"
        for p in texts).encode()))
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for p in texts:
        paras = "".join(f"<p>{x}</p>" for x in decode(p.read_bytes()).split("\n\n"))
        page = f"<html><body><article>{paras}</article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.com/{p.stem}", "response", payload=io.BytesIO(page),
            http_headers=headers, warc_headers_dict={"WARC-Date": "2022-03-10T00:00:00Z"}))
    warc = folder / "sample.warc.gz"
    warc.write_bytes(buf.getvalue())
    return {"their .txt files": texts, ".tar.gz": tgz,
            ".jsonl.gz": jsonl, ".warc.gz": warc}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    list(read_paths(SAMPLE))  # warm imports (trafilatura, charset-normalizer)
    start = time.perf_counter()
    articles = words = 0
    for _ in range(args.rounds):
        for item in read_paths(SAMPLE):
            if isinstance(item, Article):
                articles += 1
                words += item.word_count
    elapsed = time.perf_counter() - start
    per_round = articles // args.rounds
    print(f"sample_data: {per_round} articles x {args.rounds} rounds in {elapsed:.2f} s: "
          f"{articles / elapsed:,.0f} articles/s, {words / elapsed:,.0f} words/s")

    with tempfile.TemporaryDirectory() as tmp:
        for shape, path in build_packed(Path(tmp)).items():
            start = time.perf_counter()
            paths = path if isinstance(path, list) else [path]
            n = sum(isinstance(i, Article) for _ in range(args.rounds) for i in read_paths(paths))
            elapsed = time.perf_counter() - start
            print(f"sample articles as {shape:<15} {n // args.rounds} articles: "
                  f"{n / elapsed:,.0f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        limits = build_bad_folder(Path(tmp))
        items = list(read_paths([tmp], limits))
    kept = [a for a in items if isinstance(a, Article)]
    rejected = [r for r in items if isinstance(r, Rejection)]
    flags = Counter(f for a in kept for f in a.flags)
    print(f"bad-files folder: {len(kept)} articles kept (flags: {json.dumps(dict(flags))}), "
          f"{len(rejected)} rejections")
    for kind, n in sorted(Counter(reason_kind(r.reason) for r in rejected).items()):
        print(f"  {n}  {kind}")


if __name__ == "__main__":
    main()
