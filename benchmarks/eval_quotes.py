"""Measure the extractor against the shared gold: polnear-dev and the seed article.

Reads ../shared/eval beside the repository (never copied into it), writes predictions to a
temporary folder, runs the shared scorer and prints its covered and speaker rows.

    python benchmarks/eval_quotes.py [--limit N] [--full]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.batch import extract_jsonl  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
ROWS = ("covered/direct", "covered/direct+mixed", "covered/speech-cue", "covered/all")


def _score(gold: Path, pred: Path, full: bool) -> str:
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    if full:
        return out
    keep = [ln for ln in out.splitlines()
            if ln.startswith(("subset",) + ROWS) or ln.startswith("speaker")]
    return "\n".join(keep)


def _seed_report(gold_path: Path, pred_path: Path) -> str:
    """Give one line per gold seed statement: found or not, and the predicted speaker."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pred = json.loads(pred_path.read_text(encoding="utf-8").splitlines()[0])["quotes"]
    lines, used = [], set()
    for g in gold["quotes"]:
        hit = None
        for i, p in enumerate(pred):
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if inter > 0.5 * (g["end"] - g["start"]):
                hit = i
        tag = "optional" if g.get("optional") else "REQUIRED"
        if hit is None:
            lines.append(f"  MISSING {tag:8} {g['speaker']!r:18} {g['text'][:50]!r}")
        else:
            used.add(hit)
            p = pred[hit]
            ok = "ok " if p["speaker"] == g["speaker"] else "BAD"
            lines.append(f"  found {ok} {tag:8} {p['speaker']!r:18} <- {p['speaker_mention']!r}"
                         f" {g['text'][:40]!r}")
    for i, p in enumerate(pred):
        if i not in used:
            lines.append(f"  EXTRA {p['kind']} {p['speaker']!r} {p['text'][:60]!r}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N polnear articles")
    ap.add_argument("--full", action="store_true", help="print every scorer row")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seed = json.loads((EVAL / "seed_gold.json").read_text(encoding="utf-8"))
        seed_in, seed_gold = tmp / "seed.jsonl", tmp / "seed_gold.jsonl"
        seed_in.write_text(json.dumps({"id": seed["id"], "text": seed["text"]}) + "\n")
        seed_gold.write_text(json.dumps(seed) + "\n")
        extract_jsonl(seed_in, tmp / "seed_pred.jsonl")
        print("== seed (gold includes the optional statements)")
        print(_score(seed_gold, tmp / "seed_pred.jsonl", args.full))
        print(_seed_report(EVAL / "seed_gold.json", tmp / "seed_pred.jsonl"))

        gold = EVAL / "polnear-dev.jsonl"
        if args.limit:
            lines = gold.read_text(encoding="utf-8").splitlines()[: args.limit]
            gold = tmp / "polnear.jsonl"
            gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
        extract_jsonl(gold, tmp / "polnear_pred.jsonl")
        print(f"== polnear-dev ({gold.name})")
        print(_score(gold, tmp / "polnear_pred.jsonl", args.full))
    return 0


if __name__ == "__main__":
    sys.exit(main())
