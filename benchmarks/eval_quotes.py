"""Measure the extractor against the shared gold: polnear-dev and the seed article.

Reads ../shared/eval beside the repository (never copied into it), writes predictions to a
temporary folder, runs the shared scorer and prints its covered and speaker rows.

    python benchmarks/eval_quotes.py [--limit N] [--full]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsquotes.batch import extract_jsonl  # noqa: E402

# ../shared/eval beside the repository (or beside the folder of worktrees holding it)
EVAL = next((p for p in (ROOT.parent / "shared" / "eval", ROOT.parents[1] / "shared" / "eval")
             if p.is_dir()), ROOT.parent / "shared" / "eval")
# What a gold speaker mention is, for the name-level breakdown.
_PRONOUNS = {"he", "she", "i", "we", "they", "it", "his", "her", "him", "you", "their", "its",
             "who"}
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


def _mention_kind(mention: str, non_name: set[str]) -> str:
    """Give "pronoun", "name" or "description" for a gold speaker mention."""
    mention = (mention or "").strip()
    if mention.lower() in _PRONOUNS:
        return "pronoun"
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019.-]*", mention)
    if any(w[0].isupper() and w.lower().strip(".'\u2019") not in non_name for w in words):
        return "name"
    return "description"


def _by_mention(gold_path: Path, pred_path: Path) -> str:
    """Give the name-level speaker accuracy (strict matches) by the kind of gold mention."""
    sys.path.insert(0, str(EVAL))
    import score  # the shared scorer's own matching and speaker rule

    gold, pred = score.load(str(gold_path)), score.load(str(pred_path))
    tally: dict[str, list[int]] = {}
    for did, g in gold.items():
        gq, pq = g.get("quotes", []), (pred.get(did) or {}).get("quotes", [])
        for gi, pi, _ in score.match_doc(gq, pq, g["text"], 0.5):
            ref = gq[gi].get("speaker") or gq[gi].get("speaker_mention")
            if ref:
                t = tally.setdefault(_mention_kind(gq[gi].get("speaker_mention"),
                                                   score.NON_NAME), [0, 0])
                t[0] += score.speaker_ok(pq[pi], gq[gi], ref)
                t[1] += 1
    n, ok = sum(t[1] for t in tally.values()), sum(t[0] for t in tally.values())
    return f"name-level speaker accuracy: all {ok / max(n, 1):.3f} (n={n}) | " + " | ".join(
        f"{k} {t[0] / t[1]:.3f} (n={t[1]})" for k, t in sorted(tally.items()))


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

        names = EVAL / "polnear-dev-names.jsonl"
        extract_jsonl(names, tmp / "names_pred.jsonl")
        print(f"== {names.name} (speakers as canonical names)")
        print(_by_mention(names, tmp / "names_pred.jsonl"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
