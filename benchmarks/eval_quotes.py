"""Measure the extractor against the shared gold: polnear-dev and the seed article.

Reads ../shared/eval beside the repository (never copied into it), writes predictions to a
temporary folder, runs the shared scorer and prints its covered and speaker rows.

    python benchmarks/eval_quotes.py [--limit N] [--full]

On polnear-dev-names (60 of the polnear-dev articles, each relation's speaker the canonical
name of who it is) it prints the speaker accuracy by the kind of the gold mention: names,
pronouns, descriptions ("the senator") and quotes with no attribution of their own; once per
article (the extractor's own output) and once after settling names over all polnear-dev
articles (what a dashboard user sees).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from newsquotes.batch import extract_jsonl  # noqa: E402
from newsquotes.speakers.corpus import canonicalize  # noqa: E402

# ../shared/eval beside the repository (a worktree sits one folder deeper), or $NEWSQUOTES_EVAL
EVAL = Path(os.environ.get("NEWSQUOTES_EVAL") or next(
    (p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval"))
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their",
            "its", "us", "me", "our", "my"}
MENTION_KINDS = ("names", "pronouns", "descriptions", "no attribution")
ROWS = ("covered/direct", "covered/direct+mixed", "covered/speech-cue", "covered/all")


def _score(gold: Path, pred: Path, full: bool) -> str:
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), str(gold), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    if full:
        return out
    keep = [ln for ln in out.splitlines()
            if ln.startswith(("subset",) + ROWS) or ln.startswith("speaker")]
    return "\n".join(keep)


def _scorer():
    """Give the shared scorer as a module (it is a script beside the data, not a package)."""
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mention_kind(score, quote: dict) -> str:
    """Give the kind of a gold relation's own mention of its speaker."""
    mention = (quote.get("speaker_mention") or "").strip()
    if not mention:
        return "no attribution"
    if mention.lower() in PRONOUNS:
        return "pronouns"
    return "names" if score.name_like({"speaker_mention": mention}) else "descriptions"


def names_by_kind(gold_path: Path, pred_path: Path) -> dict[str, tuple[int, int]]:
    """Give {mention kind or "all": (right, n)} over the strictly matched pairs whose gold
    names a speaker, judged by the scorer's own speaker rule."""
    score = _scorer()
    gold, pred = score.load(str(gold_path)), score.load(str(pred_path))
    tally = {kind: [0, 0] for kind in (*MENTION_KINDS, "all")}
    for did, record in gold.items():
        gq, pq = record["quotes"], (pred.get(did) or {}).get("quotes", [])
        for gi, pi, _ in score.match_doc(gq, pq, record["text"], 0.5):
            ref = gq[gi].get("speaker") or gq[gi].get("speaker_mention")
            if not ref:
                continue
            right = int(score.speaker_ok(pq[pi], gq[gi], ref))
            for kind in (_mention_kind(score, gq[gi]), "all"):
                tally[kind][0] += right
                tally[kind][1] += 1
    return {kind: (right, n) for kind, (right, n) in tally.items()}


def _names_line(label: str, tally: dict[str, tuple[int, int]]) -> str:
    cells = [f"{kind} {right / n:.3f} (n={n})" if n else f"{kind} - (n=0)"
             for kind, (right, n) in tally.items()]
    return f"  {label:22} " + ", ".join([cells[-1], *cells[:-1]])


def settled_predictions(pred_path: Path, out_path: Path) -> None:
    """Write the predictions with each speaker settled across all their articles."""
    records = [json.loads(line) for line in pred_path.read_text(encoding="utf-8").splitlines()]
    rows = [{"article_id": r["id"], "n": i, **q} for r in records
            for i, q in enumerate(r["quotes"])]
    frame = pd.DataFrame(rows, columns=["article_id", "n", "speaker", "speaker_type",
                                        "speaker_mention", "affiliation"])
    frame = canonicalize(frame)
    by_quote = dict(zip(zip(frame["article_id"], frame["n"], strict=True), frame["speaker"],
                        strict=True))
    with out_path.open("w", encoding="utf-8") as out:
        for r in records:
            quotes = [{**q, "speaker": by_quote[r["id"], i]} for i, q in enumerate(r["quotes"])]
            out.write(json.dumps({**r, "quotes": quotes}, ensure_ascii=False) + "\n")


def _names_report(pred_path: Path, tmp: Path) -> str:
    """Give the by-mention-kind lines of polnear-dev-names, per article and settled."""
    gold = EVAL / "polnear-dev-names.jsonl"
    settled = tmp / "polnear_settled.jsonl"
    settled_predictions(pred_path, settled)
    return "\n".join([f"== speaker by mention kind ({gold.name})",
                      _names_line("per article:", names_by_kind(gold, pred_path)),
                      _names_line("settled over corpus:", names_by_kind(gold, settled))])


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
    ap.add_argument("--keep", type=Path, help="write the predictions into this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = args.keep or Path(tmp)
        tmp.mkdir(parents=True, exist_ok=True)
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
        if not args.limit:
            print(_names_report(tmp / "polnear_pred.jsonl", tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
