"""Throughput of statement extraction, against textacy's `direct_quotations` on the same texts.

Reads the polnear-dev article texts from ../shared/eval beside the repository at run time
(never copied into it). textacy is a benchmark-only comparison, not a dependency: it gets the
full en_core_web_sm pipeline per paragraph, which is how its quotation extractor is used.

    python benchmarks/bench_extract.py [--articles 200] [--no-textacy]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.batch import extract_many  # noqa: E402
from newsquotes.extract.pipeline import load_parser  # noqa: E402
from newsquotes.nlp import load_model  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"


def _texts(n: int) -> list[str]:
    out = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def _report(name: str, seconds: float, texts: list[str], found: int) -> float:
    words = sum(len(t.split()) for t in texts)
    print(f"{name:34} {seconds:7.1f} s  {len(texts) / seconds:7.1f} articles/s  "
          f"{words / seconds:9.0f} tokens/s  {found:6d} statements")
    return len(texts) / seconds


def _textacy(texts: list[str]) -> tuple[float, int]:
    from textacy.extract.triples import direct_quotations

    nlp = load_model()
    t0 = time.perf_counter()
    found = 0
    paras = [p for t in texts for p in t.split("\n") if p.strip()]
    for doc in nlp.pipe(paras, batch_size=64):
        # textacy bails out on a paragraph with an unclosed quotation
        with contextlib.suppress(ValueError):
            found += sum(1 for _ in direct_quotations(doc))
    return time.perf_counter() - t0, found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args()
    texts = _texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} polnear-dev articles, {words} whitespace tokens")
    load_parser()  # load once, outside the timings
    rates = {}
    for n_process in (1, 2):
        t0 = time.perf_counter()
        found = sum(len(s) for s in extract_many(texts, n_process=n_process))
        rates[n_process] = _report(f"newsquotes extract (n_process={n_process})",
                                   time.perf_counter() - t0, texts, found)
    if not args.no_textacy:
        seconds, found = _textacy(texts)
        base = _report("textacy 0.13 direct_quotations", seconds, texts, found)
        print(f"speed-up: {rates[1] / base:.1f}x (one process), {rates[2] / base:.1f}x (two)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
