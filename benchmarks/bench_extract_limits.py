"""Time and peak memory of the extractor on hostile articles, each in a fresh process.

    python benchmarks/bench_extract_limits.py

Prints, for each input: its size, the statements given, the flags of the bounds it reached
(newsquotes/extract/limits.py), the time of the extraction and the process's peak memory
(the spaCy model loaded beforehand, about 190 MB, included).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAD = "Ana Pell said on Monday that the plan was late.\n"
CASES = {
    "5 MB line after an opening quote": 'LEAD + "Pell said: “" + "word " * 1_000_000',
    "1 MB line after an opening quote": 'LEAD + "Pell said: “" + "word " * 200_000',
    "10,000 quotes with cues (360 KB)": '"\\n".join(f"“We will go number {i} today,” Pell said."'
                                        ' if i % 2 else f"He added “yes {i}” and left."'
                                        ' for i in range(10_000))',
    "100 KB unpunctuated sentence": 'LEAD + "Pell said " + "and then the word " * 5_600',
    "5 MB of ordinary cue sentences": '"Ana Pell said the vote was close. " * 150_000',
}
_RUN = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from newsquotes.extract import pipeline
LEAD = {lead!r}
text = {expr}
pipeline.load_parser(); pipeline.load_parser(pipeline._NER_DISABLE)
t = time.perf_counter()
(found,) = pipeline.extract_texts([text])
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"chars": len(text), "statements": len(found.statements),
                  "flags": found.flags, "seconds": seconds, "peak_mb": peak}}))
"""


def main() -> None:
    print(f"{'input':36} {'chars':>9} {'stmts':>6} {'time s':>7} {'peak MB':>8}  flags")
    for name, expr in CASES.items():
        code = _RUN.format(root=str(ROOT), lead=LEAD, expr=expr)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{name:36} {r['chars']:>9,} {r['statements']:>6} {r['seconds']:>7.1f} "
              f"{r['peak_mb']:>8.0f}  {', '.join(r['flags']) or '-'}")


if __name__ == "__main__":
    main()
