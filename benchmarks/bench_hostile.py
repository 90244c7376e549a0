"""Hostile input, every class of issue 13: each is built here in a temporary folder beside a
good article and printed with its outcome (stored / flagged / rejected and why), time, peak
memory and whether the good article (or its statement) was still there. The reading classes
are read in one batch in process (peak: Python allocations, tracemalloc); the classes of the
extractor and the store run the command line (hostile_cli.py; peak: the largest process's
RSS, spaCy's model included).

    python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tarfile
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsquotes.config import MB, Limits  # noqa: E402
from newsquotes.ingest.files import read_paths  # noqa: E402
from newsquotes.records import Article  # noqa: E402

BODY = "Ferry fares rose by a tenth on Monday, the harbour board said, blaming fuel."
STORY = f"Ferry fares rise\n\nMarch 10, 2022\n\n{BODY}\n"
GOOD = "Harbour reopens\n\nMarch 11, 2022\n\nThe harbour reopened on Tuesday, its board said.\n"


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return build


def _zip_escape(folder: Path) -> Path:
    path = folder / "names.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("\x1b[2Jclear\u202etxt.exe", "x")
    return path


def _tar(name: str, info: tarfile.TarInfo, data: bytes = b"") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        with tarfile.open(folder / name, "w:gz") as tar:
            tar.addfile(info, io.BytesIO(data) if data else None)
        return folder / name
    return build


def _link(target: str, name: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        (folder / name).symlink_to(target)
        return folder / name
    return build


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _link_out_in_folder(folder: Path) -> Path:
    sub = folder / "scan"
    sub.mkdir()
    (sub / "passwd.txt").symlink_to("/etc/passwd")
    return sub


def _bomb_tar_info() -> tarfile.TarInfo:
    info = tarfile.TarInfo("huge.txt")
    info.size = 300 * MB  # the header claims it; the unpacked-size check reads no further
    return info


def _link_info() -> tarfile.TarInfo:
    info = tarfile.TarInfo("passwd.txt")
    info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
    return info


def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    page = f"<html><head><title>Fares</title></head><body><article><p>{BODY}</p>" \
           f"<p>{BODY}</p></article></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://example.com/a", "response", payload=io.BytesIO(page), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2019-11-19T14:05:00Z"}))
    return buf.getvalue()


CLASSES: list[tuple[str, Callable[[Path], Path]]] = [
    ("UTF-8 with one stray byte", _write("stray.txt", STORY.replace("board", "board’s chair")
                                         .encode().replace(b"tenth", b"ten\xffth"))),
    ("UTF-16 without BOM", _write("wide.txt", STORY.encode("utf-16-le"))),
    ("UTF-32 with BOM", _write("wide32.txt", STORY.encode("utf-32"))),
    ("CSV field of 200,000 chars", _write("long.csv", f'title,text\nLong,"{"Fares. " * 28572}"'
                                                      f'\nNext,"{BODY}"\n')),
    ("JSONL line nested 100,000 deep", _write("nested.jsonl", json.dumps({"text": BODY})
                                              + "\n" + "[" * 100_000 + "\n")),
    ("JSON record nested 5,000 deep", _write("nested.json", f'[{json.dumps({"text": BODY})}, '
                                             f'{{"text": {"[" * 5000}{"]" * 5000}}}]')),
    ("JSON record with lone surrogate", _write("surrogate.json", '[{"text": "bad \\ud800"},'
                                               + json.dumps({"text": BODY}) + "]")),
    ("ASCII with one stray byte 0xFF", _write("ascii.txt", STORY.encode()
                                              .replace(b"tenth", b"ten\xffth"))),
    ("date 0001-01-01", _write("old.jsonl", json.dumps({"text": BODY, "date": "0001-01-01"}))),
    ("one-paragraph .txt", _write("para.txt", BODY + "\n")),
    ("non-English article", _write("fr.txt", "Tarifs\n\nLes tarifs du ferry ont augmenté "
                                   "lundi, a déclaré le conseil du port.\n")),
    ("file 1 byte over the limit", _write("big.txt", b"a" * (20 * MB + 1))),
    ("gzip bomb (1 GB of zeros)", lambda f: _gzip_bomb(f)),
    ("tar.gz whose header claims 300 MB", _tar("bomb.tgz", _bomb_tar_info())),
    ("tar member linking to /etc/passwd", _tar("link.tgz", _link_info())),
    ("symlink to /dev/zero", _link("/dev/zero", "zero.txt")),
    ("FIFO named on the command line", _fifo),
    ("dangling link", _link("/nonexistent/x.txt", "gone.txt")),
    ("folder with a link out of it", _link_out_in_folder),
    ("zip member named with ESC[2J and U+202E", _zip_escape),
    ("WARC renamed .html", _write("crawl.html", _warc())),
    ("WARC.gz with a 300 MB non-HTML record", lambda f: _warc_bomb(f)),
]


def _warc_bomb(folder: Path) -> Path:
    """A page, then a record of 300 MB of zeros (0.3 MB gzipped), then a page."""
    from warcio.warcwriter import WARCWriter

    path = folder / "bomb.warc.gz"
    with open(path, "wb") as out:
        out.write(_warc())
        writer = WARCWriter(out, gzip=True)
        zeros = io.BufferedReader(io.BytesIO(bytes(300 * MB)))
        writer.write_record(writer.create_warc_record(
            "https://example.com/zeros.bin", "resource", payload=zeros, length=300 * MB,
            warc_content_type="application/octet-stream"))
        out.write(_warc())
    return path


def _gzip_bomb(folder: Path) -> Path:
    path = folder / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as f:
        block = bytes(MB)
        for _ in range(1024):
            f.write(block)
    return path


def outcome(items: list, target: str) -> str:
    """Give what became of the hostile input: stored / flagged, and each rejection's reason."""
    mine = [i for i in items if i.origin.startswith(target)]
    stored = [i for i in mine if isinstance(i, Article)]
    flags = sorted({f.split("=")[0] for a in stored for f in a.flags if f != "no_date"})
    parts = []
    if stored:
        parts.append(f"{'flagged' if flags else 'stored'} {len(stored)}"
                     + (f" ({', '.join(flags)})" if flags else ""))
    parts += [f"rejected: {i.reason}" for i in mine if not isinstance(i, Article)]
    return "; ".join(parts) or "nothing"


def _warm() -> None:
    """Load what the first read loads once (trafilatura, charset-normalizer, the language
    model), so that no class is charged for it."""
    with tempfile.TemporaryDirectory() as tmp:
        for build in (_write("a.txt", "Tarifs\n\nLes tarifs du ferry ont augmenté lundi, a "
                                      "déclaré le conseil du port.\n".encode("cp1252")),
                      _write("b.html", _warc())):
            list(read_paths([build(Path(tmp))]))


def _row(label: str, seconds: float, peak_mb: float, kept: bool, said: str) -> None:
    print(f"{label:<42} {seconds:6.2f}s {peak_mb:7.1f}MB  {'yes' if kept else 'NO':<9}"
          f"  {said[:150]}")


def main() -> None:
    from hostile_cli import CLI_CLASSES, run_class

    _warm()
    print(f"{'class':<42} {'time':>7} {'peak':>9}  good kept  outcome")
    for label, build in CLASSES:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
            target = build(folder)
            tracemalloc.start()
            start = time.perf_counter()
            items = list(read_paths([folder / "good.txt", target], Limits()))
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            kept = any(isinstance(i, Article) and i.origin.endswith("good.txt") for i in items)
            _row(label, elapsed, peak / MB, kept, outcome(items, str(target)))
    print("through the command line (peak: the largest process's RSS, spaCy's model included)")
    for label, build in CLI_CLASSES:
        with tempfile.TemporaryDirectory() as tmp:
            said, kept, seconds, peak_mb = run_class(build, Path(tmp))
            _row(label, seconds, peak_mb, kept, said)


if __name__ == "__main__":
    main()
