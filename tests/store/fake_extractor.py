"""A fast stand-in for the spaCy extractor: each “quoted span” is a direct statement by the
name after it ("said X Y."), so the store's bookkeeping is tested, not extraction quality."""

from __future__ import annotations

import re
import time

from newsquotes.extract.pipeline import Extraction
from newsquotes.records import Statement

QUOTE = re.compile(r"“([^”]+)”,? said ([A-Z]\w+(?: [A-Z]\w+)?)")


def extract_many(texts, n_process=1, delay=0.0):
    """Give the fake statements of each text (after `delay` seconds a text)."""
    out = []
    for text in texts:
        time.sleep(delay)
        out.append([Statement(start=m.start(1), end=m.end(1), text=m.group(1), kind="direct",
                              cue="said", speaker=m.group(2), speaker_mention=m.group(2),
                              speaker_type="person") for m in QUOTE.finditer(text)])
    return out


def extract_texts(texts, n_process=1, delay=0.0):
    """Give the fake statements of each text with no bound reached (`batch.extract_texts`)."""
    return [Extraction(found, []) for found in extract_many(texts, n_process, delay)]


def story(i: int) -> str:
    """Give the text file of story `i`: two statements, one by a name seen in other stories."""
    return (f"Ferry story {i}\n\nHarbour\n\nMarch {1 + i % 27}, 2022\n\n"
            f"“Fares will rise by {i} percent on the northern route,” said Alva Strand. "
            f"“We cannot accept route {i} closing this winter,” said Strand.\n")


def write_stories(folder, n: int) -> None:
    """Write `n` small story files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story{i:04d}.txt").write_text(story(i), encoding="utf-8")
